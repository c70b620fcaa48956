// Trial bodies of scn_mem_lira, see lira_experiment.h.
#include "scenarios/mem/lira_experiment.h"

#include <algorithm>
#include <cmath>

#include "scenarios/mem/generator_config.h"
#include "sim/core/config_error.h"
#include "sim/mem/balanced_masks.h"
#include "sim/mem/lira_attack.h"
#include "sim/mem/planted_defects.h"
#include "sim/random/distributions.h"
#include "sim/random/stream_tag.h"
#include "theory/stats/rank_correlation.h"

namespace memgen::scenarios {
namespace {

constexpr std::uint64_t kGaussianTag = sim::StreamTag("mem/lira/gaussian");
constexpr std::uint64_t kDomainTag = sim::StreamTag("mem/lira/domain");
constexpr std::uint64_t kPoolTag = sim::StreamTag("mem/lira/pool");
constexpr std::uint64_t kFeatureTag = sim::StreamTag("mem/lira/features");
constexpr std::uint64_t kMaskTag = sim::StreamTag("mem/lira/masks");
constexpr std::uint64_t kOnionTag = sim::StreamTag("mem/lira/onion");
constexpr std::uint64_t kPlantTag = sim::StreamTag("mem/lira/planted");
constexpr std::uint64_t kMaskingTag = sim::StreamTag("mem/lira/masking");

double Mean(const std::vector<double>& v, const std::vector<sim::PointGroup>& g, sim::PointGroup want) {
  double s = 0.0, k = 0.0;
  for (std::size_t i = 0; i < v.size(); ++i)
    if (g[i] == want) { s += v[i]; k += 1.0; }
  return k > 0 ? s / k : std::nan("");
}

struct Round {
  sim::ShadowScores scores;
  theory::MaskMatrix in;
  sim::LiraStatistics stats;
  std::vector<double> v;
};

// `models` shadows on the features z (argsort masks from rng), leave-one-model-out LiRA and vulnerability.
Round RunRound(const ShadowOptions& o, const sim::RowMatrix& z, const std::vector<int>& labels, std::int64_t models, sim::Rng& rng,
               std::uint64_t seed, std::int64_t trial) {
  Round r;
  r.in = sim::LiraArgsortMask(models, z.rows(), models / 2, rng);
  r.scores = sim::TrainRidgeShadows(z, labels, o.data.classes, r.in, o.ridge);
  theory::MaskMatrix fit_in = r.in;
  if (o.planted_permuted_fits) {
    sim::Rng plant = sim::TrialRng(seed, kPlantTag, trial);
    const std::vector<std::int64_t> p = sim::RandomPermutation(models, plant);
    for (Eigen::Index j = 0; j < models; ++j) fit_in.row(j) = r.in.row(p[static_cast<std::size_t>(j)]);
  }
  r.stats = sim::LeaveOneModelOut(r.scores.margin, fit_in);
  r.v = sim::PointVulnerability(r.stats.online, r.in);
  if (o.planted_reverse_vulnerability)
    for (double& x : r.v) x = 1.0 - x;
  return r;
}

struct Pool {
  sim::RowMatrix x;  ///< raw inputs (for near-duplicates)
  sim::RowMatrix z;
  std::vector<int> label;
  std::vector<sim::PointGroup> group;
};

Pool DrawPool(const ShadowOptions& o, std::uint64_t seed, std::int64_t trial) {
  sim::Rng domain_rng = sim::TrialRng(seed, kDomainTag, trial), pool_rng = sim::TrialRng(seed, kPoolTag, trial), feature_rng = sim::TrialRng(seed, kFeatureTag, trial);
  const sim::SubpopulationDomain domain = sim::DrawDomain(o.data, domain_rng);
  sim::LabelledSample s = sim::DrawSample(domain, o.data, o.pool, pool_rng);
  sim::DefectOptions defects;
  defects.label_noise = o.label_noise;
  defects.outlier_fraction = o.outlier_fraction;
  defects.outlier_sd = o.outlier_sd;
  Pool p;
  p.group = sim::PlantDefects(s, defects, o.data.classes, pool_rng);
  p.z = sim::RandomFourierFeatures(s.x, o.features, feature_rng);
  p.x = s.x;
  p.label = s.label;
  return p;
}

// Near-duplicate masking (the spec's second onion bullet): `duplicates` copies x + duplicate_sd·N(0, I),
// with the same label, of each of the first `masked_points` clean points join the pool; a round of
// `shadows` models on that pool gives the targets' vulnerability with their duplicates present, the
// main round (no duplicates) without. The features use the main round's random frequencies.
void Masking(const ShadowOptions& o, const Pool& pool, const std::vector<double>& v, std::uint64_t seed, std::int64_t trial, ShadowTrial* r) {
  std::vector<std::int64_t> targets;
  for (std::size_t i = 0; i < pool.group.size() && static_cast<std::int64_t>(targets.size()) < o.masked_points; ++i)
    if (pool.group[i] == sim::PointGroup::kClean) targets.push_back(static_cast<std::int64_t>(i));
  const auto n = pool.x.rows(), extra = static_cast<Eigen::Index>(targets.size()) * o.duplicates;
  sim::RowMatrix x(n + extra, pool.x.cols());
  x.topRows(n) = pool.x;
  std::vector<int> labels = pool.label;
  sim::Rng rng = sim::TrialRng(seed, kMaskingTag, trial);
  Eigen::RowVectorXd noise(pool.x.cols());
  for (Eigen::Index c = 0, row = n; c < o.duplicates; ++c)
    for (std::int64_t t : targets) {
      sim::FillNormal(rng, noise.data(), static_cast<std::size_t>(noise.size()));
      x.row(row++) = pool.x.row(t) + o.duplicate_sd * noise;
      labels.push_back(pool.label[static_cast<std::size_t>(t)]);
    }
  sim::Rng feature_rng = sim::TrialRng(seed, kFeatureTag, trial), mask_rng = sim::TrialRng(seed, kMaskingTag, trial, 1);
  ShadowOptions plain = o;
  plain.planted_permuted_fits = plain.planted_reverse_vulnerability = false;
  const Round with = RunRound(plain, sim::RandomFourierFeatures(x, o.features, feature_rng), labels, o.shadows, mask_rng, seed, trial);
  double v_with = 0.0, v_without = 0.0;
  for (std::int64_t t : targets) {
    v_with += with.v[static_cast<std::size_t>(t)];
    v_without += v[static_cast<std::size_t>(t)];
  }
  r->masked_with = v_with / static_cast<double>(targets.size());
  r->masked_without = v_without / static_cast<double>(targets.size());
  if (o.planted_reverse_masking) std::swap(r->masked_with, r->masked_without);
}

// Mean Δv over the previously safe points left after removing `removed`, and how many of them now
// reach the old top-k threshold.
std::pair<double, std::int64_t> OnionShift(const ShadowOptions& o, const Pool& pool, const std::vector<double>& v, const std::vector<std::int64_t>& removed,
                                           double median, double threshold, sim::Rng& rng, std::uint64_t seed, std::int64_t trial) {
  std::vector<char> gone(v.size(), 0);
  for (std::int64_t i : removed) gone[static_cast<std::size_t>(i)] = 1;
  std::vector<std::int64_t> kept;
  for (std::size_t i = 0; i < v.size(); ++i)
    if (!gone[i]) kept.push_back(static_cast<std::int64_t>(i));
  sim::RowMatrix z(static_cast<Eigen::Index>(kept.size()), pool.z.cols());
  std::vector<int> labels;
  for (std::size_t r = 0; r < kept.size(); ++r) {
    z.row(static_cast<Eigen::Index>(r)) = pool.z.row(kept[r]);
    labels.push_back(pool.label[static_cast<std::size_t>(kept[r])]);
  }
  ShadowOptions plain = o;
  plain.planted_permuted_fits = plain.planted_reverse_vulnerability = false;
  const Round after = RunRound(plain, z, labels, o.onion_shadows, rng, seed, trial);
  double shift = 0.0, safe = 0.0;
  std::int64_t exposed = 0;
  for (std::size_t r = 0; r < kept.size(); ++r) {
    const double before = v[static_cast<std::size_t>(kept[r])];
    if (before >= median) continue;
    shift += after.v[r] - before;
    safe += 1.0;
    exposed += after.v[r] >= threshold ? 1 : 0;
  }
  return {shift / safe, exposed};
}

void Onion(const ShadowOptions& o, const Pool& pool, const std::vector<double>& v, std::uint64_t seed, std::int64_t trial, ShadowTrial* r) {
  const std::int64_t k = o.OnionRemoved();
  std::vector<double> sorted = v;
  std::sort(sorted.begin(), sorted.end());
  const double median = sorted[sorted.size() / 2], threshold = sorted[sorted.size() - static_cast<std::size_t>(k)];
  std::vector<std::int64_t> order(v.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = static_cast<std::int64_t>(i);
  std::stable_sort(order.begin(), order.end(), [&](std::int64_t a, std::int64_t b) { return v[static_cast<std::size_t>(a)] > v[static_cast<std::size_t>(b)]; });
  std::vector<std::int64_t> top(order.begin(), order.begin() + k);
  if (o.planted_remove_safest) top.assign(order.end() - k, order.end());
  sim::Rng rng = sim::TrialRng(seed, kOnionTag, trial);
  std::vector<std::int64_t> random = sim::RandomPermutation(o.pool, rng);
  random.resize(static_cast<std::size_t>(k));
  sim::Rng top_rng = sim::TrialRng(seed, kOnionTag, trial, 1), random_rng = sim::TrialRng(seed, kOnionTag, trial, 2);
  std::tie(r->onion_top, r->exposed_top) = OnionShift(o, pool, v, top, median, threshold, top_rng, seed, trial);
  std::tie(r->onion_random, r->exposed_random) = OnionShift(o, pool, v, random, median, threshold, random_rng, seed, trial);
}

void Roc(const sim::LiraStatistics& s, const theory::MaskMatrix& in, ShadowTrial* r) {
  const sim::PooledScores on = sim::Pool(s.online, in), off = sim::Pool(s.offline, in), gl = sim::Pool(s.global, in);
  const double lo = 1.0 / static_cast<double>(on.out.size());
  for (int k = 0; k <= 40; ++k) {
    const double fpr = std::pow(10.0, std::log10(lo) * (1.0 - k / 40.0));
    r->roc_fpr.push_back(fpr);
    r->roc_online.push_back(theory::TprAtFpr(on.in, on.out, fpr));
    r->roc_offline.push_back(theory::TprAtFpr(off.in, off.out, fpr));
    r->roc_global.push_back(theory::TprAtFpr(gl.in, gl.out, fpr));
  }
}

}  // namespace

ShadowOptions::ShadowOptions() {
  data.subpopulations = 200;
  data.classes = 5;
  data.dimension = 20;
  data.within_sd = 0.5;
  data.class_mean_sd = 0.8;
}

std::int64_t ShadowOptions::OnionRemoved() const { return std::llround(onion_fraction * static_cast<double>(pool)); }

void GaussianTestOptions::Validate() const {
  const std::string p = FieldPrefix(field);
  for (const auto* g : {&equal, &unequal}) {
    const std::string w = p + (g == &equal ? "equal" : "unequal") + ".";
    Require(std::isfinite(g->mu_in) && std::isfinite(g->mu_out), w + "mu_in", g->mu_in, "must be finite");
    Require(g->sd_in > 0.0 && g->sd_in <= 100.0, w + "sd_in", g->sd_in, "must be in (0, 100]");
    Require(g->sd_out > 0.0 && g->sd_out <= 100.0, w + "sd_out", g->sd_out, "must be in (0, 100]");
  }
  Require(samples >= 100 && samples <= 100000000, p + "samples", samples, "must be in [100, 1e8]");
  Require(!fprs.empty() && fprs.size() <= 10, p + "fprs", fprs.size(), "must hold 1 to 10 rates");
  for (double a : fprs) Require(a > 0.0 && a < 1.0, p + "fprs", a, "every rate must be in (0, 1)");
  Require(trials >= 2 && trials <= 100000, trials_field, trials, "must be in [2, 1e5]");
}

void ShadowOptions::Validate() const {
  const std::string p = FieldPrefix(field);
  ValidateGenerator(data, data_field);
  Require(pool >= 20 && pool <= 20000, p + "pool", pool, "must be in [20, 20000]");
  Require(outlier_fraction >= 0.0 && label_noise >= 0.0 && outlier_fraction + label_noise <= 0.5, p + "outlier_fraction", outlier_fraction,
          "outlier_fraction and label_noise must be >= 0 with a sum of at most 0.5");
  Require(outlier_sd > 0.0 && outlier_sd <= 100.0, p + "outlier_sd", outlier_sd, "must be in (0, 100]");
  Require(features.features >= 1 && features.features <= 4000, p + "features", features.features, "must be in [1, 4000]");
  Require(features.bandwidth > 0.0 && features.bandwidth <= 100.0, p + "bandwidth", features.bandwidth, "must be in (0, 100]");
  Require(ridge > 0.0 && ridge <= 1e6, p + "ridge", ridge, "must be in (0, 1e6]");
  Require(shadows >= 8 && shadows <= 4096 && shadows % 2 == 0, p + "shadows", shadows, "must be even and in [8, 4096]");
  Require(fpr > 0.0 && fpr < 1.0, p + "fpr", fpr, "must be in (0, 1)");
  Require(onion_fraction >= 0.0 && onion_fraction <= 0.4, p + "onion_fraction", onion_fraction, "must be in [0, 0.4]");
  Require(masked_points >= 0 && masked_points <= pool / 4, p + "masked_points", masked_points, "must be in [0, pool/4]");
  Require(duplicates >= 1 && duplicates <= 20, p + "duplicates", duplicates, "must be in [1, 20]");
  Require(duplicate_sd >= 0.0 && duplicate_sd <= 100.0, p + "duplicate_sd", duplicate_sd, "must be in [0, 100]");
  Require(onion_shadows >= 8 && onion_shadows <= 4096 && onion_shadows % 2 == 0, p + "onion_shadows", onion_shadows, "must be even and in [8, 4096]");
  Require(trials >= 2 && trials <= 100000, trials_field, trials, "must be in [2, 1e5]");
}

GaussianTestTrial GaussianTestRun(const GaussianTestOptions& o, std::uint64_t seed, std::int64_t trial) {
  GaussianTestTrial r;
  for (int c = 0; c < 2; ++c) {
    const theory::GaussianScores& g = c == 0 ? o.equal : o.unequal;
    sim::Rng rng = sim::TrialRng(seed, kGaussianTag, trial, static_cast<std::uint64_t>(c));
    std::vector<double> in(static_cast<std::size_t>(o.samples));
    sim::FillNormal(rng, in.data(), in.size());
    for (double& x : in) x = g.mu_in + g.sd_in * x;
    for (double a : o.fprs) {
      const double tau = theory::OneSidedThreshold(a, g);
      const auto hits = std::count_if(in.begin(), in.end(), [tau](double x) { return x > tau; });
      (c == 0 ? r.tpr_equal : r.tpr_unequal).push_back(static_cast<double>(hits) / static_cast<double>(in.size()));
    }
  }
  return r;
}

ShadowTrial ShadowRun(const ShadowOptions& o, std::uint64_t seed, std::int64_t trial) {
  const Pool pool = DrawPool(o, seed, trial);
  sim::Rng mask_rng = sim::TrialRng(seed, kMaskTag, trial);
  const Round round = RunRound(o, pool.z, pool.label, o.shadows, mask_rng, seed, trial);
  ShadowTrial r;
  const sim::PooledScores on = sim::Pool(round.stats.online, round.in), off = sim::Pool(round.stats.offline, round.in),
                          gl = sim::Pool(round.stats.global, round.in);
  r.tpr_online = theory::TprAtFpr(on.in, on.out, o.fpr);
  r.tpr_offline = theory::TprAtFpr(off.in, off.out, o.fpr);
  r.tpr_global = theory::TprAtFpr(gl.in, gl.out, o.fpr);
  const sim::PooledScores on_fixed = sim::Pool(round.stats.online_fixed, round.in), off_fixed = sim::Pool(round.stats.offline_fixed, round.in);
  r.tpr_online_fixed = theory::TprAtFpr(on_fixed.in, on_fixed.out, o.fpr);
  r.tpr_offline_fixed = theory::TprAtFpr(off_fixed.in, off_fixed.out, o.fpr);
  r.auc_online = theory::Auc(on.in, on.out);
  r.auc_offline = theory::Auc(off.in, off.out);
  r.auc_global = theory::Auc(gl.in, gl.out);
  r.false_positives = static_cast<std::int64_t>(std::ceil(o.fpr * static_cast<double>(on.out.size()))) - 1;
  const std::vector<double> mem = theory::EstimateMemorization(round.scores.correct, round.in).mem;
  r.v_clean = Mean(round.v, pool.group, sim::PointGroup::kClean);
  r.v_noisy = Mean(round.v, pool.group, sim::PointGroup::kNoisy);
  r.v_outlier = Mean(round.v, pool.group, sim::PointGroup::kOutlier);
  r.spearman_v_mem = theory::Spearman(round.v, mem);
  double train = 0.0, out = 0.0, n_in = 0.0;
  for (Eigen::Index j = 0; j < round.in.rows(); ++j)
    for (Eigen::Index i = 0; i < round.in.cols(); ++i) {
      (round.in(j, i) ? train : out) += round.scores.correct(j, i);
      n_in += round.in(j, i) ? 1.0 : 0.0;
    }
  r.train_accuracy = train / n_in;
  r.out_accuracy = out / (static_cast<double>(round.in.size()) - n_in);
  if (o.OnionRemoved() > 0) Onion(o, pool, round.v, seed, trial, &r);
  if (o.masked_points > 0) Masking(o, pool, round.v, seed, trial, &r);
  if (trial == 0) {
    Roc(round.stats, round.in, &r);
    r.v = round.v;
    r.mem = mem;
    for (sim::PointGroup g : pool.group) r.group.push_back(static_cast<std::int64_t>(g));
  }
  return r;
}

GaussianTestResult RunGaussianTest(const GaussianTestOptions& o, std::uint64_t seed, const sim::TrialRunnerOptions& runner) {
  sim::TrialRunnerOptions r = runner;
  r.label = "known Gaussian scores";
  return {o, sim::RunTrials<GaussianTestTrial>(o.trials, r, [&](std::int64_t t) { return GaussianTestRun(o, seed, t); })};
}

ShadowResult RunShadows(const ShadowOptions& o, std::uint64_t seed, const sim::TrialRunnerOptions& runner) {
  sim::TrialRunnerOptions r = runner;
  r.label = "LiRA shadow models";
  return {o, sim::RunTrials<ShadowTrial>(o.trials, r, [&](std::int64_t t) { return ShadowRun(o, seed, t); })};
}

void AddGaussianTestMemory(const GaussianTestOptions& o, int threads, sim::MemoryEstimate* memory) {
  memory->Working(FieldPrefix(o.field) + "samples", threads * 8.0 * static_cast<double>(o.samples));
  memory->Retained(o.trials_field, static_cast<double>(o.trials) * 16.0 * static_cast<double>(o.fprs.size()));
}

void AddShadowMemory(const ShadowOptions& o, int threads, sim::MemoryEstimate* memory) {
  const double n = static_cast<double>(o.pool), m = static_cast<double>(std::max(o.shadows, o.onion_shadows)), d = o.features.features;
  const double per_trial = 8.0 * n * (d + o.data.dimension) + 8.0 * d * d * 2.0 + 8.0 * m * n * 7.0 + 8.0 * m * n * 2.0;
  memory->Working(FieldPrefix(o.field) + "shadows", threads * per_trial);
  memory->Retained(o.trials_field, static_cast<double>(o.trials) * 256.0 + 24.0 * n + 8.0 * 41 * 4);
}

}  // namespace memgen::scenarios
