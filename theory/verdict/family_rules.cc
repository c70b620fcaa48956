// Rules over families of measurements, see family_rules.h.
#include "theory/verdict/family_rules.h"

#include <boost/math/distributions/normal.hpp>

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

Claim WorstZClaim(const ClaimHeader& header, const std::vector<PredictedMean>& family, double z) {
  ClaimDraft c = Start(ClaimKind::kWorstZ);
  double worst = 0.0, rate = 0.0, widest = 0.0;
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
    rate += TwoSidedTail(z, f.measured.count);
    widest = std::max(widest, f.measured.se);
  }
  c.measured = c.measured_lo = c.measured_hi = worst;
  c.interval = "max over " + std::to_string(family.size()) + " cells of |mean - exact| / SE";
  c.predicted = 0.0;
  c.predicted_lo = 0.0;
  c.predicted_hi = z;
  c.rule = "max |mean - exact| / SE <= " + Num(z);
  c.false_failure_rate = std::min(1.0, rate);
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

Claim BracketClaim(const ClaimHeader& header, const std::vector<SignedPoint>& points, double threshold, double z) {
  ClaimDraft c = Start(ClaimKind::kBracket);
  double below = -INFINITY, above = INFINITY;  // significant evidence on the correct side
  std::string wrong;
  double widest = 0.0;
  for (const SignedPoint& p : points) {
    const bool negative = p.value.mean + z * p.value.se < 0.0, positive = p.value.mean - z * p.value.se > 0.0;
    if (p.x < threshold && negative) below = std::max(below, p.x);
    if (p.x > threshold && positive) above = std::min(above, p.x);
    if ((p.x < threshold && positive) || (p.x > threshold && negative)) wrong += " " + Num(p.x);
    widest = std::max(widest, p.value.se);
  }
  c.measured = threshold;
  c.measured_lo = below;
  c.measured_hi = above;
  c.interval = "largest x with value significantly < 0, smallest x with value significantly > 0 (" + Num(z) + " SE)";
  c.predicted = c.predicted_lo = c.predicted_hi = threshold;
  c.rule = "PASS: some x < threshold significantly negative and some x > threshold significantly positive, none "
           "significantly on the wrong side; FAIL: a point significantly on the wrong side";
  c.false_failure_rate = std::min(1.0, static_cast<double>(points.size()) * OneSidedTail(z));
  c.detectable_deviation = (z + kPowerQuantile) * widest;  // in the value's units, at the widest point
  Outcome outcome = Outcome::kUndecided;
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
                         RateSide side, double confidence) {
  ClaimDraft c = Start(ClaimKind::kBinomial);
  const Interval ci = trials > 0 ? ClopperPearson(count, trials, confidence) : Interval{0.0, 1.0};
  const double p = trials > 0 ? static_cast<double>(count) / static_cast<double>(trials) : NAN;
  c.measured = p;
  c.measured_lo = ci.lo;
  c.measured_hi = ci.hi;
  c.interval = "Clopper-Pearson " + Num(confidence) + " (" + std::to_string(count) + " of " + std::to_string(trials) + ")";
  c.predicted = rate;
  const bool at_most = side == RateSide::kAtMost;
  c.predicted_lo = at_most ? 0.0 : rate;
  c.predicted_hi = at_most ? rate : 1.0;
  c.rule = at_most ? "Clopper-Pearson lower end <= " + Num(rate) : "Clopper-Pearson upper end >= " + Num(rate);
  c.false_failure_rate = 0.5 * (1.0 - confidence);  // one end of the central interval
  // Normal approximation of the exact test's power at p₀: (z + z_0.9) √(p₀(1 − p₀)/T), with z the
  // quantile of one end of the central interval.
  const double z = boost::math::quantile(boost::math::normal(), 0.5 * (1.0 + confidence));
  const double sd = trials > 0 ? std::sqrt(rate * (1.0 - rate) / static_cast<double>(trials)) : INFINITY;
  c.detectable_deviation = (z + kPowerQuantile) * sd;
  const bool holds = at_most ? ci.lo <= rate : ci.hi >= rate;
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
