// TOML reader for scn_ld_weight_decay, see weight_decay_config.h.
#include "scenarios/ld/weight_decay_config.h"

#include "scenarios/ld/config.h"

namespace memgen::scenarios {

WeightDecayOptions ReadWeightDecayOptions(const ConfigReader& root) {
  const ConfigReader t = root.Table("weight_decay");
  WeightDecayCell c;
  c.name = t.String("name", c.name);
  c.shape.inputs = SizeField(t, "inputs", c.shape.inputs);
  c.shape.width = SizeField(t, "width", c.shape.width);
  c.shape.outputs = SizeField(t, "outputs", c.shape.outputs);
  c.train_size = SizeField(t, "train_size", c.train_size);
  c.test_size = SizeField(t, "test_size", c.test_size);
  c.a0 = t.Double("a0", c.a0);
  c.threshold = t.Double("threshold", c.threshold);
  c.adamw.learning_rate = t.Double("learning_rate", c.adamw.learning_rate);
  c.adamw.beta1 = t.Double("beta1", c.adamw.beta1);
  c.adamw.beta2 = t.Double("beta2", c.adamw.beta2);
  c.adamw.epsilon = t.Double("epsilon", c.adamw.epsilon);
  if (t.Has("weight_decays")) c.weight_decays = t.Doubles("weight_decays");
  c.budget = t.Int("budget", c.budget);
  c.no_decay_budget = t.Int("no_decay_budget", c.no_decay_budget);
  c.slope_lo = t.Double("slope_lo", c.slope_lo);
  c.slope_hi = t.Double("slope_hi", c.slope_hi);
  c.max_train_cv = t.Double("max_train_cv", c.max_train_cv);
  c.trials = t.Int("trials", c.trials);
  c.trials_field = t.Path("trials");
  c.Validate(t.prefix());
  return {c};
}

sim::MemoryEstimate WeightDecayMemory(const WeightDecayOptions& o, int threads) {
  sim::MemoryEstimate memory;
  AddWeightDecayMemory(o.cell, threads, &memory);
  return memory;
}

}  // namespace memgen::scenarios
