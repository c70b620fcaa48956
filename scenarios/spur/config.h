// TOML readers for the spurious-memorization scenarios (spurious_memorization.md §9): the Figure-1
// experiment with MAT and the memorization scores (E1, E5, E6), and the idealized-model theory checks
// ([[margins]] series for E2, [dynamics] for E3 and E4).
#pragma once

#include "scenarios/cli/config_reader.h"
#include "scenarios/spur/dynamics_experiment.h"
#include "scenarios/spur/figure1_experiment.h"
#include "scenarios/spur/margins_experiment.h"

namespace memgen::scenarios {

scenarios::Figure1Options ReadFigure1Options(const scenarios::ConfigReader& root);

struct SpurTheoryOptions {
  std::vector<scenarios::MarginCell> margins;  ///< every (d/n, n/s) of every [[margins]] series
  bool dynamics = false;
  scenarios::DynamicsOptions dynamics_options;
};

SpurTheoryOptions ReadSpurTheoryOptions(const scenarios::ConfigReader& root);

}  // namespace memgen::scenarios
