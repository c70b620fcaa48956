// TOML reader for scn_spur_regression, the good/bad/ugly memorization regression of Bayat et al.
// (2024, Fig. 3; spurious_memorization.md §8, E7; scenarios/spur/regression_experiment.h). Keys (defaults from
// scenarios::RegressionOptions): sweep_points, train_points, noise_dims, label_noise, hidden,
// learning_rate, target_mse, max_steps, trials, and the noise levels as two parallel arrays
//   level_names = ["good", "bad", "ugly"],  level_sigmas = [1e-4, 1e-3, 0.0]
// (σ_ε per level; good, bad and ugly are required, extra levels are allowed).
#pragma once

#include "scenarios/cli/config_reader.h"
#include "scenarios/spur/regression_experiment.h"

namespace memgen::scenarios {

scenarios::RegressionOptions ReadRegressionOptions(const scenarios::ConfigReader& root);

}  // namespace memgen::scenarios
