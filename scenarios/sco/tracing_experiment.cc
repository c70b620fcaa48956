// The SCO tracing experiment, see sco_experiment.h.
#include "scenarios/sco/tracing_experiment.h"

#include <Eigen/Core>
#include <boost/math/distributions/normal.hpp>

#include <algorithm>
#include <cmath>
#include <functional>

#include "sim/core/config_error.h"
#include "sim/random/distributions.h"
#include "sim/random/stream_tag.h"
#include "sim/sco/bit_scores.h"
#include "theory/sco/cmi.h"
#include "theory/sco/counting.h"
#include "theory/sco/fingerprint.h"
#include "theory/sco/thresholds.h"

namespace memgen::scenarios {
namespace {

constexpr std::uint32_t kTrainRole = 0, kFreshRole = 1, kNullRole = 2;
constexpr std::uint64_t kPriorSubstream = 0, kNoiseSubstream = 1;

double Dot(const std::vector<double>& a, const std::vector<double>& b) {
  long double s = 0.0L;
  for (std::size_t k = 0; k < a.size(); ++k) s += static_cast<long double>(a[k]) * b[k];
  return static_cast<double>(s);
}

}  // namespace

std::int64_t ScoCellOptions::NullRank() const {
  return static_cast<std::int64_t>(std::ceil(xi * static_cast<double>(null_draws + 1)));
}

void ScoCellOptions::Validate(const std::string& field) const {
  Require(null_draws == 0 || (null_draws >= 100 && null_draws <= 1000000), field + ".null_draws", null_draws,
          "must be 0 or in [100, 1e6]");
  if (null_draws > 0)
    Require(NullRank() <= null_draws, field + ".null_draws", null_draws, "must exceed 1/xi so that k <= K");
  Require(eps > 0.0 && eps < 1.0, field + ".eps", eps, "must be in (0, 1)");
  Require(beta >= 0.0, field + ".beta", beta, "must be >= 0 (0: 1/(8 eps^2))");
  Require(n >= 2, field + ".n", n, "must be >= 2");
  Require(n < (std::int64_t{1} << 31), field + ".n", n, "must be < 2^31");
  Require(d >= 1 && d < (std::int64_t{1} << 34), field + ".d", d, "must be in [1, 2^34)");
  Require(xi > 0.0 && xi < 1.0, field + ".xi", xi, "must be in (0, 1)");
  Require(trials >= 10 && trials < (std::int64_t{1} << 32), field + ".trials", trials, "must be in [10, 2^32)");
  Require(d >= 16, field + ".d", d, "must be >= 16");
  Require(beta == 0.0 || beta >= 0.05, field + ".beta", beta, "must be >= 0.05 (or 0: 1/(8 eps^2))");
  Require(!learners.empty() && learners.size() <= 8, field + ".learners", learners.size(), "must list 1 to 8 learners");
  for (std::size_t i = 0; i < learners.size(); ++i) learners[i].Validate(field + ".learners[" + std::to_string(i) + "]");
}

ScoTrial RunScoTrial(const ScoCellOptions& cell, std::uint64_t seed, std::int64_t trial) {
  const std::uint64_t tag = sim::StreamTag("sco/" + cell.name);
  const std::int64_t n = cell.n, d = cell.d;
  const double sqrt_d = std::sqrt(static_cast<double>(d));
  // 1. Prior and coin means.
  sim::Rng prior({seed, tag, static_cast<std::uint64_t>(trial), kPriorSubstream});
  std::vector<double> p(static_cast<std::size_t>(d));
  const double beta = cell.PriorBeta();
  for (double& v : p) v = sim::SymmetricBeta(prior, beta, 1.0);
  const sim::CoinColumns columns = sim::MakeCoinColumns(p);
  std::vector<double> mu(static_cast<std::size_t>(d));
  for (std::int64_t k = 0; k < d; ++k) mu[k] = columns.mean[k] / sqrt_d;
  // 2. Training and fresh points.
  std::vector<std::int32_t> counts;
  const auto t32 = static_cast<std::uint32_t>(trial);
  const sim::CoinMatrix train =
      sim::DrawCoinMatrix(sim::MakeBatchStream(seed, tag, t32, kTrainRole), 0, n, columns, &counts);
  const sim::CoinMatrix fresh =
      sim::DrawCoinMatrix(sim::MakeBatchStream(seed, tag, t32, kFreshRole), 0, n, columns, nullptr);
  std::vector<double> zbar_minus_mu(static_cast<std::size_t>(d));
  for (std::int64_t k = 0; k < d; ++k)
    zbar_minus_mu[k] = (2.0 * counts[k] - static_cast<double>(n)) / (static_cast<double>(n) * sqrt_d) - mu[k];
  // 3. Learners and tracer weights.
  ScoTrial out;
  out.mu_norm2 = Dot(mu, mu);
  sim::WeightBank bank = sim::MakeWeightBank(64 * columns.words);
  std::vector<sim::ScoLearnerOutput> outputs;
  for (std::size_t l = 0; l < cell.learners.size(); ++l) {
    // Each learner's own noise stream: adding a learner does not change another's draws.
    sim::Rng noise({seed, tag, static_cast<std::uint64_t>(trial), kNoiseSubstream + l});
    sim::ScoLearnerOptions options = cell.learners[l];
    if (options.kind == sim::ScoLearnerKind::kDpMean)
      options.dp_sigma = cell.dp_sigma_scale *
                         theory::GaussianMechanismSigma(2.0 / static_cast<double>(n), options.dp_epsilon, options.dp_delta);
    outputs.push_back(sim::RunScoLearner(options, train, counts, mu, d, noise));
    std::vector<double> scaled = outputs.back().weight;
    for (double& v : scaled) v /= sqrt_d;
    sim::SetWeights(&bank, static_cast<int>(l), scaled);
  }
  // 4. Scores of every training and fresh point.
  const std::vector<double> train_raw = sim::ScoreRows(train, bank);
  const std::vector<double> fresh_raw = sim::ScoreRows(fresh, bank);
  std::vector<double> null_raw;  // K simulated null points, scored by every learner
  if (cell.null_draws > 0) {
    const sim::CoinMatrix null_rows =
        sim::DrawCoinMatrix(sim::MakeBatchStream(seed, tag, t32, kNullRole), 0, cell.null_draws, columns, nullptr);
    null_raw = sim::ScoreRows(null_rows, bank);
  }
  const Eigen::Map<const Eigen::VectorXd> mu_map(mu.data(), d);
  const double normal_quantile = boost::math::quantile(boost::math::complement(boost::math::normal(), cell.xi));
  for (std::size_t l = 0; l < cell.learners.size(); ++l) {
    const sim::ScoLearnerOutput& o = outputs[l];
    ScoLearnerTrial rec;
    const double v_mu = Dot(o.weight, mu);
    rec.weight_norm = std::sqrt(Dot(o.weight, o.weight));
    rec.theta_mu = Dot(o.theta, mu);
    rec.used_rows = o.used_rows;
    if (cell.learners[l].kind == sim::ScoLearnerKind::kCslErm) {
      rec.excess = 0.5 * Dot(o.weight, o.weight);  // ½‖ŵ − µ‖²
      rec.gap = 0.0;
    } else {
      // ‖µ‖ − ⟨θ, µ⟩: the cancellation-free form for unit θ, the direct one inside the ball.
      const double theta_norm = std::sqrt(Dot(o.theta, o.theta));
      rec.excess = std::fabs(theta_norm - 1.0) <= 1e-9
                       ? theory::ClbUnitExcess(Eigen::Map<const Eigen::VectorXd>(o.theta.data(), d), mu_map)
                       : std::sqrt(out.mu_norm2) - rec.theta_mu;
      rec.gap = Dot(o.theta, zbar_minus_mu);
    }
    const double tau_fw = cell.threshold_scale * theory::HoeffdingThreshold(rec.weight_norm, d, cell.xi / static_cast<double>(n));
    const double tau_pp = cell.threshold_scale * theory::HoeffdingThreshold(rec.weight_norm, d, cell.xi);
    long double null_var = 0.0L;  // Var⟨v, z' − µ⟩ = Σ_k v_k² (1 − p_k²)/d for a fresh point
    for (std::int64_t k = 0; k < d; ++k)
      null_var += static_cast<long double>(o.weight[k]) * o.weight[k] * (1.0 - columns.mean[k] * columns.mean[k]);
    const double tau_cal = cell.threshold_scale * normal_quantile *
                           std::sqrt(static_cast<double>(null_var) / static_cast<double>(d));
    theory::BernsteinParameters bern;
    bern.v = static_cast<double>(null_var) / static_cast<double>(d);
    double max_abs = 0.0;
    for (std::int64_t k = 0; k < d; ++k) max_abs = std::max(max_abs, std::fabs(o.weight[k]));
    bern.b = 2.0 * max_abs / sqrt_d;
    const double tau_bern = cell.threshold_scale * theory::BernsteinThreshold(bern, cell.xi / static_cast<double>(n));
    double tau_sim = INFINITY;
    if (cell.null_draws > 0) {
      std::vector<double> null_scores(static_cast<std::size_t>(cell.null_draws));
      for (std::int64_t j = 0; j < cell.null_draws; ++j) null_scores[j] = null_raw[sim::kScoreLanes * j + l] - v_mu;
      const auto kth = null_scores.begin() + (cell.NullRank() - 1);  // k-th largest
      std::nth_element(null_scores.begin(), kth, null_scores.end(), std::greater<double>());
      tau_sim = cell.threshold_scale * *kth;
    }
    Eigen::VectorXd s(n);
    for (std::int64_t i = 0; i < n; ++i) {
      const double si = train_raw[sim::kScoreLanes * i + l] - v_mu;
      const double fi = fresh_raw[sim::kScoreLanes * i + l] - v_mu;
      s(i) = si;
      rec.a1 += si;
      rec.a2 += si * si;
      // Strict ">" everywhere: a zero weight vector (all scores 0) flags nothing.
      rec.recall_fw += si > tau_fw;
      rec.recall_pp += si > tau_pp;
      if (i < o.used_rows) rec.recall_used += si > tau_fw;
      rec.fresh_fw += fi > tau_fw;
      rec.fresh_pp += fi > tau_pp;
      rec.recall_cal += si > tau_cal;
      rec.fresh_cal += fi > tau_cal;
      rec.recall_sim += si > tau_sim;
      rec.recall_bern += si > tau_bern;
      rec.fresh_bern += fi > tau_bern;
      rec.fresh_sim += fi > tau_sim;
      rec.decode_errors += si <= fi;
      for (int j = 0; j < kDpGrid; ++j) {
        const double lambda = 0.5 * (j + 1) * rec.weight_norm / sqrt_d;
        rec.grid_train[j] += si > lambda;
        rec.grid_fresh[j] += fi > lambda;
      }
    }
    const sim::ScoLearnerKind kind = cell.learners[l].kind;
    if (kind == sim::ScoLearnerKind::kErm || kind == sim::ScoLearnerKind::kProjectedErm) {
      const double spread = 1.0 - out.mu_norm2;  // E‖z_i − µ‖²
      const double zbar_norm = std::sqrt(Dot(zbar_minus_mu, zbar_minus_mu) + 2.0 * Dot(zbar_minus_mu, mu) + out.mu_norm2);
      const double mean = spread / (static_cast<double>(n) * zbar_norm);
      const double var = static_cast<double>(null_var) / static_cast<double>(d);
      const auto tail = [&](double tau) {
        return static_cast<double>(n) *
               boost::math::cdf(boost::math::complement(boost::math::normal(), (tau - mean) / std::sqrt(var)));
      };
      rec.predicted_recall_fw = tail(tau_fw);
      rec.predicted_recall_pp = tail(tau_pp);
    }
    const double beta_c = std::max(0.0, static_cast<double>(n) * tau_fw);
    rec.counting_count = theory::CountingLemmaCount(s, beta_c);
    rec.counting_bound = theory::CountingLemmaBound(s, beta_c);
    out.learners.push_back(rec);
  }
  return out;
}

std::vector<ScoTrial> RunScoCell(const ScoCellOptions& cell, std::uint64_t seed, const sim::TrialRunnerOptions& runner) {
  sim::TrialRunnerOptions r = runner;
  r.label = "sco " + cell.name;
  return sim::RunTrials<ScoTrial>(cell.trials, r, [&](std::int64_t t) { return RunScoTrial(cell, seed, t); });
}

std::size_t ScoCellMemoryBytes(const ScoCellOptions& cell, int threads) {
  const auto d = static_cast<std::size_t>(cell.d), n = static_cast<std::size_t>(cell.n);
  const auto k = static_cast<std::size_t>(cell.null_draws);
  const std::size_t per_trial = (2 * n + k) * (d / 8 + 8) + (8 + 8 + 6 + cell.learners.size() * 3) * d * sizeof(double) +
                                8 * k * sizeof(double);
  return static_cast<std::size_t>(threads) * per_trial;
}

}  // namespace memgen::scenarios
