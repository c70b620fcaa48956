// Claim serialisation, see claim_report.h.
#include "scenarios/cli/claim_report.h"

#include <cmath>

#include "sim/io/csv_table.h"

namespace memgen::scenarios {
namespace {

using theory::Claim;
using theory::Verdict;
using theory::VerdictToString;

nlohmann::json Number(double value) {
  if (std::isfinite(value)) return value;
  return sim::FormatDouble(value);
}

}  // namespace

nlohmann::json ClaimToJson(const Claim& claim) {
  return {{"id", claim.id},
          {"statement", claim.statement},
          {"source", claim.source},
          {"kind", claim.kind},
          {"measured", Number(claim.measured)},
          {"measured_lo", Number(claim.measured_lo)},
          {"measured_hi", Number(claim.measured_hi)},
          {"interval", claim.interval},
          {"predicted", Number(claim.predicted)},
          {"predicted_lo", Number(claim.predicted_lo)},
          {"predicted_hi", Number(claim.predicted_hi)},
          {"rule", claim.rule},
          {"false_failure_rate", claim.false_failure_rate},
          {"verdict", VerdictToString(claim.verdict)},
          {"reason", claim.reason},
          {"details", claim.details}};
}

std::string BriefReport(const std::vector<Claim>& claims) {
  int pass = 0, fail = 0, inconclusive = 0;
  std::string failed;
  for (const Claim& c : claims) {
    if (c.verdict == Verdict::kPass) ++pass;
    if (c.verdict == Verdict::kFail) {
      ++fail;
      failed += " " + c.id;
    }
    if (c.verdict == Verdict::kInconclusive) ++inconclusive;
  }
  std::string out = std::to_string(claims.size()) + " claims: " + std::to_string(pass) + " PASS, " +
                    std::to_string(fail) + " FAIL, " + std::to_string(inconclusive) + " INCONCLUSIVE";
  if (!failed.empty()) out += "; failed:" + failed;
  return out;
}

}  // namespace memgen::scenarios
