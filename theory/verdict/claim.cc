// Verdict and kind names, and Decide, see claim.h and decide.h.
#include "theory/verdict/claim.h"

#include <cmath>

#include "theory/verdict/decide.h"
#include "theory/verdict/verdict_rules.h"

namespace memgen::theory {

std::string VerdictToString(Verdict verdict) {
  switch (verdict) {
    case Verdict::kPass: return "PASS";
    case Verdict::kFail: return "FAIL";
    case Verdict::kInconclusive: return "INCONCLUSIVE";
    case Verdict::kRefuted: return "REFUTED";
  }
  return "INCONCLUSIVE";
}

std::string ClaimKindToString(ClaimKind kind) {
  switch (kind) {
    case ClaimKind::kOracle: return "ORACLE";
    case ClaimKind::kDe: return "DE";
    case ClaimKind::kTolerance: return "TOLERANCE";
    case ClaimKind::kBand: return "THETA-BAND";
    case ClaimKind::kSlope: return "THETA-SLOPE";
    case ClaimKind::kOneSided: return "ONE-SIDED";
    case ClaimKind::kMonotone: return "MONOTONE";
    case ClaimKind::kBound: return "BOUND";
    case ClaimKind::kDifference: return "DIFFERENCE";
    case ClaimKind::kOrdering: return "PAIRED-ORDER";
    case ClaimKind::kBinomial: return "BINOMIAL";
    case ClaimKind::kExactTest: return "EXACT-TEST";
    case ClaimKind::kWorstZ: return "WORST-Z";
    case ClaimKind::kBracket: return "BRACKET";
    case ClaimKind::kExact: return "EXACT";
    case ClaimKind::kAllOf: return "ALL-OF";
  }
  return "EXACT";
}

bool AsExpected(const Claim& claim) { return claim.verdict() != Verdict::kFail; }

class RuleAccess {
 public:
  static Claim Make(const ClaimHeader& header, const ClaimDraft& d, Verdict verdict, const std::string& reason) {
    Claim c;
    c.id_ = header.id;
    c.statement_ = header.statement;
    c.source_ = header.source;
    c.expectation_ = header.expectation;
    c.numbers_ = d;  // the numbers and rule, without the draft's reason and details
    c.verdict_ = verdict;
    c.reason_ = reason;
    c.details = d.details;
    return c;
  }
};

namespace {

Verdict FromOutcome(Outcome outcome, Expectation expectation) {
  if (outcome == Outcome::kUndecided) return Verdict::kInconclusive;
  const bool holds = outcome == Outcome::kHolds;
  if (expectation == Expectation::kHolds) return holds ? Verdict::kPass : Verdict::kFail;
  return holds ? Verdict::kFail : Verdict::kRefuted;
}

}  // namespace

Claim Decide(const ClaimHeader& header, const ClaimDraft& draft, Outcome outcome) {
  std::string reason = draft.reason;
  if (!header.unmet_preconditions.empty()) {
    std::string unmet;
    for (const std::string& r : header.unmet_preconditions) unmet += (unmet.empty() ? "" : "; ") + r;
    return RuleAccess::Make(header, draft, Verdict::kInconclusive, unmet + "; " + reason);
  }
  // A rule that holds without the power to see the effect is no evidence; a significant violation is.
  const bool underpowered = std::isfinite(header.effect) && !(draft.detectable_deviation <= header.effect);
  if (underpowered && outcome == Outcome::kHolds) {
    return RuleAccess::Make(header, draft, Verdict::kInconclusive,
                            "too few trials to decide: detectable deviation " + Num(draft.detectable_deviation) +
                                " > effect " + Num(header.effect) + "; " + reason);
  }
  const Verdict verdict = FromOutcome(outcome, header.expectation);
  if (verdict == Verdict::kFail && header.expectation == Expectation::kRefuted)
    reason = "expected a refutation, but the claim holds; " + reason;
  return RuleAccess::Make(header, draft, verdict, reason);
}

}  // namespace memgen::theory
