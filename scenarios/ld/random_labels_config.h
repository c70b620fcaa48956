// TOML reader for scn_ld_random_labels (learning_dynamics.md §4 (a)–(c)): one [random_labels] table,
// the cell of random_labels_experiment.h.
#pragma once

#include "scenarios/cli/config_reader.h"
#include "scenarios/ld/random_labels_experiment.h"
#include "sim/run/memory_estimate.h"

namespace memgen::scenarios {

struct RandomLabelOptions {
  RandomLabelCell cell;
};

RandomLabelOptions ReadRandomLabelOptions(const ConfigReader& root);
sim::MemoryEstimate RandomLabelMemory(const RandomLabelOptions& options, int threads);

}  // namespace memgen::scenarios
