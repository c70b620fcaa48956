// TOML readers for the benign-overfitting scenarios: map config tables onto the library's options
// structs (STYLE.md G1/G2). Every value is validated where it is read; errors name the dotted key.
#pragma once

#include <vector>

#include "sim/cli/config_reader.h"
#include "theory/bo_curve.h"
#include "theory/bo_isotropic.h"

namespace memgen::scenarios {

sim::SpectrumOptions ReadSpectrumOptions(const sim::ConfigReader& table);
sim::TargetOptions ReadTargetOptions(const sim::ConfigReader& table);
theory::CurveOptions ReadCurveOptions(const sim::ConfigReader& table);
std::vector<theory::CurveOptions> ReadCurves(const sim::ConfigReader& root);  // [[curve]] tables
theory::IsotropicOptions ReadIsotropicOptions(const sim::ConfigReader& root);

}  // namespace memgen::scenarios
