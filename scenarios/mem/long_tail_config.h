// TOML reader for scn_mem_long_tail (learning_dynamics.md §7): a [discrete] table (the long-tail
// model: τ identity and the cost of not memorizing) and an [estimator] table (the subsampled estimator
// on 1-NN refits), both in long_tail_experiment.h. Each table is optional; at least one is required.
#pragma once

#include <optional>

#include "scenarios/cli/config_reader.h"
#include "scenarios/mem/long_tail_experiment.h"
#include "sim/run/memory_estimate.h"

namespace memgen::scenarios {

struct LongTailOptions {
  std::optional<DiscreteTailOptions> discrete;
  std::optional<EstimatorOptions> estimator;
};

LongTailOptions ReadLongTailOptions(const ConfigReader& root);
sim::MemoryEstimate LongTailMemory(const LongTailOptions& options, int threads);

}  // namespace memgen::scenarios
