// TOML reader for scn_ld_weight_decay (learning_dynamics.md §2.6, §2.7 G4): one [weight_decay] table,
// the Omnigrok teacher–student cell of weight_decay_experiment.h.
#pragma once

#include "scenarios/cli/config_reader.h"
#include "scenarios/ld/weight_decay_experiment.h"
#include "sim/run/memory_estimate.h"

namespace memgen::scenarios {

struct WeightDecayOptions {
  WeightDecayCell cell;
};

WeightDecayOptions ReadWeightDecayOptions(const ConfigReader& root);
sim::MemoryEstimate WeightDecayMemory(const WeightDecayOptions& options, int threads);

}  // namespace memgen::scenarios
