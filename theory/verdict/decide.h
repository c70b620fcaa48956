// The one place a claim's verdict is set: the rules of theory/verdict/ fill a ClaimDraft with the
// numbers and the rule, and Decide turns the rule's outcome into the verdict (claim.h's table),
// after the header's preconditions and the power check (detectable deviation ≤ effect). Only
// theory/verdict/*.cc may include this header (cmake/memgen_layers.cmake).
#pragma once

#include <string>

#include "theory/verdict/claim.h"

namespace memgen::theory {

enum class Outcome { kHolds, kViolated, kUndecided };

struct ClaimDraft : ClaimNumbers {
  std::string reason;  ///< the numbers behind the outcome
  nlohmann::json details = nlohmann::json::object();
};

Claim Decide(const ClaimHeader& header, const ClaimDraft& draft, Outcome outcome);

// z_{0.9}: a one-sided normal test at threshold z detects a true deviation of (z + z_{0.9}) SE with
// probability 0.9 (the other tail neglected).
inline constexpr double kPowerQuantile = 1.2815515655446004;

}  // namespace memgen::theory
