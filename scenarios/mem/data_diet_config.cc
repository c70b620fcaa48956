// TOML reader for scn_mem_data_diet, see data_diet_config.h.
#include "scenarios/mem/data_diet_config.h"

#include <string>

#include "scenarios/mem/generator_config.h"
#include "sim/core/config_error.h"

namespace memgen::scenarios {
namespace {

void ReadData(const ConfigReader& t, DataDietOptions* o) {
  ReadGenerator(t, &o->data);
  o->train_size = t.Int("train_size", o->train_size);
  o->test_size = t.Int("test_size", o->test_size);
}

void ReadDiet(const ConfigReader& t, DataDietOptions* o) {
  o->label_noise = t.Double("label_noise", o->label_noise);
  o->learning_rate = t.Double("learning_rate", o->learning_rate);
  o->steps = ReadBoundedInt(t, "steps", o->steps, 1, 100000);
  o->score_step = ReadBoundedInt(t, "score_step", o->score_step, 1, 100000);
  o->inits = ReadBoundedInt(t, "inits", o->inits, 1, 1000);
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
  if (root.Has("mlp")) {
    const ConfigReader t = root.Table("mlp");
    MlpDietOptions m;
    m.width = ReadBoundedInt(t, "width", m.width, 1, 4096);
    m.learning_rate = t.Double("learning_rate", m.learning_rate);
    m.trials = t.Int("trials", m.trials);
    m.trials_field = t.Path("trials");
    m.Validate();
    o.mlp = m;
  }
  o.Validate();
  return o;
}

sim::MemoryEstimate DataDietMemory(const DataDietOptions& o, int threads) {
  sim::MemoryEstimate memory;
  AddDataDietMemory(o, threads, &memory);
  if (o.mlp) AddMlpDietMemory(o, *o.mlp, threads, &memory);
  return memory;
}

}  // namespace memgen::scenarios
