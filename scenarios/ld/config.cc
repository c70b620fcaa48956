// TOML readers for the learning-dynamics scenarios, see config.h.
#include "scenarios/ld/config.h"

#include <set>
#include <string>

#include "sim/core/config_error.h"

namespace memgen::scenarios {

int SizeField(const ConfigReader& t, const std::string& key, int fallback) {
  const std::int64_t v = t.Int(key, fallback);
  Require(v >= 1 && v <= 100000, t.Path(key), v, "must be in [1, 1e5]");
  return static_cast<int>(v);
}

namespace {

ModeOptions ReadModes(const ConfigReader& t) {
  ModeOptions o;
  o.inputs = SizeField(t, "inputs", o.inputs);
  o.hidden = SizeField(t, "hidden", o.hidden);
  o.outputs = SizeField(t, "outputs", o.outputs);
  o.noise_sd = t.Double("noise_sd", o.noise_sd);
  if (t.Has("teacher")) o.teacher = t.Doubles("teacher");
  o.epsilon = t.Double("epsilon", o.epsilon);
  o.deep_epsilon = t.Double("deep_epsilon", o.deep_epsilon);
  o.step_scale = t.Double("step_scale", o.step_scale);
  o.lag_step_scale = t.Double("lag_step_scale", o.lag_step_scale);
  o.record_every = t.Int("record_every", o.record_every);
  o.trials = t.Int("trials", o.trials);
  o.trials_field = t.Path("trials");
  o.Validate(t.prefix());
  return o;
}

SpectraCell ReadSpectraCell(const ConfigReader& t) {
  SpectraCell c;
  c.inputs = SizeField(t, "inputs", c.inputs);
  c.outputs = SizeField(t, "outputs", c.outputs);
  c.noise_sd = t.Double("noise_sd", c.noise_sd);
  c.teacher = t.Double("teacher", c.teacher);
  c.epsilon = t.Double("epsilon", c.epsilon);
  c.first_mode_epsilon = t.Double("first_mode_epsilon", c.first_mode_epsilon);
  c.output_variance_factor = t.Double("output_variance_factor", c.output_variance_factor);
  c.planted_edge_offset = t.Double("planted_edge_offset", c.planted_edge_offset);
  c.trials = t.Int("trials", c.trials);
  c.trials_field = t.Path("trials");
  c.Validate(t.prefix());
  return c;
}

}  // namespace

DeepLinearOptions ReadDeepLinearOptions(const ConfigReader& root) {
  DeepLinearOptions out;
  out.modes = ReadModes(root.Table("modes"));
  std::set<std::string> names;
  for (const ConfigReader& t : root.Tables("spectra")) {
    out.spectra.push_back(ReadSpectraCell(t));
    Require(names.insert(out.spectra.back().Name()).second, t.Path("teacher"), out.spectra.back().Name(),
            "must not repeat another [[spectra]] cell");
  }
  return out;
}

sim::MemoryEstimate DeepLinearMemory(const DeepLinearOptions& o, int threads) {
  sim::MemoryEstimate memory;
  AddModeMemory(o.modes, threads, &memory);
  for (const SpectraCell& cell : o.spectra) AddSpectraMemory(cell, threads, &memory);
  return memory;
}

}  // namespace memgen::scenarios
