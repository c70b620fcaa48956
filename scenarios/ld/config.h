// TOML readers for the learning-dynamics scenarios (learning_dynamics.md §3, §4): scn_ld_deep_linear
// reads [modes] (the GD runs of deep_linear_experiment.h) and [[spectra]] cells (spectra_experiment.h).
#pragma once

#include <string>
#include <vector>

#include "scenarios/cli/config_reader.h"
#include "scenarios/ld/deep_linear_experiment.h"
#include "scenarios/ld/spectra_experiment.h"
#include "sim/run/memory_estimate.h"

namespace memgen::scenarios {

// A size (a dimension, a modulus, a width) read as a 64-bit integer and range-checked, [1, 1e5],
// before it narrows to int; the error names the key.
int SizeField(const ConfigReader& t, const std::string& key, int fallback);

struct DeepLinearOptions {
  ModeOptions modes;
  std::vector<SpectraCell> spectra;
};

DeepLinearOptions ReadDeepLinearOptions(const ConfigReader& root);
// The run's memory on `threads` threads: the GD runs' records and every trial's results.
sim::MemoryEstimate DeepLinearMemory(const DeepLinearOptions& options, int threads);

}  // namespace memgen::scenarios
