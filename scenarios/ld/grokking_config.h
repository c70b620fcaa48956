// TOML reader for scn_ld_grokking (learning_dynamics.md §2): [[gromov]] cells of the analytic solution
// (gromov_experiment.h) and [[grokking]] cells of trained runs (grokking_experiment.h).
#pragma once

#include <vector>

#include "scenarios/cli/config_reader.h"
#include "scenarios/ld/gromov_experiment.h"
#include "scenarios/ld/grokking_experiment.h"
#include "sim/run/memory_estimate.h"

namespace memgen::scenarios {

struct GrokkingOptions {
  std::vector<GromovCell> gromov;
  std::vector<GrokkingCell> grokking;
};

GrokkingOptions ReadGrokkingOptions(const ConfigReader& root);
sim::MemoryEstimate GrokkingMemory(const GrokkingOptions& options, int threads);

}  // namespace memgen::scenarios
