// TOML readers for the benign-overfitting scenarios, see config.h.
#include "scenarios/bo/config.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "sim/core/config_error.h"

namespace memgen::scenarios {
namespace {

const std::set<std::string> kChecks = {"de_accuracy", "bllt_band",  "harmful",    "benign_log",
                                       "exp_rate",    "bias_stuck", "bias_upper", "tb_bias_band"};

}  // namespace

theory::SpectrumOptions ReadSpectrumOptions(const scenarios::ConfigReader& t) {
  theory::SpectrumOptions o;
  o.kind = theory::StringToSpectrumKind(t.String("kind", "isotropic"), t.Path("kind"));
  o.d = t.Int("d", o.d);
  o.alpha = t.Double("alpha", o.alpha);
  o.beta = t.Double("beta", o.beta);
  o.tau = t.Double("tau", o.tau);
  o.eps = t.Double("eps", o.eps);
  o.scale = t.Double("scale", o.scale);
  o.spike_count = t.Int("spike_count", o.spike_count);
  o.infinite = t.Bool("infinite", o.infinite);
  return o;
}

theory::TargetOptions ReadTargetOptions(const scenarios::ConfigReader& t) {
  theory::TargetOptions o;
  o.kind = theory::StringToTargetKind(t.String("kind", "e1"), t.Path("kind"));
  o.scale = t.Double("scale", o.scale);
  o.k = t.Int("k", o.k);
  o.gamma = t.Double("gamma", o.gamma);
  return o;
}

scenarios::CurveOptions ReadCurveOptions(const scenarios::ConfigReader& t) {
  scenarios::CurveOptions o;
  o.name = t.String("name", o.name);
  Require(!o.name.empty() && std::all_of(o.name.begin(), o.name.end(),
                                         [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }),
          t.Path("name"), o.name, "must be a non-empty identifier [A-Za-z0-9_]");
  o.spectrum = ReadSpectrumOptions(t.Table("spectrum"));
  if (t.Has("target")) o.target = ReadTargetOptions(t.Table("target"));
  o.d_exponent = t.Double("d_exponent", o.d_exponent);
  o.d_coef = t.Double("d_coef", o.d_coef);
  if (t.Has("floor")) {
    const scenarios::ConfigReader f = t.Table("floor");
    o.floor.enabled = true;
    o.floor.coef = f.Double("coef", o.floor.coef);
    o.floor.exponent = f.Double("exponent", o.floor.exponent);
    o.floor.log_exponent = f.Double("log_exponent", o.floor.log_exponent);
  }
  o.ridge = t.Double("ridge", o.ridge);
  o.sigma2 = t.Double("sigma2", o.sigma2);
  o.n = t.Ints("n");
  if (t.Has("mc_n")) o.mc_n = t.Ints("mc_n");
  o.trials = t.Int("trials", o.trials);
  o.design = sim::StringToDesignKind(t.String("design", "gaussian"), t.Path("design"));
  o.wishart_tail = t.Bool("wishart_tail", o.wishart_tail);
  o.block = t.Int("block", o.block);
  if (t.Has("b")) o.b = t.Doubles("b");
  o.checks = t.Strings("checks");
  for (const std::string& check : o.checks)
    Require(kChecks.count(check) > 0, t.Path("checks"), check,
            "must be one of de_accuracy, bllt_band, harmful, benign_log, exp_rate, bias_stuck, bias_upper, "
            "tb_bias_band");
  o.de_delta_variance = t.Double("de_delta_variance", o.de_delta_variance);
  o.de_delta_bias = t.Double("de_delta_bias", o.de_delta_bias);
  o.Validate(t.prefix());
  return o;
}

std::vector<scenarios::CurveOptions> ReadCurves(const scenarios::ConfigReader& root) {
  std::vector<scenarios::CurveOptions> curves;
  std::set<std::string> names;
  for (const scenarios::ConfigReader& t : root.Tables("curve")) {
    curves.push_back(ReadCurveOptions(t));
    Require(names.insert(curves.back().name).second, t.Path("name"), curves.back().name, "must be unique");
  }
  return curves;
}

scenarios::IsotropicOptions ReadIsotropicOptions(const scenarios::ConfigReader& root) {
  scenarios::IsotropicOptions o;
  o.sigma2 = root.Double("sigma2", o.sigma2);
  o.theta_norm = root.Double("theta_norm", o.theta_norm);
  if (root.Has("oracle")) {
    const auto t = root.Table("oracle");
    o.oracle_n = t.Ints("n");
    o.oracle_d_over_n = t.Doubles("d_over_n");
    o.oracle_trials = t.Int("trials", o.oracle_trials);
  }
  if (root.Has("double_descent")) {
    const auto t = root.Table("double_descent");
    o.dd_n = t.Int("n", o.dd_n);
    o.dd_d = t.Ints("d");
    o.dd_trials = t.Int("trials", o.dd_trials);
  }
  if (root.Has("r0_condition")) {
    const auto t = root.Table("r0_condition");
    o.r0_n = t.Ints("n");
    o.r0_trials = t.Int("trials", o.r0_trials);
  }
  if (root.Has("wishart_check")) {
    const auto t = root.Table("wishart_check");
    o.wishart_n = t.Int("n", o.wishart_n);
    o.wishart_d = t.Int("d", o.wishart_d);
    o.wishart_trials = t.Int("trials", o.wishart_trials);
  }
  if (root.Has("rademacher")) {
    const auto t = root.Table("rademacher");
    o.rademacher_n = t.Int("n", o.rademacher_n);
    o.rademacher_d = t.Ints("d");
    o.rademacher_trials = t.Int("trials", o.rademacher_trials);
  }
  o.Validate();
  return o;
}

}  // namespace memgen::scenarios
