// Membership inference meets traceability on the SCO instance, see sco_bridge_experiment.h.
#include "scenarios/mem/sco_bridge_experiment.h"

#include <boost/math/distributions/normal.hpp>

#include <algorithm>
#include <cmath>

#include "sim/core/config_error.h"
#include "sim/mem/balanced_masks.h"
#include "sim/mem/lira_attack.h"
#include "sim/random/distributions.h"
#include "sim/random/philox_batch.h"
#include "sim/random/stream_tag.h"
#include "sim/sco/bit_scores.h"
#include "sim/sco/learners.h"
#include "theory/mem/membership.h"
#include "theory/stats/sample_stats.h"
#include "theory/verdict/verdict_rules.h"

namespace memgen::scenarios {
namespace {

constexpr std::uint64_t kBridgeTag = sim::StreamTag("mem/lira/sco");
constexpr std::uint64_t kPriorSubstream = 0, kMaskSubstream = 1, kNoiseSubstream = 2;

// The instance of one trial: coin columns (prior drawn fresh), µ = p/√d and the 2n pool rows.
struct Instance {
  sim::CoinColumns columns;
  std::vector<double> mu;
  sim::CoinMatrix pool;
};

Instance DrawInstance(const ScoBridgeOptions& o, std::uint64_t seed, std::int64_t trial) {
  const std::int64_t d = o.Dimension();
  sim::Rng prior = sim::TrialRng(seed, kBridgeTag, trial, kPriorSubstream);
  std::vector<double> p(static_cast<std::size_t>(d));
  for (double& v : p) v = sim::SymmetricBeta(prior, 1.0 / (8.0 * o.accuracy * o.accuracy), 1.0);
  Instance x;
  x.columns = sim::MakeCoinColumns(p);
  for (std::int64_t k = 0; k < d; ++k) x.mu.push_back(x.columns.mean[static_cast<std::size_t>(k)] / std::sqrt(static_cast<double>(d)));
  x.pool = sim::DrawCoinMatrix(sim::MakeBatchStream(seed, kBridgeTag, static_cast<std::uint32_t>(trial), 0), 0, 2 * o.TrainSize(), x.columns, nullptr);
  return x;
}

// Shadow j's training rows and their column counts (the same at every noise level: built once a trial).
struct TrainingSet {
  sim::CoinMatrix rows;
  std::vector<std::int32_t> counts;
};

std::vector<TrainingSet> TrainingSets(const sim::CoinMatrix& pool, const theory::MaskMatrix& in) {
  std::vector<TrainingSet> sets(static_cast<std::size_t>(in.rows()));
  for (Eigen::Index j = 0; j < in.rows(); ++j) {
    TrainingSet& t = sets[static_cast<std::size_t>(j)];
    t.rows.words = pool.words;
    t.counts.assign(static_cast<std::size_t>(64 * pool.words), 0);
    for (Eigen::Index i = 0; i < in.cols(); ++i) {
      if (!in(j, i)) continue;
      t.rows.bits.insert(t.rows.bits.end(), pool.Row(i), pool.Row(i) + pool.words);
      sim::AddRowCounts(pool.Row(i), pool.words, t.counts.data());
      ++t.rows.rows;
    }
  }
  return sets;
}

struct ShadowScores {
  Eigen::ArrayXXd score;          ///< M × 2n: s = ⟨θ_j, z_i − µ⟩
  std::vector<double> threshold;  ///< the tracer's per model
  double berry_esseen = 0;        ///< the largest Berry–Esseen bound on the null law over the models
};

// Berry–Esseen (Shevtsova 2011, C = 0.56) for s = Σ_k θ_k(x_k − p_k)/√d with independent coins:
// sup_t |P(s ≤ t) − Φ(t/s₀)| ≤ 0.56 Σ_k E|ξ_k|³ / s₀³, E|x_k − p_k|³ = (1 − p_k²)(1 + p_k²).
double BerryEsseen(const std::vector<double>& theta, const std::vector<double>& p) {
  double third = 0.0, second = 0.0;
  for (std::size_t k = 0; k < theta.size(); ++k) {
    const double q = 1.0 - p[k] * p[k], a = std::abs(theta[k]);
    third += a * a * a * q * (2.0 - q);
    second += a * a * q;
  }
  return 0.56 * third / std::pow(second, 1.5);
}

ShadowScores ScoreShadows(const ScoBridgeOptions& o, const Instance& x, const std::vector<TrainingSet>& sets, const theory::MaskMatrix& in, double noise, std::uint64_t seed,
                          std::int64_t trial, std::size_t level) {
  const std::int64_t d = o.Dimension(), m = in.rows(), points = in.cols();
  const double sqrt_d = std::sqrt(static_cast<double>(d)), z = boost::math::quantile(boost::math::complement(boost::math::normal(), o.fpr));
  sim::ScoLearnerOptions learner;
  learner.kind = sim::ScoLearnerKind::kNoisyMean;
  learner.noise = noise;
  ShadowScores out{Eigen::ArrayXXd(m, points), std::vector<double>(static_cast<std::size_t>(m))};
  for (std::int64_t first = 0; first < m; first += sim::kScoreLanes) {
    sim::WeightBank bank = sim::MakeWeightBank(64 * x.pool.words);
    std::vector<double> theta_mu;
    for (int lane = 0; lane < sim::kScoreLanes && first + lane < m; ++lane) {
      const std::int64_t j = first + lane;
      const TrainingSet& set = sets[static_cast<std::size_t>(j)];
      sim::Rng rng = sim::TrialRng(seed, kBridgeTag, trial, kNoiseSubstream + level * static_cast<std::uint64_t>(m) + static_cast<std::uint64_t>(j));
      const sim::ScoLearnerOutput learned = sim::RunScoLearner(learner, set.rows, set.counts, x.mu, d, rng);
      double dot = 0.0, null_var = 0.0;
      std::vector<double> scaled(learned.theta.size());
      for (std::size_t k = 0; k < learned.theta.size(); ++k) {
        dot += learned.theta[k] * x.mu[k];
        null_var += learned.theta[k] * learned.theta[k] * (1.0 - x.columns.mean[k] * x.columns.mean[k]) / static_cast<double>(d);
        scaled[k] = learned.theta[k] / sqrt_d;
      }
      sim::SetWeights(&bank, lane, scaled);
      theta_mu.push_back(dot);
      out.berry_esseen = std::max(out.berry_esseen, BerryEsseen(learned.theta, x.columns.mean));
      out.threshold[static_cast<std::size_t>(j)] = (o.planted_half_threshold ? 0.5 : 1.0) * z * std::sqrt(null_var);
    }
    const std::vector<double> raw = sim::ScoreRows(x.pool, bank);
    for (std::size_t lane = 0; lane < theta_mu.size(); ++lane)
      for (std::int64_t i = 0; i < points; ++i)
        out.score(first + static_cast<std::int64_t>(lane), i) = raw[static_cast<std::size_t>(i * sim::kScoreLanes) + lane] - theta_mu[lane];
  }
  return out;
}

}  // namespace

std::int64_t ScoBridgeOptions::TrainSize() const { return static_cast<std::int64_t>(std::ceil(1.0 / (accuracy * accuracy) - 1e-9)); }

std::int64_t ScoBridgeOptions::Dimension() const {
  const double n = static_cast<double>(TrainSize());
  return static_cast<std::int64_t>(std::ceil(128.0 * accuracy * accuracy * n * n * std::log(n / fpr)));
}

void ScoBridgeOptions::Validate() const {
  const std::string p = FieldPrefix(field);
  Require(accuracy >= 0.05 && accuracy <= 0.5, p + "accuracy", accuracy, "must be in [0.05, 0.5] (n = 1/eps^2 and d grow as eps^-2 and eps^-2 ln)");
  Require(fpr > 0.0 && fpr < 0.5, p + "fpr", fpr, "must be in (0, 0.5)");
  Require(!noises.empty() && noises.size() <= 10, p + "noises", noises.size(), "must hold 1 to 10 levels");
  for (double s : noises) Require(s >= 0.0 && s <= 100.0, p + "noises", s, "every level must be in [0, 100]");
  Require(shadows >= 8 && shadows <= 1024 && shadows % 2 == 0, p + "shadows", shadows, "must be even and in [8, 1024]");
  Require(fpr * static_cast<double>(shadows * TrainSize()) >= 10.0, p + "fpr", fpr,
          "must leave at least 10 false positives among the shadows x n OUT pairs (" + std::to_string(shadows * TrainSize()) + ")");
  Require(trials >= 2 && trials <= 100000, trials_field, trials, "must be in [2, 1e5]");
}

ScoBridgeTrial ScoBridgeRun(const ScoBridgeOptions& o, std::uint64_t seed, std::int64_t trial) {
  const Instance x = DrawInstance(o, seed, trial);
  sim::Rng mask_rng = sim::TrialRng(seed, kBridgeTag, trial, kMaskSubstream);
  const theory::MaskMatrix in = sim::LiraArgsortMask(o.shadows, 2 * o.TrainSize(), o.shadows / 2, mask_rng);
  ScoBridgeTrial r;
  const std::vector<TrainingSet> sets = TrainingSets(x.pool, in);
  for (std::size_t level = 0; level < o.noises.size(); ++level) {
    const ShadowScores s = ScoreShadows(o, x, sets, in, o.noises[level], seed, trial, level);
    double flagged_in = 0.0, flagged_out = 0.0, count_in = 0.0, count_out = 0.0;
    for (Eigen::Index j = 0; j < in.rows(); ++j)
      for (Eigen::Index i = 0; i < in.cols(); ++i) {
        const bool flagged = s.score(j, i) > s.threshold[static_cast<std::size_t>(j)];
        (in(j, i) ? flagged_in : flagged_out) += flagged ? 1.0 : 0.0;
        (in(j, i) ? count_in : count_out) += 1.0;
      }
    r.tracer_recall.push_back(flagged_in / count_in);
    r.tracer_fpr.push_back(flagged_out / count_out);
    r.fpr_bound.push_back(s.berry_esseen);
    const sim::LiraStatistics stats = sim::LeaveOneModelOut(s.score, in);
    const sim::PooledScores online = sim::Pool(stats.online, in), global = sim::Pool(stats.global, in);
    r.lira_tpr.push_back(theory::TprAtFpr(online.in, online.out, o.fpr));
    r.global_tpr.push_back(theory::TprAtFpr(global.in, global.out, o.fpr));
  }
  return r;
}

ScoBridgeResult RunScoBridge(const ScoBridgeOptions& o, std::uint64_t seed, const sim::TrialRunnerOptions& runner) {
  sim::TrialRunnerOptions r = runner;
  r.label = "LiRA on the SCO instance";
  return {o, sim::RunTrials<ScoBridgeTrial>(o.trials, r, [&](std::int64_t t) { return ScoBridgeRun(o, seed, t); })};
}

void AddScoBridgeMemory(const ScoBridgeOptions& o, int threads, sim::MemoryEstimate* memory) {
  const double d = static_cast<double>(o.Dimension()), pool = 2.0 * static_cast<double>(o.TrainSize());
  memory->Working(FieldPrefix(o.field) + "shadows", threads * (pool * d / 4.0 + 8.0 * 12.0 * d + 8.0 * 6.0 * static_cast<double>(o.shadows) * pool));
  memory->Retained(o.trials_field, static_cast<double>(o.trials) * 32.0 * static_cast<double>(o.noises.size()));
}

}  // namespace memgen::scenarios
