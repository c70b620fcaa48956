// TOML reader for scn_ld_memorization (learning_dynamics.md §4 (e) and §5): a [perceptron] table
// (perceptron_experiment.h) and the 1-NN arms [constant_eta], [smooth] and [memorizer]
// (nearest_neighbour_experiment.h). Every table is optional; at least one is required.
#pragma once

#include <optional>

#include "scenarios/cli/config_reader.h"
#include "scenarios/ld/nearest_neighbour_experiment.h"
#include "scenarios/ld/perceptron_experiment.h"
#include "sim/run/memory_estimate.h"

namespace memgen::scenarios {

struct MemorizationOptions {
  std::optional<PerceptronOptions> perceptron;
  std::optional<ConstantEtaOptions> constant_eta;
  std::optional<SmoothOptions> smooth;
  std::optional<MemorizerOptions> memorizer;
};

MemorizationOptions ReadMemorizationOptions(const ConfigReader& root);
sim::MemoryEstimate MemorizationMemory(const MemorizationOptions& options, int threads);

}  // namespace memgen::scenarios
