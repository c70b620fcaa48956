// Exact finite-n oracles for isotropic Gaussian designs (Σ = I_d); benign_overfitting.md §6.1.
//   d ≥ n + 2 (min-norm):  E tr((XXᵀ)⁻¹) = n/(d − n − 1),   E B = ‖θ‖² (1 − n/d)
//     (XXᵀ ~ Wishart_n(d, I): E W⁻¹ = I/(d − n − 1); P projects onto a uniform n-dim subspace);
//   n ≥ d + 2 (least squares): E V/σ² = d/(n − d − 1),   B = 0;
//   sphere rows (radius √d): E V/σ² = n(d − 2)/(d(d − n − 1))   (Holzmüller's dd_sphere_curve).
#pragma once

#include <cstdint>

namespace memgen::theory {

double IsotropicExpectedVariance(std::int64_t n, std::int64_t d, double sigma2);  // NaN where undefined
double IsotropicExpectedBias(std::int64_t n, std::int64_t d, double theta_norm2);
double SphereExpectedVariance(std::int64_t n, std::int64_t d, double sigma2);

}  // namespace memgen::theory
