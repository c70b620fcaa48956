// Trial bodies of scn_mem_data_diet, see data_diet_experiment.h.
#include "scenarios/mem/data_diet_experiment.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "scenarios/mem/generator_config.h"
#include "sim/core/config_error.h"
#include "sim/mem/planted_defects.h"
#include "sim/mem/softmax_regression.h"
#include "sim/random/distributions.h"
#include "sim/random/stream_tag.h"
#include "sim/spur/group_metrics.h"
#include "theory/mem/data_diet.h"
#include "theory/stats/rank_correlation.h"

namespace memgen::scenarios {
namespace {

constexpr std::uint64_t kDomainTag = sim::StreamTag("mem/data_diet/domain");
constexpr std::uint64_t kNoisyTag = sim::StreamTag("mem/data_diet/noisy");
constexpr std::uint64_t kCleanTag = sim::StreamTag("mem/data_diet/clean");
constexpr std::uint64_t kTestTag = sim::StreamTag("mem/data_diet/test");
constexpr std::uint64_t kNoisyInitTag = sim::StreamTag("mem/data_diet/noisy/init");
constexpr std::uint64_t kCleanInitTag = sim::StreamTag("mem/data_diet/clean/init");
constexpr std::uint64_t kPruneTag = sim::StreamTag("mem/data_diet/random_prune");
constexpr std::uint64_t kPlantTag = sim::StreamTag("mem/data_diet/planted_shuffle");

sim::RowMatrix Weights(const DataDietOptions& o, double sd, sim::Rng& rng) {
  sim::RowMatrix w(o.data.dimension + 1, o.data.classes);
  if (sd == 0.0) return w.setZero();
  sim::FillNormal(rng, w.data(), static_cast<std::size_t>(w.size()));
  return w * sd;
}

// Clean-test accuracy of a model trained from W = 0 on the rows `keep` of the sample.
double PrunedAccuracy(const DataDietOptions& o, const sim::LabelledSample& s, const std::vector<std::int64_t>& keep, const sim::LabelledSample& test) {
  sim::RowMatrix w = sim::RowMatrix::Zero(o.data.dimension + 1, o.data.classes);
  sim::TrainSoftmaxOn(s.x, s.label, keep, o.steps, o.learning_rate, &w);
  return sim::SoftmaxAccuracy(w, test.x, test.label);
}

std::vector<std::int64_t> AllRows(std::int64_t n) {
  std::vector<std::int64_t> rows(static_cast<std::size_t>(n));
  std::iota(rows.begin(), rows.end(), std::int64_t{0});
  return rows;
}

std::vector<std::int64_t> RandomSubset(std::int64_t n, std::int64_t k, sim::Rng& rng) {
  std::vector<std::int64_t> p = sim::RandomPermutation(n, rng);
  p.resize(static_cast<std::size_t>(k));
  return p;
}

double Norm(const sim::RowMatrix& x, Eigen::Index i, bool with_bias) {
  const double b = theory::BiasedInputNorm(x.row(i).data(), static_cast<int>(x.cols()));
  return with_bias ? b : std::sqrt(b * b - 1.0);
}

// EL2N and GraNd averaged over the initialisations, with the identity's largest relative error.
sim::DietScores AveragedScores(const DataDietOptions& o, const sim::LabelledSample& s, sim::Rng rng, double* identity_error) {
  const std::size_t n = s.label.size();
  sim::DietScores mean{std::vector<double>(n, 0.0), std::vector<double>(n, 0.0)};
  for (int k = 0; k < o.inits; ++k) {
    sim::RowMatrix w = Weights(o, o.init_sd, rng);
    sim::TrainSoftmax(s.x, s.label, o.score_step, o.learning_rate, &w);
    const sim::DietScores one = sim::ScoreEl2nGrand(w, s.x, s.label);
    for (std::size_t i = 0; i < n; ++i) {
      mean.el2n[i] += one.el2n[i] / o.inits;
      mean.grand[i] += one.grand[i] / o.inits;
      const double implied = one.el2n[i] * Norm(s.x, static_cast<Eigen::Index>(i), !o.planted_norm_without_bias);
      *identity_error = std::max(*identity_error, std::fabs(one.grand[i] - implied) / one.grand[i]);
    }
  }
  return mean;
}

void ZeroInitChecks(const DataDietOptions& o, const sim::LabelledSample& s, sim::Rng& rng, DataDietTrial* r) {
  const sim::RowMatrix w = Weights(o, o.planted_zero_init_sd, rng);
  const sim::DietScores z = sim::ScoreEl2nGrand(w, s.x, s.label);
  const double e0 = theory::UniformPredictionEl2n(o.data.classes);
  std::vector<double> norm;
  for (std::size_t i = 0; i < z.el2n.size(); ++i) {
    const double b = Norm(s.x, static_cast<Eigen::Index>(i), !o.planted_norm_without_bias);
    r->zero_el2n_error = std::max(r->zero_el2n_error, std::fabs(z.el2n[i] / e0 - 1.0));
    r->zero_grand_error = std::max(r->zero_grand_error, std::fabs(z.grand[i] / (b * e0) - 1.0));
    norm.push_back(b);
  }
  r->zero_norm_rank = theory::Spearman(z.grand, norm);
}

void NoisyArm(const DataDietOptions& o, const sim::SubpopulationDomain& domain, const sim::LabelledSample& test, std::uint64_t seed,
              std::int64_t trial, DataDietTrial* r) {
  sim::Rng rng = sim::TrialRng(seed, kNoisyTag, trial);
  sim::LabelledSample s = sim::DrawSample(domain, o.data, o.train_size, rng);
  sim::DefectOptions defects;
  defects.label_noise = o.label_noise;
  const std::vector<sim::PointGroup> group = sim::PlantDefects(s, defects, o.data.classes, rng);
  ZeroInitChecks(o, s, rng, r);
  sim::DietScores scores = AveragedScores(o, s, sim::TrialRng(seed, kNoisyInitTag, trial), &r->identity_error);
  if (o.planted_shuffle_scores) ShuffleScores(sim::TrialRng(seed, kPlantTag, trial), &scores.el2n);
  const NoiseRanking ranking = RankNoise(scores.el2n, group, std::llround(o.label_noise * static_cast<double>(o.train_size)));
  r->auroc = ranking.auroc;
  r->precision = ranking.precision;
  r->spearman_grand_el2n = theory::Spearman(scores.grand, scores.el2n);
  r->full_noisy = PrunedAccuracy(o, s, AllRows(o.train_size), test);
  r->hardest = PrunedAccuracy(o, s, theory::OffsetWindow(scores.el2n, 0, o.Keep()), test);
  r->window = PrunedAccuracy(o, s, theory::OffsetWindow(scores.el2n, o.Offset(), o.Keep()), test);
  sim::Rng prune = sim::TrialRng(seed, kPruneTag, trial);
  r->random = PrunedAccuracy(o, s, RandomSubset(o.train_size, o.Keep(), prune), test);
  if (trial == 0) {
    r->el2n = scores.el2n;
    r->grand = scores.grand;
    for (sim::PointGroup g : group) r->group.push_back(static_cast<std::int64_t>(g));
  }
}

void CleanArm(const DataDietOptions& o, const sim::SubpopulationDomain& domain, const sim::LabelledSample& test, std::uint64_t seed,
              std::int64_t trial, DataDietTrial* r) {
  sim::Rng rng = sim::TrialRng(seed, kCleanTag, trial);
  const sim::LabelledSample s = sim::DrawSample(domain, o.data, o.train_size, rng);
  double unused = 0.0;
  std::vector<double> el2n = AveragedScores(o, s, sim::TrialRng(seed, kCleanInitTag, trial), &unused).el2n;
  if (o.planted_keep_easiest)
    for (double& e : el2n) e = -e;
  r->full_clean = PrunedAccuracy(o, s, AllRows(o.train_size), test);
  sim::Rng prune = sim::TrialRng(seed, kPruneTag, trial);
  for (double f : o.prune_fractions) {
    const std::int64_t kept = o.train_size - std::llround(f * static_cast<double>(o.train_size));
    r->el2n_pruned.push_back(PrunedAccuracy(o, s, theory::OffsetWindow(el2n, 0, kept), test));
    r->random_pruned.push_back(PrunedAccuracy(o, s, RandomSubset(o.train_size, kept, prune), test));
  }
}

}  // namespace

NoiseRanking RankNoise(const std::vector<double>& scores, const std::vector<sim::PointGroup>& group, std::int64_t noisy_count) {
  std::vector<char> noisy(group.size());
  Eigen::VectorXd values(static_cast<Eigen::Index>(group.size()));
  for (std::size_t i = 0; i < group.size(); ++i) {
    noisy[i] = group[i] == sim::PointGroup::kNoisy;
    values(static_cast<Eigen::Index>(i)) = scores[i];
  }
  return {sim::Auroc(values, noisy), theory::PrecisionAtTop(scores, noisy, noisy_count)};
}

void ShuffleScores(sim::Rng rng, std::vector<double>* scores) {
  const std::vector<std::int64_t> p = sim::RandomPermutation(static_cast<std::int64_t>(scores->size()), rng);
  std::vector<double> shuffled(p.size());
  for (std::size_t i = 0; i < p.size(); ++i) shuffled[i] = (*scores)[static_cast<std::size_t>(p[i])];
  *scores = shuffled;
}

sim::SubpopulationOptions DefaultDietData() {
  sim::SubpopulationOptions d;
  d.subpopulations = 200;
  d.zipf_exponent = 1.0;
  d.classes = 5;
  d.dimension = 20;
  d.centre_sd = 1.0;
  d.within_sd = 0.5;
  d.class_mean_sd = 0.8;
  return d;
}

std::int64_t DataDietOptions::Keep() const { return std::llround(keep_fraction * static_cast<double>(train_size)); }
std::int64_t DataDietOptions::Offset() const { return planted_no_offset ? 0 : std::llround(label_noise * static_cast<double>(train_size)); }

void DataDietOptions::Validate() const {
  const std::string p = FieldPrefix(field), data_prefix = FieldPrefix(data_field);
  ValidateGenerator(data, data_field);
  Require(train_size >= 20 && train_size <= 100000, data_prefix + "train_size", train_size, "must be in [20, 1e5]");
  Require(test_size >= 1 && test_size <= 100000, data_prefix + "test_size", test_size, "must be in [1, 1e5]");
  Require(label_noise > 0.0 && label_noise <= 0.5, p + "label_noise", label_noise, "must be in (0, 0.5]");
  Require(learning_rate > 0.0 && learning_rate <= 10.0, p + "learning_rate", learning_rate, "must be in (0, 10]");
  Require(steps >= 1 && steps <= 100000, p + "steps", steps, "must be in [1, 1e5]");
  Require(score_step >= 1 && score_step <= steps, p + "score_step", score_step, "must be in [1, steps] (scores at t = 0 are degenerate, §6)");
  Require(inits >= 1 && inits <= 1000, p + "inits", inits, "must be in [1, 1000]");
  Require(init_sd >= 0.0 && init_sd <= 10.0, p + "init_sd", init_sd, "must be in [0, 10]");
  Require(keep_fraction > 0.0 && keep_fraction < 1.0, p + "keep_fraction", keep_fraction, "must be in (0, 1)");
  Require(Keep() >= 1 && Offset() + Keep() <= train_size, p + "keep_fraction", keep_fraction,
          "round(keep_fraction n) must be at least 1 and fit after the offset round(label_noise n)");
  Require(!prune_fractions.empty() && prune_fractions.size() <= 20, p + "prune_fractions", prune_fractions.size(), "must hold 1 to 20 fractions");
  for (double f : prune_fractions)
    Require(f > 0.0 && f < 1.0 && std::llround(f * static_cast<double>(train_size)) < train_size, p + "prune_fractions", f,
            "every fraction must be in (0, 1) and leave at least one point");
  Require(trials >= 2 && trials <= 100000, trials_field, trials, "must be in [2, 1e5]");
}

DataDietTrial DataDietRun(const DataDietOptions& o, std::uint64_t seed, std::int64_t trial) {
  sim::Rng domain_rng = sim::TrialRng(seed, kDomainTag, trial), test_rng = sim::TrialRng(seed, kTestTag, trial);
  const sim::SubpopulationDomain domain = sim::DrawDomain(o.data, domain_rng);
  const sim::LabelledSample test = sim::DrawSample(domain, o.data, o.test_size, test_rng);
  DataDietTrial r;
  NoisyArm(o, domain, test, seed, trial, &r);
  CleanArm(o, domain, test, seed, trial, &r);
  return r;
}

DataDietResult RunDataDiet(const DataDietOptions& o, std::uint64_t seed, const sim::TrialRunnerOptions& runner) {
  sim::TrialRunnerOptions r = runner;
  r.label = "data diet (softmax regression)";
  return {o, sim::RunTrials<DataDietTrial>(o.trials, r, [&](std::int64_t t) { return DataDietRun(o, seed, t); })};
}

void AddDataDietMemory(const DataDietOptions& o, int threads, sim::MemoryEstimate* memory) {
  const double n = static_cast<double>(o.train_size), d = o.data.dimension + 1.0, m = o.data.classes;
  const double per_trial = 8.0 * (3.0 * n + static_cast<double>(o.test_size)) * (d + m) + 8.0 * o.data.subpopulations * (d + 2.0);
  memory->Working(FieldPrefix(o.data_field) + "train_size", threads * per_trial);
  memory->Retained(o.trials_field, static_cast<double>(o.trials) * (200.0 + 16.0 * o.prune_fractions.size()) + 24.0 * n);
}

}  // namespace memgen::scenarios
