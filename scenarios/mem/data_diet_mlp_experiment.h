// The data diet on a small MLP (Paul, Ganguli, Dziugaite 2021; learning_dynamics.md §6; issue 13: "EL2N
// and GraNd on softmax regression and a small MLP"): the one-hidden-layer ReLU classifier of
// sim/ld/relu_mlp.h (torch's default initialisation), full-batch gradient descent on the mean
// cross-entropy, over the same generator, noisy sample and clean test set as the softmax arm
// (data_diet_experiment.h, whose [data] and [diet] settings it shares: n, ρ, k/n, t₀, T and the
// number of initialisations). Each trial draws its own domain and samples, averages EL2N and GraNd
// (sim/mem/mlp_diet_scores.h) over `inits` initialisations after t₀ steps, then trains fresh networks
// (one initialisation stream) for T steps on the hardest k, the window after the offset ρn, and k
// random points.
// Claims:
//   DD-MLP.auroc       mean AUROC(EL2N, noisy) ≥ 0.9                       MEAN BOUND
//   DD-MLP.precision   mean precision of the top ρn EL2N scores ≥ 0.8       MEAN BOUND
//   DD-MLP.offset      acc(hardest k) < acc(window after ρn), paired        ORDERING
//   DD-MLP.random      acc(k random) < acc(window after ρn), paired         ORDERING
// Planted defect (negative control, tests/scenarios/mem/data_diet_claims_test.cc): EL2N shuffled across points.
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

struct DataDietOptions;

struct MlpDietOptions {
  int width = 64;
  double learning_rate = 0.5;
  std::int64_t trials = 40;
  bool planted_shuffle_scores = false;
  std::string field = "mlp";
  std::string trials_field = "mlp.trials";
  void Validate() const;
};

struct MlpDietTrial {
  double auroc = 0, precision = 0, spearman_grand_el2n = 0;
  double full = 0, hardest = 0, window = 0, random = 0;  ///< clean-test accuracies
};

template <typename Codec>
void Fields(Codec& c, MlpDietTrial& r) {
  c(r.auroc, r.precision, r.spearman_grand_el2n, r.full, r.hardest, r.window, r.random);
}

struct MlpDietResult {
  MlpDietOptions options;
  std::vector<MlpDietTrial> trials;
};

MlpDietTrial MlpDietRun(const DataDietOptions& diet, const MlpDietOptions& options, std::uint64_t master_seed, std::int64_t trial);
MlpDietResult RunMlpDiet(const DataDietOptions& diet, const MlpDietOptions& options, std::uint64_t master_seed, const sim::TrialRunnerOptions& runner);
void AddMlpDietMemory(const DataDietOptions& diet, const MlpDietOptions& options, int threads, sim::MemoryEstimate* memory);
std::vector<theory::Claim> BuildMlpDietClaims(const DataDietOptions& diet, const MlpDietResult& result, theory::TestSize size = {});
sim::CsvTable MlpDietTrialTable(const MlpDietResult& result);

}  // namespace memgen::scenarios
