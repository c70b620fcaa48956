// TOML readers for the benign-overfitting scenarios: map config tables onto the library's options
// structs (STYLE.md G1/G2). Every value is validated where it is read; errors name the dotted key.
#pragma once

#include <vector>

#include "scenarios/cli/config_reader.h"
#include "scenarios/bo/spectra_experiment.h"
#include "scenarios/bo/isotropic_experiment.h"

namespace memgen::scenarios {

theory::SpectrumOptions ReadSpectrumOptions(const scenarios::ConfigReader& table);
theory::TargetOptions ReadTargetOptions(const scenarios::ConfigReader& table);
scenarios::CurveOptions ReadCurveOptions(const scenarios::ConfigReader& table);
std::vector<scenarios::CurveOptions> ReadCurves(const scenarios::ConfigReader& root);  // [[curve]] tables
scenarios::IsotropicOptions ReadIsotropicOptions(const scenarios::ConfigReader& root);

}  // namespace memgen::scenarios
