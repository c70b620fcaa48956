// TOML reader for the SCO traceability scenario: the ε grid (CLB cells, n = ⌈C/ε²⌉,
// d = ⌈c ε² n² ln(n/ξ)⌉, β = 1/(8ε²)), the strongly convex cells (n grid, d = ⌈c n ln(n/ξ)⌉, fixed β)
// and the learners (sco_traceability.md §9).
#pragma once

#include <vector>

#include "sim/cli/config_reader.h"
#include "theory/sco_experiment.h"

namespace memgen::scenarios {

std::vector<theory::ScoCellOptions> ReadScoCells(const sim::ConfigReader& root);

}  // namespace memgen::scenarios
