// What every scn_<name> does with a config before it computes anything (scenario_main.h,
// RunScenario): the common settings, the scenario's option reader, RejectUnknownKeys and the memory
// estimate; here for every registered scenario, for the libFuzzer targets of tests/fuzz/. The
// readers are the ones the mains pass to RunScenario; the memory estimates of bo_spectra,
// sco_tracing and spur_theory live in their mains, so they are restated below from the same parts.
// Only memgen::ConfigError may leave a reader: it is caught here, and anything else propagates to
// libFuzzer as a finding.
#pragma once

#include <toml++/toml.h>

#include <array>
#include <string>

#include "scenarios/bo/config.h"
#include "scenarios/bo/isotropic_experiment.h"
#include "scenarios/bo/spectra_experiment.h"
#include "scenarios/cli/config_reader.h"
#include "scenarios/cli/scenario_main.h"
#include "scenarios/ld/config.h"
#include "scenarios/ld/grokking_config.h"
#include "scenarios/ld/memorization_config.h"
#include "scenarios/ld/random_labels_config.h"
#include "scenarios/ld/weight_decay_config.h"
#include "scenarios/mem/data_diet_config.h"
#include "scenarios/mem/lira_config.h"
#include "scenarios/mem/long_tail_config.h"
#include "scenarios/mem/unlearning_config.h"
#include "scenarios/sco/config.h"
#include "scenarios/spur/config.h"
#include "scenarios/spur/regression_config.h"
#include "scenarios/spur/regression_experiment.h"
#include "sim/core/config_error.h"
#include "sim/run/memory_estimate.h"

namespace memgen::fuzz {

// The registry's order (scenarios/registry.json): an input's first byte picks one by index mod 15.
inline const std::array<const char*, 15> kScenarios = {"bo_isotropic",    "bo_spectra",     "sco_tracing",   "spur_figure1",    "spur_theory",
                                                       "spur_regression", "ld_deep_linear", "ld_grokking",   "ld_weight_decay", "ld_random_labels",
                                                       "ld_memorization", "mem_long_tail",  "mem_data_diet", "mem_lira",        "mem_unlearning"};
inline const std::array<const char*, 15> kSimulators = {"bo", "bo", "sco", "spur", "spur", "spur", "ld", "ld", "ld", "ld", "ld", "mem", "mem", "mem", "mem"};

inline constexpr double kAvailableBytes = 16.0 * 1024 * 1024 * 1024;  // a fixed machine: 16 GiB

inline sim::MemoryEstimate Memory(const std::vector<scenarios::CurveOptions>& curves, int threads) {
  sim::MemoryEstimate memory;
  for (std::size_t i = 0; i < curves.size(); ++i)
    scenarios::AddCurveMemory(curves[i], threads, "curve[" + std::to_string(i) + "]", &memory);
  return memory;
}
inline sim::MemoryEstimate Memory(const scenarios::ScoScenarioOptions& options, int threads) {
  sim::MemoryEstimate memory;
  for (const auto& c : options.cells) scenarios::AddScoCellMemory(c, threads, &memory);
  for (const auto& c : options.cubes) scenarios::AddCubeCellMemory(c, threads, &memory);
  if (options.fingerprint) scenarios::AddFingerprintMemory(options.fingerprint_options, &memory);
  return memory;
}
inline sim::MemoryEstimate Memory(const scenarios::SpurTheoryOptions& options, int threads) {
  sim::MemoryEstimate memory;
  for (const auto& c : options.margins) scenarios::AddMarginCellMemory(c, threads, &memory);
  if (options.dynamics) scenarios::AddDynamicsMemory(options.dynamics_options, threads, &memory);
  return memory;
}
inline sim::MemoryEstimate Memory(const scenarios::IsotropicOptions& o, int threads) { return scenarios::IsotropicMemory(o, threads); }
inline sim::MemoryEstimate Memory(const scenarios::Figure1Options& o, int threads) { return scenarios::Figure1Memory(o, threads); }
inline sim::MemoryEstimate Memory(const scenarios::RegressionOptions& o, int threads) { return scenarios::RegressionMemory(o, threads); }
inline sim::MemoryEstimate Memory(const scenarios::DeepLinearOptions& o, int threads) { return scenarios::DeepLinearMemory(o, threads); }
inline sim::MemoryEstimate Memory(const scenarios::GrokkingOptions& o, int threads) { return scenarios::GrokkingMemory(o, threads); }
inline sim::MemoryEstimate Memory(const scenarios::WeightDecayOptions& o, int threads) { return scenarios::WeightDecayMemory(o, threads); }
inline sim::MemoryEstimate Memory(const scenarios::RandomLabelOptions& o, int threads) { return scenarios::RandomLabelMemory(o, threads); }
inline sim::MemoryEstimate Memory(const scenarios::MemorizationOptions& o, int threads) { return scenarios::MemorizationMemory(o, threads); }
inline sim::MemoryEstimate Memory(const scenarios::LongTailOptions& o, int threads) { return scenarios::LongTailMemory(o, threads); }
inline sim::MemoryEstimate Memory(const scenarios::DataDietOptions& o, int threads) { return scenarios::DataDietMemory(o, threads); }
inline sim::MemoryEstimate Memory(const scenarios::LiraOptions& o, int threads) { return scenarios::LiraMemory(o, threads); }
inline sim::MemoryEstimate Memory(const scenarios::UnlearningOptions& o, int threads) { return scenarios::UnlearningMemory(o, threads); }

template <typename Read>
void Validate(const char* scenario, const toml::table& config, Read read) {
  try {
    const scenarios::ConfigReader reader(config);
    scenarios::ScenarioContext context;
    context.scenario = scenario;
    scenarios::detail::ReadCommonSettings(reader, &context);
    const auto options = read(reader);
    reader.RejectUnknownKeys();
    Memory(options, 2).Check(kAvailableBytes);
  } catch (const ConfigError&) {
    // the one expected outcome of bad input: exit code 2 in scn_<name>
  }
}

// Validates `config` as scenario `index` (kScenarios) would.
inline void ValidateAs(std::size_t index, const toml::table& config) {
  switch (index % kScenarios.size()) {
    case 0: return Validate(kScenarios[0], config, scenarios::ReadIsotropicOptions);
    case 1: return Validate(kScenarios[1], config, scenarios::ReadCurves);
    case 2: return Validate(kScenarios[2], config, scenarios::ReadScoScenario);
    case 3: return Validate(kScenarios[3], config, scenarios::ReadFigure1Options);
    case 4: return Validate(kScenarios[4], config, scenarios::ReadSpurTheoryOptions);
    case 5: return Validate(kScenarios[5], config, scenarios::ReadRegressionOptions);
    case 6: return Validate(kScenarios[6], config, scenarios::ReadDeepLinearOptions);
    case 7: return Validate(kScenarios[7], config, scenarios::ReadGrokkingOptions);
    case 8: return Validate(kScenarios[8], config, scenarios::ReadWeightDecayOptions);
    case 9: return Validate(kScenarios[9], config, scenarios::ReadRandomLabelOptions);
    case 10: return Validate(kScenarios[10], config, scenarios::ReadMemorizationOptions);
    case 11: return Validate(kScenarios[11], config, scenarios::ReadLongTailOptions);
    case 12: return Validate(kScenarios[12], config, scenarios::ReadDataDietOptions);
    case 13: return Validate(kScenarios[13], config, scenarios::ReadLiraOptions);
    default: return Validate(kScenarios[14], config, scenarios::ReadUnlearningOptions);
  }
}

// The shipped base config of scenario `index`, the directory its scale files live in.
inline std::string ConfigDir(std::size_t index) {
  return std::string(MEMGEN_SOURCE_DIR) + "/scenarios/" + kSimulators[index] + "/configs/" + kScenarios[index];
}

}  // namespace memgen::fuzz
