// Verdict rules, see verdict_rules.h.
#include "theory/verdict/verdict_rules.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "theory/stats/power_law_fit.h"
#include "theory/verdict/decide.h"

namespace memgen::theory {

std::string Num(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof(buffer), "%.4g", value);
  return buffer;
}

namespace {

ClaimDraft Start(ClaimKind kind) {
  ClaimDraft draft;
  draft.kind = kind;
  return draft;
}

Outcome Holds(bool pass) { return pass ? Outcome::kHolds : Outcome::kViolated; }

// Marks the outcome undecided (a degenerate input), putting the reason before the numbers.
void Undecided(Outcome* outcome, ClaimDraft* draft, const std::string& why) {
  *outcome = Outcome::kUndecided;
  draft->reason = why + "; " + draft->reason;
}

bool AllFinite(const std::vector<MeanSe>& values) {
  return std::all_of(values.begin(), values.end(),
                     [](const MeanSe& v) { return std::isfinite(v.mean) && std::isfinite(v.se); });
}

bool AllExact(const std::vector<MeanSe>& values) {
  return std::all_of(values.begin(), values.end(), [](const MeanSe& v) { return v.se == 0.0; });
}

std::size_t MinCount(const std::vector<MeanSe>& values) {
  std::size_t m = values.empty() ? 0 : values.front().count;
  for (const auto& v : values) m = std::min(m, v.count);
  return m;
}

// A Monte Carlo estimate needs ≥ 2 trials and a finite SE to support a verdict.
bool Supported(const MeanSe& m) { return m.count >= 2 && std::isfinite(m.se) && std::isfinite(m.mean); }

// The claim's measured value and its interval `what` ± z SE over the T trials of `m`.
void SetMeanInterval(ClaimDraft* c, const MeanSe& m, double z, const std::string& what) {
  c->measured = m.mean;
  c->measured_lo = m.mean - z * m.se;
  c->measured_hi = m.mean + z * m.se;
  c->interval = what + " -/+ " + Num(z) + " SE (T = " + std::to_string(m.count) + ")";
}

// a − b of two independent means: SE √(SE_a² + SE_b²), the fewer trials of the two.
MeanSe Difference(const MeanSe& a, const MeanSe& b) {
  MeanSe d;
  d.mean = a.mean - b.mean;
  d.se = std::sqrt(a.se * a.se + b.se * b.se);
  d.count = std::min(a.count, b.count);
  return d;
}

}  // namespace

Claim OracleClaim(const ClaimHeader& header, const MeanSe& measured, double exact, TestSize size) {
  ClaimDraft c = Start(ClaimKind::kOracle);
  const double z = CriticalValue(size, measured.count, Tails::kTwo);
  Outcome outcome = Outcome::kUndecided;
  SetMeanInterval(&c, measured, z, "mean");
  c.predicted = c.predicted_lo = c.predicted_hi = exact;
  c.rule = "|mean - exact| <= " + Num(z) + " SE";
  c.false_failure_rate = size.rate;
  c.detectable_deviation = (z + kPowerQuantile) * measured.se;
  const double gap = std::fabs(measured.mean - exact);
  outcome = Holds(gap <= z * measured.se);
  c.reason = "|mean - exact| = " + Num(gap) + " = " + Num(measured.se > 0 ? gap / measured.se : INFINITY) + " SE";
  c.details = {{"se", measured.se}, {"trials", measured.count}};
  if (!Supported(measured) || !std::isfinite(exact)) Undecided(&outcome, &c, "too few trials, or a non-finite mean, SE or oracle");
  return Decide(header, c, outcome);
}

Claim DeClaim(const ClaimHeader& header, const MeanSe& measured, double de_value, TestSize size,
              double relative_delta) {
  ClaimDraft c = Start(ClaimKind::kDe);
  const double z = CriticalValue(size, measured.count, Tails::kTwo);
  Outcome outcome = Outcome::kUndecided;
  SetMeanInterval(&c, measured, z, "mean");
  c.predicted = de_value;
  c.predicted_lo = de_value - relative_delta * std::fabs(de_value);
  c.predicted_hi = de_value + relative_delta * std::fabs(de_value);
  c.rule = "|mean - DE| <= " + Num(z) + " SE + " + Num(relative_delta) + " |DE|";
  c.false_failure_rate = size.rate;
  c.detectable_deviation = relative_delta * std::fabs(de_value) + (z + kPowerQuantile) * measured.se;
  const double gap = std::fabs(measured.mean - de_value);
  outcome = Holds(gap <= z * measured.se + relative_delta * std::fabs(de_value));
  c.reason = "relative gap " + Num(gap / std::fabs(de_value)) + ", " +
             Num(measured.se > 0 ? gap / measured.se : INFINITY) + " SE";
  c.details = {{"se", measured.se}, {"trials", measured.count}, {"relative_gap", (measured.mean - de_value) / de_value}};
  if (!Supported(measured) || !std::isfinite(de_value)) Undecided(&outcome, &c, "too few trials, or a non-finite mean, SE or DE");
  return Decide(header, c, outcome);
}

Claim BandClaim(const ClaimHeader& header, const std::vector<double>& x, const std::vector<MeanSe>& q,
                double c_band, TestSize size) {
  ClaimDraft c = Start(ClaimKind::kBand);
  const double z = CriticalValue(size.Split(q.size()), MinCount(q), Tails::kTwo);
  Outcome outcome = Outcome::kUndecided;
  c.predicted = c_band;
  c.predicted_lo = 1.0;
  c.predicted_hi = c_band;
  c.rule = "(max(q - " + Num(z) + " SE)) / (min(q + " + Num(z) + " SE)) <= " + Num(c_band);
  if (q.size() < 2 || x.size() != q.size() || !AllFinite(q)) {
    c.reason = "fewer than 2 finite points (" + std::to_string(q.size()) + ")";
    return Decide(header, c, Outcome::kUndecided);
  }
  double top = -INFINITY, bottom = INFINITY, qmax = -INFINITY, qmin = INFINITY, se_max = 0.0, se_min = 0.0;
  for (const auto& v : q) {
    top = std::max(top, v.mean - z * v.se);
    bottom = std::min(bottom, v.mean + z * v.se);
    if (v.mean > qmax) {
      qmax = v.mean;
      se_max = v.se;
    }
    if (v.mean < qmin) {
      qmin = v.mean;
      se_min = v.se;
    }
  }
  // In ratio units, to first order: C (z + z_0.9) (SE_max/q_max + SE_min/q_min).
  c.detectable_deviation = c_band * (z + kPowerQuantile) * (se_max / qmax + se_min / qmin);
  const double ratio = top / bottom;
  c.measured = qmax / qmin;
  c.measured_lo = ratio;
  c.measured_hi = qmax / qmin;
  c.interval = "max/min of the ratio over " + std::to_string(q.size()) + " points (lo: shrunk by " + Num(z) + " SE)";
  const bool exact = AllExact(q);
  c.false_failure_rate = exact ? 0.0 : size.rate;
  outcome = Holds(ratio <= c_band);
  c.reason = "q from " + Num(qmin) + " to " + Num(qmax) + " over x in [" + Num(x.front()) + ", " + Num(x.back()) + "]";
  nlohmann::json points = nlohmann::json::array();
  for (std::size_t i = 0; i < q.size(); ++i) points.push_back({{"x", x[i]}, {"q", q[i].mean}, {"se", q[i].se}});
  c.details = {{"points", points}};
  if (!(qmin > 0.0) || !(top > 0.0)) Undecided(&outcome, &c, "the band needs a positive ratio (the shrunk maximum is <= 0)");
  return Decide(header, c, outcome);
}

Claim SlopeClaim(const ClaimHeader& header, const std::vector<double>& x, const std::vector<MeanSe>& q,
                 SlopeBounds bounds, TestSize size) {
  ClaimDraft c = Start(ClaimKind::kSlope);
  const bool two_sided = bounds.lo > -1e299 && bounds.hi < 1e299;
  const double z = CriticalValue(size, MinCount(q), two_sided ? Tails::kTwo : Tails::kOne);
  Outcome outcome = Outcome::kUndecided;
  std::vector<double> y, se;
  bool any_se = false;
  for (const auto& v : q) {
    y.push_back(v.mean);
    se.push_back(v.se);
    any_se = any_se || v.se > 0.0;
  }
  // Deterministic values (SE = 0, e.g. DE curves): the least-squares slope itself is compared with
  // the bounds, with no statistical widening and a false-failure rate of 0.
  const bool exact = !any_se;
  const PowerLawFit fit = FitPowerLaw(x, y, exact ? std::vector<double>{} : se);
  const double widen = exact ? 0.0 : z * fit.slope_se;
  c.measured = fit.slope;
  c.measured_lo = fit.slope - widen;
  c.measured_hi = fit.slope + widen;
  c.interval = exact ? "least-squares slope of a deterministic series" : "slope -/+ " + Num(z) + " SE (Ceres covariance)";
  const bool has_lo = bounds.lo > -1e299, has_hi = bounds.hi < 1e299;
  c.predicted = has_lo && has_hi ? 0.5 * (bounds.lo + bounds.hi) : has_lo ? bounds.lo : bounds.hi;
  c.predicted_lo = bounds.lo;
  c.predicted_hi = bounds.hi;
  c.rule = std::string("slope in [") + (has_lo ? Num(bounds.lo) : "-inf") + ", " + (has_hi ? Num(bounds.hi) : "inf") +
           "]" + (exact ? "" : " widened by " + Num(z) + " SE");
  c.false_failure_rate = exact ? 0.0 : size.rate;
  c.detectable_deviation = exact ? 0.0 : (z + kPowerQuantile) * fit.slope_se;
  const bool pass = c.measured_hi >= bounds.lo && c.measured_lo <= bounds.hi;
  outcome = Holds(pass);
  c.reason = "slope " + Num(fit.slope) + " +/- " + Num(fit.slope_se) + " over " + std::to_string(x.size()) + " points";
  c.details = {{"slope_se", fit.slope_se}, {"log_prefactor", fit.log_prefactor}, {"chi2", fit.chi2}};
  if (!fit.ok) Undecided(&outcome, &c, "fit failed: " + fit.message);
  if (!AllFinite(q)) Undecided(&outcome, &c, "non-finite points");
  return Decide(header, c, outcome);
}

namespace {

// The non-inferiority decision of an "at least" (kAtLeast) or "at most" (kAtMost) claim with interval
// [lo, hi]: holds when the whole interval is on the right side of level ∓ margin, violated when it is
// on the wrong side of the level itself, otherwise undecided.
Outcome NonInferiority(double lo, double hi, double level, double margin, BoundSide side) {
  if (side == BoundSide::kAtLeast) return lo >= level - margin ? Outcome::kHolds : hi < level ? Outcome::kViolated : Outcome::kUndecided;
  return hi <= level + margin ? Outcome::kHolds : lo > level ? Outcome::kViolated : Outcome::kUndecided;
}

std::string NonInferiorityRule(double z, double level, double margin, BoundSide side, const std::string& what) {
  const bool at_least = side == BoundSide::kAtLeast;
  const std::string near = Num(at_least ? level - margin : level + margin);
  return "PASS if " + what + (at_least ? " - " : " + ") + Num(z) + " SE " + (at_least ? ">= " : "<= ") + near +
         " (level " + Num(level) + (at_least ? " - " : " + ") + "margin " + Num(margin) + "); FAIL if " + what +
         (at_least ? " + " : " - ") + Num(z) + " SE " + (at_least ? "< " : "> ") + Num(level) + "; otherwise INCONCLUSIVE";
}

}  // namespace

Claim SeriesBoundClaim(const ClaimHeader& header, const std::vector<double>& x, const std::vector<MeanSe>& values,
                       double level, BoundSide side, double margin, TestSize size) {
  ClaimDraft c = Start(ClaimKind::kOneSided);
  const double z = CriticalValue(size.Split(values.size()), MinCount(values), Tails::kOne);
  const double sign = side == BoundSide::kAtLeast ? 1.0 : -1.0;  // work with "at least" on sign · value
  double worst = INFINITY, worst_near = INFINITY, worst_far = INFINITY;  // min of sign·mean, its +z SE end, min −z SE end
  std::size_t where = 0;
  for (std::size_t i = 0; i < values.size(); ++i) {
    const double v = sign * values[i].mean, allowance = z * values[i].se;
    worst_far = std::min(worst_far, v - allowance);
    if (v + allowance < worst_near) {
      worst_near = v + allowance;
      worst = v;
      where = i;
    }
  }
  const bool at_least = side == BoundSide::kAtLeast;
  c.measured = sign * worst;
  c.measured_lo = at_least ? worst_far : -worst_near;
  c.measured_hi = at_least ? worst_near : -worst_far;
  c.interval = std::string(at_least ? "minimum" : "maximum") + " over the grid -/+ " + Num(z) + " SE (the far end over all points)";
  c.predicted = level;
  c.predicted_lo = at_least ? level - margin : -INFINITY;
  c.predicted_hi = at_least ? INFINITY : level + margin;
  c.rule = NonInferiorityRule(z, level, margin, side, at_least ? "every mean" : "every mean");
  c.false_failure_rate = AllExact(values) ? 0.0 : size.rate;
  Outcome outcome = NonInferiority(c.measured_lo, c.measured_hi, level, margin, side);
  c.detectable_deviation = values.empty() ? INFINITY : (z + kPowerQuantile) * values[where].se;
  c.reason = std::string(at_least ? "minimum " : "maximum ") + Num(c.measured) + " at x = " + (x.empty() ? "?" : Num(x[where]));
  if (outcome == Outcome::kUndecided) c.reason = "the interval straddles the margin: too few trials to decide; " + c.reason;
  if (values.empty() || !AllFinite(values)) Undecided(&outcome, &c, "no finite values");
  return Decide(header, c, outcome);
}

namespace {

// DECREASING (strict) and NON-INCREASING: FAIL when a step rises significantly; the strict form also
// needs evidence of a decrease to PASS (the last point significantly below some earlier one), else
// INCONCLUSIVE. The size is split over the steps and, for the strict form, the comparisons with the
// last point.
Claim MonotoneRule(const ClaimHeader& header, const std::vector<double>& x, const std::vector<MeanSe>& values,
                   TestSize size, bool strict) {
  ClaimDraft c = Start(ClaimKind::kMonotone);
  Outcome outcome = Outcome::kUndecided;
  const std::size_t steps = values.size() > 1 ? values.size() - 1 : 1;
  const double z = CriticalValue(size.Split(strict ? 2 * steps : steps), MinCount(values), Tails::kOne);
  const auto pair_se = [&](std::size_t i, std::size_t j) {
    return std::sqrt(values[i].se * values[i].se + values[j].se * values[j].se);
  };
  double worst = -INFINITY;  // largest increase beyond its allowance
  std::size_t where = 0;
  for (std::size_t j = 0; j + 1 < values.size(); ++j) {
    const double excess = values[j + 1].mean - values[j].mean - z * pair_se(j, j + 1);
    if (excess > worst) {
      worst = excess;
      where = j;
    }
  }
  // The earlier point the last one is most significantly below (its drop minus the allowance).
  const std::size_t last = values.empty() ? 0 : values.size() - 1;
  double best_drop = -INFINITY;
  std::size_t from = 0;
  for (std::size_t j = 0; j < last; ++j) {
    const double drop = values[j].mean - values[last].mean - z * pair_se(j, last);
    if (drop > best_drop) {
      best_drop = drop;
      from = j;
    }
  }
  const bool enough = values.size() >= 2;
  c.measured = enough ? values[last].mean - values[from].mean : 0.0;
  c.measured_lo = enough ? c.measured - z * pair_se(from, last) : 0.0;
  c.measured_hi = enough ? c.measured + z * pair_se(from, last) : 0.0;
  c.interval = "last minus the point it is most significantly below -/+ " + Num(z) + " SE";
  c.predicted = 0.0;
  c.predicted_lo = -INFINITY;
  c.predicted_hi = 0.0;
  c.rule = "FAIL if some step x_{j+1} > x_j + " + Num(z) + " sqrt(SE_j^2 + SE_{j+1}^2)" +
           (strict ? "; PASS if none does and x_last + " + Num(z) + " SE < x_j for some j; otherwise INCONCLUSIVE" : "");
  c.false_failure_rate = AllExact(values) ? 0.0 : size.rate;
  const bool decreased = enough && best_drop > 0.0;
  outcome = worst > 0.0 ? Outcome::kViolated : (!strict || decreased) ? Outcome::kHolds : Outcome::kUndecided;
  double widest = 0.0;  // the largest step allowance, in units of the series
  for (std::size_t j = 0; j + 1 < values.size(); ++j)
    widest = std::max(widest, std::sqrt(values[j].se * values[j].se + values[j + 1].se * values[j + 1].se));
  c.detectable_deviation = (z + kPowerQuantile) * widest;
  c.reason = "largest step excess " + Num(worst) + " after x = " + (x.empty() ? "?" : Num(x[where]));
  if (strict && enough) c.reason += "; last point " + Num(c.measured) + " from x = " + (x.empty() ? "?" : Num(x[from]));
  if (outcome == Outcome::kUndecided) c.reason = "no significant overall decrease; " + c.reason;
  if (values.size() < 2 || !AllFinite(values)) Undecided(&outcome, &c, "fewer than 2 finite points");
  return Decide(header, c, outcome);
}

}  // namespace

Claim DecreasingClaim(const ClaimHeader& header, const std::vector<double>& x, const std::vector<MeanSe>& values,
                      TestSize size) {
  return MonotoneRule(header, x, values, size, true);
}

Claim NonIncreasingClaim(const ClaimHeader& header, const std::vector<double>& x, const std::vector<MeanSe>& values,
                         TestSize size) {
  return MonotoneRule(header, x, values, size, false);
}

namespace {

Claim BoundRule(const ClaimHeader& header, ClaimKind kind, const MeanSe& m, double level, BoundSide side,
                double margin, TestSize size, const std::string& what) {
  ClaimDraft c = Start(kind);
  const double z = CriticalValue(size, m.count, Tails::kOne);
  SetMeanInterval(&c, m, z, what);
  c.predicted = level;
  const bool at_most = side == BoundSide::kAtMost;
  c.predicted_lo = at_most ? -INFINITY : level - margin;
  c.predicted_hi = at_most ? level + margin : INFINITY;
  c.rule = NonInferiorityRule(z, level, margin, side, what);
  c.false_failure_rate = m.se > 0.0 ? size.rate : 0.0;
  c.detectable_deviation = (z + kPowerQuantile) * m.se;
  Outcome outcome = NonInferiority(c.measured_lo, c.measured_hi, level, margin, side);
  c.reason = what + " " + Num(m.mean) + " (SE " + Num(m.se) + ") vs " + Num(level);
  if (outcome == Outcome::kUndecided) c.reason = "the interval straddles the margin: too few trials to decide; " + c.reason;
  c.details = {{"se", m.se}, {"trials", m.count}};
  if (!std::isfinite(m.mean) || !std::isfinite(m.se) || (m.se > 0.0 && m.count < 2))
    Undecided(&outcome, &c, "fewer than 2 trials or a non-finite mean or SE");
  return Decide(header, c, outcome);
}

}  // namespace

Claim MeanBoundClaim(const ClaimHeader& header, const MeanSe& m, double level, BoundSide side, double margin,
                     TestSize size) {
  return BoundRule(header, ClaimKind::kBound, m, level, side, margin, size, "mean");
}

namespace {

// The draft of an exact comparison: the interval expected ± tolerance · max(1, |expected|).
ClaimDraft ExactDraft(double measured, double expected, double tolerance) {
  ClaimDraft c = Start(ClaimKind::kExact);
  c.measured = c.measured_lo = c.measured_hi = measured;
  c.interval = "deterministic";
  c.predicted = expected;
  c.predicted_lo = expected - tolerance * std::max(1.0, std::fabs(expected));
  c.predicted_hi = expected + tolerance * std::max(1.0, std::fabs(expected));
  c.rule = "|measured - expected| <= " + Num(tolerance) + " max(1, |expected|)";
  c.false_failure_rate = 0.0;
  c.detectable_deviation = tolerance * std::max(1.0, std::fabs(expected));
  c.reason = "difference " + Num(measured - expected);
  return c;
}

}  // namespace

Claim ExactClaim(const ClaimHeader& header, double measured, double expected, double tolerance) {
  const ClaimDraft c = ExactDraft(measured, expected, tolerance);
  return Decide(header, c, Holds(measured >= c.predicted_lo && measured <= c.predicted_hi));
}

Claim ExactClaimWhere(const ClaimHeader& header, double measured, double expected, double tolerance,
                      const std::string& unmet) {
  if (unmet.empty()) return ExactClaim(header, measured, expected, tolerance);
  ClaimDraft c = ExactDraft(measured, expected, tolerance);
  Outcome outcome = Outcome::kUndecided;
  Undecided(&outcome, &c, unmet);
  return Decide(header, c, outcome);
}

Claim ToleranceClaim(const ClaimHeader& header, const MeanSe& m, double predicted, double tolerance, TestSize size) {
  ClaimDraft c = Start(ClaimKind::kTolerance);
  const double z = CriticalValue(size, m.count, Tails::kTwo);
  SetMeanInterval(&c, m, z, "mean");
  c.predicted = predicted;
  c.predicted_lo = predicted - tolerance;
  c.predicted_hi = predicted + tolerance;
  c.rule = "|mean - prediction| <= " + Num(tolerance) + " + " + Num(z) + " SE";
  c.false_failure_rate = m.se > 0.0 ? size.rate : 0.0;
  c.detectable_deviation = tolerance + (z + kPowerQuantile) * m.se;
  const double gap = std::fabs(m.mean - predicted);
  Outcome outcome = Holds(gap <= tolerance + z * m.se);
  c.reason = "|mean - prediction| = " + Num(gap) + " (SE " + Num(m.se) + ")";
  c.details = {{"se", m.se}, {"trials", m.count}};
  if (!std::isfinite(m.mean) || !std::isfinite(predicted) || !(m.se >= 0.0) || (m.se > 0.0 && m.count < 2))
    Undecided(&outcome, &c, "a non-finite mean, SE or prediction, or fewer than 2 trials");
  return Decide(header, c, outcome);
}

Claim DifferenceBoundClaim(const ClaimHeader& header, const MeanSe& a, const MeanSe& b, double level, BoundSide side,
                           double margin, TestSize size) {
  return BoundRule(header, ClaimKind::kDifference, Difference(a, b), level, side, margin, size, "a - b");
}

Claim DifferenceToleranceClaim(const ClaimHeader& header, const MeanSe& a, const MeanSe& b, double tolerance,
                               TestSize size) {
  return ToleranceClaim(header, Difference(a, b), 0.0, tolerance, size);
}

Claim SideOfLevelClaim(const ClaimHeader& header, const MeanSe& m, double level, TestSize size) {
  ClaimDraft c = Start(ClaimKind::kBound);
  const double z = CriticalValue(size, m.count, Tails::kOne);
  SetMeanInterval(&c, m, z, "mean");
  c.predicted = level;
  c.predicted_lo = level;
  c.predicted_hi = INFINITY;
  c.rule = "PASS if mean - " + Num(z) + " SE > " + Num(level) + "; FAIL if mean + " + Num(z) + " SE < " + Num(level) +
           "; otherwise INCONCLUSIVE";
  c.false_failure_rate = size.rate;
  c.detectable_deviation = (z + kPowerQuantile) * m.se;
  Outcome outcome = c.measured_lo > level ? Outcome::kHolds : c.measured_hi < level ? Outcome::kViolated : Outcome::kUndecided;
  c.reason = "mean " + Num(m.mean) + " (SE " + Num(m.se) + ") vs " + Num(level);
  if (outcome == Outcome::kUndecided) c.reason = "not significantly on either side; " + c.reason;
  c.details = {{"se", m.se}, {"trials", m.count}};
  if (m.count < 2 || !std::isfinite(m.mean) || !std::isfinite(m.se))
    Undecided(&outcome, &c, "fewer than 2 trials or a non-finite mean");
  return Decide(header, c, outcome);
}

Claim PairedOrderingClaim(const ClaimHeader& header, const MeanSe& m, TestSize size) {
  ClaimDraft c = Start(ClaimKind::kOrdering);
  const double z = CriticalValue(size, m.count, Tails::kOne);
  SetMeanInterval(&c, m, z, "paired mean");
  c.predicted = 0.0;
  c.predicted_lo = -INFINITY;
  c.predicted_hi = 0.0;
  c.rule = "PASS if paired mean + " + Num(z) + " SE < 0; FAIL if paired mean - " + Num(z) +
           " SE > 0; otherwise INCONCLUSIVE";
  c.false_failure_rate = size.rate;
  c.detectable_deviation = (z + kPowerQuantile) * m.se;
  // A deterministic difference (SE 0) decides itself: a tie is no ordering.
  Outcome outcome = c.measured_hi < 0.0                       ? Outcome::kHolds
                    : c.measured_lo > 0.0 || (m.se == 0.0)    ? Outcome::kViolated
                                                              : Outcome::kUndecided;
  c.reason = "paired mean " + Num(m.mean) + " (SE " + Num(m.se) + ")";
  if (outcome == Outcome::kUndecided) c.reason = "the interval contains 0: no significant ordering either way; " + c.reason;
  c.details = {{"se", m.se}, {"trials", m.count}};
  if (m.count < 2 || !std::isfinite(m.mean) || !std::isfinite(m.se))
    Undecided(&outcome, &c, "fewer than 2 trials or a non-finite mean");
  return Decide(header, c, outcome);
}

}  // namespace memgen::theory
