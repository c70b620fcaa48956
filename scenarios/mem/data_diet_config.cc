// TOML reader for scn_mem_data_diet, see data_diet_config.h.
#include "scenarios/mem/data_diet_config.h"

#include <string>

#include "sim/core/config_error.h"

namespace memgen::scenarios {
namespace {

// An int field read as 64 bits and range-checked before it narrows; the error names the key.
int SmallInt(const ConfigReader& t, const std::string& key, int fallback, std::int64_t lo, std::int64_t hi) {
  const std::int64_t v = t.Int(key, fallback);
  Require(v >= lo && v <= hi, t.Path(key), v, "must be in [" + std::to_string(lo) + ", " + std::to_string(hi) + "]");
  return static_cast<int>(v);
}

void ReadData(const ConfigReader& t, DataDietOptions* o) {
  o->data.subpopulations = t.Int("subpopulations", o->data.subpopulations);
  o->data.zipf_exponent = t.Double("zipf_exponent", o->data.zipf_exponent);
  o->data.classes = SmallInt(t, "classes", o->data.classes, 2, 100);
  o->data.dimension = SmallInt(t, "dimension", o->data.dimension, 1, 1000);
  o->data.centre_sd = t.Double("centre_sd", o->data.centre_sd);
  o->data.within_sd = t.Double("within_sd", o->data.within_sd);
  o->data.class_mean_sd = t.Double("class_mean_sd", o->data.class_mean_sd);
  o->train_size = t.Int("train_size", o->train_size);
  o->test_size = t.Int("test_size", o->test_size);
}

void ReadDiet(const ConfigReader& t, DataDietOptions* o) {
  o->label_noise = t.Double("label_noise", o->label_noise);
  o->learning_rate = t.Double("learning_rate", o->learning_rate);
  o->steps = SmallInt(t, "steps", o->steps, 1, 100000);
  o->score_step = SmallInt(t, "score_step", o->score_step, 1, 100000);
  o->inits = SmallInt(t, "inits", o->inits, 1, 1000);
  o->init_sd = t.Double("init_sd", o->init_sd);
  o->keep_fraction = t.Double("keep_fraction", o->keep_fraction);
  if (t.Has("prune_fractions")) o->prune_fractions = t.Doubles("prune_fractions");
  o->trials = t.Int("trials", o->trials);
  o->trials_field = t.Path("trials");
}

}  // namespace

DataDietOptions ReadDataDietOptions(const ConfigReader& root) {
  DataDietOptions o;
  if (root.Has("data")) ReadData(root.Table("data"), &o);
  if (root.Has("diet")) ReadDiet(root.Table("diet"), &o);
  o.Validate();
  return o;
}

sim::MemoryEstimate DataDietMemory(const DataDietOptions& o, int threads) {
  sim::MemoryEstimate memory;
  AddDataDietMemory(o, threads, &memory);
  return memory;
}

}  // namespace memgen::scenarios
