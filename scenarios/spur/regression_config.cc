// TOML reader for scn_spur_regression, see regression_config.h.
#include "scenarios/spur/regression_config.h"

#include <string>
#include <vector>

#include "sim/core/config_error.h"

namespace memgen::scenarios {
namespace {

// level_names and level_sigmas, each defaulting to the options' list; both must have one entry per level.
std::vector<scenarios::RegressionLevel> ReadLevels(const scenarios::ConfigReader& root,
                                                const std::vector<scenarios::RegressionLevel>& fallback) {
  std::vector<std::string> names;
  std::vector<double> sigmas;
  for (const scenarios::RegressionLevel& l : fallback) {
    names.push_back(l.name);
    sigmas.push_back(l.sigma);
  }
  if (root.Has("level_names")) names = root.Strings("level_names");
  if (root.Has("level_sigmas")) sigmas = root.Doubles("level_sigmas");
  Require(sigmas.size() == names.size(), root.Path("level_sigmas"), std::to_string(sigmas.size()) + " entries",
          "must have one entry per level name (" + std::to_string(names.size()) + " names)");
  std::vector<scenarios::RegressionLevel> levels;
  for (std::size_t i = 0; i < names.size(); ++i) levels.push_back({names[i], sigmas[i]});
  return levels;
}

}  // namespace

scenarios::RegressionOptions ReadRegressionOptions(const scenarios::ConfigReader& root) {
  scenarios::RegressionOptions o;
  o.sweep_points = root.Int("sweep_points", o.sweep_points);
  o.train_points = root.Int("train_points", o.train_points);
  o.noise_dims = root.Int("noise_dims", o.noise_dims);
  o.label_noise = root.Double("label_noise", o.label_noise);
  o.hidden = root.Int("hidden", o.hidden);
  o.learning_rate = root.Double("learning_rate", o.learning_rate);
  o.target_mse = root.Double("target_mse", o.target_mse);
  o.max_steps = root.Int("max_steps", o.max_steps);
  o.levels = ReadLevels(root, o.levels);
  o.trials = root.Int("trials", o.trials);
  o.Validate(root.prefix());
  return o;
}

}  // namespace memgen::scenarios
