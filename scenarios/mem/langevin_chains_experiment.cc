// The exact ridge-Langevin model against Monte Carlo chains, see langevin_chains_experiment.h.
#include "scenarios/mem/langevin_chains_experiment.h"

#include <Eigen/Eigenvalues>
#include <algorithm>
#include <cmath>
#include <limits>

#include "sim/core/config_error.h"
#include "sim/mem/langevin_chains.h"
#include "sim/random/stream_tag.h"
#include "scenarios/mem/generator_config.h"
#include "theory/mem/gaussian_renyi.h"

namespace memgen::scenarios {
namespace {

constexpr std::uint64_t kDomainTag = sim::StreamTag("mem/unlearning/chains/domain");
constexpr std::uint64_t kSampleTag = sim::StreamTag("mem/unlearning/chains/sample");
constexpr std::uint64_t kChainTag = sim::StreamTag("mem/unlearning/chains");
constexpr int kSpecWindowBegin = 100, kSpecWindowEnd = 150;  // learning_dynamics.md §9 (g)
constexpr int kWindowSearchEnd = 20000;  // the rate window must begin by then (the curve is computed up to its end)

// The data set (fixed across trials), the removed example and the two stationary laws.
struct ChainSetup {
  sim::RegressionSample sample;
  int target = 0;
  theory::RidgeProblem full, retain;
  theory::GaussianState nu_full, nu_retain;
};

ChainSetup Prepare(const LangevinChainOptions& o, std::uint64_t seed) {
  sim::Rng domain_rng = sim::TrialRng(seed, kDomainTag, 0), sample_rng = sim::TrialRng(seed, kSampleTag, 0);
  ChainSetup s;
  s.sample = sim::DrawRegressionSample(o.sample, domain_rng, sample_rng);
  s.target = HighestLeverage(s.sample, o.model.ridge);
  s.full = RidgeOf(s.sample, o.model);
  s.retain = RidgeOf(s.sample, o.model, {s.target});
  s.nu_full = theory::Stationary(s.full, o.model.noisy_gd);
  s.nu_retain = theory::Stationary(s.retain, o.model.noisy_gd);
  return s;
}

theory::GaussianState Origin(Eigen::Index d) { return {Eigen::VectorXd::Zero(d), Eigen::MatrixXd::Zero(d, d)}; }

std::vector<double> ToVector(const Eigen::MatrixXd& m) { return {m.data(), m.data() + m.size()}; }

double FixedPointResidual(const ChainSetup& s, const theory::NoisyGdParams& g) {
  const Eigen::MatrixXd next = theory::StepRecursion(s.full, g, s.nu_full).cov;
  return (next - s.nu_full.cov).cwiseAbs().maxCoeff() / s.nu_full.cov.cwiseAbs().maxCoeff();
}

double RateWithLambdaMax(const theory::RidgeProblem& p, const theory::NoisyGdParams& g) {
  const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> es(p.h);
  return 2.0 * std::log(std::abs(1.0 - g.eta * es.eigenvalues().maxCoeff()));
}

double Slope(const std::vector<double>& curve, int begin, int end) {
  return (std::log(curve[static_cast<std::size_t>(end)]) - std::log(curve[static_cast<std::size_t>(begin)])) / (end - begin);
}

}  // namespace

sim::RegressionSampleOptions DefaultChainSample() {
  sim::RegressionSampleOptions o;
  o.data.subpopulations = 20;
  o.data.classes = 2;
  o.data.dimension = 3;
  o.data.within_sd = 0.5;
  o.data.class_mean_sd = 1.0;
  o.examples = 20;
  o.defects.outlier_fraction = 0.05;
  o.defects.outlier_sd = 4.0;
  return o;
}

void LangevinChainOptions::Validate() const {
  const std::string p = FieldPrefix(field);
  ValidateRegressionSample(sample, data_field);
  model.Validate(field);
  Require(steps >= 1 && steps <= 100000, p + "steps", steps, "must be in [1, 1e5]");
  Require(chains >= 100 && chains <= 10000000, p + "chains", chains, "must be in [100, 1e7]");
  Require(renyi_samples >= 100 && renyi_samples <= 100000000, p + "renyi_samples", renyi_samples, "must be in [100, 1e8]");
  Require(unlearn_steps >= 0 && unlearn_steps <= 100000, p + "unlearn_steps", unlearn_steps, "must be in [0, 1e5]");
  Require(window_ratio > 0.0 && window_ratio < 1.0, p + "window_ratio", window_ratio, "must be in (0, 1)");
  Require(window_length >= 1 && window_length <= 100000, p + "window_length", window_length, "must be in [1, 1e5]");
  Require(trials >= 2 && trials <= 100000, trials_field, trials, "must be in [2, 1e5]");
  Require(planted_noise_scale > 0.0 && planted_noise_scale <= 10.0, p + "planted_noise_scale", planted_noise_scale, "must be in (0, 10]");
}

LangevinChainTheory LangevinChainClosedForms(const LangevinChainOptions& o, std::uint64_t seed) {
  const ChainSetup s = Prepare(o, seed);
  const theory::NoisyGdParams& g = o.model.noisy_gd;
  const double alpha = o.model.alpha;
  LangevinChainTheory t;
  t.target = s.target;
  t.dimension = static_cast<int>(s.full.h.rows());
  t.cov_t = ToVector(theory::StateAfter(s.full, g, Origin(t.dimension), o.steps).cov);
  t.fixed_point_residual = FixedPointResidual(s, g);
  const Eigen::VectorXd eig = Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd>(s.full.h).eigenvalues();
  t.condition = eig.maxCoeff() / eig.minCoeff();
  t.divergence = theory::GaussianRenyi(alpha, s.nu_full.mean, s.nu_full.cov, s.nu_retain.mean, s.nu_retain.cov);
  t.shortcut = theory::GaussianRenyiEqualCov(alpha, s.nu_full.mean, s.nu_retain.mean, s.nu_full.cov);
  t.variance_divergence = theory::GaussianRenyi(2.0 * alpha - 1.0, s.nu_full.mean, s.nu_full.cov, s.nu_retain.mean, s.nu_retain.cov);
  t.window = theory::AsymptoticRateWindow(s.retain, g, s.nu_full, alpha, o.window_ratio, o.window_length, kWindowSearchEnd);
  const int end = std::max(kSpecWindowEnd, t.window.end);
  t.curve = theory::UnlearningCurve(s.retain, g, s.nu_full, alpha, end);
  t.predicted_rate = o.planted_rate_lambda_max ? RateWithLambdaMax(s.retain, g) : theory::AsymptoticLogRate(s.retain, g);
  t.spec_window_slope = Slope(t.curve, kSpecWindowBegin, kSpecWindowEnd);
  t.window_slope = t.window.unmet.empty() ? Slope(t.curve, t.window.begin, t.window.end) : std::numeric_limits<double>::quiet_NaN();
  return t;
}

LangevinChainTrial LangevinChainRun(const LangevinChainOptions& o, std::uint64_t seed, std::int64_t trial) {
  const ChainSetup s = Prepare(o, seed);
  theory::NoisyGdParams chain_gd = o.model.noisy_gd;
  chain_gd.inv_beta *= o.planted_noise_scale * o.planted_noise_scale;
  const Eigen::Index d = s.full.h.rows();
  LangevinChainTrial r;

  sim::Rng forward_rng = sim::TrialRng(seed, kChainTag, trial, 0);
  Eigen::MatrixXd w = Eigen::MatrixXd::Zero(d, o.chains);
  sim::RunNoisyGd(o.planted_forward_without_target ? s.retain : s.full, chain_gd, o.steps, &w, forward_rng);
  w.colwise() -= theory::StateAfter(s.full, o.model.noisy_gd, Origin(d), o.steps).mean;
  r.mean_error = ToVector(w.rowwise().mean());
  r.second_moment = ToVector(w * w.transpose() / static_cast<double>(o.chains));

  sim::Rng renyi_rng = sim::TrialRng(seed, kChainTag, trial, 1);
  const Eigen::MatrixXd p = sim::DrawGaussianColumns(s.nu_full, o.renyi_samples, renyi_rng);
  r.ratio_mean = ((o.model.alpha - 1.0) * sim::GaussianLogDensityRatio(p, s.nu_full, s.nu_retain).array()).exp().mean();

  sim::Rng unlearn_rng = sim::TrialRng(seed, kChainTag, trial, 2);
  w = sim::DrawGaussianColumns(s.nu_full, o.chains, unlearn_rng);
  sim::RunNoisyGd(o.planted_unlearn_on_full ? s.full : s.retain, chain_gd, o.unlearn_steps, &w, unlearn_rng);
  r.unlearn_error = ToVector(w.rowwise().mean() - theory::StateAfter(s.retain, o.model.noisy_gd, s.nu_full, o.unlearn_steps).mean);
  return r;
}

LangevinChainResult RunLangevinChains(const LangevinChainOptions& o, std::uint64_t seed, const sim::TrialRunnerOptions& runner) {
  sim::TrialRunnerOptions r = runner;
  r.label = "ridge-Langevin chains";
  LangevinChainResult result{o, LangevinChainClosedForms(o, seed), {}};
  result.trials = sim::RunTrials<LangevinChainTrial>(o.trials, r, [&](std::int64_t t) { return LangevinChainRun(o, seed, t); });
  return result;
}

void AddLangevinChainMemory(const LangevinChainOptions& o, int threads, sim::MemoryEstimate* memory) {
  const double d = o.sample.data.dimension;
  const double per_thread = 8.0 * d * 3.0 * static_cast<double>(std::max(o.chains, o.renyi_samples));
  memory->Working(FieldPrefix(o.field) + "chains", threads * per_thread);
  memory->Retained(o.trials_field, static_cast<double>(o.trials) * 8.0 * (d * d + 2.0 * d + 1.0));
}

sim::CsvTable UnlearningCurveTable(const LangevinChainResult& result) {
  const LangevinChainTheory& t = result.theory;
  sim::CsvTable table({"k", "divergence", "asymptotic_line"});
  const int anchor = std::max(t.window.begin, 0);
  const double at_anchor = std::log(t.curve[static_cast<std::size_t>(anchor)]);
  for (std::size_t k = 0; k < t.curve.size(); ++k) {
    table.Add(static_cast<std::int64_t>(k)).Add(t.curve[k]).Add(std::exp(at_anchor + t.predicted_rate * (static_cast<double>(k) - anchor)));
    table.EndRow();
  }
  return table;
}

}  // namespace memgen::scenarios
