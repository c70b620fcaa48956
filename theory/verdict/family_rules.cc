// Rules over families of measurements, see family_rules.h.
#include "theory/verdict/family_rules.h"

#include <algorithm>
#include <cmath>

#include "theory/stats/proportion_interval.h"
#include "theory/verdict/decide.h"

namespace memgen::theory {
namespace {

ClaimDraft Start(ClaimKind kind) {
  ClaimDraft draft;
  draft.kind = kind;
  return draft;
}

bool Finite(const MeanSe& m) { return std::isfinite(m.mean) && std::isfinite(m.se); }

}  // namespace

Claim WorstZClaim(const ClaimHeader& header, const std::vector<PredictedMean>& family, TestSize size) {
  ClaimDraft c = Start(ClaimKind::kWorstZ);
  std::size_t fewest = family.empty() ? 0 : family.front().measured.count;
  for (const PredictedMean& f : family) fewest = std::min(fewest, f.measured.count);
  // One critical value for every cell, at the fewest trials: each cell's rate is at most size / cells.
  const double z = CriticalValue(size.Split(family.size()), fewest, Tails::kTwo);
  double worst = 0.0, widest = 0.0;
  std::size_t where = 0;
  bool finite = !family.empty();
  for (std::size_t i = 0; i < family.size(); ++i) {
    const PredictedMean& f = family[i];
    finite = finite && Finite(f.measured) && f.measured.se > 0.0 && f.measured.count >= 2 && std::isfinite(f.predicted);
    const double score = std::fabs(f.measured.mean - f.predicted) / f.measured.se;
    if (score > worst) {
      worst = score;
      where = i;
    }
    widest = std::max(widest, f.measured.se);
  }
  c.measured = c.measured_lo = c.measured_hi = worst;
  c.interval = "max over " + std::to_string(family.size()) + " cells of |mean - exact| / SE";
  c.predicted = 0.0;
  c.predicted_lo = 0.0;
  c.predicted_hi = z;
  c.rule = "max |mean - exact| / SE <= " + Num(z);
  c.false_failure_rate = size.rate;
  c.detectable_deviation = (z + kPowerQuantile) * widest;
  c.reason = family.empty() ? "no cells" : "worst cell x = " + Num(family[where].x) + " at " + Num(worst) + " SE";
  c.details = {{"cells", family.size()}};
  Outcome outcome = worst <= z ? Outcome::kHolds : Outcome::kViolated;
  if (!finite) {
    outcome = Outcome::kUndecided;
    c.reason = "a cell with fewer than 2 trials, or a non-finite or zero SE; " + c.reason;
  }
  return Decide(header, c, outcome);
}

Claim BracketClaim(const ClaimHeader& header, const std::vector<SignedPoint>& points, double threshold,
                   TestSize size) {
  ClaimDraft c = Start(ClaimKind::kBracket);
  std::size_t fewest = points.empty() ? 0 : points.front().value.count;
  for (const SignedPoint& p : points) fewest = std::min(fewest, p.value.count);
  const double z = CriticalValue(size.Split(points.size()), fewest, Tails::kOne);
  double below = -INFINITY, above = INFINITY;  // significant evidence on the correct side
  std::string wrong, unsure;
  double widest = 0.0;
  for (const SignedPoint& p : points) {
    const bool negative = p.value.mean + z * p.value.se < 0.0, positive = p.value.mean - z * p.value.se > 0.0;
    if (p.x < threshold && negative) below = std::max(below, p.x);
    if (p.x > threshold && positive) above = std::min(above, p.x);
    if ((p.x < threshold && positive) || (p.x > threshold && negative)) wrong += " " + Num(p.x);
    if (!negative && !positive) unsure += " " + Num(p.x);
    widest = std::max(widest, p.value.se);
  }
  c.measured = threshold;
  c.measured_lo = below;
  c.measured_hi = above;
  c.interval = "largest x with value significantly < 0, smallest x with value significantly > 0 (" + Num(z) + " SE)";
  c.predicted = c.predicted_lo = c.predicted_hi = threshold;
  c.false_failure_rate = size.rate;
  c.detectable_deviation = (z + kPowerQuantile) * widest;  // in the value's units, at the widest point
  Outcome outcome = Outcome::kUndecided;
  if (std::isinf(threshold)) {
    // No sign change is possible: the sign holds everywhere (negative for +∞, positive for −∞).
    c.rule = std::string("PASS: every point significantly ") + (threshold > 0 ? "negative" : "positive") +
             "; FAIL: a point significantly on the other side";
    if (!wrong.empty()) {
      outcome = Outcome::kViolated;
      c.reason = "significantly on the wrong side at x =" + wrong;
    } else if (unsure.empty() && !points.empty()) {
      outcome = Outcome::kHolds;
      c.reason = std::string("significantly ") + (threshold > 0 ? "negative" : "positive") + " at all " +
                 std::to_string(points.size()) + " points (threshold " + Num(threshold) + ")";
    } else {
      c.reason = "no significant sign at x =" + unsure;
    }
    return Decide(header, c, outcome);
  }
  c.rule = "PASS: some x < threshold significantly negative and some x > threshold significantly positive, none "
           "significantly on the wrong side; FAIL: a point significantly on the wrong side";
  if (!wrong.empty()) {
    outcome = Outcome::kViolated;
    c.reason = "significantly on the wrong side of " + Num(threshold) + " at x =" + wrong;
  } else if (std::isfinite(below) && std::isfinite(above)) {
    outcome = Outcome::kHolds;
    c.reason = "negative up to x = " + Num(below) + ", positive from x = " + Num(above) + "; threshold " + Num(threshold);
  } else {
    c.reason = std::string("no significant evidence ") + (std::isfinite(below) ? "above" : "below") +
               " the threshold " + Num(threshold);
  }
  return Decide(header, c, outcome);
}

Claim BinomialBoundClaim(const ClaimHeader& header, std::int64_t count, std::int64_t trials, double rate,
                         RateSide side, TestSize size) {
  ClaimDraft c = Start(ClaimKind::kBinomial);
  const bool two_sided = side == RateSide::kEqual;
  // Each end of the central interval at `confidence` has rate (1 − confidence)/2.
  const double confidence = 1.0 - (two_sided ? size.rate : 2.0 * size.rate);
  const Interval ci = trials > 0 ? ClopperPearson(count, trials, confidence) : Interval{0.0, 1.0};
  const double p = trials > 0 ? static_cast<double>(count) / static_cast<double>(trials) : NAN;
  c.measured = p;
  c.measured_lo = ci.lo;
  c.measured_hi = ci.hi;
  c.interval = "Clopper-Pearson " + Num(confidence) + " (" + std::to_string(count) + " of " + std::to_string(trials) + ")";
  c.predicted = rate;
  c.predicted_lo = side == RateSide::kAtLeast ? rate : 0.0;
  c.predicted_hi = side == RateSide::kAtMost ? rate : 1.0;
  if (two_sided) c.predicted_lo = c.predicted_hi = rate;
  const bool lo_ok = ci.lo <= rate, hi_ok = ci.hi >= rate;
  const bool holds = side == RateSide::kAtMost ? lo_ok : side == RateSide::kAtLeast ? hi_ok : lo_ok && hi_ok;
  c.rule = side == RateSide::kAtMost    ? "Clopper-Pearson lower end <= " + Num(rate)
           : side == RateSide::kAtLeast ? "Clopper-Pearson upper end >= " + Num(rate)
                                        : "Clopper-Pearson interval contains " + Num(rate);
  c.false_failure_rate = size.rate;
  // Normal approximation of the exact test's power at p₀: (z + z_0.9) √(p₀(1 − p₀)/T), with z the
  // quantile of one end of the central interval.
  const double z = CriticalValue(TestSize{1.0 - confidence}, 0, Tails::kTwo);
  const double sd = trials > 0 ? std::sqrt(rate * (1.0 - rate) / static_cast<double>(trials)) : INFINITY;
  c.detectable_deviation = (z + kPowerQuantile) * sd;
  Outcome outcome = holds ? Outcome::kHolds : Outcome::kViolated;
  c.reason = std::to_string(count) + " of " + std::to_string(trials) + " (" + Num(p) + ") vs " + Num(rate);
  if (trials <= 0) {
    outcome = Outcome::kUndecided;
    c.reason = "no trials";
  }
  return Decide(header, c, outcome);
}

Claim ExactTestClaim(const ClaimHeader& header, const ExactTest& t) {
  ClaimDraft c = Start(ClaimKind::kExactTest);
  c.measured = c.measured_lo = c.measured_hi = t.measured;
  c.interval = "exact test statistic";
  c.predicted = c.predicted_lo = c.predicted_hi = t.predicted;
  c.rule = t.description + " >= " + Num(t.alpha);
  c.false_failure_rate = t.alpha;
  c.detectable_deviation = t.detectable_deviation;
  c.reason = "p = " + Num(t.p_value);
  c.details = {{"p_value", t.p_value}};
  Outcome outcome = t.p_value >= t.alpha ? Outcome::kHolds : Outcome::kViolated;
  if (!std::isfinite(t.p_value)) {
    outcome = Outcome::kUndecided;
    c.reason = "a non-finite p-value";
  }
  return Decide(header, c, outcome);
}

Claim AllOfClaim(const ClaimHeader& header, const std::vector<Claim>& parts) {
  ClaimDraft c = Start(ClaimKind::kAllOf);
  bool fail = false, undecided = parts.empty();
  double rate = 0.0, deviation = 0.0;
  std::string rule, reason;
  for (const Claim& part : parts) {
    fail = fail || part.verdict() == Verdict::kFail;
    undecided = undecided || part.verdict() == Verdict::kInconclusive;
    rate += part.false_failure_rate();
    deviation = std::max(deviation, part.detectable_deviation());
    rule += (rule.empty() ? "" : " and ") + part.rule();
    reason += (reason.empty() ? "" : "; ") + part.reason();
  }
  if (!parts.empty()) {
    const Claim& first = parts.front();
    c.measured = first.measured();
    c.measured_lo = first.measured_lo();
    c.measured_hi = first.measured_hi();
    c.interval = first.interval();
    c.predicted = first.predicted();
    c.predicted_lo = first.predicted_lo();
    c.predicted_hi = first.predicted_hi();
    c.details = first.details;
  }
  c.rule = rule;
  c.false_failure_rate = std::min(1.0, rate);
  c.detectable_deviation = deviation;
  c.reason = reason;
  return Decide(header, c, fail ? Outcome::kViolated : undecided ? Outcome::kUndecided : Outcome::kHolds);
}

}  // namespace memgen::theory
