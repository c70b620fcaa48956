// Fingerprinting closed forms and exact SCO excess risks (sco_traceability.md §2.2, §6, §9.0, §10).
// (F1) [VHADLR25 Lemma D.2 = DSSUV15 Lemma 5]: for X_1..X_n ∈ {±1} i.i.d. with mean p and any f,
//   E[f(X) Σ_i (X_i − p)] = (1 − p²) g'(p),  g(p) = E_p f(X).
// Majority f = 1{Σ X_i > 0}, n odd, q = (1 + p)/2, a = (n + 1)/2:
//   g(p) = P(Bin(n, q) ≥ a) = I_q(a, a)   (regularised incomplete beta),
//   g'(p) = ½ ∂_q I_q(a, a) = ½ (q(1 − q))^{a−1} / B(a, a) = (n/2) C(n−1, (n−1)/2) ((1 − p²)/4)^{(n−1)/2},
//   since q(1 − q) = (1 − p²)/4 and 1/B(a, a) = n C(n−1, (n−1)/2). Boost.Math's ibeta and
//   ibeta_derivative work in logs (lgamma / Lanczos), so n = 1e5 and beyond neither overflow nor underflow.
// s-beta(β, β) on [−γ, γ]: p = γ(2B − 1) with B ~ Beta(β, β), so E p² = γ² · 4 Var B = γ²/(2β + 1).
// CSL ERM (§2.2, [RC]): ŵ = z̄ and Var z_k = (1 − p_k²)/d, so E[½‖z̄ − µ‖² | µ] = (1 − ‖µ‖²)/(2n).
// CLB normalised-mean ERM (§9.0, [RC]): ‖µ‖(1 − (1 + (1 − ‖µ‖²)/(m‖µ‖²))^{−1/2}).
// CLB unit excess (§10): for ‖θ‖ = 1 and u = µ/‖µ‖, ‖θ − u‖² = 2 − 2⟨θ, u⟩, hence
//   ‖µ‖ − ⟨θ, µ⟩ = ‖µ‖ ‖θ − u‖² / 2, which stays accurate when the excess is tiny.
#include "theory/sco/fingerprint.h"

#include <cmath>
#include <stdexcept>
#include <string>

#include <boost/math/special_functions/beta.hpp>

#include "sim/core/argument_error.h"

namespace memgen::theory {
namespace {

void CheckP(const char* function, double p) {
  if (!(p >= -1.0 && p <= 1.0)) FailArgument(function, "p", p, "in [-1, 1]");
}

void CheckOddN(const char* function, std::int64_t n) {
  if (n < 1 || n % 2 == 0) FailArgument(function, "n", n, "odd and >= 1");
}

}  // namespace

double MeanStatisticG(double p) {
  CheckP("MeanStatisticG", p);
  return p;
}

double MeanStatisticGPrime(double p) {
  CheckP("MeanStatisticGPrime", p);
  return 1.0;
}

double MeanStatisticF1Rhs(double p) {
  CheckP("MeanStatisticF1Rhs", p);
  return (1.0 - p) * (1.0 + p);  // 1 − p², accurate near |p| = 1
}

double MajorityG(std::int64_t n, double p) {
  CheckOddN("MajorityG", n);
  CheckP("MajorityG", p);
  const double a = 0.5 * (static_cast<double>(n) + 1.0);
  if (p <= -1.0) return 0.0;
  if (p >= 1.0) return 1.0;
  // I_q(a, a) = 1 − I_{1−q}(a, a): evaluate the lower tail at min(q, 1 − q) = (1 − |p|)/2, which is
  // exact in p and keeps the small tail's relative precision.
  const double tail = boost::math::ibeta(a, a, 0.5 * (1.0 - std::fabs(p)));
  return p <= 0.0 ? tail : 1.0 - tail;
}

double MajorityGPrime(std::int64_t n, double p) {
  CheckOddN("MajorityGPrime", n);
  CheckP("MajorityGPrime", p);
  if (n == 1) return 0.5;
  if (p <= -1.0 || p >= 1.0) return 0.0;
  const double a = 0.5 * (static_cast<double>(n) + 1.0);
  // Symmetric in p: evaluate at q ≤ ½, where q = (1 − |p|)/2 carries no rounding from 1 + p.
  const double q = 0.5 * (1.0 - std::fabs(p));
  return 0.5 * boost::math::ibeta_derivative(a, a, q);
}

double MajorityF1Rhs(std::int64_t n, double p) {
  CheckOddN("MajorityF1Rhs", n);
  CheckP("MajorityF1Rhs", p);
  return FingerprintF1Rhs(p, MajorityGPrime(n, p));
}

double FingerprintF1Rhs(double p, double g_prime) {
  CheckP("FingerprintF1Rhs", p);
  if (!std::isfinite(g_prime)) FailArgument("FingerprintF1Rhs", "g_prime", g_prime, "finite");
  return (1.0 - p) * (1.0 + p) * g_prime;
}

double SymmetricBetaSecondMoment(double beta, double gamma) {
  if (!(std::isfinite(beta) && beta > 0.0)) FailArgument("SymmetricBetaSecondMoment", "beta", beta, "finite and > 0");
  if (!(std::isfinite(gamma) && gamma > 0.0)) FailArgument("SymmetricBetaSecondMoment", "gamma", gamma, "finite and > 0");
  return gamma * gamma / (2.0 * beta + 1.0);
}

double CslErmExpectedExcess(double mu_norm_squared, std::int64_t n) {
  if (!(mu_norm_squared >= 0.0 && mu_norm_squared <= 1.0))
    FailArgument("CslErmExpectedExcess", "mu_norm_squared", mu_norm_squared, "in [0, 1]");
  if (n < 1) FailArgument("CslErmExpectedExcess", "n", n, ">= 1");
  return (1.0 - mu_norm_squared) / (2.0 * static_cast<double>(n));
}

double ClbNormalisedMeanExcessApprox(double mu_norm, std::int64_t m) {
  if (!(mu_norm > 0.0 && mu_norm <= 1.0)) FailArgument("ClbNormalisedMeanExcessApprox", "mu_norm", mu_norm, "in (0, 1]");
  if (m < 1) FailArgument("ClbNormalisedMeanExcessApprox", "m", m, ">= 1");
  const double x = (1.0 - mu_norm) * (1.0 + mu_norm) / (static_cast<double>(m) * mu_norm * mu_norm);
  return mu_norm * -std::expm1(-0.5 * std::log1p(x));
}

double ClbUnitExcess(const Eigen::Ref<const Eigen::VectorXd>& theta, const Eigen::Ref<const Eigen::VectorXd>& mu) {
  if (theta.size() != mu.size())
    FailArgument("ClbUnitExcess", "theta.size()", theta.size(), "equal to mu.size() = " + std::to_string(mu.size()));
  if (!theta.allFinite()) FailArgument("ClbUnitExcess", "theta", "non-finite entries", "finite");
  if (!mu.allFinite()) FailArgument("ClbUnitExcess", "mu", "non-finite entries", "finite");
  const double theta_norm_squared = theta.squaredNorm();
  if (!(std::fabs(theta_norm_squared - 1.0) <= 1e-8))
    FailArgument("ClbUnitExcess", "theta.squaredNorm()", theta_norm_squared, "within 1e-8 of 1 (unit theta)");
  const double mu_norm = mu.norm();
  if (mu_norm == 0.0) return 0.0;
  const double inv = 1.0 / mu_norm;
  long double distance_squared = 0.0L;
  for (Eigen::Index k = 0; k < mu.size(); ++k) {
    const long double diff = static_cast<long double>(theta[k]) - static_cast<long double>(mu[k]) * inv;
    distance_squared += diff * diff;
  }
  return static_cast<double>(0.5L * static_cast<long double>(mu_norm) * distance_squared);
}

}  // namespace memgen::theory
