// TOML reader for scn_mem_lira (learning_dynamics.md §8): a [gaussian] table (known Gaussian scores)
// and a [shadows] table with its [data] table (the shared generator of §10), in lira_experiment.h,
// and a [dp] table (DP learners under the cap, dp_cap_experiment.h). Each is optional; at least one
// is required.
#pragma once

#include <optional>

#include "scenarios/cli/config_reader.h"
#include "scenarios/mem/dp_cap_experiment.h"
#include "scenarios/mem/lira_experiment.h"
#include "scenarios/mem/sco_bridge_experiment.h"
#include "sim/run/memory_estimate.h"

namespace memgen::scenarios {

struct LiraOptions {
  std::optional<GaussianTestOptions> gaussian;
  std::optional<ShadowOptions> shadows;
  std::optional<DpCapOptions> dp;
  std::optional<ScoBridgeOptions> sco;
};

LiraOptions ReadLiraOptions(const ConfigReader& root);
sim::MemoryEstimate LiraMemory(const LiraOptions& options, int threads);

}  // namespace memgen::scenarios
