// Wishart shortcut for an exactly isotropic tail (Gaussian designs only; benign_overfitting.md §7.3).
// If columns m < j ≤ p all have variance ε, their contribution to A and M is
//   X_t X_tᵀ = ε W,   M_t = ε² W,   W ~ Wishart_n(p − m, I_n),
// independent of the head. W is drawn by the Bartlett decomposition W = L Lᵀ with L lower-triangular,
// L_ii² ~ χ²_{ν−i+1} (i = 1..n, ν = p − m), L_ij ~ N(0,1) (i > j): O(n³) whatever p is.
#pragma once

#include <Eigen/Core>

#include <cstdint>

#include "sim/random/rng.h"

namespace memgen::sim {

// Returns W (full symmetric) for ν ≥ n degrees of freedom.
Eigen::MatrixXd DrawWishartIdentity(std::int64_t n, std::int64_t nu, Rng& rng);

}  // namespace memgen::sim
