// The a priori bias of a random perceptron (Mingard et al. 2019; learning_dynamics.md §4 (e);
// theory/ld/perceptron_bias.h). With no bias term and a sign-symmetric weight law, the number t of
// points of {0,1}^n the perceptron classifies as 1 (w·x > 0) is uniform on {0, …, 2^n − 1}. Per
// dimension n: `magnitude_vectors` generic magnitude vectors (|N(0, 1)| entries) for the sign-pattern
// map, and per law `trials` blocks of `draws_per_trial` weight draws (sim/ld/random_perceptron.h).
// Claims:
//   LD-PERC.bijection.n<k>        for every magnitude vector the 2^n sign patterns give each t ∈
//                                 {0, …, 2^n − 1} once: values missed, over the vectors      EXACT
//   LD-PERC.uniform.<law>.n<k>    t is uniform: Pearson's χ² p-value on the 2^n values is at least
//                                 half the size (an impossible t gives p = 0), and the mean of t is
//                                 (2^n − 1)/2 at the other half                  ALL-OF of EXACT-TEST, ORACLE
// The controls of the spec (N(shift, 1) weights; a N(0, bias_sd²) bias) are drawn the same way and
// reported (perceptron_tests.csv, summary.json "perceptron_controls") but not claimed: their claims
// FAIL, which is what the negative controls of tests/scenarios/ld/memorization_claims_test.cc check.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "sim/io/csv_table.h"
#include "sim/ld/random_perceptron.h"
#include "sim/run/memory_estimate.h"
#include "sim/run/trial_runner.h"
#include "theory/stats/goodness_of_fit.h"
#include "theory/stats/sample_stats.h"
#include "theory/verdict/claim.h"
#include "theory/verdict/test_size.h"

namespace memgen::scenarios {

std::string WeightLawName(sim::WeightLaw law);

struct PerceptronOptions {
  std::vector<int> dimensions{5, 6, 7};                  ///< n of the uniformity claims
  std::vector<sim::WeightLaw> laws{sim::WeightLaw::kGaussian};  ///< claimed uniform
  std::vector<sim::WeightLaw> controls{sim::WeightLaw::kShifted, sim::WeightLaw::kBias};  ///< reported only
  double shift = 0.3;      ///< the shifted control's mean
  double bias_sd = 1.0;    ///< the bias control's scale
  std::int64_t draws_per_trial = 1000;
  std::int64_t trials = 100;
  std::vector<int> bijection_dimensions{3, 4, 5, 6, 7, 8};
  std::int64_t magnitude_vectors = 20;
  // Planted defects for the negative controls, off by default: kEqualMagnitudes makes every magnitude
  // 1 (not generic: sums collide), kAtLeastZero counts w·x ≥ 0 (the zero input is always 1, t ∈
  // {1, …, 2^n}).
  enum class Planted { kNone, kEqualMagnitudes, kAtLeastZero };
  Planted planted = Planted::kNone;
  std::string trials_field = "perceptron.trials";
  std::string vectors_field = "perceptron.magnitude_vectors";
  void Validate(const std::string& field) const;
};

struct PerceptronTrial {
  std::vector<std::int64_t> counts;  ///< draws with t = 0 … 2^n (2^n + 1 bins; the last is impossible without a bias)
};

template <typename Codec>
void Fields(Codec& c, PerceptronTrial& r) {
  c(r.counts);
}

struct PerceptronArm {
  sim::WeightLaw law = sim::WeightLaw::kGaussian;
  bool control = false;
  int inputs = 0;
  std::vector<std::int64_t> counts;  ///< summed over trials, 2^n + 1 bins
  theory::ChiSquareTest chi_square;  ///< on the bins 0 … 2^n − 1, t = 2^n outside
  theory::MeanSe mean;               ///< of t over the draws
};

struct BijectionResult {
  int inputs = 0;
  std::vector<std::int64_t> missed;  ///< per magnitude vector: values of {0, …, 2^n − 1} no pattern gives
};

struct PerceptronResult {
  PerceptronOptions options;
  std::vector<BijectionResult> bijections;
  std::vector<PerceptronArm> arms;
};

void AddPerceptronMemory(const PerceptronOptions& options, int threads, sim::MemoryEstimate* memory);
PerceptronResult RunPerceptron(const PerceptronOptions& options, std::uint64_t master_seed, const sim::TrialRunnerOptions& runner);
std::vector<theory::Claim> BuildPerceptronClaims(const PerceptronResult& result, theory::TestSize size = {});
// One row per arm and t: the count and its expectation under the uniform law.
sim::CsvTable PerceptronCountTable(const PerceptronResult& result);
// One row per arm: χ², df, p, mean t and its SE.
sim::CsvTable PerceptronTestTable(const PerceptronResult& result);

}  // namespace memgen::scenarios
