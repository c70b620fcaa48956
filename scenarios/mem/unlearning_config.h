// TOML reader for scn_mem_unlearning (learning_dynamics.md §9): a [chains] table with its [chains.data]
// (the exact ridge-Langevin model against Monte Carlo chains, langevin_chains_experiment.h) and a
// [points] table with its [points.data] (per-instance privacy and unlearning steps,
// unlearning_points_experiment.h), and a [logistic] table with its [logistic.data] (the small logistic
// model, logistic_unlearning_experiment.h). At least one of them is required; each runs only when named.
#pragma once

#include <optional>

#include "scenarios/cli/config_reader.h"
#include "scenarios/mem/langevin_chains_experiment.h"
#include "scenarios/mem/logistic_unlearning_experiment.h"
#include "scenarios/mem/unlearning_points_experiment.h"
#include "sim/run/memory_estimate.h"

namespace memgen::scenarios {

struct UnlearningOptions {
  std::optional<LangevinChainOptions> chains;
  std::optional<UnlearningPointOptions> points;
  std::optional<LogisticUnlearningOptions> logistic;
};

UnlearningOptions ReadUnlearningOptions(const ConfigReader& root);
sim::MemoryEstimate UnlearningMemory(const UnlearningOptions& options, int threads);

}  // namespace memgen::scenarios
