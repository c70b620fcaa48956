// The config pieces the memorization scenarios share: the [data] table of the §10 generator
// (sim/mem/subpopulation_data.h) and a range-checked int read, each with the error naming the field.
#pragma once

#include <cstdint>
#include <string>

#include "scenarios/cli/config_reader.h"
#include "sim/mem/regression_sample.h"
#include "sim/mem/subpopulation_data.h"

namespace memgen::scenarios {

// An int field read as 64 bits and range-checked before it narrows; the error names the key.
int ReadBoundedInt(const ConfigReader& t, const std::string& key, int fallback, std::int64_t lo, std::int64_t hi);

// Reads the generator's fields present in `t` over the defaults in `o`.
void ReadGenerator(const ConfigReader& t, sim::SubpopulationOptions* o);

// Range checks of the generator's fields, named `table`.<field> (exit code 2 on a violation).
void ValidateGenerator(const sim::SubpopulationOptions& o, const std::string& table);

// The [data] table of a two-class regression sample (sim/mem/regression_sample.h): the generator's
// fields plus examples, outlier_fraction, outlier_sd, label_noise, repeated and copies.
void ReadRegressionSample(const ConfigReader& t, sim::RegressionSampleOptions* o);
// Its range checks: classes = 2, and enough clean examples for the repeated ones.
void ValidateRegressionSample(const sim::RegressionSampleOptions& o, const std::string& table);

}  // namespace memgen::scenarios
