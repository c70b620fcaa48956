// TOML reader for scn_mem_long_tail, see long_tail_config.h.
#include "scenarios/mem/long_tail_config.h"

#include <string>

#include "scenarios/mem/generator_config.h"
#include "sim/core/config_error.h"

namespace memgen::scenarios {
namespace {

DiscreteTailOptions ReadDiscrete(const ConfigReader& t) {
  DiscreteTailOptions o;
  o.domain_size = t.Int("domain_size", o.domain_size);
  o.samples = t.Int("samples", o.samples);
  o.zipf_exponent = t.Double("zipf_exponent", o.zipf_exponent);
  o.classes = ReadBoundedInt(t, "classes", o.classes, 2, 1000);
  o.trials = t.Int("trials", o.trials);
  o.trials_field = t.Path("trials");
  o.Validate(t.prefix());
  return o;
}

MaskKind ReadMasks(const ConfigReader& t, MaskKind fallback) {
  const std::string name = t.String("masks", MaskKindName(fallback));
  Require(name == "cyclic" || name == "lira" || name == "choice", t.Path("masks"), name, "must be cyclic, lira or choice");
  return name == "cyclic" ? MaskKind::kCyclic : name == "lira" ? MaskKind::kLira : MaskKind::kChoice;
}

EstimatorOptions ReadEstimator(const ConfigReader& t) {
  EstimatorOptions o;
  o.subpopulations = t.Int("subpopulations", o.subpopulations);
  o.zipf_exponent = t.Double("zipf_exponent", o.zipf_exponent);
  o.classes = ReadBoundedInt(t, "classes", o.classes, 2, 1000);
  o.dimension = ReadBoundedInt(t, "dimension", o.dimension, 1, 1000);
  o.within_sd = t.Double("within_sd", o.within_sd);
  o.train_size = t.Int("train_size", o.train_size);
  o.test_size = t.Int("test_size", o.test_size);
  o.runs = t.Int("runs", o.runs);
  o.keep = t.Double("keep", o.keep);
  o.large_count = t.Int("large_count", o.large_count);
  o.masks = ReadMasks(t, o.masks);
  o.trials = t.Int("trials", o.trials);
  o.trials_field = t.Path("trials");
  o.Validate(t.prefix());
  return o;
}

}  // namespace

LongTailOptions ReadLongTailOptions(const ConfigReader& root) {
  LongTailOptions out;
  if (root.Has("discrete")) out.discrete = ReadDiscrete(root.Table("discrete"));
  if (root.Has("estimator")) out.estimator = ReadEstimator(root.Table("estimator"));
  Require(out.discrete || out.estimator, "discrete", std::string("(missing)"), "at least one of [discrete], [estimator] is required");
  return out;
}

sim::MemoryEstimate LongTailMemory(const LongTailOptions& o, int threads) {
  sim::MemoryEstimate memory;
  if (o.discrete) AddDiscreteTailMemory(*o.discrete, threads, &memory);
  if (o.estimator) AddEstimatorMemory(*o.estimator, threads, &memory);
  return memory;
}

}  // namespace memgen::scenarios
