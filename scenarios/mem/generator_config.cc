// The config pieces the memorization scenarios share, see generator_config.h.
#include "scenarios/mem/generator_config.h"

#include <cmath>

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

void ReadRegressionSample(const ConfigReader& t, sim::RegressionSampleOptions* o) {
  ReadGenerator(t, &o->data);
  o->examples = t.Int("examples", o->examples);
  o->defects.outlier_fraction = t.Double("outlier_fraction", o->defects.outlier_fraction);
  o->defects.outlier_sd = t.Double("outlier_sd", o->defects.outlier_sd);
  o->defects.label_noise = t.Double("label_noise", o->defects.label_noise);
  o->repeated = ReadBoundedInt(t, "repeated", o->repeated, 0, 100000);
  o->copies = ReadBoundedInt(t, "copies", o->copies, 1, 1000);
}

void ValidateRegressionSample(const sim::RegressionSampleOptions& o, const std::string& table) {
  const std::string q = FieldPrefix(table);
  ValidateGenerator(o.data, table);
  Require(o.data.classes == 2, q + "classes", o.data.classes, "must be 2 (labels y = +-1)");
  Require(o.examples >= 4 && o.examples <= 100000, q + "examples", o.examples, "must be in [4, 1e5]");
  const sim::DefectOptions& d = o.defects;
  Require(d.outlier_fraction >= 0.0 && d.label_noise >= 0.0 && d.outlier_fraction + d.label_noise <= 0.5, q + "outlier_fraction",
          d.outlier_fraction, "outlier_fraction and label_noise must be >= 0 with a sum of at most 0.5");
  Require(d.outlier_sd > 0.0 && d.outlier_sd <= 100.0, q + "outlier_sd", d.outlier_sd, "must be in (0, 100]");
  const double n = static_cast<double>(o.examples);
  const std::int64_t clean = o.examples - std::llround(d.outlier_fraction * n) - std::llround(d.label_noise * n);
  Require(o.repeated <= clean, q + "repeated", o.repeated, "must be at most the " + std::to_string(clean) + " clean examples");
}

}  // namespace memgen::scenarios
