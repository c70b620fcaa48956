// The data diet on a small MLP, see data_diet_mlp_experiment.h.
#include "scenarios/mem/data_diet_mlp_experiment.h"

#include <algorithm>
#include <cmath>

#include "scenarios/mem/data_diet_experiment.h"
#include "sim/core/config_error.h"
#include "sim/mem/mlp_diet_scores.h"
#include "sim/mem/planted_defects.h"
#include "sim/random/stream_tag.h"
#include "theory/mem/data_diet.h"
#include "theory/stats/rank_correlation.h"
#include "theory/stats/sample_stats.h"
#include "theory/verdict/verdict_rules.h"

namespace memgen::scenarios {
namespace {

constexpr std::uint64_t kDomainTag = sim::StreamTag("mem/data_diet/mlp/domain");
constexpr std::uint64_t kSampleTag = sim::StreamTag("mem/data_diet/mlp/sample");
constexpr std::uint64_t kInitTag = sim::StreamTag("mem/data_diet/mlp/init");
constexpr std::uint64_t kPruneTag = sim::StreamTag("mem/data_diet/mlp/random_prune");
constexpr std::uint64_t kPlantTag = sim::StreamTag("mem/data_diet/mlp/planted_shuffle");

sim::RowMatrix Rows(const sim::RowMatrix& x, const std::vector<std::int64_t>& keep) {
  sim::RowMatrix out(static_cast<Eigen::Index>(keep.size()), x.cols());
  for (std::size_t r = 0; r < keep.size(); ++r) out.row(static_cast<Eigen::Index>(r)) = x.row(keep[r]);
  return out;
}

sim::ReluMlp Train(const DataDietOptions& diet, const MlpDietOptions& o, const sim::RowMatrix& x, const std::vector<int>& labels, int steps, sim::Rng& rng) {
  sim::ReluMlp net = sim::InitReluMlp(diet.data.dimension, o.width, diet.data.classes, rng);
  sim::ReluWorkspace ws;
  Eigen::VectorXd gradient;
  for (int t = 0; t < steps; ++t) {
    sim::Gradient(net, x, labels, &gradient, &ws);
    net.parameters -= o.learning_rate * gradient;
  }
  return net;
}

// Clean-test accuracy of a fresh network trained for T steps on the rows `keep` (one init stream per trial).
double PrunedAccuracy(const DataDietOptions& diet, const MlpDietOptions& o, const sim::LabelledSample& s, const std::vector<std::int64_t>& keep,
                      const sim::LabelledSample& test, std::uint64_t seed, std::int64_t trial) {
  std::vector<int> labels;
  for (std::int64_t i : keep) labels.push_back(s.label[static_cast<std::size_t>(i)]);
  sim::Rng init = sim::TrialRng(seed, kInitTag, trial, 1);
  const sim::ReluMlp net = Train(diet, o, Rows(s.x, keep), labels, diet.steps, init);
  sim::ReluWorkspace ws;
  return sim::Evaluate(net, test.x, test.label, &ws).accuracy;
}

sim::DietScores AveragedScores(const DataDietOptions& diet, const MlpDietOptions& o, const sim::LabelledSample& s, std::uint64_t seed, std::int64_t trial) {
  const std::size_t n = s.label.size();
  sim::DietScores mean{std::vector<double>(n, 0.0), std::vector<double>(n, 0.0)};
  sim::Rng rng = sim::TrialRng(seed, kInitTag, trial, 0);
  sim::ReluWorkspace ws;
  for (int k = 0; k < diet.inits; ++k) {
    const sim::DietScores one = sim::MlpEl2nGrand(Train(diet, o, s.x, s.label, diet.score_step, rng), s.x, s.label, &ws);
    for (std::size_t i = 0; i < n; ++i) {
      mean.el2n[i] += one.el2n[i] / diet.inits;
      mean.grand[i] += one.grand[i] / diet.inits;
    }
  }
  return mean;
}

}  // namespace

void MlpDietOptions::Validate() const {
  const std::string p = FieldPrefix(field);
  Require(width >= 1 && width <= 4096, p + "width", width, "must be in [1, 4096]");
  Require(learning_rate > 0.0 && learning_rate <= 10.0, p + "learning_rate", learning_rate, "must be in (0, 10]");
  Require(trials >= 2 && trials <= 100000, trials_field, trials, "must be in [2, 1e5]");
}

MlpDietTrial MlpDietRun(const DataDietOptions& diet, const MlpDietOptions& o, std::uint64_t seed, std::int64_t trial) {
  sim::Rng domain_rng = sim::TrialRng(seed, kDomainTag, trial), rng = sim::TrialRng(seed, kSampleTag, trial);
  const sim::SubpopulationDomain domain = sim::DrawDomain(diet.data, domain_rng);
  const sim::LabelledSample test = sim::DrawSample(domain, diet.data, diet.test_size, rng);
  sim::LabelledSample s = sim::DrawSample(domain, diet.data, diet.train_size, rng);
  sim::DefectOptions defects;
  defects.label_noise = diet.label_noise;
  const std::vector<sim::PointGroup> group = sim::PlantDefects(s, defects, diet.data.classes, rng);
  sim::DietScores scores = AveragedScores(diet, o, s, seed, trial);
  if (o.planted_shuffle_scores) ShuffleScores(sim::TrialRng(seed, kPlantTag, trial), &scores.el2n);
  const NoiseRanking ranking = RankNoise(scores.el2n, group, std::llround(diet.label_noise * static_cast<double>(diet.train_size)));
  MlpDietTrial r;
  r.auroc = ranking.auroc;
  r.precision = ranking.precision;
  r.spearman_grand_el2n = theory::Spearman(scores.grand, scores.el2n);
  std::vector<std::int64_t> all(static_cast<std::size_t>(diet.train_size));
  for (std::size_t i = 0; i < all.size(); ++i) all[i] = static_cast<std::int64_t>(i);
  r.full = PrunedAccuracy(diet, o, s, all, test, seed, trial);
  r.hardest = PrunedAccuracy(diet, o, s, theory::OffsetWindow(scores.el2n, 0, diet.Keep()), test, seed, trial);
  r.window = PrunedAccuracy(diet, o, s, theory::OffsetWindow(scores.el2n, diet.Offset(), diet.Keep()), test, seed, trial);
  sim::Rng prune = sim::TrialRng(seed, kPruneTag, trial);
  std::vector<std::int64_t> random = sim::RandomPermutation(diet.train_size, prune);
  random.resize(static_cast<std::size_t>(diet.Keep()));
  r.random = PrunedAccuracy(diet, o, s, random, test, seed, trial);
  return r;
}

MlpDietResult RunMlpDiet(const DataDietOptions& diet, const MlpDietOptions& o, std::uint64_t seed, const sim::TrialRunnerOptions& runner) {
  sim::TrialRunnerOptions r = runner;
  r.label = "data diet, MLP";
  return {o, sim::RunTrials<MlpDietTrial>(o.trials, r, [&](std::int64_t t) { return MlpDietRun(diet, o, seed, t); })};
}

void AddMlpDietMemory(const DataDietOptions& diet, const MlpDietOptions& o, int threads, sim::MemoryEstimate* memory) {
  const double n = static_cast<double>(std::max(diet.train_size, diet.test_size));
  const double per_thread = 8.0 * n * (2.0 * diet.data.dimension + 3.0 * o.width + 2.0 * diet.data.classes);
  memory->Working(FieldPrefix(o.field) + "width", threads * per_thread);
  memory->Retained(o.trials_field, static_cast<double>(o.trials) * 8.0 * 7.0);
}

std::vector<theory::Claim> BuildMlpDietClaims(const DataDietOptions& diet, const MlpDietResult& r, theory::TestSize size) {
  const auto over = [&](double MlpDietTrial::*f) {
    std::vector<double> v;
    for (const MlpDietTrial& t : r.trials) v.push_back(t.*f);
    return theory::Summarize(v);
  };
  const auto gap = [&](double MlpDietTrial::*a, double MlpDietTrial::*b) {
    std::vector<double> v;
    for (const MlpDietTrial& t : r.trials) v.push_back(t.*a - t.*b);
    return theory::Summarize(v);
  };
  const std::string where = " (one-hidden-layer ReLU MLP, width " + std::to_string(r.options.width) + ", n = " + std::to_string(diet.train_size) +
                            ", rho = " + theory::Num(diet.label_noise) + ", t0 = " + std::to_string(diet.score_step) + " of T = " +
                            std::to_string(diet.steps) + " steps, " + std::to_string(diet.inits) + " inits, " + std::to_string(r.trials.size()) + " trials)";
  const std::string src = "Paul, Ganguli, Dziugaite (2021); learning_dynamics.md §6 [reconstructed]";
  const std::string k = "k = " + std::to_string(diet.Keep());
  std::vector<theory::Claim> claims;
  claims.push_back(theory::MeanBoundClaim(theory::ClaimHeader("DD-MLP.auroc", "EL2N at t0 finds the mislabeled points: mean AUROC(EL2N, noisy) is at least 0.9" + where, src),
                                          over(&MlpDietTrial::auroc), 0.9, theory::BoundSide::kAtLeast, 0.0, size));
  claims.back().AddNote("mean Spearman(GraNd, EL2N) " + theory::Num(over(&MlpDietTrial::spearman_grand_el2n).mean));
  claims.push_back(theory::MeanBoundClaim(
      theory::ClaimHeader("DD-MLP.precision", "the top rho n EL2N scores are mislabeled points with mean precision at least 0.8" + where, src),
      over(&MlpDietTrial::precision), 0.8, theory::BoundSide::kAtLeast, 0.0, size));
  claims.push_back(theory::PairedOrderingClaim(
      theory::ClaimHeader("DD-MLP.offset", "keeping the hardest " + k + " by EL2N gives a lower clean-test accuracy than the window after the offset rho n (paired per trial)" + where, src),
      gap(&MlpDietTrial::hardest, &MlpDietTrial::window), size));
  claims.push_back(theory::PairedOrderingClaim(
      theory::ClaimHeader("DD-MLP.random", "the window of " + k + " after the offset beats k random points (paired per trial)" + where, src),
      gap(&MlpDietTrial::random, &MlpDietTrial::window), size));
  claims.back().AddNote("accuracy: hardest " + theory::Num(over(&MlpDietTrial::hardest).mean) + ", window " + theory::Num(over(&MlpDietTrial::window).mean) +
                        ", random " + theory::Num(over(&MlpDietTrial::random).mean) + ", full noisy set " + theory::Num(over(&MlpDietTrial::full).mean));
  return claims;
}

sim::CsvTable MlpDietTrialTable(const MlpDietResult& r) {
  sim::CsvTable table({"trial", "auroc", "precision", "spearman_grand_el2n", "full", "hardest", "window", "random"});
  for (std::size_t t = 0; t < r.trials.size(); ++t) {
    const MlpDietTrial& x = r.trials[t];
    table.Add(static_cast<std::int64_t>(t)).Add(x.auroc).Add(x.precision).Add(x.spearman_grand_el2n).Add(x.full).Add(x.hardest).Add(x.window).Add(x.random);
    table.EndRow();
  }
  return table;
}

}  // namespace memgen::scenarios
