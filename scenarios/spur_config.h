// TOML readers for the spurious-memorization scenarios (spurious_memorization.md §9): the Figure-1
// experiment with MAT and the memorisation scores (E1, E5, E6).
#pragma once

#include "sim/cli/config_reader.h"
#include "theory/spur_figure1.h"

namespace memgen::scenarios {

theory::Figure1Options ReadFigure1Options(const sim::ConfigReader& root);

}  // namespace memgen::scenarios
