// A claim: one checkable statement of a theorem, with the measured value, the prediction, the rule
// that compares them and the verdict (STYLE.md G4, issue 2 §2). Claims are the unit the verification
// summary, the figures' annotations and the paper's tables are built from. Rules fill claims
// (theory/verdict/verdict_rules.h); the front end serialises them (scenarios/cli/claim_report.h).
// `details` holds rule-specific numbers as a JSON value (header-only nlohmann::json, a data type).
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace memgen::theory {

enum class Verdict { kPass, kFail, kInconclusive };
std::string VerdictToString(Verdict verdict);

struct Claim {
  std::string id;         ///< e.g. "BO-E0.V.n100.d200"
  std::string statement;  ///< one line, what the theorem says
  std::string source;     ///< paper, theorem, equation
  std::string kind;       ///< ORACLE, DE, THETA-BAND, THETA-SLOPE, ONE-SIDED, EXACT, ...
  double measured = 0.0;
  double measured_lo = 0.0;  ///< interval on the measured value (see `interval`)
  double measured_hi = 0.0;
  std::string interval;   ///< e.g. "mean -/+ 4 SE"
  double predicted = 0.0;
  double predicted_lo = 0.0;  ///< the band the rule accepts
  double predicted_hi = 0.0;
  std::string rule;       ///< the decision rule, in words with its numbers
  double false_failure_rate = 0.0;  ///< probability of FAIL when the claim is true (0: exact)
  Verdict verdict = Verdict::kInconclusive;
  std::string reason = "not evaluated";
  nlohmann::json details = nlohmann::json::object();
};


}  // namespace memgen::theory
