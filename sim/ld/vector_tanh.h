// tanh over an Eigen array in SIMD lanes. Eigen 3.4 vectorizes tanh only in single precision; in double
// it calls std::tanh per entry, which made tanh most of a teacher–student training step. Here
//   |x| ≥ 1/8:  tanh x = sign(x) (1 − e)/(1 + e),  e = exp(−2|x|)   (Eigen's vectorized exp; the
//               subtraction loses at most a factor e/(1 − e) < 3.6 in relative accuracy),
//   |x| < 1/8:  the Taylor series Σ c_k x^{2k+1} to k = 9, whose coefficients come from tanh' = 1 − tanh²:
//               c_0 = 1, (2n + 1) c_n = −Σ_{i+j=n−1} c_i c_j; the first omitted term is below 1e-20 |x|.
// Both branches are computed for every lane and one is selected. Relative error within 1e-15 of
// std::tanh everywhere (tests/sim/ld/deep_tanh_mlp_test.cc), ±1 beyond |x| = 19.
#pragma once

#include <Eigen/Core>

namespace memgen::sim {

// Replaces each of the `count` values by its tanh (any storage order: the map is element-wise).
void TanhInPlace(double* values, Eigen::Index count);

}  // namespace memgen::sim
