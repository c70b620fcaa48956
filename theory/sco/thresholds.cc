// Tracer thresholds, sco_traceability.md §5 ([RC] Hoeffding and Bernstein; [VS] VHADLR25 ℓ₂ tracer).
// Null score S = Σ_k Y_k with Y_k = w_k (x_k − p_k)/√d, x_k ∈ {±1} independent with mean p_k, and w
// independent of x. Each Y_k has mean 0, lies in an interval of width 2|w_k|/√d, has |Y_k| ≤ 2|w_k|/√d = b
// and Var Y_k = w_k² (1 − p_k²)/d.
//   Hoeffding: P(S ≥ t) ≤ exp(−2t² / Σ_k (2|w_k|/√d)²) = exp(−t² d/(2‖w‖²)); setting the bound to
//     `level` gives τ = ‖w‖ √(2 log(1/level)/d). With level = ξ/n the family-wise FPR is ≤ ξ.
//   Bernstein: P(S ≥ t) ≤ exp(−t²/(2(v + bt/3))), v = Σ_k Var Y_k. Setting the exponent to L = log(1/level)
//     gives t² − (2bL/3) t − 2vL = 0, whose non-negative root is t = bL/3 + √((bL/3)² + 2vL) (no
//     cancellation: both terms are ≥ 0).
//   ℓ₂ cube (VHADLR25 §2.4 tracer φ = ⟨θ, Z − µ⟩ on Z ∈ {±1}^d): Hoeffding with widths 2|θ_j| gives
//     exp(−t²/(2‖θ‖²)) ≤ exp(−t²/2) for ‖θ‖₂ ≤ 1 (θ ∈ B_∞(1/√d)), so λ = √(2 ln(1/ξ)).
#include "theory/sco/thresholds.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

#include "sim/core/argument_error.h"

namespace memgen::theory {
namespace {

void CheckLevel(const char* function, double level) {
  if (!(level > 0.0 && level <= 1.0)) FailArgument(function, "level", level, "in (0, 1]");
}

void CheckNormAndDimension(const char* function, double weight_norm, std::int64_t d) {
  if (!(std::isfinite(weight_norm) && weight_norm >= 0.0))
    FailArgument(function, "weight_norm", weight_norm, "finite and >= 0");
  if (d < 1) FailArgument(function, "d", d, ">= 1");
}

void CheckT(const char* function, double t) {
  if (std::isnan(t)) FailArgument(function, "t", t, "a number");
}

void CheckParams(const char* function, const BernsteinParameters& params) {
  if (!(std::isfinite(params.v) && params.v >= 0.0)) FailArgument(function, "params.v", params.v, "finite and >= 0");
  if (!(std::isfinite(params.b) && params.b >= 0.0)) FailArgument(function, "params.b", params.b, "finite and >= 0");
}

}  // namespace

double HoeffdingThreshold(double weight_norm, std::int64_t d, double level) {
  CheckNormAndDimension("HoeffdingThreshold", weight_norm, d);
  CheckLevel("HoeffdingThreshold", level);
  return weight_norm * std::sqrt(-2.0 * std::log(level) / static_cast<double>(d));
}

double HoeffdingTailBound(double t, double weight_norm, std::int64_t d) {
  CheckT("HoeffdingTailBound", t);
  CheckNormAndDimension("HoeffdingTailBound", weight_norm, d);
  if (t <= 0.0) return 1.0;
  if (weight_norm == 0.0) return 0.0;  // S ≡ 0
  const double ratio = t / weight_norm;
  return std::exp(-0.5 * ratio * ratio * static_cast<double>(d));
}

BernsteinParameters MakeBernsteinParameters(const Eigen::Ref<const Eigen::VectorXd>& w,
                                            const Eigen::Ref<const Eigen::VectorXd>& p) {
  const char* function = "MakeBernsteinParameters";
  if (w.size() < 1) FailArgument(function, "w.size()", w.size(), ">= 1");
  if (p.size() != w.size()) FailArgument(function, "p.size()", p.size(), "equal to w.size() = " + std::to_string(w.size()));
  long double variance = 0.0L;
  double max_abs = 0.0;
  for (Eigen::Index k = 0; k < w.size(); ++k) {
    if (!std::isfinite(w[k])) FailArgument(function, "w[" + std::to_string(k) + "]", w[k], "finite");
    if (!(p[k] >= -1.0 && p[k] <= 1.0)) FailArgument(function, "p[" + std::to_string(k) + "]", p[k], "in [-1, 1]");
    const long double wk = w[k];
    variance += wk * wk * (1.0L - p[k]) * (1.0L + p[k]);
    max_abs = std::max(max_abs, std::fabs(w[k]));
  }
  const double d = static_cast<double>(w.size());
  BernsteinParameters params;
  params.v = static_cast<double>(variance / static_cast<long double>(d));
  params.b = 2.0 * max_abs / std::sqrt(d);
  return params;
}

double BernsteinTailBound(double t, const BernsteinParameters& params) {
  CheckT("BernsteinTailBound", t);
  CheckParams("BernsteinTailBound", params);
  if (t <= 0.0) return 1.0;
  const double denominator = 2.0 * (params.v + params.b * t / 3.0);
  if (denominator == 0.0) return 0.0;  // S ≡ 0
  return std::exp(-t * t / denominator);
}

double BernsteinThreshold(const BernsteinParameters& params, double level) {
  CheckParams("BernsteinThreshold", params);
  CheckLevel("BernsteinThreshold", level);
  const double log_inverse_level = -std::log(level);
  const double half_linear = params.b * log_inverse_level / 3.0;
  return half_linear + std::sqrt(half_linear * half_linear + 2.0 * params.v * log_inverse_level);
}

double L2CubeThreshold(double level) {
  CheckLevel("L2CubeThreshold", level);
  return std::sqrt(-2.0 * std::log(level));
}

double L2CubeTailBound(double t) {
  CheckT("L2CubeTailBound", t);
  if (t <= 0.0) return 1.0;
  return std::exp(-0.5 * t * t);
}

}  // namespace memgen::theory
