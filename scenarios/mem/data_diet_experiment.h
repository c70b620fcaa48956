// The data diet: EL2N and GraNd scores and pruning (Paul, Ganguli, Dziugaite 2021; Kirsch 2023;
// learning_dynamics.md §6) on softmax regression (sim/mem/softmax_regression.h) over the shared
// generator of §10 (sim/mem/subpopulation_data.h, class means σ_μ > 0 so a linear model can learn).
// Each trial draws one domain and three samples from it:
//   noisy  n points with a fraction ρ of labels flipped to a uniform other class (planted_defects.h);
//          EL2N and GraNd averaged over `inits` random initialisations (N(0, init_sd²)) after
//          `score_step` = t₀ > 0 full-batch steps, and at W = 0; then fresh models (from W = 0, `steps`
//          steps) on the full set, the hardest k = keep_fraction·n, the window of k after an offset
//          ρn, and k random points;
//   clean  n points without noise: fresh models on the full set, and after pruning a fraction f of it
//          by EL2N (keeping the highest scores) or at random, for each f in prune_fractions;
//   test   clean test points, on which every accuracy is measured.
// Claims (memgen ids; TestSize from the run):
//   DD-NOISE.auroc          mean AUROC(EL2N, noisy) ≥ 0.9                                     MEAN BOUND
//   DD-NOISE.precision      mean precision of the top ρn EL2N scores ≥ 0.8                     MEAN BOUND
//   DD-PRUNE.offset         acc(hardest k) < acc(window after offset ρn), paired per trial      ORDERING
//   DD-PRUNE.random         acc(k random) < acc(window after offset ρn), paired per trial       ORDERING
//   DD-CLEAN.loss.f<f>      acc(full) − acc(EL2N-pruned by f) ≤ 0.01 (ρ = 0)                   MEAN BOUND
//   DD-CLEAN.random.f<f>    acc(random-pruned) < acc(EL2N-pruned), paired (ρ = 0)              ORDERING
//   DD-GRAND.spearman       mean Spearman(GraNd, EL2N) at t₀ ≥ 0.7 [reconstructed: calibrate]  MEAN BOUND
//   DD-GRAND.identity       max |GraNd − EL2N √(‖x‖² + 1)| / GraNd over points, inits, trials  EXACT 1e-12
//   DD-ZERO.el2n            max |EL2N₀/√((m−1)/m) − 1| at W = 0                               EXACT 1e-12
//   DD-ZERO.grand           max |GraNd₀/(√(‖x‖² + 1)√((m−1)/m)) − 1| at W = 0                 EXACT 1e-12
//   DD-ZERO.norm_rank       min over trials of Spearman(GraNd₀, ‖x‖) = 1                       EXACT 1e-12
// Planted defects (negative controls, tests/scenarios/mem/data_diet_claims_test.cc): EL2N shuffled
// across points (GraNd not); no offset (the window is the hardest k); pruning keeps the easiest; the norm without
// the bias coordinate; a "zero" initialisation that is not zero.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "scenarios/mem/data_diet_mlp_experiment.h"
#include "sim/io/csv_table.h"
#include "sim/mem/planted_defects.h"
#include "sim/mem/subpopulation_data.h"
#include "sim/random/rng.h"
#include "sim/run/memory_estimate.h"
#include "sim/run/trial_runner.h"
#include "theory/verdict/claim.h"
#include "theory/verdict/test_size.h"

namespace memgen::scenarios {

sim::SubpopulationOptions DefaultDietData();  ///< K = 200, s_Z = 1, m = 5, d = 20, σ_c = 1, σ_w = 0.5, σ_μ = 0.8

struct DataDietOptions {
  sim::SubpopulationOptions data = DefaultDietData();
  std::int64_t train_size = 1000;   ///< n
  std::int64_t test_size = 2000;
  double label_noise = 0.2;         ///< ρ of the noisy sample
  double learning_rate = 0.5;       ///< η
  int steps = 200;                  ///< T, for every model whose accuracy is measured
  int score_step = 20;              ///< t₀ = T/10, the analogue of epoch 20 of 200
  int inits = 10;                   ///< initialisations the scores are averaged over
  double init_sd = 0.01;
  double keep_fraction = 0.3;       ///< k/n
  std::vector<double> prune_fractions = {0.3, 0.4, 0.5};
  std::int64_t trials = 50;
  bool planted_shuffle_scores = false;
  bool planted_no_offset = false;
  bool planted_keep_easiest = false;
  bool planted_norm_without_bias = false;
  double planted_zero_init_sd = 0.0;
  std::optional<MlpDietOptions> mlp;  ///< the small-MLP arm ([mlp]), off when absent
  std::string data_field = "data";  ///< the config tables, for messages
  std::string field = "diet";
  std::string trials_field = "diet.trials";
  std::int64_t Keep() const;        ///< k = round(keep_fraction · n)
  std::int64_t Offset() const;      ///< round(ρ n), 0 under planted_no_offset
  void Validate() const;
};

struct DataDietTrial {
  double auroc = 0, precision = 0, spearman_grand_el2n = 0, identity_error = 0;
  double full_noisy = 0, hardest = 0, window = 0, random = 0;
  double full_clean = 0;
  std::vector<double> el2n_pruned, random_pruned;  ///< per prune fraction
  double zero_el2n_error = 0, zero_grand_error = 0, zero_norm_rank = 0;
  std::vector<double> el2n, grand;                 ///< trial 0 only: per point of the noisy sample
  std::vector<std::int64_t> group;                 ///< trial 0 only: sim::PointGroup
};

template <typename Codec>
void Fields(Codec& c, DataDietTrial& r) {
  c(r.auroc, r.precision, r.spearman_grand_el2n, r.identity_error, r.full_noisy, r.hardest, r.window, r.random, r.full_clean, r.el2n_pruned,
    r.random_pruned, r.zero_el2n_error, r.zero_grand_error, r.zero_norm_rank, r.el2n, r.grand, r.group);
}

struct DataDietResult {
  DataDietOptions options;
  std::vector<DataDietTrial> trials;
};

// Shared by the softmax and MLP arms: how well scores rank the mislabeled points (AUROC, precision
// of the top `noisy_count`), and the planted shuffle of scores across points.
struct NoiseRanking {
  double auroc = 0, precision = 0;
};
NoiseRanking RankNoise(const std::vector<double>& scores, const std::vector<sim::PointGroup>& group, std::int64_t noisy_count);
void ShuffleScores(sim::Rng rng, std::vector<double>* scores);

DataDietTrial DataDietRun(const DataDietOptions& options, std::uint64_t master_seed, std::int64_t trial);
DataDietResult RunDataDiet(const DataDietOptions& options, std::uint64_t master_seed, const sim::TrialRunnerOptions& runner);
void AddDataDietMemory(const DataDietOptions& options, int threads, sim::MemoryEstimate* memory);

std::vector<theory::Claim> BuildDataDietClaims(const DataDietResult& result, theory::TestSize size = {});

sim::CsvTable DataDietTrialTable(const DataDietResult& result);    ///< per trial: scores' quality and accuracies
sim::CsvTable DataDietScoreTable(const DataDietResult& result);    ///< trial 0: per point EL2N, GraNd, group
sim::CsvTable DataDietPruningTable(const DataDietResult& result);  ///< per prune fraction: mean accuracies with SE

}  // namespace memgen::scenarios
