// TOML readers for the spurious-memorization scenarios (spurious_memorization.md §9): the Figure-1
// experiment with MAT and the memorisation scores (E1, E5, E6), and the idealized-model theory checks
// ([[margins]] series for E2, [dynamics] for E3 and E4).
#pragma once

#include "sim/cli/config_reader.h"
#include "theory/spur_dynamics.h"
#include "theory/spur_figure1.h"
#include "theory/spur_margins.h"

namespace memgen::scenarios {

theory::Figure1Options ReadFigure1Options(const sim::ConfigReader& root);

struct SpurTheoryOptions {
  std::vector<theory::MarginCell> margins;  ///< every (d/n, n/s) of every [[margins]] series
  bool dynamics = false;
  theory::DynamicsOptions dynamics_options;
};

SpurTheoryOptions ReadSpurTheoryOptions(const sim::ConfigReader& root);

}  // namespace memgen::scenarios
