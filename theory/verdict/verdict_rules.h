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
#pragma once

#include <string>
#include <vector>

#include "theory/verdict/claim.h"
#include "theory/stats/sample_stats.h"

namespace memgen::theory {

struct ClaimHeader {
  std::string id;
  std::string statement;
  std::string source;
};

// Two-sided normal tail 2(1 − Φ(z)), and one-sided 1 − Φ(z); with `count` ≥ 2, Student's t with
// count − 1 degrees of freedom instead of the normal.
double TwoSidedTail(double z, std::size_t count = 0);
double OneSidedTail(double z, std::size_t count = 0);

theory::Claim OracleClaim(const ClaimHeader& header, const theory::MeanSe& measured, double exact, double z);
theory::Claim DeClaim(const ClaimHeader& header, const theory::MeanSe& measured, double de_value, double z,
                   double relative_delta);
theory::Claim BandClaim(const ClaimHeader& header, const std::vector<double>& x, const std::vector<theory::MeanSe>& q,
                     double c_band, double z);
struct SlopeBounds {
  double lo = -1e300;
  double hi = 1e300;
};
theory::Claim SlopeClaim(const ClaimHeader& header, const std::vector<double>& x, const std::vector<theory::MeanSe>& q,
                      SlopeBounds bounds, double z);
theory::Claim AtLeastClaim(const ClaimHeader& header, const std::vector<double>& x,
                        const std::vector<theory::MeanSe>& values, double level, double z);
theory::Claim DecreasingClaim(const ClaimHeader& header, const std::vector<double>& x,
                           const std::vector<theory::MeanSe>& values, double z);
// A one-sided bound on a mean, with the interval mean ± z SE:
//   kAtMost      x̄ − z SE ≤ level   (FAIL only if significantly above)
//   kAtLeast     x̄ + z SE ≥ level   (FAIL only if significantly below)
//   kAbove       x̄ − z SE ≥ level   (PASS only if significantly above: a claim of power)
enum class BoundSide { kAtMost, kAtLeast, kAbove };
theory::Claim MeanBoundClaim(const ClaimHeader& header, const theory::MeanSe& measured, double level, BoundSide side, double z);

// An exact (deterministic) comparison: |a − b| ≤ tol · max(1, |b|).
theory::Claim ExactClaim(const ClaimHeader& header, double measured, double expected, double tolerance);

// A number in a claim's text: 4 significant digits (%.4g).
std::string Num(double value);

// Marks a claim INCONCLUSIVE with a reason (e.g. ill-conditioned draws), keeping its numbers.
void MarkInconclusive(theory::Claim* claim, const std::string& reason);

}  // namespace memgen::theory
