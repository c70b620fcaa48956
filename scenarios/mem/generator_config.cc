// The config pieces the memorization scenarios share, see generator_config.h.
#include "scenarios/mem/generator_config.h"

#include "sim/core/config_error.h"

namespace memgen::scenarios {

int ReadBoundedInt(const ConfigReader& t, const std::string& key, int fallback, std::int64_t lo, std::int64_t hi) {
  const std::int64_t v = t.Int(key, fallback);
  Require(v >= lo && v <= hi, t.Path(key), v, "must be in [" + std::to_string(lo) + ", " + std::to_string(hi) + "]");
  return static_cast<int>(v);
}

void ReadGenerator(const ConfigReader& t, sim::SubpopulationOptions* o) {
  o->subpopulations = t.Int("subpopulations", o->subpopulations);
  o->zipf_exponent = t.Double("zipf_exponent", o->zipf_exponent);
  o->classes = ReadBoundedInt(t, "classes", o->classes, 2, 100);
  o->dimension = ReadBoundedInt(t, "dimension", o->dimension, 1, 1000);
  o->centre_sd = t.Double("centre_sd", o->centre_sd);
  o->within_sd = t.Double("within_sd", o->within_sd);
  o->class_mean_sd = t.Double("class_mean_sd", o->class_mean_sd);
}

void ValidateGenerator(const sim::SubpopulationOptions& o, const std::string& table) {
  const std::string q = FieldPrefix(table);
  Require(o.subpopulations >= 2 && o.subpopulations <= 1000000, q + "subpopulations", o.subpopulations, "must be in [2, 1e6]");
  Require(o.zipf_exponent >= 0.0 && o.zipf_exponent <= 10.0, q + "zipf_exponent", o.zipf_exponent, "must be in [0, 10]");
  Require(o.classes >= 2 && o.classes <= 100, q + "classes", o.classes, "must be in [2, 100]");
  Require(o.dimension >= 1 && o.dimension <= 1000, q + "dimension", o.dimension, "must be in [1, 1000]");
  Require(o.centre_sd >= 0.0 && o.centre_sd <= 100.0, q + "centre_sd", o.centre_sd, "must be in [0, 100]");
  Require(o.within_sd >= 0.0 && o.within_sd <= 100.0, q + "within_sd", o.within_sd, "must be in [0, 100]");
  Require(o.class_mean_sd >= 0.0 && o.class_mean_sd <= 100.0, q + "class_mean_sd", o.class_mean_sd, "must be in [0, 100]");
}

}  // namespace memgen::scenarios
