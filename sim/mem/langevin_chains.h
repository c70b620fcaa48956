// Monte Carlo chains of full-batch noisy gradient descent (Langevin dynamics) on ridge regression
// (learning_dynamics.md §9; Chien et al. 2024; Sepahvand et al. 2025):
//   w_{k+1} = (I − ηH) w_k + ηb + √(2η/β) ξ_k,   ξ_k ∼ N(0, I_d),
// with H, b of theory/mem/ridge_noisy_gd.h, B chains at once as the columns of W (d × B), so a step
// is one d × d by d × B product plus d·B Philox normals. Gaussian draws N(m, Σ) use the Cholesky
// factor, w = m + L z; the log density ratio of two Gaussians P = N(m₁, Σ₁), Q = N(m₂, Σ₂) at w is
//   ln p(w) − ln q(w) = −½ [ (w − m₁)ᵀΣ₁⁻¹(w − m₁) − (w − m₂)ᵀΣ₂⁻¹(w − m₂) + ln det Σ₁ − ln det Σ₂ ].
#pragma once

#include <Eigen/Core>
#include <cstdint>

#include "sim/random/rng.h"
#include "theory/mem/ridge_noisy_gd.h"

namespace memgen::sim {

// `count` draws of N(state.mean, state.cov) as columns (d × count).
Eigen::MatrixXd DrawGaussianColumns(const theory::GaussianState& state, std::int64_t count, Rng& rng);

// `steps` noisy GD steps on `problem`, every column of `w` a chain.
void RunNoisyGd(const theory::RidgeProblem& problem, const theory::NoisyGdParams& params, int steps, Eigen::MatrixXd* w,
                Rng& rng);

// ln p(w_j) − ln q(w_j) for every column w_j of `w`.
Eigen::VectorXd GaussianLogDensityRatio(const Eigen::MatrixXd& w, const theory::GaussianState& p,
                                        const theory::GaussianState& q);

}  // namespace memgen::sim
