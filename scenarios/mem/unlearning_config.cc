// TOML reader for scn_mem_unlearning, see unlearning_config.h.
#include "scenarios/mem/unlearning_config.h"

#include <string>

#include "scenarios/mem/generator_config.h"
#include "sim/core/config_error.h"

namespace memgen::scenarios {
namespace {

void ReadModel(const ConfigReader& t, LangevinModel* m) {
  m->ridge = t.Double("ridge", m->ridge);
  m->noisy_gd.eta = t.Double("learning_rate", m->noisy_gd.eta);
  m->noisy_gd.inv_beta = t.Double("temperature", m->noisy_gd.inv_beta);
  m->alpha = t.Double("alpha", m->alpha);
}

LangevinChainOptions ReadChains(const ConfigReader& t) {
  LangevinChainOptions o;
  if (t.Has("data")) ReadRegressionSample(t.Table("data"), &o.sample);
  ReadModel(t, &o.model);
  o.steps = ReadBoundedInt(t, "steps", o.steps, 1, 100000);
  o.chains = t.Int("chains", o.chains);
  o.renyi_samples = t.Int("renyi_samples", o.renyi_samples);
  o.unlearn_steps = ReadBoundedInt(t, "unlearn_steps", o.unlearn_steps, 0, 100000);
  o.window_ratio = t.Double("window_ratio", o.window_ratio);
  o.window_length = ReadBoundedInt(t, "window_length", o.window_length, 1, 100000);
  o.trials = t.Int("trials", o.trials);
  o.trials_field = t.Path("trials");
  o.Validate();
  return o;
}

UnlearningPointOptions ReadPoints(const ConfigReader& t) {
  UnlearningPointOptions o;
  if (t.Has("data")) ReadRegressionSample(t.Table("data"), &o.sample);
  ReadModel(t, &o.model);
  o.epsilon = t.Double("epsilon", o.epsilon);
  o.max_steps = ReadBoundedInt(t, "max_steps", o.max_steps, 1, 1000000);
  o.seeds = ReadBoundedInt(t, "seeds", o.seeds, 8, 400);
  o.ks_level = t.Double("ks_level", o.ks_level);
  o.trials = t.Int("trials", o.trials);
  o.trials_field = t.Path("trials");
  o.Validate();
  return o;
}

LogisticUnlearningOptions ReadLogistic(const ConfigReader& t) {
  LogisticUnlearningOptions o;
  if (t.Has("data")) ReadRegressionSample(t.Table("data"), &o.sample);
  o.params.ridge = t.Double("ridge", o.params.ridge);
  o.params.eta = t.Double("learning_rate", o.params.eta);
  o.params.inv_beta = t.Double("temperature", o.params.inv_beta);
  o.alpha = t.Double("alpha", o.alpha);
  o.steps = ReadBoundedInt(t, "steps", o.steps, 1, 100000);
  o.seeds = ReadBoundedInt(t, "seeds", o.seeds, 8, 400);
  o.probes = ReadBoundedInt(t, "probes", o.probes, 1, 1000);
  o.max_steps = ReadBoundedInt(t, "max_steps", o.max_steps, 1, 100000);
  o.ks_level = t.Double("ks_level", o.ks_level);
  o.trials = t.Int("trials", o.trials);
  o.trials_field = t.Path("trials");
  o.Validate();
  return o;
}

}  // namespace

UnlearningOptions ReadUnlearningOptions(const ConfigReader& root) {
  UnlearningOptions out;
  if (root.Has("chains")) out.chains = ReadChains(root.Table("chains"));
  if (root.Has("points")) out.points = ReadPoints(root.Table("points"));
  if (root.Has("logistic")) out.logistic = ReadLogistic(root.Table("logistic"));
  Require(out.chains || out.points || out.logistic, "chains", std::string("(missing)"), "at least one of [chains], [points], [logistic] is required");
  return out;
}

sim::MemoryEstimate UnlearningMemory(const UnlearningOptions& o, int threads) {
  sim::MemoryEstimate memory;
  if (o.chains) AddLangevinChainMemory(*o.chains, threads, &memory);
  if (o.points) AddUnlearningPointMemory(*o.points, threads, &memory);
  if (o.logistic) AddLogisticUnlearningMemory(*o.logistic, threads, &memory);
  return memory;
}

}  // namespace memgen::scenarios
