// Feldman's discrete long-tail model (Feldman 2020; learning_dynamics.md §7), exactly, on a discrete
// frequency prior. The domain has N points; point k has normalised frequency
//     p_k = k^{−s_Z} / H_{N,s_Z},        H_{N,s} = Σ_{j ≤ N} j^{−s}      (Zipf, exponent s_Z),
// and ψ ∼ π̄^N is the frequency of a uniformly chosen point, so E_ψ[g(ψ)] = (1/N) Σ_k g(p_k).
// n i.i.d. samples; the count of point k is Binomial(n, p_k).
//   τ_ℓ = E[ψ^{ℓ+1}(1−ψ)^{n−ℓ}] / E[ψ^ℓ(1−ψ)^{n−ℓ}]        (computed in log space, max-shifted sums)
// Identity (Bayes with the Binomial count): E[Σ_{k: count_k = ℓ} p_k] / E[#{k: count_k = ℓ}] = τ_ℓ,
// since both sides carry the same factor C(n, ℓ); i.e. τ_ℓ = E[D(x) | x seen exactly ℓ times] in the
// pooled (ratio-of-expectations) sense that a Monte Carlo mean over all level-ℓ points estimates.
//   E[#level ℓ] = C(n, ℓ) Σ_k p_k^ℓ (1−p_k)^{n−ℓ},   E[mass of level ℓ] = C(n, ℓ) Σ_k p_k^{ℓ+1} (1−p_k)^{n−ℓ}.
// Cost of not memorizing singletons with labels uniform over m classes: E[singleton mass]·(1 − 1/m).
// The spec's lower bound τ₁·E[#singletons]·(1 − 1/m) equals that cost exactly in expectation in this
// model (τ₁·E[#singletons] = E[singleton mass] by the identity), so "≥" holds with equality.
// The optimal error (the memorizer's: guess on unseen points) is E[unseen mass]·(1 − 1/m).
#pragma once

#include <cstdint>
#include <vector>

namespace memgen::theory {

// The N Zipf frequencies p_k, normalised to sum to 1 (k = 1..N, decreasing).
std::vector<double> ZipfFrequencies(std::int64_t domain_size, double exponent);

// τ_ℓ for 0 ≤ ℓ ≤ n on the discrete prior given by `frequencies` (each in (0, 1)).
double Tau(const std::vector<double>& frequencies, std::int64_t samples, std::int64_t level);

// E[#points seen exactly ℓ times] and E[total frequency of those points].
double ExpectedLevelCount(const std::vector<double>& frequencies, std::int64_t samples, std::int64_t level);
double ExpectedLevelMass(const std::vector<double>& frequencies, std::int64_t samples, std::int64_t level);

// (1 − 1/m) times a mass: the excess error of guessing uniformly over m classes on that mass.
double GuessingCost(double mass, int classes);

// Everything the long-tail claims and the docs report, at one (N, s_Z, n, m).
struct LongTailSummary {
  double tau[4] = {0, 0, 0, 0};     ///< τ_0 … τ_3
  double expected_singletons = 0;   ///< E[#singletons]
  double singleton_fraction = 0;    ///< E[#singletons]/n
  double singleton_mass = 0;        ///< E[singleton mass]
  double unseen_mass = 0;           ///< E[mass of unseen points]
  double cost_of_not_memorizing = 0;  ///< singleton_mass·(1 − 1/m)
  double tau_bound = 0;             ///< τ₁·E[#singletons]·(1 − 1/m)
  double optimal_error = 0;         ///< unseen_mass·(1 − 1/m)
};
LongTailSummary SummariseLongTail(const std::vector<double>& frequencies, std::int64_t samples, int classes);

}  // namespace memgen::theory
