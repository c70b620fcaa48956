// TOML reader for scn_ld_random_labels, see random_labels_config.h.
#include "scenarios/ld/random_labels_config.h"

#include "scenarios/ld/config.h"

namespace memgen::scenarios {

RandomLabelOptions ReadRandomLabelOptions(const ConfigReader& root) {
  const ConfigReader t = root.Table("random_labels");
  RandomLabelCell c;
  c.name = t.String("name", c.name);
  c.mixture.classes = SizeField(t, "classes", c.mixture.classes);
  c.mixture.dimension = SizeField(t, "dimension", c.mixture.dimension);
  c.mixture.mean_sd = t.Double("mean_sd", c.mixture.mean_sd);
  c.train_size = SizeField(t, "train_size", c.train_size);
  c.test_size = SizeField(t, "test_size", c.test_size);
  c.width = SizeField(t, "width", c.width);
  c.adam.learning_rate = t.Double("learning_rate", c.adam.learning_rate);
  if (t.Has("rhos")) c.rhos = t.Doubles("rhos");
  c.budget = t.Int("budget", c.budget);
  c.trials = t.Int("trials", c.trials);
  c.trials_field = t.Path("trials");
  c.Validate(t.prefix());
  return {c};
}

sim::MemoryEstimate RandomLabelMemory(const RandomLabelOptions& o, int threads) {
  sim::MemoryEstimate memory;
  AddRandomLabelMemory(o.cell, threads, &memory);
  return memory;
}

}  // namespace memgen::scenarios
