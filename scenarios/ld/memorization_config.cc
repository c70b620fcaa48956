// TOML reader for scn_ld_memorization, see memorization_config.h.
#include "scenarios/ld/memorization_config.h"

#include <string>
#include <vector>

#include "scenarios/ld/config.h"
#include "sim/core/config_error.h"

namespace memgen::scenarios {
namespace {

// A list of integers, each range-checked as a 64-bit integer before it narrows; the error names the key.
std::vector<int> IntList(const ConfigReader& t, const std::string& key, std::int64_t lo, std::int64_t hi) {
  std::vector<int> out;
  for (std::int64_t v : t.Ints(key)) {
    Require(v >= lo && v <= hi, t.Path(key), v, "must be in [" + std::to_string(lo) + ", " + std::to_string(hi) + "]");
    out.push_back(static_cast<int>(v));
  }
  return out;
}

std::vector<sim::WeightLaw> Laws(const ConfigReader& t, const std::string& key) {
  std::vector<sim::WeightLaw> out;
  for (const std::string& name : t.Strings(key)) {
    const sim::WeightLaw all[] = {sim::WeightLaw::kGaussian, sim::WeightLaw::kUniform, sim::WeightLaw::kLaplace, sim::WeightLaw::kShifted,
                                  sim::WeightLaw::kBias};
    bool known = false;
    for (sim::WeightLaw law : all)
      if (WeightLawName(law) == name) {
        out.push_back(law);
        known = true;
      }
    Require(known, t.Path(key), name, "must be gaussian, uniform, laplace, shifted or bias");
  }
  return out;
}

PerceptronOptions ReadPerceptron(const ConfigReader& t) {
  PerceptronOptions o;
  if (t.Has("dimensions")) o.dimensions = IntList(t, "dimensions", 1, 16);
  if (t.Has("laws")) o.laws = Laws(t, "laws");
  if (t.Has("controls")) o.controls = Laws(t, "controls");
  o.shift = t.Double("shift", o.shift);
  o.bias_sd = t.Double("bias_sd", o.bias_sd);
  o.draws_per_trial = t.Int("draws_per_trial", o.draws_per_trial);
  o.trials = t.Int("trials", o.trials);
  o.trials_field = t.Path("trials");
  if (t.Has("bijection_dimensions")) o.bijection_dimensions = IntList(t, "bijection_dimensions", 1, 12);
  o.magnitude_vectors = t.Int("magnitude_vectors", o.magnitude_vectors);
  o.vectors_field = t.Path("magnitude_vectors");
  o.Validate(t.prefix());
  return o;
}

ConstantEtaOptions ReadConstantEta(const ConfigReader& t) {
  ConstantEtaOptions o;
  if (t.Has("classes")) o.classes = IntList(t, "classes", 2, 1000);
  if (t.Has("rhos")) o.rhos = t.Doubles("rhos");
  if (t.Has("train_sizes")) o.train_sizes = t.Ints("train_sizes");
  o.pairs_per_trial = t.Int("pairs_per_trial", o.pairs_per_trial);
  o.trials = t.Int("trials", o.trials);
  o.trials_field = t.Path("trials");
  o.Validate(t.prefix());
  return o;
}

SmoothOptions ReadSmooth(const ConfigReader& t) {
  SmoothOptions o;
  o.separation = t.Double("separation", o.separation);
  o.train_size = t.Int("train_size", o.train_size);
  o.test_size = t.Int("test_size", o.test_size);
  o.trials = t.Int("trials", o.trials);
  o.trials_field = t.Path("trials");
  o.Validate(t.prefix());
  return o;
}

MemorizerOptions ReadMemorizer(const ConfigReader& t) {
  MemorizerOptions o;
  const std::int64_t classes = t.Int("classes", o.classes);
  Require(classes >= 2 && classes <= 1000, t.Path("classes"), classes, "must be in [2, 1000]");
  o.classes = static_cast<int>(classes);
  if (t.Has("rhos")) o.rhos = t.Doubles("rhos");
  if (t.Has("corruptions")) {
    o.corruptions.clear();
    for (const std::string& name : t.Strings("corruptions")) {
      Require(name == "any" || name == "other", t.Path("corruptions"), name, "must be any or other");
      o.corruptions.push_back(name == "any" ? theory::Corruption::kAnyClass : theory::Corruption::kOtherClass);
    }
  }
  o.train_size = t.Int("train_size", o.train_size);
  o.test_size = t.Int("test_size", o.test_size);
  o.trials = t.Int("trials", o.trials);
  o.trials_field = t.Path("trials");
  o.Validate(t.prefix());
  return o;
}

}  // namespace

MemorizationOptions ReadMemorizationOptions(const ConfigReader& root) {
  MemorizationOptions out;
  if (root.Has("perceptron")) out.perceptron = ReadPerceptron(root.Table("perceptron"));
  if (root.Has("constant_eta")) out.constant_eta = ReadConstantEta(root.Table("constant_eta"));
  if (root.Has("smooth")) out.smooth = ReadSmooth(root.Table("smooth"));
  if (root.Has("memorizer")) out.memorizer = ReadMemorizer(root.Table("memorizer"));
  Require(out.perceptron || out.constant_eta || out.smooth || out.memorizer, "perceptron", std::string("(missing)"),
          "at least one of [perceptron], [constant_eta], [smooth], [memorizer] is required");
  return out;
}

sim::MemoryEstimate MemorizationMemory(const MemorizationOptions& o, int threads) {
  sim::MemoryEstimate memory;
  if (o.perceptron) AddPerceptronMemory(*o.perceptron, threads, &memory);
  if (o.constant_eta) AddConstantEtaMemory(*o.constant_eta, threads, &memory);
  if (o.smooth) AddSmoothMemory(*o.smooth, threads, &memory);
  if (o.memorizer) AddMemorizerMemory(*o.memorizer, threads, &memory);
  return memory;
}

}  // namespace memgen::scenarios
