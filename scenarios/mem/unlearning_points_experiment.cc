// Per-instance privacy loss and unlearning difficulty, see unlearning_points_experiment.h.
#include "scenarios/mem/unlearning_points_experiment.h"

#include <algorithm>

#include "scenarios/mem/generator_config.h"
#include "sim/core/config_error.h"
#include "sim/mem/langevin_chains.h"
#include "sim/random/stream_tag.h"
#include "theory/mem/gaussian_renyi.h"
#include "theory/stats/two_sample_ks.h"

namespace memgen::scenarios {
namespace {

constexpr std::uint64_t kDomainTag = sim::StreamTag("mem/unlearning/points/domain");
constexpr std::uint64_t kSampleTag = sim::StreamTag("mem/unlearning/points/sample");
constexpr std::uint64_t kChainTag = sim::StreamTag("mem/unlearning/points/chains");

std::vector<double> Losses(const Eigen::MatrixXd& w, const Eigen::VectorXd& x, double y) {
  const Eigen::VectorXd r = (w.transpose() * x).array() - y;
  std::vector<double> loss(static_cast<std::size_t>(r.size()));
  for (Eigen::Index j = 0; j < r.size(); ++j) loss[static_cast<std::size_t>(j)] = r(j) * r(j);
  return loss;
}

// k̂: unlearning chains from ν_S on S∖i until their loss on x_i passes the KS test against retrained models.
std::int64_t MonteCarloSteps(const UnlearningPointOptions& o, const sim::RegressionSample& s, int example, const theory::RidgeProblem& retain,
                             const theory::GaussianState& nu_full, const theory::GaussianState& nu_retain, double critical, sim::Rng& rng) {
  const int row = s.rows[static_cast<std::size_t>(example)].front();
  const Eigen::VectorXd x = s.x.row(row).transpose();
  Eigen::MatrixXd w = sim::DrawGaussianColumns(nu_full, o.seeds, rng);
  const std::vector<double> retrained = Losses(sim::DrawGaussianColumns(nu_retain, o.seeds, rng), x, s.y(row));
  for (int k = 0; k <= o.max_steps; ++k) {
    if (theory::TwoSampleKsStatistic(Losses(w, x, s.y(row)), retrained) < critical) return k;
    sim::RunNoisyGd(retain, o.model.noisy_gd, 1, &w, rng);
  }
  return o.max_steps + 1;
}

}  // namespace

sim::RegressionSampleOptions DefaultPointSample() {
  sim::RegressionSampleOptions o;
  o.data.subpopulations = 40;
  o.data.classes = 2;
  o.data.dimension = 5;
  o.data.within_sd = 0.5;
  o.data.class_mean_sd = 1.0;
  o.examples = 40;
  o.defects.outlier_fraction = 0.1;
  o.defects.outlier_sd = 4.0;
  o.defects.label_noise = 0.1;
  o.repeated = 3;
  o.copies = 4;
  return o;
}

LangevinModel DefaultPointModel() {
  LangevinModel m;
  m.noisy_gd.inv_beta = 0.001;
  return m;
}

void UnlearningPointOptions::Validate() const {
  const std::string p = FieldPrefix(field);
  ValidateRegressionSample(sample, data_field);
  model.Validate(field);
  Require(epsilon > 0.0 && epsilon <= 100.0, p + "epsilon", epsilon, "must be in (0, 100]");
  Require(max_steps >= 1 && max_steps <= 1000000, p + "max_steps", max_steps, "must be in [1, 1e6]");
  Require(seeds >= 8 && seeds <= 400, p + "seeds", seeds, "must be in [8, 400]");
  Require(ks_level > 0.0 && ks_level < 1.0, p + "ks_level", ks_level, "must be in (0, 1)");
  Require(trials >= 2 && trials <= 100000, trials_field, trials, "must be in [2, 1e5]");
}

UnlearningPointTrial UnlearningPointRun(const UnlearningPointOptions& o, std::uint64_t seed, std::int64_t trial) {
  sim::Rng domain_rng = sim::TrialRng(seed, kDomainTag, trial), sample_rng = sim::TrialRng(seed, kSampleTag, trial);
  const sim::RegressionSample s = sim::DrawRegressionSample(o.sample, domain_rng, sample_rng);
  const theory::NoisyGdParams& g = o.model.noisy_gd;
  const theory::GaussianState nu_full = theory::Stationary(RidgeOf(s, o.model), g);
  const double critical = theory::TwoSampleKsCriticalDistance(o.seeds, o.ks_level);
  UnlearningPointTrial r;
  for (std::size_t e = 0; e < s.rows.size(); ++e) {
    const int example = static_cast<int>(e);
    const theory::RidgeProblem retain = RidgeOf(s, o.model, {example});
    const theory::GaussianState nu_retain = theory::Stationary(retain, g);
    const double loss = theory::GaussianRenyi(o.model.alpha, nu_full.mean, nu_full.cov, nu_retain.mean, nu_retain.cov);
    r.privacy.push_back(o.planted_negate_privacy ? -loss : loss);
    const int exact = theory::UnlearningSteps(retain, g, nu_full, o.model.alpha, o.epsilon, o.max_steps);
    r.exact_steps.push_back(exact < 0 ? o.max_steps + 1 : exact);
    sim::Rng rng = sim::TrialRng(seed, kChainTag, trial, e);
    r.mc_steps.push_back(MonteCarloSteps(o, s, example, retain, nu_full, nu_retain, critical, rng));
    sim::ExampleGroup group = s.group[e];
    if (o.planted_swap_groups && group == sim::ExampleGroup::kOutlier) group = sim::ExampleGroup::kClean;
    else if (o.planted_swap_groups && group == sim::ExampleGroup::kClean) group = sim::ExampleGroup::kOutlier;
    r.group.push_back(static_cast<std::int64_t>(group));
  }
  return r;
}

UnlearningPointResult RunUnlearningPoints(const UnlearningPointOptions& o, std::uint64_t seed, const sim::TrialRunnerOptions& runner) {
  sim::TrialRunnerOptions r = runner;
  r.label = "per-instance privacy and unlearning";
  return {o, sim::RunTrials<UnlearningPointTrial>(o.trials, r, [&](std::int64_t t) { return UnlearningPointRun(o, seed, t); })};
}

void AddUnlearningPointMemory(const UnlearningPointOptions& o, int threads, sim::MemoryEstimate* memory) {
  const double rows = static_cast<double>(o.sample.examples + o.sample.repeated * (o.sample.copies - 1));
  const double d = o.sample.data.dimension;
  memory->Working(FieldPrefix(o.field) + "chains", threads * 8.0 * (rows * d + 4.0 * d * o.seeds + 4.0 * d * d));
  memory->Retained(o.trials_field, static_cast<double>(o.trials) * 32.0 * static_cast<double>(o.sample.examples));
}

}  // namespace memgen::scenarios
