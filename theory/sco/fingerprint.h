// Closed forms behind the fingerprinting identities and the exact excess risks of the SCO instances
// (sco_traceability.md §2, §3, §6, §9.0, §10). X_1..X_n ∈ {±1} are i.i.d. with mean p, g(p) = E_p f(X).
//   (F1)  E[f(X) Σ_i (X_i − p)] = (1 − p²) g'(p)            (VHADLR25 Lemma D.2 = DSSUV15 Lemma 5)
//   f = X̄:            g(p) = p,  g'(p) = 1
//   f = 1{Σ X_i > 0}:  g(p) = P(Bin(n, (1+p)/2) > n/2),  g'(p) = (n/2) C(n−1, (n−1)/2) ((1 − p²)/4)^{(n−1)/2}
//   p ~ s-beta_{[−γ,γ]}(β,β):  E p² = γ²/(2β + 1)
//   CSL ERM (§2.2):  E[½‖z̄ − µ‖² | µ] = (1 − ‖µ‖²)/(2n)
//   CLB normalised-mean ERM on m points (§9.0):  ε̂ ≈ ‖µ‖(1 − (1 + (1 − ‖µ‖²)/(m‖µ‖²))^{−1/2})
//   CLB excess of a unit θ (§10):  ‖µ‖ − ⟨θ, µ⟩ = ‖µ‖ ‖θ − µ/‖µ‖‖² / 2
#pragma once

#include <cstdint>

#include <Eigen/Core>

namespace memgen::theory {

// f = X̄: g(p) = p and g'(p) = 1, for p ∈ [−1, 1].
double MeanStatisticG(double p);
double MeanStatisticGPrime(double p);
// F1 right-hand side for f = X̄: 1 − p².
double MeanStatisticF1Rhs(double p);

// f = 1{Σ X_i > 0} with n odd (n ≥ 1, up to ~1e9), p ∈ [−1, 1]. Computed with Boost.Math's regularised
// incomplete beta (g = I_{(1+p)/2}((n+1)/2, (n+1)/2)) and its derivative, so large n neither overflows
// nor loses the tails.
double MajorityG(std::int64_t n, double p);
double MajorityGPrime(std::int64_t n, double p);
// F1 right-hand side for the majority: (1 − p²) g'(p); equals (1 − p²)/2 at n = 1.
double MajorityF1Rhs(std::int64_t n, double p);

// F1 right-hand side (1 − p²) g'(p) for any statistic with derivative g'(p) at p ∈ [−1, 1].
double FingerprintF1Rhs(double p, double g_prime);

// E p² for p ~ s-beta(β, β) on [−γ, γ] (β > 0, γ > 0): γ²/(2β + 1).
double SymmetricBetaSecondMoment(double beta, double gamma);

// Exact E[½‖z̄ − µ‖² | µ] = (1 − ‖µ‖²)/(2n) for CSL ERM ŵ = z̄ on {±1/√d}^d, given ‖µ‖² ∈ [0, 1].
double CslErmExpectedExcess(double mu_norm_squared, std::int64_t n);

// Normalised-mean ERM excess approximation on m points given ‖µ‖ ∈ (0, 1]; ≈ 1/(2m‖µ‖) when
// m‖µ‖² ≫ 1. Evaluated as ‖µ‖·(−expm1(−½ log1p(x))) with x = (1 − ‖µ‖²)/(m‖µ‖²) (no cancellation).
double ClbNormalisedMeanExcessApprox(double mu_norm, std::int64_t m);

// ‖µ‖ − ⟨θ, µ⟩ for unit θ (‖θ‖² within 1e-8 of 1, same length as µ), evaluated without cancellation
// as ‖µ‖ ‖θ − µ/‖µ‖‖² / 2 = ‖µ‖ (1 − cos∠(θ, µ)). Returns 0 when µ = 0.
double ClbUnitExcess(const Eigen::Ref<const Eigen::VectorXd>& theta, const Eigen::Ref<const Eigen::VectorXd>& mu);

}  // namespace memgen::theory
