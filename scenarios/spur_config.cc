// TOML readers for the spurious-memorization scenarios, see spur_config.h.
#include "scenarios/spur_config.h"

namespace memgen::scenarios {

theory::Figure1Options ReadFigure1Options(const sim::ConfigReader& root) {
  theory::Figure1Options o;
  o.n = root.Int("n", o.n);
  o.d = root.Int("d", o.d);
  o.majority_fraction = root.Double("majority_fraction", o.majority_fraction);
  o.noise = root.Double("noise", o.noise);
  o.clean_learning_rate = root.Double("clean_learning_rate", o.clean_learning_rate);
  o.learning_rate = root.Double("learning_rate", o.learning_rate);
  o.epochs = root.Int("epochs", o.epochs);
  o.temperature = root.Double("temperature", o.temperature);
  o.class_balanced_xrm = root.Bool("class_balanced_xrm", o.class_balanced_xrm);
  o.influence_lambda = root.Double("influence_lambda", o.influence_lambda);
  if (root.Has("sweep_noise")) o.sweep_noise = root.Doubles("sweep_noise");
  o.trials = root.Int("trials", o.trials);
  o.Validate(root.prefix().empty() ? "figure1" : root.prefix());
  return o;
}

}  // namespace memgen::scenarios
