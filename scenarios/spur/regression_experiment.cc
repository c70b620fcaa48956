// The E7 regression experiment and its claims, see regression_experiment.h.
#include "scenarios/spur/regression_experiment.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "sim/core/check.h"
#include "sim/core/config_error.h"
#include "sim/random/rng.h"
#include "sim/random/stream_tag.h"
#include "theory/stats/sample_stats.h"
#include "theory/verdict/verdict_rules.h"

namespace memgen::scenarios {
namespace {

const char* kSource = "Bayat et al. (2024) Fig. 3, good_bad_ugly_memorization.py; spurious_memorization.md §8, E7";


bool ValidName(const std::string& name) {
  return !name.empty() && name.size() <= 32 && std::all_of(name.begin(), name.end(), [](char c) {
           return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
         });
}

RegressionRun Summary(const sim::MlpRegressionResult& r) {
  RegressionRun run;
  run.steps = r.steps;
  run.final_mse = r.final_mse;
  run.reached_target = r.reached_target;
  run.sup_error = r.sup_error;
  run.l2_error = r.l2_error;
  return run;
}

// Trial 0 keeps what the figure draws; the labels must agree across levels (seed pairing).
void KeepCurves(const sim::MlpRegressionResult& r, RegressionTrial* out) {
  if (out->curves.empty()) {
    out->sweep_x = r.sweep_x;
    out->train_x = r.train_x;
    out->train_y = r.train_y;
  }
  MEMGEN_CHECK(out->train_y == r.train_y) << "the levels of one trial drew different labels: seed pairing broken";
  out->curves.push_back(r.sweep_prediction);
  out->train_fit.push_back(r.train_prediction);
}

std::vector<double> Column(const std::vector<RegressionTrial>& trials, std::size_t level, bool sup) {
  std::vector<double> v;
  v.reserve(trials.size());
  for (const RegressionTrial& t : trials) v.push_back(sup ? t.runs[level].sup_error : t.runs[level].l2_error);
  return v;
}

theory::Claim FitClaim(const RegressionOptions& o, std::size_t level, const std::vector<RegressionTrial>& trials) {
  const RegressionLevel& l = o.levels[level];
  double missed = 0.0, worst_mse = 0.0;
  std::int64_t most_steps = 0;
  for (const RegressionTrial& t : trials) {
    const RegressionRun& r = t.runs[level];
    missed += r.reached_target ? 0.0 : 1.0;
    worst_mse = std::max(worst_mse, r.final_mse);
    most_steps = std::max(most_steps, r.steps);
  }
  theory::ClaimHeader header{"SPUR-E7.fit." + l.name,
                             "every run at sigma_eps = " + theory::Num(l.sigma) + " fits its " + std::to_string(o.train_points) +
                                 " noisy labels (training MSE < target)",
                             kSource};
  header.Require(!trials.empty(), "no trials");
  // EXACT: the number of runs that missed the target is 0 (a deterministic count of these runs).
  theory::Claim c = theory::ExactClaim(header, missed, 0.0, 0.0);
  c.AddNote(theory::Num(missed) + " of " + std::to_string(trials.size()) + " runs with no step of training MSE < " +
            theory::Num(o.target_mse) + " within " + std::to_string(o.max_steps) +
            " Adam steps (the loss before a step, as the script tests it; the final parameters' MSE can be a few "
            "times higher after that last Adam step); at most " + std::to_string(most_steps) +
            " steps; largest final MSE " + theory::Num(worst_mse));
  c.details = {{"trials", trials.size()}, {"max_steps_taken", most_steps}, {"max_final_mse", worst_mse}};
  return c;
}

// Seed-paired ordering: d_t = err_good(t) − err_other(t), PAIRED-ORDER at the run's test size: PASS
// when mean + z SE < 0, FAIL when mean − z SE > 0 (significantly reversed), otherwise INCONCLUSIVE (no
// evidence either way). The spec's "2 SE intervals excluding 0" (E7) would have a false-failure rate
// P(t_{T−1} > 2) ≈ 0.04 per claim, far above the run's budget (test_size.h); the size sets z instead,
// and with no true effect the claim PASSes with the same probability as it falsely fails.
theory::Claim PairedOrderClaim(const theory::ClaimHeader& h, const std::vector<double>& good, const std::vector<double>& other,
                               theory::TestSize size) {
  std::vector<double> diff(good.size());
  std::size_t below = 0;
  for (std::size_t i = 0; i < good.size(); ++i) {
    diff[i] = good[i] - other[i];
    below += diff[i] < 0.0 ? 1 : 0;
  }
  const theory::MeanSe m = theory::Summarize(diff);
  theory::Claim c = theory::PairedOrderingClaim(h, m, size);
  const double t_stat = m.se > 0.0 ? m.mean / m.se : (m.mean < 0.0 ? -INFINITY : INFINITY);
  c.AddNote("t = " + theory::Num(t_stat) + "; " + std::to_string(below) + " of " + std::to_string(m.count) + " seeds below 0");
  c.details = {{"se", m.se},
               {"trials", m.count},
               {"t_statistic", t_stat},
               {"seeds_below_zero", below},
               {"pass_rate_without_effect", size.rate},
               {"good_mean", theory::Summarize(good).mean},
               {"other_mean", theory::Summarize(other).mean}};
  return c;
}

}  // namespace

double RegressionTarget(double x) { return std::tanh(x) + 0.5 * std::tanh(-5.0 * x); }

sim::MlpRegressionOptions RegressionOptions::Mlp(double sigma) const {
  sim::MlpRegressionOptions m;
  m.sweep_points = sweep_points;
  m.train_points = train_points;
  m.noise_dims = noise_dims;
  m.label_noise = label_noise;
  m.input_noise = sigma;
  m.hidden = hidden;
  m.learning_rate = learning_rate;
  m.target_mse = target_mse;
  m.max_steps = max_steps;
  return m;
}

std::size_t RegressionOptions::LevelIndex(const std::string& name) const {
  for (std::size_t i = 0; i < levels.size(); ++i)
    if (levels[i].name == name) return i;
  return levels.size();
}

void RegressionOptions::Validate(const std::string& field) const {
  const std::string at = FieldPrefix(field);
  Mlp(0.0).Validate(field);  // the learner's ranges, under the same key names
  Require(!levels.empty() && levels.size() <= 16, at + "level_names", levels.size(), "must list 1 to 16 levels");
  for (std::size_t i = 0; i < levels.size(); ++i) {
    const RegressionLevel& l = levels[i];
    Require(ValidName(l.name), at + "level_names", l.name, "must be 1 to 32 characters from [A-Za-z0-9_]");
    Require(LevelIndex(l.name) == i, at + "level_names", l.name, "must not repeat");
    Require(l.sigma >= 0.0 && l.sigma <= 1e6, at + "level_sigmas", l.sigma, "must be in [0, 1e6]");
  }
  for (const char* required : {"good", "bad", "ugly"})
    Require(LevelIndex(required) < levels.size(), at + "level_names", std::string(required),
            "must be one of the level names (good, bad and ugly are required by the E7 claims)");
  Require(trials >= 2 && trials <= 100000, at + "trials", trials, "must be in [2, 1e5]");
}

RegressionTrial RunRegressionTrial(const RegressionOptions& o, std::uint64_t seed, std::int64_t trial) {
  const sim::StreamId stream{seed, sim::StreamTag("spur/regression"), static_cast<std::uint64_t>(trial), 0};
  RegressionTrial out;
  for (const RegressionLevel& level : o.levels) {
    sim::Rng rng(stream);  // the same stream at every level: seed-paired
    const sim::MlpRegressionResult r = sim::RunMlpRegression(o.Mlp(level.sigma), rng);
    out.runs.push_back(Summary(r));
    if (trial == 0) KeepCurves(r, &out);
  }
  return out;
}

std::vector<RegressionTrial> RunRegression(const RegressionOptions& options, std::uint64_t seed,
                                           const sim::TrialRunnerOptions& runner) {
  sim::TrialRunnerOptions r = runner;
  r.label = "E7 regression";
  return sim::RunTrials<RegressionTrial>(options.trials, r,
                                         [&](std::int64_t t) { return RunRegressionTrial(options, seed, t); });
}

sim::MemoryEstimate RegressionMemory(const RegressionOptions& o, int threads) {
  sim::MemoryEstimate memory;
  const auto h = static_cast<double>(o.hidden), d = static_cast<double>(o.noise_dims + 1);
  const auto n = static_cast<double>(o.train_points), big_n = static_cast<double>(o.sweep_points);
  const double parameters = h * (d + h + 3) + 1;
  const double chunk = std::min(big_n, 1000.0);  // sweep points per forward pass
  const double history = std::min(static_cast<double>(o.max_steps), 1e5) + 1;
  const auto levels = static_cast<double>(o.levels.size());
  // parameters, gradient, Adam m and v; activations of the batch and of a sweep chunk; the loss history.
  const double doubles = 4 * parameters + 4 * h * n + 2 * h * chunk + chunk * d + 3 * n * d + history;
  memory.Working("hidden", threads * (sizeof(double) * doubles + 1e6));
  memory.Retained("sweep_points", sizeof(double) * (levels + 2) * (big_n + n));  // trial 0's curves
  memory.Retained("trials", static_cast<double>(o.trials) * (sizeof(RegressionTrial) + levels * sizeof(RegressionRun)));
  return memory;
}

std::vector<theory::Claim> BuildRegressionClaims(const RegressionOptions& o, const std::vector<RegressionTrial>& trials,
                                                 theory::TestSize size) {
  for (const RegressionTrial& t : trials)
    MEMGEN_CHECK(t.runs.size() == o.levels.size()) << t.runs.size() << " runs for " << o.levels.size() << " levels";
  std::vector<theory::Claim> claims;
  for (std::size_t l = 0; l < o.levels.size(); ++l) claims.push_back(FitClaim(o, l, trials));
  const std::size_t good = o.LevelIndex("good");
  for (const char* other_name : {"ugly", "bad"}) {
    const std::size_t other = o.LevelIndex(other_name);
    if (good == o.levels.size() || other == o.levels.size()) continue;
    for (bool sup : {false, true}) {
      const std::string metric = sup ? "sup" : "l2";
      const std::string statement = "memorizing the label noise through a small eps (good, sigma_eps = " +
                                    theory::Num(o.levels[good].sigma) + ") gives a smaller " + metric + " error of g([x*, 0]) than " +
                                    other_name + " (sigma_eps = " + theory::Num(o.levels[other].sigma) + "), seed-paired";
      claims.push_back(PairedOrderClaim({"SPUR-E7.good_vs_" + std::string(other_name) + "." + metric, statement, kSource},
                                        Column(trials, good, sup), Column(trials, other, sup), size));
    }
  }
  return claims;
}

sim::CsvTable RegressionRunTable(const RegressionOptions& o, const std::vector<RegressionTrial>& trials) {
  sim::CsvTable t({"trial", "level", "sigma", "steps", "final_mse", "reached", "sup", "l2"});
  for (std::size_t i = 0; i < trials.size(); ++i)
    for (std::size_t l = 0; l < o.levels.size(); ++l) {
      const RegressionRun& r = trials[i].runs[l];
      t.Add(static_cast<std::int64_t>(i)).Add(o.levels[l].name).Add(o.levels[l].sigma).Add(r.steps).Add(r.final_mse);
      t.Add(static_cast<std::int64_t>(r.reached_target)).Add(r.sup_error).Add(r.l2_error);
      t.EndRow();
    }
  return t;
}

sim::CsvTable RegressionCurveTable(const RegressionOptions& o, const std::vector<RegressionTrial>& trials) {
  std::vector<std::string> columns = {"x", "f"};
  for (const RegressionLevel& l : o.levels) columns.push_back("g_" + l.name);
  sim::CsvTable t(columns);
  if (trials.empty() || trials.front().curves.size() != o.levels.size()) return t;
  const RegressionTrial& first = trials.front();
  for (Eigen::Index i = 0; i < first.sweep_x.size(); ++i) {
    t.Add(first.sweep_x[i]).Add(RegressionTarget(first.sweep_x[i]));
    for (const Eigen::VectorXd& g : first.curves) t.Add(g[i]);
    t.EndRow();
  }
  return t;
}

sim::CsvTable RegressionTrainTable(const RegressionOptions& o, const std::vector<RegressionTrial>& trials) {
  std::vector<std::string> columns = {"x", "y"};
  for (const RegressionLevel& l : o.levels) columns.push_back("fit_" + l.name);  // g([x*, ε])
  sim::CsvTable t(columns);
  if (trials.empty() || trials.front().train_fit.size() != o.levels.size()) return t;
  const RegressionTrial& first = trials.front();
  for (Eigen::Index i = 0; i < first.train_x.size(); ++i) {
    t.Add(first.train_x[i]).Add(first.train_y[i]);
    for (const Eigen::VectorXd& g : first.train_fit) t.Add(g[i]);
    t.EndRow();
  }
  return t;
}

}  // namespace memgen::scenarios
