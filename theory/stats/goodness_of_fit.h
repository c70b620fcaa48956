// Pearson's χ² test of counts against the uniform law on k bins (Pearson 1900):
//   χ² = Σ_i (O_i − E)²/E,  E = N/k,  df = k − 1,  p = P(χ²_df ≥ χ²)   (Boost.Math's χ² law).
// An observation outside the bins is impossible under the law: its p-value is 0. The χ² law is the
// large-count limit of the multinomial statistic; with E in the hundreds it holds far into the tail.
// Power (Cochran 1952): under cell probabilities p_i the statistic is approximately noncentral χ²
// with df = k − 1 and λ = N Σ_i (p_i − 1/k)²/(1/k); the test at level α detects, with probability
// `power`, the λ with P(χ²_df(λ) > c_α) = power, i.e. a χ² distance Σ (p_i − 1/k)²/(1/k) of λ/N.
#pragma once

#include <cstdint>
#include <vector>

namespace memgen::theory {

struct ChiSquareTest {
  double statistic = 0.0;
  double degrees_of_freedom = 0.0;
  double p_value = 1.0;
  std::int64_t total = 0;    ///< N, the observations in the bins
  std::int64_t outside = 0;  ///< observations outside the bins (p = 0 when any)
};

ChiSquareTest UniformChiSquare(const std::vector<std::int64_t>& counts, std::int64_t outside = 0);

// λ with P(χ²_df(λ) > c_α) = power, where P(χ²_df > c_α) = α.
double ChiSquareDetectableNoncentrality(double degrees_of_freedom, double alpha, double power);

}  // namespace memgen::theory
