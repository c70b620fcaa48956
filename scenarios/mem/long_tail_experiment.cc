// Trial bodies of scn_mem_long_tail, see long_tail_experiment.h.
#include "scenarios/mem/long_tail_experiment.h"

#include <cmath>
#include <limits>
#include <tuple>
#include <utility>

#include "sim/core/config_error.h"
#include "sim/mem/balanced_masks.h"
#include "sim/mem/long_tail_sample.h"
#include "sim/mem/nearest_neighbour_runs.h"
#include "sim/mem/subpopulation_data.h"
#include "sim/random/stream_tag.h"
#include "theory/mem/balanced_masks.h"
#include "theory/mem/long_tail.h"

namespace memgen::scenarios {
namespace {

constexpr std::uint64_t kSampleTag = sim::StreamTag("mem/long_tail/discrete/sample");
constexpr std::uint64_t kLabelTag = sim::StreamTag("mem/long_tail/discrete/labels");
constexpr std::uint64_t kDomainTag = sim::StreamTag("mem/long_tail/estimator/domain");
constexpr std::uint64_t kDataTag = sim::StreamTag("mem/long_tail/estimator/data");
constexpr std::uint64_t kMaskTag = sim::StreamTag("mem/long_tail/estimator/masks");

theory::MaskMatrix DrawMasks(const EstimatorOptions& o, sim::Rng& rng) {
  switch (o.masks) {
    case MaskKind::kLira: return sim::LiraArgsortMask(o.runs, o.train_size, o.RunsIn(), rng);
    case MaskKind::kChoice: return sim::SubsetChoiceMask(o.runs, o.train_size, static_cast<std::int64_t>(o.keep * o.train_size), rng);
    case MaskKind::kCyclic: break;
  }
  return sim::ShuffledCyclicMask(o.runs, o.train_size, o.RunsIn(), rng);
}

// Mean mem̂ over the points whose subpopulation count satisfies `keep`; NaN if none.
template <typename Keep>
std::pair<double, std::int64_t> GroupMean(const std::vector<double>& mem, const std::vector<std::int64_t>& count, Keep keep) {
  double sum = 0.0;
  std::int64_t k = 0;
  for (std::size_t i = 0; i < mem.size(); ++i)
    if (keep(count[i])) { sum += mem[i]; ++k; }
  return {k > 0 ? sum / static_cast<double>(k) : std::numeric_limits<double>::quiet_NaN(), k};
}

}  // namespace

std::string MaskKindName(MaskKind kind) {
  return kind == MaskKind::kCyclic ? "cyclic" : kind == MaskKind::kLira ? "lira" : "choice";
}

void DiscreteTailOptions::Validate(const std::string& field) const {
  const std::string p = FieldPrefix(field);
  Require(domain_size >= 2 && domain_size <= 10000000, p + "domain_size", domain_size, "must be in [2, 1e7]");
  Require(samples >= 3 && samples <= 10000000, p + "samples", samples, "must be in [3, 1e7]");
  Require(zipf_exponent >= 0.0 && zipf_exponent <= 10.0, p + "zipf_exponent", zipf_exponent, "must be in [0, 10]");
  Require(classes >= 2 && classes <= 1000, p + "classes", classes, "must be in [2, 1000]");
  Require(guess_below >= 2 && guess_below <= 3, p + "guess_below", guess_below, "must be 2 (or 3, a planted defect)");
  Require(planted_tau_offset >= 0 && planted_tau_offset <= 1, p + "planted_tau_offset", planted_tau_offset, "must be 0 or 1");
  Require(trials >= 2 && trials <= 100000, trials_field, trials, "must be in [2, 1e5]");
}

std::int64_t EstimatorOptions::RunsIn() const { return std::llround(keep * static_cast<double>(runs)); }

void EstimatorOptions::Validate(const std::string& field) const {
  const std::string p = FieldPrefix(field);
  Require(subpopulations >= 2 && subpopulations <= 1000000, p + "subpopulations", subpopulations, "must be in [2, 1e6]");
  Require(zipf_exponent >= 0.0 && zipf_exponent <= 10.0, p + "zipf_exponent", zipf_exponent, "must be in [0, 10]");
  Require(classes >= 2 && classes <= 1000, p + "classes", classes, "must be in [2, 1000]");
  Require(dimension >= 1 && dimension <= 1000, p + "dimension", dimension, "must be in [1, 1000]");
  Require(within_sd >= 0.0 && within_sd <= 100.0, p + "within_sd", within_sd, "must be in [0, 100]");
  Require(train_size >= 4 && train_size <= 20000, p + "train_size", train_size, "must be in [4, 20000]");
  Require(test_size >= 1 && test_size <= 20000, p + "test_size", test_size, "must be in [1, 20000]");
  Require(runs >= 4 && runs <= 100000, p + "runs", runs, "must be in [4, 1e5]");
  Require(keep > 0.0 && keep < 1.0, p + "keep", keep, "must be in (0, 1)");
  Require(RunsIn() >= 2 && RunsIn() <= runs - 2, p + "keep", keep, "round(keep * runs) must leave at least 2 runs IN and 2 OUT");
  Require(large_count >= 2 && large_count <= train_size, p + "large_count", large_count, "must be in [2, train_size]");
  Require(trials >= 2 && trials <= 100000, trials_field, trials, "must be in [2, 1e5]");
}

DiscreteTailTrial DiscreteTailRun(const DiscreteTailOptions& o, std::uint64_t seed, std::int64_t trial) {
  const std::vector<double> f = theory::ZipfFrequencies(o.domain_size, o.zipf_exponent);
  sim::Rng sample_rng = sim::TrialRng(seed, kSampleTag, trial), label_rng = sim::TrialRng(seed, kLabelTag, trial);
  const std::vector<std::int64_t> counts = sim::SampleCounts(sim::CumulativeSums(f), o.samples, sample_rng);
  DiscreteTailTrial r;
  for (int l = 1; l <= 3; ++l) {
    const sim::LevelStats s = sim::CollectLevel(f, counts, l);
    r.level_count[l - 1] = s.count;
    r.level_mass[l - 1] = s.mass;
  }
  const sim::MemorizerErrors e = sim::CompareMemorizers(f, counts, o.classes, label_rng, o.guess_below);
  r.memorizer_error = e.memorizer;
  r.non_memorizer_error = e.non_memorizer;
  return r;
}

EstimatorTrial EstimatorRun(const EstimatorOptions& o, std::uint64_t seed, std::int64_t trial) {
  sim::SubpopulationOptions so;
  so.subpopulations = o.subpopulations;
  so.zipf_exponent = o.zipf_exponent;
  so.classes = o.classes;
  so.dimension = o.dimension;
  so.within_sd = o.within_sd;
  sim::Rng domain_rng = sim::TrialRng(seed, kDomainTag, trial), data_rng = sim::TrialRng(seed, kDataTag, trial), mask_rng = sim::TrialRng(seed, kMaskTag, trial);
  const sim::SubpopulationDomain domain = sim::DrawDomain(so, domain_rng);
  const sim::LabelledSample train = sim::DrawSample(domain, so, o.train_size, data_rng);
  const sim::LabelledSample test = sim::DrawSample(domain, so, o.test_size, data_rng);
  const theory::MaskMatrix in = DrawMasks(o, mask_rng);
  const sim::NearestNeighbourRuns runs = sim::RunNearestNeighbour(train.x, train.label, test.x, test.label, in);
  const theory::MaskMatrix estimator_in = o.planted_swap ? theory::MaskMatrix(!in) : in;
  const theory::MemorizationEstimate est = theory::EstimateMemorization(runs.correct, estimator_in);

  std::vector<std::int64_t> subpop_count(static_cast<std::size_t>(o.subpopulations), 0), count(train.subpop.size());
  for (std::int64_t k : train.subpop) ++subpop_count[static_cast<std::size_t>(k)];
  for (std::size_t i = 0; i < count.size(); ++i) count[i] = subpop_count[static_cast<std::size_t>(train.subpop[i])];

  EstimatorTrial r;
  std::tie(r.singleton_mem, r.singletons) = GroupMean(est.mem, count, [](std::int64_t c) { return c == 1; });
  std::tie(r.large_mem, r.large) = GroupMean(est.mem, count, [&](std::int64_t c) { return c >= o.large_count; });
  for (int l = 1; l <= kLevelBins; ++l) {
    const auto g = GroupMean(est.mem, count, [l](std::int64_t c) { return c == l; });
    r.level_mem.push_back(g.first);
    r.level_points.push_back(g.second);
  }
  r.mean_mem = theory::MeanOf(est.mem);
  r.pooled_gap = theory::PooledInOutGap(runs.correct, estimator_in);
  r.run_mean_gap = theory::RunMeanGap(runs.correct, estimator_in);
  r.train_accuracy = r.test_accuracy = 0.0;
  for (Eigen::Index j = 0; j < in.rows(); ++j) {
    double hits = 0.0, k = 0.0;
    for (Eigen::Index i = 0; i < in.cols(); ++i)
      if (in(j, i)) { hits += runs.correct(j, i); k += 1.0; }
    r.train_accuracy += hits / k;
    r.test_accuracy += runs.test_accuracy[static_cast<std::size_t>(j)];
  }
  r.train_accuracy /= static_cast<double>(in.rows());
  r.test_accuracy /= static_cast<double>(in.rows());
  for (double se : est.se) r.max_se = std::max(r.max_se, se);
  r.balanced = theory::IsPointBalanced(in);
  r.equal_runs = theory::HasEqualRunSizes(in);
  return r;
}

DiscreteTailResult RunDiscreteTail(const DiscreteTailOptions& o, std::uint64_t seed, const sim::TrialRunnerOptions& runner) {
  sim::TrialRunnerOptions r = runner;
  r.label = "long-tail model";
  return {o, sim::RunTrials<DiscreteTailTrial>(o.trials, r, [&](std::int64_t t) { return DiscreteTailRun(o, seed, t); })};
}

EstimatorResult RunEstimator(const EstimatorOptions& o, std::uint64_t seed, const sim::TrialRunnerOptions& runner) {
  sim::TrialRunnerOptions r = runner;
  r.label = "memorization estimator (1-NN refits)";
  return {o, sim::RunTrials<EstimatorTrial>(o.trials, r, [&](std::int64_t t) { return EstimatorRun(o, seed, t); })};
}

void AddDiscreteTailMemory(const DiscreteTailOptions& o, int threads, sim::MemoryEstimate* memory) {
  memory->Working("discrete.domain_size", threads * 24.0 * static_cast<double>(o.domain_size));
  memory->Retained(o.trials_field, static_cast<double>(o.trials) * sizeof(DiscreteTailTrial));
}

void AddEstimatorMemory(const EstimatorOptions& o, int threads, sim::MemoryEstimate* memory) {
  const double n = static_cast<double>(o.train_size), t = static_cast<double>(o.runs);
  const double per_trial = 8.0 * n * (n + static_cast<double>(o.test_size)) + 9.0 * t * n + 8.0 * static_cast<double>(o.subpopulations) * (o.dimension + 2);
  memory->Working("estimator.runs", threads * per_trial);
  memory->Retained(o.trials_field, static_cast<double>(o.trials) * (200.0 + 16.0 * kLevelBins));
}

}  // namespace memgen::scenarios
