// TOML reader for the SCO traceability scenario: the ε grid (CLB cells, n = ⌈C/ε²⌉,
// d = ⌈c ε² n² ln(n/ξ)⌉, β = 1/(8ε²)), the strongly convex cells (n grid, d = ⌈c n ln(n/ξ)⌉, fixed β)
// the learners, and the ℓ₂-cube cells of Voitovych et al. (sco_traceability.md §9).
#pragma once

#include <vector>

#include "scenarios/cli/config_reader.h"
#include "scenarios/sco/cube_experiment.h"
#include "scenarios/sco/tracing_experiment.h"
#include "scenarios/sco/fingerprint_experiment.h"

namespace memgen::scenarios {

struct ScoScenarioOptions {
  std::vector<scenarios::ScoCellOptions> cells;   ///< CLB ε grid, phase sweep, CSL cells
  std::vector<scenarios::CubeCellOptions> cubes;  ///< ℓ₂-cube cells ([[cube]])
  bool fingerprint = false;                     ///< run the scalar identities ([fingerprint])
  scenarios::FingerprintMcOptions fingerprint_options;
};

ScoScenarioOptions ReadScoScenario(const scenarios::ConfigReader& root);

}  // namespace memgen::scenarios
