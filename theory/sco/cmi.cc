// CMI bounds and DP calibration, sco_traceability.md §3, §7 and §8.6.
// Binary entropy [standard]: h_b(p) = −p ln p − (1 − p) ln(1 − p) nats, evaluated with log1p; bits = nats/ln 2.
// Fano lower bound [RC, standard; §7]: with a supersample Z̃, U ~ Bern(½)^n and decoder
//   Û_i = 1{⟨θ̂, Z̃_{i,1} − Z̃_{i,0}⟩ > 0},
//   CMI = I(θ̂; U | Z̃) ≥ Σ_i I(θ̂; U_i | Z̃) ≥ Σ_i [log 2 − h_b(P(Û_i ≠ U_i))] ≥ n [log 2 − h_b(P̄_e)]  (P̄_e ≤ ½)
//   (chain rule with independent U_i, data processing, binary Fano, concavity of h_b). For P̄_e > ½
//   the bound is clamped to 0 via min(P̄_e, ½). Trivially CMI ≤ n log 2.
// CLB generalisation [VS2: SNZ, citing Haghifam et al. ALT 2023]: gen ≤ L R √(8 CMI/n) (CMI in nats).
// Gaussian mechanism [§3; Dwork–Roth Thm A.1]: σ = Δ₂ √(2 ln(1.25/δ))/ε_DP gives (ε, δ)-DP for ε_DP < 1.
// DP cap [VS: VHADLR25 Prop A.5; §8.6]: an (ε, δ)-DP, (ξ, m)-traceable learner (replace-one neighbours)
//   has m ≤ n e^ε ξ + n δ, i.e. m/n ≤ e^ε ξ + δ, for every tracer and threshold.
#include "theory/sco/cmi.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

#include <boost/math/constants/constants.hpp>

#include "sim/core/argument_error.h"

namespace memgen::theory {
namespace {

void CheckProbability(const char* function, const char* name, double p) {
  if (!(p >= 0.0 && p <= 1.0)) FailArgument(function, name, p, "in [0, 1]");
}

void CheckNonNegative(const char* function, const char* name, double x) {
  if (!(std::isfinite(x) && x >= 0.0)) FailArgument(function, name, x, "finite and >= 0");
}

double EntropyNats(double p) {  // p ∈ [0, 1] already checked
  if (p == 0.0 || p == 1.0) return 0.0;
  return -p * std::log(p) - (1.0 - p) * std::log1p(-p);
}

double FanoNats(std::int64_t n, double error_rate) {
  const double h = EntropyNats(std::min(error_rate, 0.5));
  return static_cast<double>(n) * std::max(boost::math::constants::ln_two<double>() - h, 0.0);
}

}  // namespace

double BinaryEntropyNats(double p) {
  CheckProbability("BinaryEntropyNats", "p", p);
  return EntropyNats(p);
}

double BinaryEntropyBits(double p) {
  CheckProbability("BinaryEntropyBits", "p", p);
  return EntropyNats(p) / boost::math::constants::ln_two<double>();
}

double FanoCmiLowerBoundNats(std::int64_t n, double error_rate) {
  if (n < 0) FailArgument("FanoCmiLowerBoundNats", "n", n, ">= 0");
  CheckProbability("FanoCmiLowerBoundNats", "error_rate", error_rate);
  return FanoNats(n, error_rate);
}

double FanoCmiLowerBoundBits(std::int64_t n, double error_rate) {
  if (n < 0) FailArgument("FanoCmiLowerBoundBits", "n", n, ">= 0");
  CheckProbability("FanoCmiLowerBoundBits", "error_rate", error_rate);
  return FanoNats(n, error_rate) / boost::math::constants::ln_two<double>();
}

double ClbGeneralisationBound(double lipschitz, double radius, double cmi_nats, std::int64_t n) {
  CheckNonNegative("ClbGeneralisationBound", "lipschitz", lipschitz);
  CheckNonNegative("ClbGeneralisationBound", "radius", radius);
  CheckNonNegative("ClbGeneralisationBound", "cmi_nats", cmi_nats);
  if (n < 1) FailArgument("ClbGeneralisationBound", "n", n, ">= 1");
  return lipschitz * radius * std::sqrt(8.0 * cmi_nats / static_cast<double>(n));
}

double GaussianMechanismSigma(double l2_sensitivity, double epsilon_dp, double delta) {
  CheckNonNegative("GaussianMechanismSigma", "l2_sensitivity", l2_sensitivity);
  if (!(epsilon_dp > 0.0 && epsilon_dp < 1.0))
    FailArgument("GaussianMechanismSigma", "epsilon_dp", epsilon_dp, "in (0, 1) (classical calibration)");
  if (!(delta > 0.0 && delta < 1.0)) FailArgument("GaussianMechanismSigma", "delta", delta, "in (0, 1)");
  return l2_sensitivity * std::sqrt(2.0 * std::log(1.25 / delta)) / epsilon_dp;
}

double DpTracingCap(double epsilon_dp, double delta, double xi) {
  CheckNonNegative("DpTracingCap", "epsilon_dp", epsilon_dp);
  CheckProbability("DpTracingCap", "delta", delta);
  CheckProbability("DpTracingCap", "xi", xi);
  return std::exp(epsilon_dp) * xi + delta;
}

}  // namespace memgen::theory
