// TOML reader for scn_ld_grokking, see grokking_config.h.
#include "scenarios/ld/grokking_config.h"

#include <algorithm>
#include <set>
#include <string>

#include "scenarios/ld/config.h"
#include "sim/core/config_error.h"

namespace memgen::scenarios {
namespace {

GromovCell ReadGromov(const ConfigReader& t) {
  GromovCell c;
  c.p = SizeField(t, "p", c.p);
  c.neurons = SizeField(t, "neurons", c.neurons);
  c.planted_phase_shift = t.Double("planted_phase_shift", c.planted_phase_shift);
  c.trials = t.Int("trials", c.trials);
  c.trials_field = t.Path("trials");
  c.Validate(t.prefix());
  return c;
}

GrokkingCell ReadGrokking(const ConfigReader& t) {
  GrokkingCell c;
  c.name = t.String("name", c.name);
  c.p = SizeField(t, "p", c.p);
  c.neurons = SizeField(t, "neurons", c.neurons);
  c.train_fraction = t.Double("train_fraction", c.train_fraction);
  c.init_sd = t.Double("init_sd", c.init_sd);
  c.scale = t.Double("scale", c.scale);
  c.mean_field = t.Bool("mean_field", c.mean_field);
  const std::string optimizer = t.String("optimizer", "adamw");
  Require(optimizer == "adamw" || optimizer == "gd", t.Path("optimizer"), optimizer, "must be adamw or gd");
  c.plain_gd = optimizer == "gd";
  c.series = t.String("series", c.series);
  const std::string loss = t.String("loss", "mean_over_outputs");
  Require(loss == "mean_over_outputs" || loss == "sum_over_outputs", t.Path("loss"), loss,
          "must be mean_over_outputs or sum_over_outputs");
  c.loss_sum_over_outputs = loss == "sum_over_outputs";
  c.adamw.learning_rate = t.Double("learning_rate", c.adamw.learning_rate);
  c.adamw.weight_decay = t.Double("weight_decay", c.adamw.weight_decay);
  c.adamw.beta1 = t.Double("beta1", c.adamw.beta1);
  c.adamw.beta2 = t.Double("beta2", c.adamw.beta2);
  c.adamw.epsilon = t.Double("epsilon", c.adamw.epsilon);
  c.dropout = t.Double("dropout", c.dropout);
  c.baseline = t.String("baseline", c.baseline);
  c.steps = t.Int("steps", c.steps);
  if (t.Has("patience")) c.patience = t.Ints("patience");
  c.min_delta = t.Double("min_delta", c.min_delta);
  c.expect_generalization = t.Bool("expect_generalization", c.expect_generalization);
  if (t.Has("memorize_range")) c.memorize_range = t.Doubles("memorize_range");
  if (t.Has("generalize_range")) c.generalize_range = t.Doubles("generalize_range");
  c.trials = t.Int("trials", c.trials);
  c.trials_field = t.Path("trials");
  c.Validate(t.prefix());
  return c;
}

}  // namespace

GrokkingOptions ReadGrokkingOptions(const ConfigReader& root) {
  GrokkingOptions out;
  std::set<std::string> names;
  Require(root.Has("gromov") || root.Has("grokking"), "gromov", std::string("(missing)"),
          "at least one [[gromov]] or [[grokking]] cell is required");
  if (root.Has("gromov"))
    for (const ConfigReader& t : root.Tables("gromov")) {
      out.gromov.push_back(ReadGromov(t));
      Require(names.insert(out.gromov.back().Name()).second, t.Path("p"), out.gromov.back().Name(), "must not repeat another [[gromov]] cell");
    }
  if (root.Has("grokking"))
    for (const ConfigReader& t : root.Tables("grokking")) {
      out.grokking.push_back(ReadGrokking(t));
      Require(names.insert(out.grokking.back().name).second, t.Path("name"), out.grokking.back().name, "must not repeat another cell's name");
    }
  for (std::size_t i = 0; i < out.grokking.size(); ++i) {
    const GrokkingCell& c = out.grokking[i];
    if (c.baseline.empty()) continue;
    const auto base = std::find_if(out.grokking.begin(), out.grokking.end(), [&](const GrokkingCell& b) { return b.name == c.baseline; });
    const std::string field = "grokking[" + std::to_string(i) + "].baseline";
    Require(base != out.grokking.end(), field, c.baseline, "must name another [[grokking]] cell");
    Require(base->baseline.empty() && base->p == c.p && base->neurons == c.neurons && base->train_fraction == c.train_fraction &&
                base->trials == c.trials && base->steps == c.steps,
            field, c.baseline, "must name a cell without a baseline of its own, with the same p, neurons, train_fraction, trials and steps");
  }
  return out;
}

sim::MemoryEstimate GrokkingMemory(const GrokkingOptions& o, int threads) {
  sim::MemoryEstimate memory;
  for (const GromovCell& c : o.gromov) AddGromovMemory(c, threads, &memory);
  for (const GrokkingCell& c : o.grokking) AddGrokkingMemory(c, threads, &memory);
  return memory;
}

}  // namespace memgen::scenarios
