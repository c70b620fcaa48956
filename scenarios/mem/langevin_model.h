// The learner of the §9 experiments (learning_dynamics.md §9): full-batch noisy GD on ridge regression
// (theory/mem/ridge_noisy_gd.h) over a regression sample of the §10 generator, and the Rényi order α
// of the per-instance privacy loss P(x_i) = D_α(ν_S ‖ ν_{S∖i}), ν the stationary law of the chain.
// Leverage of example i (its first row x): x ᵀ(XᵀX + nλ_R I)⁻¹ x, the diagonal of the ridge hat matrix.
#pragma once

#include <string>
#include <vector>

#include "sim/mem/regression_sample.h"
#include "theory/mem/ridge_noisy_gd.h"

namespace memgen::scenarios {

struct LangevinModel {
  double ridge = 0.1;              ///< λ_R
  theory::NoisyGdParams noisy_gd;  ///< η = 0.05, 1/β = 0.01
  double alpha = 2.0;              ///< Rényi order α
  void Validate(const std::string& table) const;
};

// H and b of `sample` without the rows of the examples in `removed`.
theory::RidgeProblem RidgeOf(const sim::RegressionSample& sample, const LangevinModel& model, const std::vector<int>& removed = {});

// The example of highest leverage (the first on ties).
int HighestLeverage(const sim::RegressionSample& sample, double ridge);

}  // namespace memgen::scenarios
