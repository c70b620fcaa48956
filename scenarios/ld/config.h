// TOML readers for the learning-dynamics scenarios (learning_dynamics.md §3, §4): scn_ld_deep_linear
// reads [modes] (the GD runs of deep_linear_experiment.h) and [[spectra]] cells (spectra_experiment.h).
#pragma once

#include <vector>

#include "scenarios/cli/config_reader.h"
#include "scenarios/ld/deep_linear_experiment.h"
#include "scenarios/ld/spectra_experiment.h"
#include "sim/run/memory_estimate.h"

namespace memgen::scenarios {

struct DeepLinearOptions {
  ModeOptions modes;
  std::vector<SpectraCell> spectra;
};

DeepLinearOptions ReadDeepLinearOptions(const ConfigReader& root);
// The run's memory on `threads` threads: the GD runs' records and every trial's results.
sim::MemoryEstimate DeepLinearMemory(const DeepLinearOptions& options, int threads);

}  // namespace memgen::scenarios
