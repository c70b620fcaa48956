// TOML reader for scn_mem_lira, see lira_config.h.
#include "scenarios/mem/lira_config.h"

#include <string>

#include "scenarios/mem/generator_config.h"
#include "sim/core/config_error.h"

namespace memgen::scenarios {
namespace {

theory::GaussianScores ReadScores(const ConfigReader& t, theory::GaussianScores g) {
  g.mu_in = t.Double("mu_in", g.mu_in);
  g.sd_in = t.Double("sd_in", g.sd_in);
  g.mu_out = t.Double("mu_out", g.mu_out);
  g.sd_out = t.Double("sd_out", g.sd_out);
  return g;
}

GaussianTestOptions ReadGaussian(const ConfigReader& t) {
  GaussianTestOptions o;
  if (t.Has("equal")) o.equal = ReadScores(t.Table("equal"), o.equal);
  if (t.Has("unequal")) o.unequal = ReadScores(t.Table("unequal"), o.unequal);
  o.samples = t.Int("samples", o.samples);
  if (t.Has("fprs")) o.fprs = t.Doubles("fprs");
  o.trials = t.Int("trials", o.trials);
  o.trials_field = t.Path("trials");
  o.Validate();
  return o;
}

DpCapOptions ReadDp(const ConfigReader& t) {
  DpCapOptions o;
  if (t.Has("epsilons")) o.epsilons = t.Doubles("epsilons");
  o.delta = t.Double("delta", o.delta);
  o.train_size = t.Int("train_size", o.train_size);
  o.dimension = ReadBoundedInt(t, "dimension", o.dimension, 1, 1000);
  o.releases = t.Int("releases", o.releases);
  if (t.Has("fprs")) o.fprs = t.Doubles("fprs");
  o.trials = t.Int("trials", o.trials);
  o.trials_field = t.Path("trials");
  o.Validate();
  return o;
}

ScoBridgeOptions ReadSco(const ConfigReader& t) {
  ScoBridgeOptions o;
  o.accuracy = t.Double("accuracy", o.accuracy);
  o.fpr = t.Double("fpr", o.fpr);
  if (t.Has("noises")) o.noises = t.Doubles("noises");
  o.shadows = t.Int("shadows", o.shadows);
  o.trials = t.Int("trials", o.trials);
  o.trials_field = t.Path("trials");
  o.Validate();
  return o;
}

ShadowOptions ReadShadows(const ConfigReader& root) {
  ShadowOptions o;
  if (root.Has("data")) ReadGenerator(root.Table("data"), &o.data);
  const ConfigReader t = root.Table("shadows");
  o.pool = t.Int("pool", o.pool);
  o.outlier_fraction = t.Double("outlier_fraction", o.outlier_fraction);
  o.label_noise = t.Double("label_noise", o.label_noise);
  o.outlier_sd = t.Double("outlier_sd", o.outlier_sd);
  o.features.features = ReadBoundedInt(t, "features", o.features.features, 1, 4000);
  o.features.bandwidth = t.Double("bandwidth", o.features.bandwidth);
  o.ridge = t.Double("ridge", o.ridge);
  o.shadows = t.Int("shadows", o.shadows);
  o.fpr = t.Double("fpr", o.fpr);
  o.onion_fraction = t.Double("onion_fraction", o.onion_fraction);
  o.onion_shadows = t.Int("onion_shadows", o.onion_shadows);
  o.masked_points = t.Int("masked_points", o.masked_points);
  o.duplicates = t.Int("duplicates", o.duplicates);
  o.duplicate_sd = t.Double("duplicate_sd", o.duplicate_sd);
  o.trials = t.Int("trials", o.trials);
  o.trials_field = t.Path("trials");
  o.Validate();
  return o;
}

}  // namespace

LiraOptions ReadLiraOptions(const ConfigReader& root) {
  LiraOptions out;
  if (root.Has("gaussian")) out.gaussian = ReadGaussian(root.Table("gaussian"));
  if (root.Has("shadows")) out.shadows = ReadShadows(root);
  if (root.Has("dp")) out.dp = ReadDp(root.Table("dp"));
  if (root.Has("sco")) out.sco = ReadSco(root.Table("sco"));
  Require(out.gaussian || out.shadows || out.dp || out.sco, "shadows", std::string("(missing)"),
          "at least one of [gaussian], [shadows], [dp], [sco] is required");
  return out;
}

sim::MemoryEstimate LiraMemory(const LiraOptions& o, int threads) {
  sim::MemoryEstimate memory;
  if (o.gaussian) AddGaussianTestMemory(*o.gaussian, threads, &memory);
  if (o.sco) AddScoBridgeMemory(*o.sco, threads, &memory);
  if (o.shadows) AddShadowMemory(*o.shadows, threads, &memory);
  if (o.dp) AddDpCapMemory(*o.dp, threads, &memory);
  return memory;
}

}  // namespace memgen::scenarios
