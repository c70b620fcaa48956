// TOML readers for the spurious-memorization scenarios, see config.h.
#include "scenarios/spur/config.h"

#include <limits>
#include <set>

#include "sim/core/config_error.h"

namespace memgen::scenarios {

scenarios::Figure1Options ReadFigure1Options(const scenarios::ConfigReader& root) {
  scenarios::Figure1Options o;
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
  o.Validate(root.prefix());
  return o;
}

SpurTheoryOptions ReadSpurTheoryOptions(const scenarios::ConfigReader& root) {
  SpurTheoryOptions out;
  std::set<std::string> names;
  for (const scenarios::ConfigReader& t : root.Tables("margins")) {
    scenarios::MarginCell base;
    base.series = t.String("series", base.series);
    base.n = t.Int("n", base.n);
    base.rho = t.Double("rho", base.rho);
    base.gamma = t.Double("gamma", base.gamma);
    base.sigma_feature = t.Double("sigma_feature", base.sigma_feature);
    base.trials = t.Int("trials", base.trials);
    if (t.Has("trials")) base.trials_field = t.Path("trials");
    base.test_points = t.Int("test_points", base.test_points);
    std::vector<double> n_over_s = t.Doubles("n_over_s");
    for (std::size_t i = 1; i < n_over_s.size(); ++i)
      Require(n_over_s[i] > n_over_s[i - 1], t.Path("n_over_s"), n_over_s[i], "must be increasing");
    if (t.Bool("clean", false)) n_over_s.push_back(std::numeric_limits<double>::infinity());  // σ_ε = 0
    const std::vector<double> d_over_n = t.Doubles("d_over_n");
    for (std::size_t i = 1; i < d_over_n.size(); ++i)
      Require(d_over_n[i] > d_over_n[i - 1], t.Path("d_over_n"), d_over_n[i], "must be increasing");
    for (double dn : d_over_n)
      for (double ns : n_over_s) {
        scenarios::MarginCell c = base;
        c.d_over_n = dn;
        c.n_over_s = ns;
        c.Validate(t.prefix());
        Require(names.insert(c.Name()).second, t.Path("series"), c.Name(), "must not repeat a cell of another series");
        out.margins.push_back(c);
      }
  }
  if (root.Has("dynamics")) {
    const scenarios::ConfigReader t = root.Table("dynamics");
    scenarios::DynamicsOptions& o = out.dynamics_options;
    out.dynamics = true;
    o.n = t.Int("n", o.n);
    o.rho = t.Double("rho", o.rho);
    o.gamma = t.Double("gamma", o.gamma);
    o.d = t.Int("d", o.d);
    o.sigma_eps = t.Double("sigma_eps", o.sigma_eps);
    o.learning_rate = t.Double("learning_rate", o.learning_rate);
    o.max_power = t.Int("max_power", o.max_power);
    o.oversized_shift = t.Double("oversized_shift", o.oversized_shift);
    o.temperature = t.Double("temperature", o.temperature);
    o.xrm_epochs = t.Int("xrm_epochs", o.xrm_epochs);
    o.trials = t.Int("trials", o.trials);
    o.Validate(t.prefix());
  }
  return out;
}

}  // namespace memgen::scenarios
