// Feldman memorization and the long tail (learning_dynamics.md §7; theory/mem/long_tail.h,
// theory/mem/balanced_masks.h). Two arms, each trial writing its own slot:
//   discrete   the discrete long-tail model: N points with Zipf frequencies, n i.i.d. samples, labels
//              uniform over m classes; per trial the level-ℓ counts and masses (ℓ = 1, 2, 3) and the
//              test errors of the memorizer and the non-memorizer (sim/mem/long_tail_sample.h);
//   estimator  K Zipf subpopulations (sim/mem/subpopulation_data.h), n training and n_test fresh test
//              points; t refits of 1-NN on the IN points of a point-balanced mask (cyclic by default,
//              r = t_in/t), the subsampled estimator mem̂ with its SE, and the identities of (e).
// Claims (memgen ids; TestSize from the run):
//   MLT-TAU.l<ℓ>            Σ level-ℓ mass / Σ level-ℓ count over trials (delta-method SE) = τ_ℓ    ORACLE
//   MLT-COST.singleton_mass err(non-memorizer) − err(memorizer) = E[singleton mass](1 − 1/m)          ORACLE
//   MLT-COST.tau_bound      the same difference against τ₁·E[#singletons](1 − 1/m), an equality here  ORACLE
//   MLT-ZIPF.<figure>       the spec's unverified figures at N = n = 50,000, s_Z = 1, m = 10, within
//                           half a unit of their printed last digit                                  EXACT
//   MLT-EST.singletons mean mem̂ over random-label singleton points = 1 − 1/m (exact)         ORACLE
//   MLT-EST.large     mean mem̂ over points of subpopulations seen ≥ c_min times ≈ 0,
//                           tolerance (1 − r)^{c_min − 1} (every same-subpopulation neighbour OUT)   TOLERANCE
//   MLT-LEMMA.r_n           per trial, mean mem̂ − (mean run train acc − mean run fresh-test acc) = 0
//                           (Lemma 4.2 at sample size r·n: OUT points are fresh draws)              ORACLE
//   MLT-BAL.pooled     max over trials |mean mem̂ − pooled IN − OUT gap|                        EXACT 1e-12
//   MLT-BAL.run_mean   max over trials |mean mem̂ − run-mean gap| (needs equal run sizes)       EXACT 1e-12
// Planted defects (negative controls, tests/scenarios/mem/long_tail_claims_test.cc): the τ claims
// compare level ℓ with τ_{ℓ+1}; the non-memorizer also guesses on doubletons; IN and OUT swapped in the
// estimator; Feldman's rng.choice masks (not point-balanced).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "sim/io/csv_table.h"
#include "sim/run/memory_estimate.h"
#include "sim/run/trial_runner.h"
#include "theory/verdict/claim.h"
#include "theory/verdict/test_size.h"

namespace memgen::scenarios {

struct DiscreteTailOptions {
  std::int64_t domain_size = 5000;  ///< N
  std::int64_t samples = 5000;      ///< n
  double zipf_exponent = 1.0;       ///< s_Z
  int classes = 10;                 ///< m
  std::int64_t trials = 200;
  int planted_tau_offset = 0;       ///< negative control: compare level ℓ with τ_{ℓ+offset}
  int guess_below = 2;              ///< the non-memorizer guesses on points seen fewer times (2; 3 is a planted defect)
  std::string trials_field = "discrete.trials";
  void Validate(const std::string& field) const;
};

struct DiscreteTailTrial {
  std::int64_t level_count[3] = {0, 0, 0};  ///< ℓ = 1, 2, 3
  double level_mass[3] = {0, 0, 0};
  double memorizer_error = 0, non_memorizer_error = 0;
};

enum class MaskKind { kCyclic, kLira, kChoice };
std::string MaskKindName(MaskKind kind);  ///< cyclic | lira | choice

struct EstimatorOptions {
  std::int64_t subpopulations = 2000;  ///< K
  double zipf_exponent = 1.0;
  int classes = 10;
  int dimension = 8;
  double within_sd = 0.05;             ///< σ_w (centres N(0, I_d))
  std::int64_t train_size = 1000;      ///< n
  std::int64_t test_size = 500;        ///< fresh test points per trial
  std::int64_t runs = 1000;            ///< t
  double keep = 0.7;                   ///< r; t_in = round(r·t)
  std::int64_t large_count = 20;       ///< c_min: "large" subpopulations are seen at least this often
  MaskKind masks = MaskKind::kCyclic;
  bool planted_swap = false;           ///< negative control: IN and OUT swapped in the estimator
  std::int64_t trials = 10;
  std::string trials_field = "estimator.trials";
  std::int64_t RunsIn() const;
  void Validate(const std::string& field) const;
};

struct EstimatorTrial {
  double singleton_mem = 0;      ///< mean mem̂ over points whose subpopulation appears once
  std::int64_t singletons = 0;
  double large_mem = 0;          ///< mean mem̂ over points of subpopulations seen ≥ c_min times
  std::int64_t large = 0;
  double mean_mem = 0, pooled_gap = 0, run_mean_gap = 0;
  double train_accuracy = 0, test_accuracy = 0;  ///< means over runs
  double max_se = 0;             ///< largest per-point SE
  bool balanced = false, equal_runs = false;
  std::vector<double> level_mem;  ///< mean mem̂ by subpopulation count 1 … 8 (NaN if none)
  std::vector<std::int64_t> level_points;
};

template <typename Codec>
void Fields(Codec& c, DiscreteTailTrial& r) {
  c(r.level_count, r.level_mass, r.memorizer_error, r.non_memorizer_error);
}
template <typename Codec>
void Fields(Codec& c, EstimatorTrial& r) {
  c(r.singleton_mem, r.singletons, r.large_mem, r.large, r.mean_mem, r.pooled_gap, r.run_mean_gap, r.train_accuracy, r.test_accuracy,
    r.max_se, r.balanced, r.equal_runs, r.level_mem, r.level_points);
}

constexpr int kLevelBins = 8;

struct DiscreteTailResult {
  DiscreteTailOptions options;
  std::vector<DiscreteTailTrial> trials;
};
struct EstimatorResult {
  EstimatorOptions options;
  std::vector<EstimatorTrial> trials;
};

DiscreteTailTrial DiscreteTailRun(const DiscreteTailOptions& options, std::uint64_t master_seed, std::int64_t trial);
EstimatorTrial EstimatorRun(const EstimatorOptions& options, std::uint64_t master_seed, std::int64_t trial);
DiscreteTailResult RunDiscreteTail(const DiscreteTailOptions& options, std::uint64_t master_seed, const sim::TrialRunnerOptions& runner);
EstimatorResult RunEstimator(const EstimatorOptions& options, std::uint64_t master_seed, const sim::TrialRunnerOptions& runner);

void AddDiscreteTailMemory(const DiscreteTailOptions& options, int threads, sim::MemoryEstimate* memory);
void AddEstimatorMemory(const EstimatorOptions& options, int threads, sim::MemoryEstimate* memory);

std::vector<theory::Claim> BuildDiscreteTailClaims(const DiscreteTailResult& result, theory::TestSize size = {});
// The spec's figures at s_Z = `exponent` (1 is the spec's; another exponent is the negative control).
std::vector<theory::Claim> BuildZipfFigureClaims(double exponent = 1.0);
std::vector<theory::Claim> BuildEstimatorClaims(const EstimatorResult& result, theory::TestSize size = {});

sim::CsvTable DiscreteTailTable(const DiscreteTailResult& result);
sim::CsvTable EstimatorLevelTable(const EstimatorResult& result);

}  // namespace memgen::scenarios
