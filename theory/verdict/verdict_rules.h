// Decision rules that turn a measurement and a prediction into a verdict (benign_overfitting.md §8.0,
// STYLE.md G10). Each rule takes the claim's test size (test_size.h), the false-failure rate it may
// have: the probability of FAIL when the claim is true, with (mean − truth)/SE distributed as
// Student's t with T − 1 degrees of freedom (SE estimated from T trials). The rule derives its
// critical value z from the size (split evenly over the points of a series) and states the size as
// its rate; for deterministic series (every SE = 0, e.g. deterministic equivalents) the rules compare
// the numbers themselves and the rate is 0. Degenerate inputs (too few points, a non-finite or
// undefined SE) give INCONCLUSIVE, never a PASS without evidence.
//   ORACLE       |x̄ − x₀| ≤ z SE                         (exact prediction, no free constants)
//   DE           |x̄ − x_DE| ≤ z SE + δ |x_DE|             (declared approximation error δ)
//   BAND (Θ)     (max_i(q_i − z SE_i)) / (min_i(q_i + z SE_i)) ≤ C_band
//   SLOPE (Θ)    weighted LS slope s of log q on log x: lo − z SE(s) ≤ s ≤ hi + z SE(s)
//   AT LEAST / AT MOST (non-inferiority with a margin m stated from the theory): "at least L" PASSes
//                when x̄ − z SE ≥ L − m, FAILs when x̄ + z SE < L, and is INCONCLUSIVE in between;
//                "at most" mirrors it; over a series, every point
//   DECREASING   x̄_{j+1} ≤ x̄_j + z √(SE_j² + SE_{j+1}²) for all j, and a significant overall decrease
//   NON-INCREASING  the same steps without the overall decrease
//   TOLERANCE    |x̄ − p| ≤ tol + z SE                    (stated approximation error)
//   SIDE OF LEVEL, PAIRED ORDER   PASS / FAIL only with significant evidence, else INCONCLUSIVE
//   EXACT        |a − b| ≤ tol max(1, |b|)
// Each rule also states its detectable deviation: the smallest violation, in the prediction's units,
// it detects with probability ≥ 0.9, (z + z_0.9) SE in the normal approximation (plus any stated
// tolerance). Families of claims (worst z, conjunctions, brackets, counts) are in family_rules.h.
#pragma once

#include <string>
#include <vector>

#include "theory/stats/sample_stats.h"
#include "theory/verdict/claim.h"
#include "theory/verdict/test_size.h"

namespace memgen::theory {

Claim OracleClaim(const ClaimHeader& header, const MeanSe& measured, double exact, TestSize size);
Claim DeClaim(const ClaimHeader& header, const MeanSe& measured, double de_value, TestSize size,
              double relative_delta);
Claim BandClaim(const ClaimHeader& header, const std::vector<double>& x, const std::vector<MeanSe>& q,
                double c_band, TestSize size);
struct SlopeBounds {
  double lo = -1e300;
  double hi = 1e300;
};
Claim SlopeClaim(const ClaimHeader& header, const std::vector<double>& x, const std::vector<MeanSe>& q,
                 SlopeBounds bounds, TestSize size);

// Which side of a level a claim puts a mean on.
enum class BoundSide { kAtMost, kAtLeast };

// Non-inferiority of a mean against a level with a margin stated up front from the theory (see the
// table above): PASS needs the whole interval x̄ ± z SE on the right side of level ∓ margin, FAIL
// needs it on the wrong side of the level, otherwise INCONCLUSIVE. False-failure rate: the size.
Claim MeanBoundClaim(const ClaimHeader& header, const MeanSe& measured, double level, BoundSide side, double margin,
                     TestSize size);
// The same for every point of a series (the size split over the points).
Claim SeriesBoundClaim(const ClaimHeader& header, const std::vector<double>& x, const std::vector<MeanSe>& values,
                       double level, BoundSide side, double margin, TestSize size);
// The same for the difference a − b of two independent means, SE √(SE_a² + SE_b²) (for paired
// trials, summarise the per-trial differences and use MeanBoundClaim instead).
Claim DifferenceBoundClaim(const ClaimHeader& header, const MeanSe& a, const MeanSe& b, double level, BoundSide side,
                           double margin, TestSize size);

// A series decreases: FAIL when some step rises significantly, PASS when none does and the last point
// lies significantly below some earlier one, otherwise INCONCLUSIVE.
Claim DecreasingClaim(const ClaimHeader& header, const std::vector<double>& x, const std::vector<MeanSe>& values,
                      TestSize size);
// A series does not rise: FAIL when some step rises significantly, otherwise PASS (a claim that
// something does not happen; its power is its detectable deviation).
Claim NonIncreasingClaim(const ClaimHeader& header, const std::vector<double>& x, const std::vector<MeanSe>& values,
                         TestSize size);

// An exact (deterministic) comparison: |a − b| ≤ tol · max(1, |b|).
Claim ExactClaim(const ClaimHeader& header, double measured, double expected, double tolerance);
// The same, but INCONCLUSIVE with the reason `unmet` when a precondition of the comparison, decided before
// it from the theory alone, does not hold (an empty `unmet`: the plain ExactClaim).
Claim ExactClaimWhere(const ClaimHeader& header, double measured, double expected, double tolerance,
                      const std::string& unmet);

// A prediction known up to a stated approximation error: |x̄ − p| ≤ tolerance + z SE, two-sided.
// The tolerance must come from an error bound or a calibration on other seeds, never the data.
Claim ToleranceClaim(const ClaimHeader& header, const MeanSe& measured, double predicted, double tolerance,
                     TestSize size);
// Two independent means agree up to a stated tolerance: |a − b| ≤ tolerance + z √(SE_a² + SE_b²).
Claim DifferenceToleranceClaim(const ClaimHeader& header, const MeanSe& a, const MeanSe& b, double tolerance,
                               TestSize size);

// Which side of a level a mean lies on, with evidence either way: PASS when x̄ − z SE > level, FAIL
// when x̄ + z SE < level, otherwise INCONCLUSIVE (the measured value stays the mean).
Claim SideOfLevelClaim(const ClaimHeader& header, const MeanSe& measured, double level, TestSize size);

// A paired ordering a < b from the per-trial differences d = a − b: PASS when d̄ + z SE < 0, FAIL
// when d̄ − z SE > 0 (significantly reversed) or when SE = 0 and d̄ ≥ 0 (a deterministic tie or
// reversal), otherwise INCONCLUSIVE (no evidence either way).
Claim PairedOrderingClaim(const ClaimHeader& header, const MeanSe& difference, TestSize size);

// A number in a claim's text: 4 significant digits (%.4g).
std::string Num(double value);

// Preconditions, effects and expectations go into the ClaimHeader (claim.h) before the rule runs: no
// verdict is changed after a rule returns.

}  // namespace memgen::theory
