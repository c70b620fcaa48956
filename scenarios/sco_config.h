// TOML reader for the SCO traceability scenario: the ε grid (CLB cells, n = ⌈C/ε²⌉,
// d = ⌈c ε² n² ln(n/ξ)⌉, β = 1/(8ε²)), the strongly convex cells (n grid, d = ⌈c n ln(n/ξ)⌉, fixed β)
// the learners, and the ℓ₂-cube cells of Voitovych et al. (sco_traceability.md §9).
#pragma once

#include <vector>

#include "sim/cli/config_reader.h"
#include "theory/sco_cube.h"
#include "theory/sco_experiment.h"
#include "theory/sco_fingerprint_mc.h"

namespace memgen::scenarios {

struct ScoScenarioOptions {
  std::vector<theory::ScoCellOptions> cells;   ///< CLB ε grid, phase sweep, CSL cells
  std::vector<theory::CubeCellOptions> cubes;  ///< ℓ₂-cube cells ([[cube]])
  bool fingerprint = false;                     ///< run the scalar identities ([fingerprint])
  theory::FingerprintMcOptions fingerprint_options;
};

ScoScenarioOptions ReadScoScenario(const sim::ConfigReader& root);

}  // namespace memgen::scenarios
