// Per-instance privacy and unlearning on the small logistic model, see logistic_unlearning_experiment.h.
#include "scenarios/mem/logistic_unlearning_experiment.h"

#include <algorithm>
#include <cmath>

#include "scenarios/mem/generator_config.h"
#include "sim/core/config_error.h"
#include "sim/random/stream_tag.h"
#include "theory/mem/membership.h"
#include "theory/stats/two_sample_ks.h"

namespace memgen::scenarios {
namespace {

constexpr std::uint64_t kDomainTag = sim::StreamTag("mem/unlearning/logistic/domain");
constexpr std::uint64_t kSampleTag = sim::StreamTag("mem/unlearning/logistic/sample");
constexpr std::uint64_t kChainTag = sim::StreamTag("mem/unlearning/logistic/chains");

sim::LogisticData ToLogistic(const sim::RegressionSample& s) { return {s.x, (s.y.array() + 1.0) / 2.0}; }

// y± x_Eᵀw for every chain, and the logistic loss log(1 + e^{−margin}).
std::vector<double> Margins(const sim::RegressionSample& s, int row, const Eigen::MatrixXd& w) {
  const Eigen::VectorXd m = s.y(row) * (w.transpose() * s.x.row(row).transpose());
  return {m.data(), m.data() + m.size()};
}
std::vector<double> Losses(const std::vector<double>& margins) {
  std::vector<double> loss;
  for (double m : margins) loss.push_back(m > 0.0 ? std::log1p(std::exp(-m)) : -m + std::log1p(std::exp(m)));
  return loss;
}
double PositiveShare(const std::vector<double>& v) {
  return static_cast<double>(std::count_if(v.begin(), v.end(), [](double x) { return x > 0.0; })) / static_cast<double>(v.size());
}

// The first `probes` examples of each group, in sample order (the sample is already random).
std::vector<int> Probes(const sim::RegressionSample& s, int probes) {
  std::vector<int> chosen, taken(4, 0);
  for (std::size_t e = 0; e < s.group.size(); ++e) {
    const auto g = static_cast<std::size_t>(s.group[e]);
    if (taken[g] < probes) chosen.push_back(static_cast<int>(e)), ++taken[g];
  }
  return chosen;
}

double CleanAccuracy(const sim::RegressionSample& s, const Eigen::MatrixXd& w) {
  double correct = 0.0, count = 0.0;
  for (std::size_t e = 0; e < s.group.size(); ++e) {
    if (s.group[e] != sim::ExampleGroup::kClean) continue;
    correct += PositiveShare(Margins(s, s.rows[e].front(), w));
    count += 1.0;
  }
  return count > 0.0 ? correct / count : 0.0;
}

struct ProbeResult {
  std::int64_t mc_steps = 0;
  double memorization = 0, vulnerability = 0;
};

ProbeResult Probe(const LogisticUnlearningOptions& o, const sim::RegressionSample& s, const sim::LogisticData& data, const Eigen::MatrixXd& trained,
                  int example, double critical, sim::Rng& rng) {
  Eigen::VectorXd kept = Eigen::VectorXd::Ones(data.x.rows());
  for (int r : s.rows[static_cast<std::size_t>(example)]) kept(r) = 0.0;
  Eigen::MatrixXd retrained = Eigen::MatrixXd::Zero(data.x.cols(), o.seeds);
  sim::RunLogisticLangevin(data, kept, o.params, o.steps, &retrained, rng);
  const int row = s.rows[static_cast<std::size_t>(example)].front();
  const std::vector<double> in = Margins(s, row, trained), out = Margins(s, row, retrained), reference = Losses(out);
  ProbeResult p;
  p.memorization = PositiveShare(in) - PositiveShare(out);
  p.vulnerability = theory::Auc(in, out);
  Eigen::MatrixXd w = trained;
  sim::LogisticLangevin unlearning(data, kept, o.params, w.cols());
  p.mc_steps = o.max_steps + 1;
  for (int k = 0; k <= o.max_steps; ++k) {
    if (theory::TwoSampleKsStatistic(Losses(Margins(s, row, w)), reference) < critical) {
      p.mc_steps = k;
      break;
    }
    unlearning.Step(&w, rng);
  }
  return p;
}

}  // namespace

sim::RegressionSampleOptions DefaultLogisticSample() {
  sim::RegressionSampleOptions o;
  o.data.subpopulations = 100;
  o.data.classes = 2;
  o.data.dimension = 5;
  o.data.within_sd = 0.5;
  o.data.class_mean_sd = 1.0;
  o.examples = 200;
  o.defects.outlier_fraction = 0.05;
  o.defects.outlier_sd = 4.0;
  o.defects.label_noise = 0.05;
  o.repeated = 5;
  o.copies = 4;
  return o;
}

sim::LogisticLangevinParams DefaultLogisticParams() {
  sim::LogisticLangevinParams p;
  p.inv_beta = 3e-4;
  return p;
}

void LogisticUnlearningOptions::Validate() const {
  const std::string p = FieldPrefix(field);
  ValidateRegressionSample(sample, data_field);
  Require(params.ridge > 0.0 && params.ridge <= 1e6, p + "ridge", params.ridge, "must be in (0, 1e6]");
  Require(params.eta > 0.0 && params.eta <= 10.0, p + "learning_rate", params.eta, "must be in (0, 10]");
  Require(params.inv_beta > 0.0 && params.inv_beta <= 100.0, p + "temperature", params.inv_beta, "must be in (0, 100]");
  Require(alpha > 1.0 && alpha <= 64.0, p + "alpha", alpha, "must be in (1, 64]");
  Require(steps >= 1 && steps <= 100000, p + "steps", steps, "must be in [1, 1e5]");
  Require(seeds >= 8 && seeds <= 400, p + "seeds", seeds, "must be in [8, 400]");
  Require(probes >= 1 && probes <= 1000, p + "probes", probes, "must be in [1, 1000]");
  Require(max_steps >= 1 && max_steps <= 100000, p + "max_steps", max_steps, "must be in [1, 1e5]");
  Require(ks_level > 0.0 && ks_level < 1.0, p + "ks_level", ks_level, "must be in (0, 1)");
  Require(trials >= 2 && trials <= 100000, trials_field, trials, "must be in [2, 1e5]");
}

LogisticUnlearningTrial LogisticUnlearningRun(const LogisticUnlearningOptions& o, std::uint64_t seed, std::int64_t trial) {
  sim::Rng domain_rng = sim::TrialRng(seed, kDomainTag, trial), sample_rng = sim::TrialRng(seed, kSampleTag, trial);
  const sim::RegressionSample s = sim::DrawRegressionSample(o.sample, domain_rng, sample_rng);
  const sim::LogisticData data = ToLogistic(s);
  const auto n = static_cast<double>(data.x.rows());
  sim::Rng rng = sim::TrialRng(seed, kChainTag, trial);
  Eigen::MatrixXd trained = Eigen::MatrixXd::Zero(data.x.cols(), o.seeds);
  Eigen::VectorXd gap = Eigen::VectorXd::Zero(data.x.rows());
  sim::RunLogisticLangevin(data, Eigen::VectorXd::Ones(data.x.rows()), o.params, o.steps, &trained, rng, &gap);
  LogisticUnlearningTrial r;
  r.clean_accuracy = CleanAccuracy(s, trained);
  for (std::size_t e = 0; e < s.rows.size(); ++e) {
    const double c = static_cast<double>(s.rows[e].size());
    const double score = o.alpha / o.params.inv_beta * o.params.eta * c * c / (4.0 * (n - c) * (n - c)) * gap(s.rows[e].front());
    r.privacy.push_back(o.planted_negate_score ? -score : score);
    sim::ExampleGroup g = s.group[e];
    if (o.planted_swap_groups && g == sim::ExampleGroup::kOutlier) g = sim::ExampleGroup::kClean;
    else if (o.planted_swap_groups && g == sim::ExampleGroup::kClean) g = sim::ExampleGroup::kOutlier;
    r.group.push_back(static_cast<std::int64_t>(g));
  }
  const double critical = theory::TwoSampleKsCriticalDistance(o.seeds, o.ks_level);
  for (int example : Probes(s, o.probes)) {
    sim::Rng probe_rng = sim::TrialRng(seed, kChainTag, trial, 1 + static_cast<std::uint64_t>(example));
    const ProbeResult p = Probe(o, s, data, trained, example, critical, probe_rng);
    r.probe.push_back(example);
    r.mc_steps.push_back(p.mc_steps);
    r.memorization.push_back(p.memorization);
    r.vulnerability.push_back(p.vulnerability);
  }
  return r;
}

LogisticUnlearningResult RunLogisticUnlearning(const LogisticUnlearningOptions& o, std::uint64_t seed, const sim::TrialRunnerOptions& runner) {
  sim::TrialRunnerOptions r = runner;
  r.label = "logistic unlearning";
  return {o, sim::RunTrials<LogisticUnlearningTrial>(o.trials, r, [&](std::int64_t t) { return LogisticUnlearningRun(o, seed, t); })};
}

void AddLogisticUnlearningMemory(const LogisticUnlearningOptions& o, int threads, sim::MemoryEstimate* memory) {
  const double rows = static_cast<double>(o.sample.examples + o.sample.repeated * (o.sample.copies - 1));
  const double d = o.sample.data.dimension;
  memory->Working(FieldPrefix(o.field) + "chains", threads * 8.0 * (rows * d + 4.0 * rows * o.seeds + 4.0 * d * o.seeds));
  memory->Retained(o.trials_field, static_cast<double>(o.trials) * 16.0 * (static_cast<double>(o.sample.examples) + 4.0 * 4.0 * o.probes));
}

}  // namespace memgen::scenarios
