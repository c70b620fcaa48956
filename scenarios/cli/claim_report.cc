// Claim serialisation, see claim_report.h.
#include "scenarios/cli/claim_report.h"

#include <algorithm>
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
  return {{"id", claim.id()},
          {"statement", claim.statement()},
          {"source", claim.source()},
          {"kind", theory::ClaimKindToString(claim.kind())},
          {"expected", claim.expectation() == theory::Expectation::kRefuted ? "REFUTED" : "PASS"},
          {"measured", Number(claim.measured())},
          {"measured_lo", Number(claim.measured_lo())},
          {"measured_hi", Number(claim.measured_hi())},
          {"interval", claim.interval()},
          {"predicted", Number(claim.predicted())},
          {"predicted_lo", Number(claim.predicted_lo())},
          {"predicted_hi", Number(claim.predicted_hi())},
          {"rule", claim.rule()},
          {"false_failure_rate", claim.false_failure_rate()},
          {"detectable_deviation", Number(claim.detectable_deviation())},
          {"verdict", VerdictToString(claim.verdict())},
          {"reason", claim.reason()},
          {"details", claim.details}};
}

double FamilyWiseRate(const std::vector<Claim>& claims) {
  double rate = 0.0;
  for (const Claim& c : claims) rate += c.false_failure_rate();
  return std::min(1.0, rate);
}

std::vector<std::string> UnexpectedClaims(const std::vector<Claim>& claims) {
  std::vector<std::string> ids;
  for (const Claim& c : claims)
    if (!theory::AsExpected(c)) ids.push_back(c.id());
  return ids;
}

std::string BriefReport(const std::vector<Claim>& claims) {
  int count[4] = {0, 0, 0, 0};
  for (const Claim& c : claims) ++count[static_cast<int>(c.verdict())];
  std::string out = std::to_string(claims.size()) + " claims: " + std::to_string(count[0]) + " PASS, " +
                    std::to_string(count[1]) + " FAIL, " + std::to_string(count[2]) + " INCONCLUSIVE, " +
                    std::to_string(count[3]) + " REFUTED";
  std::string failed;
  for (const std::string& id : UnexpectedClaims(claims)) failed += " " + id;
  if (!failed.empty()) out += "; failed:" + failed;
  return out;
}

}  // namespace memgen::scenarios
