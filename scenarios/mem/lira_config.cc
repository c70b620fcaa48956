// TOML reader for scn_mem_lira, see lira_config.h.
#include "scenarios/mem/lira_config.h"

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

void ReadData(const ConfigReader& t, ShadowOptions* o) {
  o->data.subpopulations = t.Int("subpopulations", o->data.subpopulations);
  o->data.zipf_exponent = t.Double("zipf_exponent", o->data.zipf_exponent);
  o->data.classes = SmallInt(t, "classes", o->data.classes, 2, 100);
  o->data.dimension = SmallInt(t, "dimension", o->data.dimension, 1, 1000);
  o->data.centre_sd = t.Double("centre_sd", o->data.centre_sd);
  o->data.within_sd = t.Double("within_sd", o->data.within_sd);
  o->data.class_mean_sd = t.Double("class_mean_sd", o->data.class_mean_sd);
}

ShadowOptions ReadShadows(const ConfigReader& root) {
  ShadowOptions o;
  if (root.Has("data")) ReadData(root.Table("data"), &o);
  const ConfigReader t = root.Table("shadows");
  o.pool = t.Int("pool", o.pool);
  o.outlier_fraction = t.Double("outlier_fraction", o.outlier_fraction);
  o.label_noise = t.Double("label_noise", o.label_noise);
  o.outlier_sd = t.Double("outlier_sd", o.outlier_sd);
  o.features.features = SmallInt(t, "features", o.features.features, 1, 4000);
  o.features.bandwidth = t.Double("bandwidth", o.features.bandwidth);
  o.ridge = t.Double("ridge", o.ridge);
  o.shadows = t.Int("shadows", o.shadows);
  o.fpr = t.Double("fpr", o.fpr);
  o.onion_fraction = t.Double("onion_fraction", o.onion_fraction);
  o.onion_shadows = t.Int("onion_shadows", o.onion_shadows);
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
  Require(out.gaussian || out.shadows, "shadows", std::string("(missing)"), "at least one of [gaussian], [shadows] is required");
  return out;
}

sim::MemoryEstimate LiraMemory(const LiraOptions& o, int threads) {
  sim::MemoryEstimate memory;
  if (o.gaussian) AddGaussianTestMemory(*o.gaussian, threads, &memory);
  if (o.shadows) AddShadowMemory(*o.shadows, threads, &memory);
  return memory;
}

}  // namespace memgen::scenarios
