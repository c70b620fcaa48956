// TOML reader for scn_mem_data_diet (learning_dynamics.md §6): a [data] table (the shared generator
// of §10) and a [diet] table (training, scores, pruning, trials), both in data_diet_experiment.h and
// both optional (defaults).
#pragma once

#include "scenarios/cli/config_reader.h"
#include "scenarios/mem/data_diet_experiment.h"
#include "sim/run/memory_estimate.h"

namespace memgen::scenarios {

DataDietOptions ReadDataDietOptions(const ConfigReader& root);
sim::MemoryEstimate DataDietMemory(const DataDietOptions& options, int threads);

}  // namespace memgen::scenarios
