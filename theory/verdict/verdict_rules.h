// Decision rules that turn a measurement and a prediction into a verdict (benign_overfitting.md §8.0,
// STYLE.md G10). Each rule states its false-failure rate: the probability of FAIL when the claim is
// true, with (mean − truth)/SE distributed as Student's t with T − 1 degrees of freedom (SE estimated
// from T trials); for deterministic series (every SE = 0, e.g. deterministic equivalents) the rules
// compare the numbers themselves and the rate is 0. Degenerate inputs (too few points, a non-finite
// or undefined SE) give INCONCLUSIVE, never a PASS without evidence.
//   ORACLE       |x̄ − x₀| ≤ z SE                         (exact prediction, no free constants)
//   DE           |x̄ − x_DE| ≤ z SE + δ |x_DE|             (declared approximation error δ)
//   BAND (Θ)     (max_i(q_i − z SE_i)) / (min_i(q_i + z SE_i)) ≤ C_band
//   SLOPE (Θ)    weighted LS slope s of log q on log x: lo − z SE(s) ≤ s ≤ hi + z SE(s)
//   AT-LEAST     min_i (x̄_i + z SE_i) ≥ level             (one-sided lower bound)
//   DECREASING   x̄_{j+1} ≤ x̄_j + z √(SE_j² + SE_{j+1}²) for all j
//   TOLERANCE    |x̄ − p| ≤ tol + z SE                    (stated approximation error)
//   BOUND        x̄ ∓ z SE against a level; DIFFERENCE the same on a − b; PAIRED-ORDER d̄ ± z SE vs 0
//   EXACT        |a − b| ≤ tol max(1, |b|)
// Each rule also states its detectable deviation: the smallest violation, in the prediction's units,
// it detects with probability ≥ 0.9, (z + z_0.9) SE in the normal approximation (plus any stated
// tolerance). Families of claims (worst z, conjunctions, brackets, counts) are in family_rules.h.
#pragma once

#include <string>
#include <vector>

#include "theory/verdict/claim.h"
#include "theory/stats/sample_stats.h"

namespace memgen::theory {

// Two-sided normal tail 2(1 − Φ(z)), and one-sided 1 − Φ(z); with `count` ≥ 2, Student's t with
// count − 1 degrees of freedom instead of the normal.
double TwoSidedTail(double z, std::size_t count = 0);
double OneSidedTail(double z, std::size_t count = 0);

Claim OracleClaim(const ClaimHeader& header, const MeanSe& measured, double exact, double z);
Claim DeClaim(const ClaimHeader& header, const MeanSe& measured, double de_value, double z,
                   double relative_delta);
Claim BandClaim(const ClaimHeader& header, const std::vector<double>& x, const std::vector<MeanSe>& q,
                     double c_band, double z);
struct SlopeBounds {
  double lo = -1e300;
  double hi = 1e300;
};
Claim SlopeClaim(const ClaimHeader& header, const std::vector<double>& x, const std::vector<MeanSe>& q,
                      SlopeBounds bounds, double z);
Claim AtLeastClaim(const ClaimHeader& header, const std::vector<double>& x,
                        const std::vector<MeanSe>& values, double level, double z);
Claim DecreasingClaim(const ClaimHeader& header, const std::vector<double>& x,
                           const std::vector<MeanSe>& values, double z);
// A one-sided bound on a mean, with the interval mean ± z SE:
//   kAtMost      x̄ − z SE ≤ level   (FAIL only if significantly above)
//   kAtLeast     x̄ + z SE ≥ level   (FAIL only if significantly below)
//   kAbove       x̄ − z SE ≥ level   (PASS only if significantly above: a claim of power)
enum class BoundSide { kAtMost, kAtLeast, kAbove };
Claim MeanBoundClaim(const ClaimHeader& header, const MeanSe& measured, double level, BoundSide side, double z);

// An exact (deterministic) comparison: |a − b| ≤ tol · max(1, |b|).
Claim ExactClaim(const ClaimHeader& header, double measured, double expected, double tolerance);

// A prediction known up to a stated approximation error: |x̄ − p| ≤ tolerance + z SE, two-sided.
// The tolerance must come from an error bound or a calibration on other seeds, never the data.
Claim ToleranceClaim(const ClaimHeader& header, const MeanSe& measured, double predicted, double tolerance,
                     double z);

// A one-sided bound on the difference a − b of two independent means, SE √(SE_a² + SE_b²)
// (for paired trials, summarise the per-trial differences and use MeanBoundClaim instead).
Claim DifferenceBoundClaim(const ClaimHeader& header, const MeanSe& a, const MeanSe& b, double level,
                           BoundSide side, double z);

// Which side of a level a mean lies on, with evidence either way: PASS when x̄ − z SE > level, FAIL
// when x̄ + z SE < level, otherwise INCONCLUSIVE (the measured value stays the mean).
Claim SideOfLevelClaim(const ClaimHeader& header, const MeanSe& measured, double level, double z);

// A paired ordering a < b from the per-trial differences d = a − b: PASS when d̄ + z SE < 0, FAIL
// when d̄ − z SE > 0 (significantly reversed) or when SE = 0 and d̄ ≥ 0 (a deterministic tie or
// reversal), otherwise INCONCLUSIVE (no evidence either way).
Claim PairedOrderingClaim(const ClaimHeader& header, const MeanSe& difference, double z);

// A number in a claim's text: 4 significant digits (%.4g).
std::string Num(double value);

// Preconditions, effects and expectations go into the ClaimHeader (claim.h) before the rule runs: no
// verdict is changed after a rule returns.

}  // namespace memgen::theory
