// The SCO tracing experiment, see tracing_experiment.h.
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
#include "theory/sco/gaussian_mechanism.h"
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

// Where a trial draws from: streams keyed by (seed, "sco/<name>", t).
struct TrialKey {
  std::uint64_t seed, tag;
  std::int64_t trial;
  std::uint32_t Batch() const { return static_cast<std::uint32_t>(trial); }
  sim::StreamId Substream(std::uint64_t sub) const { return {seed, tag, static_cast<std::uint64_t>(trial), sub}; }
};

// Steps 1-2: the prior p_k ~ s-beta(β, β), the coin means µ = p/√d, n training and n fresh points,
// and z̄ − µ from the training column counts.
struct TrialSample {
  sim::CoinColumns columns;
  std::vector<double> mu;
  std::vector<std::int32_t> counts;
  sim::CoinMatrix train, fresh;
  std::vector<double> zbar_minus_mu;
};

TrialSample DrawSample(const ScoCellOptions& cell, const TrialKey& key) {
  const std::int64_t n = cell.n, d = cell.d;
  const double sqrt_d = std::sqrt(static_cast<double>(d));
  TrialSample out;
  sim::Rng prior(key.Substream(kPriorSubstream));
  std::vector<double> p(static_cast<std::size_t>(d));
  const double beta = cell.PriorBeta();
  for (double& v : p) v = sim::SymmetricBeta(prior, beta, 1.0);
  out.columns = sim::MakeCoinColumns(p);
  out.mu.resize(static_cast<std::size_t>(d));
  for (std::int64_t k = 0; k < d; ++k) out.mu[k] = out.columns.mean[k] / sqrt_d;
  out.train = sim::DrawCoinMatrix(sim::MakeBatchStream(key.seed, key.tag, key.Batch(), kTrainRole), 0, n, out.columns,
                                  &out.counts);
  out.fresh = sim::DrawCoinMatrix(sim::MakeBatchStream(key.seed, key.tag, key.Batch(), kFreshRole), 0, n, out.columns,
                                  nullptr);
  out.zbar_minus_mu.resize(static_cast<std::size_t>(d));
  for (std::int64_t k = 0; k < d; ++k)
    out.zbar_minus_mu[k] = (2.0 * out.counts[k] - static_cast<double>(n)) / (static_cast<double>(n) * sqrt_d) - out.mu[k];
  return out;
}

// Step 3: every learner on the training points, each on its own noise stream (adding a learner does
// not change another's draws); the tracer weights v/√d go into the score bank's lanes.
std::vector<sim::ScoLearnerOutput> RunLearners(const ScoCellOptions& cell, const TrialKey& key, const TrialSample& x,
                                               sim::WeightBank* bank) {
  const double sqrt_d = std::sqrt(static_cast<double>(cell.d));
  std::vector<sim::ScoLearnerOutput> outputs;
  for (std::size_t l = 0; l < cell.learners.size(); ++l) {
    sim::Rng noise(key.Substream(kNoiseSubstream + l));
    sim::ScoLearnerOptions options = cell.learners[l];
    if (options.kind == sim::ScoLearnerKind::kDpMean)
      options.dp_sigma = cell.dp_sigma_scale * theory::AnalyticGaussianSigma(2.0 / static_cast<double>(cell.n), options.dp_epsilon,
                                                                             options.dp_delta);
    outputs.push_back(sim::RunScoLearner(options, x.train, x.counts, x.mu, cell.d, noise));
    std::vector<double> scaled = outputs.back().weight;
    for (double& v : scaled) v /= sqrt_d;
    sim::SetWeights(bank, static_cast<int>(l), scaled);
  }
  return outputs;
}

// Step 4: raw scores ⟨v, z⟩ of every training, fresh and (K > 0) simulated null point, lane per learner.
struct RawScores {
  std::vector<double> train, fresh, null;
};

RawScores ScoreAll(const ScoCellOptions& cell, const TrialKey& key, const TrialSample& x, const sim::WeightBank& bank) {
  RawScores out;
  out.train = sim::ScoreRows(x.train, bank);
  out.fresh = sim::ScoreRows(x.fresh, bank);
  if (cell.null_draws > 0) {
    const sim::CoinMatrix null_rows = sim::DrawCoinMatrix(sim::MakeBatchStream(key.seed, key.tag, key.Batch(), kNullRole),
                                                          0, cell.null_draws, x.columns, nullptr);
    out.null = sim::ScoreRows(null_rows, bank);
  }
  return out;
}

// Step 5a: ‖v‖, ⟨θ, µ⟩ and the exact excess risk and generalisation gap given µ.
void RecordRisk(const ScoCellOptions& cell, std::size_t l, const sim::ScoLearnerOutput& o, const TrialSample& x,
                double mu_norm2, ScoLearnerTrial* rec) {
  rec->weight_norm = std::sqrt(Dot(o.weight, o.weight));
  rec->theta_mu = Dot(o.theta, x.mu);
  rec->used_rows = o.used_rows;
  if (cell.learners[l].kind == sim::ScoLearnerKind::kCslErm) {
    rec->excess = 0.5 * Dot(o.weight, o.weight);  // ½‖ŵ − µ‖²
    rec->gap = 0.0;
  } else {
    // ‖µ‖ − ⟨θ, µ⟩: the cancellation-free form for unit θ, the direct one inside the ball.
    const double theta_norm = std::sqrt(Dot(o.theta, o.theta));
    rec->excess = std::fabs(theta_norm - 1.0) <= 1e-9
                      ? theory::ClbUnitExcess(Eigen::Map<const Eigen::VectorXd>(o.theta.data(), cell.d),
                                              Eigen::Map<const Eigen::VectorXd>(x.mu.data(), cell.d))
                      : std::sqrt(mu_norm2) - rec->theta_mu;
    rec->gap = Dot(o.theta, x.zbar_minus_mu);
  }
}

// Step 4: the thresholds of one learner's scores, all times threshold_scale: τ_fw, τ_pp (Hoeffding),
// τ_cal = Φ⁻¹(1 − ξ)·s₀, τ_bern (family-wise Bernstein) and τ_sim (K > 0; +∞ otherwise).
struct Thresholds {
  double fw, pp, cal, bern, sim = INFINITY;
  double null_var;  ///< s₀² = Σ_k v_k² (1 − p_k²)/d, the variance of a fresh point's score
};

// τ_sim: the k-th largest of the K null scores s = raw − ⟨v, µ⟩ in lane l.
double SimulatedThreshold(const ScoCellOptions& cell, const std::vector<double>& null_raw, std::size_t l, double v_mu) {
  std::vector<double> null_scores(static_cast<std::size_t>(cell.null_draws));
  for (std::int64_t j = 0; j < cell.null_draws; ++j) null_scores[j] = null_raw[sim::kScoreLanes * j + l] - v_mu;
  const auto kth = null_scores.begin() + (cell.NullRank() - 1);  // k-th largest
  std::nth_element(null_scores.begin(), kth, null_scores.end(), std::greater<double>());
  return cell.threshold_scale * *kth;
}

Thresholds MakeThresholds(const ScoCellOptions& cell, const std::vector<double>& weight, const TrialSample& x,
                          double weight_norm, const RawScores& raw, std::size_t l, double v_mu) {
  const std::int64_t n = cell.n, d = cell.d;
  const double normal_quantile = boost::math::quantile(boost::math::complement(boost::math::normal(), cell.xi));
  Thresholds t;
  t.fw = cell.threshold_scale * theory::HoeffdingThreshold(weight_norm, d, cell.xi / static_cast<double>(n));
  t.pp = cell.threshold_scale * theory::HoeffdingThreshold(weight_norm, d, cell.xi);
  long double null_var = 0.0L;  // Var⟨v, z' − µ⟩ = Σ_k v_k² (1 − p_k²)/d for a fresh point
  for (std::int64_t k = 0; k < d; ++k)
    null_var += static_cast<long double>(weight[k]) * weight[k] * (1.0 - x.columns.mean[k] * x.columns.mean[k]);
  t.null_var = static_cast<double>(null_var) / static_cast<double>(d);
  t.cal = cell.threshold_scale * normal_quantile * std::sqrt(static_cast<double>(null_var) / static_cast<double>(d));
  theory::BernsteinParameters bern;
  bern.v = t.null_var;
  double max_abs = 0.0;
  for (std::int64_t k = 0; k < d; ++k) max_abs = std::max(max_abs, std::fabs(weight[k]));
  bern.b = 2.0 * max_abs / std::sqrt(static_cast<double>(d));
  t.bern = cell.threshold_scale * theory::BernsteinThreshold(bern, cell.xi / static_cast<double>(n));
  if (cell.null_draws > 0) t.sim = SimulatedThreshold(cell, raw.null, l, v_mu);
  return t;
}

// Step 5b: the flags of every training and fresh point at every threshold, A₁, A₂ and the decoder's
// errors; returns the training scores s_i = ⟨v, z_i − µ⟩.
Eigen::VectorXd CountFlags(const ScoCellOptions& cell, const RawScores& raw, std::size_t l, double v_mu,
                           const Thresholds& t, ScoLearnerTrial* rec) {
  const double sqrt_d = std::sqrt(static_cast<double>(cell.d));
  Eigen::VectorXd s(cell.n);
  for (std::int64_t i = 0; i < cell.n; ++i) {
    const double si = raw.train[sim::kScoreLanes * i + l] - v_mu;
    const double fi = raw.fresh[sim::kScoreLanes * i + l] - v_mu;
    s(i) = si;
    rec->a1 += si;
    rec->a2 += si * si;
    // Strict ">" everywhere: a zero weight vector (all scores 0) flags nothing.
    rec->recall_fw += si > t.fw;
    rec->recall_pp += si > t.pp;
    if (i < rec->used_rows) rec->recall_used += si > t.fw;
    rec->fresh_fw += fi > t.fw;
    rec->fresh_pp += fi > t.pp;
    rec->recall_cal += si > t.cal;
    rec->fresh_cal += fi > t.cal;
    rec->recall_sim += si > t.sim;
    rec->recall_bern += si > t.bern;
    rec->fresh_bern += fi > t.bern;
    rec->fresh_sim += fi > t.sim;
    rec->decode_errors += si <= fi;
    for (int j = 0; j < kDpGrid; ++j) {
      const double lambda = 0.5 * (j + 1) * rec->weight_norm / sqrt_d;
      rec->grid_train[j] += si > lambda;
      rec->grid_fresh[j] += fi > lambda;
    }
  }
  return s;
}

// Step 6 (erm, projected_erm): n Φ̄((τ − m)/s₀) with m = (1 − ‖µ‖²)/(n‖z̄‖).
void PredictRecall(const ScoCellOptions& cell, const TrialSample& x, double mu_norm2, const Thresholds& t,
                   ScoLearnerTrial* rec) {
  const double n = static_cast<double>(cell.n);
  const double spread = 1.0 - mu_norm2;  // E‖z_i − µ‖²
  const double zbar_norm =
      std::sqrt(Dot(x.zbar_minus_mu, x.zbar_minus_mu) + 2.0 * Dot(x.zbar_minus_mu, x.mu) + mu_norm2);
  const double mean = spread / (n * zbar_norm);
  const auto tail = [&](double tau) {
    return n * boost::math::cdf(boost::math::complement(boost::math::normal(), (tau - mean) / std::sqrt(t.null_var)));
  };
  rec->predicted_recall_fw = tail(t.fw);
  rec->predicted_recall_pp = tail(t.pp);
}

// Steps 4-6 for learner l.
ScoLearnerTrial RecordLearner(const ScoCellOptions& cell, std::size_t l, const sim::ScoLearnerOutput& o,
                              const TrialSample& x, const RawScores& raw, double mu_norm2) {
  ScoLearnerTrial rec;
  const double v_mu = Dot(o.weight, x.mu);
  RecordRisk(cell, l, o, x, mu_norm2, &rec);
  const Thresholds t = MakeThresholds(cell, o.weight, x, rec.weight_norm, raw, l, v_mu);
  const Eigen::VectorXd s = CountFlags(cell, raw, l, v_mu, t, &rec);
  const sim::ScoLearnerKind kind = cell.learners[l].kind;
  if (kind == sim::ScoLearnerKind::kErm || kind == sim::ScoLearnerKind::kProjectedErm)
    PredictRecall(cell, x, mu_norm2, t, &rec);
  const double beta_c = std::max(0.0, static_cast<double>(cell.n) * t.fw);
  rec.counting_count = theory::CountingLemmaCount(s, beta_c);
  rec.counting_bound = theory::CountingLemmaBound(s, beta_c);
  return rec;
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
  const TrialKey key{seed, sim::StreamTag("sco/" + cell.name), trial};
  const TrialSample x = DrawSample(cell, key);
  ScoTrial out;
  out.mu_norm2 = Dot(x.mu, x.mu);
  sim::WeightBank bank = sim::MakeWeightBank(64 * x.columns.words);
  const std::vector<sim::ScoLearnerOutput> outputs = RunLearners(cell, key, x, &bank);
  const RawScores raw = ScoreAll(cell, key, x, bank);
  for (std::size_t l = 0; l < cell.learners.size(); ++l)
    out.learners.push_back(RecordLearner(cell, l, outputs[l], x, raw, out.mu_norm2));
  return out;
}

std::vector<ScoTrial> RunScoCell(const ScoCellOptions& cell, std::uint64_t seed, const sim::TrialRunnerOptions& runner) {
  sim::TrialRunnerOptions r = runner;
  r.label = "sco " + cell.name;
  return sim::RunTrials<ScoTrial>(cell.trials, r, [&](std::int64_t t) { return RunScoTrial(cell, seed, t); });
}

void AddScoCellMemory(const ScoCellOptions& cell, int threads, sim::MemoryEstimate* memory) {
  const auto d = static_cast<double>(cell.d), n = static_cast<double>(cell.n), k = static_cast<double>(cell.null_draws);
  const auto learners = static_cast<double>(cell.learners.size());
  const double per_thread = (2 * n + k) * (d / 8 + 8) + (8 + 8 + 6 + learners * 3) * d * sizeof(double) + 8 * k * sizeof(double);
  memory->Working(cell.name + ".d", threads * per_thread);
  memory->Retained(cell.trials_field, static_cast<double>(cell.trials) *
                                          (sizeof(ScoTrial) + learners * sizeof(ScoLearnerTrial)));
}

}  // namespace memgen::scenarios
