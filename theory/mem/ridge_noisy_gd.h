// Exact model of learning_dynamics.md §9: full-batch noisy GD (Langevin) on ridge regression,
// L_S(w) = (1/2n)Σ_j (x_jᵀw − y_j)² + (λ_R/2)‖w‖², ∇L_S = Hw − b, H = XᵀX/n + λ_R I, b = Xᵀy/n.
// w_{k+1} = A w_k + ηb + √(2η/β) ξ_k with A = I − ηH (η‖H‖ < 2), so every iterate is Gaussian:
//   m_k = m* + A^k (m_0 − m*),  m* = H⁻¹b;   Σ_k = Σ* + A^k (Σ_0 − Σ*) A^k,  Σ* = β⁻¹ H⁻¹ (I − ηH/2)⁻¹.
// Unlearning x_i (Chien et al. 2024; Sepahvand et al. 2025): start from ν_S = N(m*_S, Σ*_S), run k steps
// on S' = S∖i (A' = I − ηH'); D_k = D_α(N(m_k, Σ_k) ‖ ν_S') with the closed-form Gaussian Rényi divergence,
// k*_i = min{k : D_k ≤ ε}. Asymptotic rate of ln D_k per step: 2 ln(1 − ηλ_min(H')) (the mean term; the
// covariance term decays twice as fast), reached once the other modes of A'^k have died out (unlearning_rate_window.h places that window).
#pragma once

#include <Eigen/Core>
#include <vector>

namespace memgen::theory {

struct RidgeProblem {
  Eigen::MatrixXd h;  ///< XᵀX/n + λ_R I
  Eigen::VectorXd b;  ///< Xᵀy/n
};

struct NoisyGdParams {
  double eta = 0.05;       ///< step size
  double inv_beta = 0.01;  ///< temperature 1/β
};

struct GaussianState {
  Eigen::VectorXd mean;
  Eigen::MatrixXd cov;
};

// H and b from rows X (n × d), labels y, ridge λ_R, without the rows in `drop` (S∖i; every copy of a
// repeated example), normalised by the rows kept.
RidgeProblem MakeRidgeProblem(const Eigen::MatrixXd& x, const Eigen::VectorXd& y, double lambda,
                              const std::vector<int>& drop = {});

// ν_S = N(m*, Σ*). Throws if η‖H‖ ≥ 2.
GaussianState Stationary(const RidgeProblem& p, const NoisyGdParams& g);

// One step of the mean/covariance recursion, and k steps in closed form via A^k.
GaussianState StepRecursion(const RidgeProblem& p, const NoisyGdParams& g, const GaussianState& s);
GaussianState StateAfter(const RidgeProblem& p, const NoisyGdParams& g, const GaussianState& start, int k);

// D_k = D_α(state after k steps on `retain` from `start` ‖ stationary law of `retain`).
double UnlearningDivergence(const RidgeProblem& retain, const NoisyGdParams& g, const GaussianState& start,
                            double alpha, int k);

// D_0, …, D_{k_max} by iterating the recursion from `start` on `retain`, carried as the offsets from the
// target (δ ← A'δ, Δ ← A'ΔA'ᵀ: the noise and ηb terms cancel exactly), so D_k keeps its relative accuracy
// as it falls (gaussian_renyi.h).
std::vector<double> UnlearningCurve(const RidgeProblem& retain, const NoisyGdParams& g, const GaussianState& start,
                                    double alpha, int k_max);

// min{k ≤ k_max : D_k ≤ ε}, or −1 if not reached.
int UnlearningSteps(const RidgeProblem& retain, const NoisyGdParams& g, const GaussianState& start, double alpha,
                    double epsilon, int k_max);

// 2 ln ρ₁, ρ₁ = max_j |1 − ηλ_j(H)|: 2 ln(1 − ηλ_min(H)) when η(λ_min + λ_max) ≤ 2.
double AsymptoticLogRate(const RidgeProblem& p, const NoisyGdParams& g);

}  // namespace memgen::theory
