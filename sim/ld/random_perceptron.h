// A random perceptron on the Boolean cube (Mingard et al. 2019; learning_dynamics.md §4 (e)): the
// count t(w, b) = #{x ∈ {0,1}^n : w·x + b > 0} (the convention w·x > 0: the all-zero input is 0
// without a bias), the sign-pattern map of fixed magnitudes, and the weight laws of the scenario.
// The 2^n sums w·x are built over the subsets in binary order, s(S) = s(S without its lowest element)
// + w_lowest, 2^n additions instead of n·2^n.
#pragma once

#include <cstdint>
#include <vector>

#include "sim/random/rng.h"

namespace memgen::sim {

// t(w, b) for n = w.size() ≤ 24 inputs; `sums` is a workspace of 2^n doubles.
std::int64_t PerceptronCount(const std::vector<double>& w, double bias, std::vector<double>* sums);

// For magnitudes m (n ≤ 16): t(s ∘ m) for every sign pattern s, indexed by the pattern's bit mask
// (bit i set: w_i = −m_i).
std::vector<std::int64_t> SignPatternCounts(const std::vector<double>& magnitudes);

// The weight laws: sign-symmetric ones (t uniform) and the two controls of the spec (t not uniform).
enum class WeightLaw {
  kGaussian,  ///< w_i ~ N(0, 1)
  kUniform,   ///< w_i ~ U(−1, 1)
  kLaplace,   ///< w_i ~ Laplace(0, 1)
  kShifted,   ///< control: w_i ~ N(shift, 1)
  kBias,      ///< control: w_i ~ N(0, 1) and a bias b ~ N(0, bias_sd²)
};

struct WeightDraw {
  WeightLaw law = WeightLaw::kGaussian;
  double shift = 0.3;    ///< kShifted's mean
  double bias_sd = 1.0;  ///< kBias's bias scale
};

// Draws w (n = w->size() entries) and the bias (0 unless kBias) from the law.
void DrawPerceptron(const WeightDraw& draw, Rng& rng, std::vector<double>* w, double* bias);

}  // namespace memgen::sim
