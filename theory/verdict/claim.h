// A claim: one checkable statement of a theorem, with the measured value, the prediction, the rule
// that compares them and the verdict (STYLE.md G4). Claims are the unit the verification summary,
// the figures' annotations and the paper's tables are built from.
//
// A claim is made only by a decision rule (theory/verdict/*_rules.h): its numbers, rule, kind,
// false-failure rate, detectable deviation and verdict are read-only afterwards, so no caller can
// turn an INCONCLUSIVE into a PASS or leave a two-sided rate on a one-sided rule. The rules build a
// claim through theory/verdict/decide.h, which the layer rule (cmake/memgen_layers.cmake) lets
// only theory/verdict/ include. `details` (numbers for figures and the paper, never read by a rule)
// and notes appended to the reason stay writable.
//
// The verdict of a rule's outcome depends on what the claim expects (ClaimHeader::expectation):
//   expectation   rule holds    rule violated   undecided
//   kHolds        PASS          FAIL            INCONCLUSIVE
//   kRefuted      FAIL          REFUTED         INCONCLUSIVE
// kRefuted marks a reading of the literature that memgen shows to be wrong: it reports REFUTED when
// the data refute it as expected, and FAIL (a regression) if it ever holds.
#pragma once

#include <nlohmann/json.hpp>

#include <limits>
#include <string>
#include <utility>
#include <vector>

namespace memgen::theory {

enum class Verdict { kPass, kFail, kInconclusive, kRefuted };
std::string VerdictToString(Verdict verdict);

// The rule family a claim was decided by (one per rule function).
enum class ClaimKind {
  kOracle,      ///< |mean − exact| ≤ z SE
  kDe,          ///< |mean − DE| ≤ z SE + δ|DE|
  kTolerance,   ///< |mean − prediction| ≤ tolerance + z SE
  kBand,        ///< Θ band: max/min ratio ≤ C
  kSlope,       ///< Θ slope: fitted log-log slope within bounds
  kOneSided,    ///< a series stays at least a level
  kMonotone,    ///< a series decreases
  kBound,       ///< a mean is at most / at least / above a level
  kDifference,  ///< a bound on a difference of two independent means
  kOrdering,    ///< a paired difference is negative
  kBinomial,    ///< a count against a rate (Clopper–Pearson)
  kExactTest,   ///< an exact test's p-value against its level
  kWorstZ,      ///< the worst |z| over a family of exact predictions
  kBracket,     ///< a sign change located between significant evidence on both sides
  kExact,       ///< a deterministic comparison
  kAllOf,       ///< a conjunction of claims
};
std::string ClaimKindToString(ClaimKind kind);

enum class Expectation { kHolds, kRefuted };

// What a rule needs besides the numbers: the claim's identity, its expectation, the effect the
// theory is about (in the prediction's units: a rule that holds although its detectable deviation
// exceeds the effect is INCONCLUSIVE, "too few trials to decide", while a significant violation
// still FAILs; infinity: no effect stated), and preconditions that must hold for any verdict (an
// unmet one makes the claim INCONCLUSIVE with its reason).
struct ClaimHeader {
  ClaimHeader() = default;
  ClaimHeader(std::string claim_id, std::string claim_statement, std::string claim_source)
      : id(std::move(claim_id)), statement(std::move(claim_statement)), source(std::move(claim_source)) {}

  std::string id;
  std::string statement;
  std::string source;
  Expectation expectation = Expectation::kHolds;
  double effect = std::numeric_limits<double>::infinity();
  std::vector<std::string> unmet_preconditions;

  ClaimHeader& Require(bool holds, const std::string& reason) {
    if (!holds) unmet_preconditions.push_back(reason);
    return *this;
  }
  ClaimHeader& ExpectRefuted() {
    expectation = Expectation::kRefuted;
    return *this;
  }
};

// A claim's numbers and rule, as a rule fills them (theory/verdict/decide.h).
struct ClaimNumbers {
  ClaimKind kind = ClaimKind::kExact;
  double measured = 0.0, measured_lo = 0.0, measured_hi = 0.0;
  std::string interval;
  double predicted = 0.0, predicted_lo = 0.0, predicted_hi = 0.0;
  std::string rule;
  double false_failure_rate = 0.0;
  double detectable_deviation = 0.0;
};

class Claim {
 public:
  const std::string& id() const { return id_; }                ///< e.g. "BO-E0.V.n100.d200"
  const std::string& statement() const { return statement_; }  ///< one line, what the theorem says
  const std::string& source() const { return source_; }        ///< paper, theorem, equation
  ClaimKind kind() const { return numbers_.kind; }
  Expectation expectation() const { return expectation_; }
  double measured() const { return numbers_.measured; }
  double measured_lo() const { return numbers_.measured_lo; }  ///< interval on the measured value
  double measured_hi() const { return numbers_.measured_hi; }
  const std::string& interval() const { return numbers_.interval; }  ///< e.g. "mean -/+ 4 SE"
  double predicted() const { return numbers_.predicted; }
  double predicted_lo() const { return numbers_.predicted_lo; }  ///< the band the rule accepts
  double predicted_hi() const { return numbers_.predicted_hi; }
  const std::string& rule() const { return numbers_.rule; }  ///< the decision rule, in words with its numbers
  /// Probability of FAIL when the claim is true (0: deterministic).
  double false_failure_rate() const { return numbers_.false_failure_rate; }
  /// The smallest violation (in the prediction's units) the rule detects with probability ≥ 0.9.
  double detectable_deviation() const { return numbers_.detectable_deviation; }
  Verdict verdict() const { return verdict_; }
  const std::string& reason() const { return reason_; }

  // Appends "; <note>" to the reason (an explanation, e.g. of a refuted reading); never a verdict.
  void AddNote(const std::string& note) { reason_ += "; " + note; }

  nlohmann::json details = nlohmann::json::object();  ///< numbers for figures and the paper

 private:
  friend class RuleAccess;  // theory/verdict/decide.h
  Claim() = default;

  std::string id_, statement_, source_;
  Expectation expectation_ = Expectation::kHolds;
  ClaimNumbers numbers_;
  Verdict verdict_ = Verdict::kInconclusive;
  std::string reason_;
};

// True when the verdict is what the claim expects (PASS for kHolds, REFUTED for kRefuted) or
// INCONCLUSIVE; false for FAIL.
bool AsExpected(const Claim& claim);

}  // namespace memgen::theory
