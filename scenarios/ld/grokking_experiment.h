// Trained grokking of modular addition by the quadratic MLP (learning_dynamics.md §2.4, G2, G5, and the
// early-stopping trap of issue 12). Per cell (p, N, training fraction, optimizer) and seed: a fresh
// split of the p² pairs (sim/ld/modular_data.h), the Doshi initialisation, full-batch AdamW
// (sim/ld/adamw.h) on the MSE (sim/ld/quadratic_mlp.h) for a fixed budget, recording at every step
// the training and test loss and accuracy and the network IPR (sim/ld/fourier_ipr.h). Read-outs:
// M = first step with training accuracy 1, N_g = first step with test accuracy ≥ 0.95, and a replay
// of a patience rule on the validation (= test) loss: stop after `patience` consecutive steps without
// an improvement larger than min_delta (Keras semantics; patience 0 stops at the first). Claims:
//   LD-G2.memorize_first.<cell>  M < N_g in every seed                                      EXACT
//   LD-G2.generalizes.<cell>     final test accuracy ≥ 0.99 in every seed (spec: by step 200) AT LEAST
//   LD-G2.times.<cell>           mean M and N_g inside the spec's ballparks (when configured)  ALL-OF of AT-LEAST/AT-MOST
//   LD-G2.delay.<cell>           N_g/M > 1, the ratio with its interval                     SIDE OF LEVEL
//   LD-G2.no_generalization.<cell>  cells expected not to generalize: test accuracy stays < 0.2 AT MOST
//   LD-G2.regularizer_helps.<cell>  a cell with a baseline (same split and initialisation per seed, e.g.
//                                dropout against no regularization) generalizes sooner: N_g paired
//                                over seeds, a run that never generalizes counted at steps + 1  PAIRED-ORDER
//   LD-G3.delay_trend.<series>   over the cells of a series (plain GD, spec G3): the delay N_g/M
//                                grows as the training fraction falls                       DECREASING
//   LD-TRAP.<cell>.patience<k>   stopping on the validation loss costs test accuracy against
//                                training through the budget (paired over seeds)           PAIRED-ORDER
//   LD-G5.ipr_final.<cell>       the network IPR ends ≥ 0.5 (spec [calibrate])              AT LEAST
//   LD-G5.ipr_gap.<cell>         the IPR rises between M and N_g (paired)                    PAIRED-ORDER
//   LD-G5.fastest_in_gap.<cell>  AdamW cells: the spec's "fastest rise during the gap", expected
//                                REFUTED (it comes after N_g); plain-GD cells report its location EXACT
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "sim/io/csv_table.h"
#include "sim/ld/adamw.h"
#include "sim/run/memory_estimate.h"
#include "sim/run/trial_runner.h"
#include "theory/verdict/claim.h"
#include "theory/verdict/test_size.h"

namespace memgen::scenarios {

struct GrokkingCell {
  std::string name = "doshi";
  int p = 97;
  int neurons = 500;
  double train_fraction = 0.5;
  double init_sd = 0.0;            ///< 0: Doshi's √0.25/(2N)^{1/3}
  double scale = 1.0;              ///< the output scale c
  bool mean_field = false;         ///< c = 1/(2pN), Gromov's eq. 4 (overrides scale)
  bool plain_gd = false;           ///< full-batch GD (learning_rate, weight_decay) instead of AdamW
  std::string series;              ///< cells of a series differ in train_fraction (LD-G3.delay_trend)
  bool loss_sum_over_outputs = false;  ///< false: MSE averaged over the p outputs (torch, Doshi)
  sim::AdamWOptions adamw{1e-2, 5.0, 0.9, 0.98, 1e-8};
  double dropout = 0.0;            ///< nn.Dropout on W1x before the square (Doshi's phase_diagrams_dropout.py)
  std::string baseline;            ///< a cell this one is paired with (same split and initialisation per seed):
                                   ///< LD-G2.regularizer_helps compares their N_g
  std::int64_t steps = 150;
  std::vector<std::int64_t> patience{0, 10};
  double min_delta = 0.0;
  bool expect_generalization = true;
  std::vector<double> memorize_range, generalize_range;  ///< the spec's ballparks for M and N_g (optional)
  std::int64_t trials = 6;
  std::string trials_field = "grokking.trials";
  const std::string& StreamName() const { return baseline.empty() ? name : baseline; }
  double InitSd() const;
  double Scale() const;
  void Validate(const std::string& field) const;
};

struct EarlyStopReplay {
  std::int64_t step = 0;         ///< the step the rule stops at (the budget if it never stops)
  double test_accuracy = 0.0;    ///< at that step
};

struct GrokkingTrial {
  std::vector<double> train_accuracy, train_loss, test_accuracy, test_loss, ipr;  ///< t = 0 … steps
  std::int64_t memorized = -1, generalized = -1;  ///< M, N_g (−1: not within the budget)
  std::vector<EarlyStopReplay> stops;            ///< one per patience
};

template <typename Codec>
void Fields(Codec& c, GrokkingTrial& r) {
  c(r.train_accuracy, r.train_loss, r.test_accuracy, r.test_loss, r.ipr, r.memorized, r.generalized, r.stops);
}

struct GrokkingResult {
  GrokkingCell cell;
  std::vector<GrokkingTrial> trials;
};

void AddGrokkingMemory(const GrokkingCell& cell, int threads, sim::MemoryEstimate* memory);
GrokkingTrial RunGrokkingTrial(const GrokkingCell& cell, std::uint64_t master_seed, std::int64_t trial);
GrokkingResult RunGrokkingCell(const GrokkingCell& cell, std::uint64_t master_seed, const sim::TrialRunnerOptions& runner);
std::vector<theory::Claim> BuildGrokkingClaims(const std::vector<GrokkingResult>& cells, theory::TestSize size = {});
// Every seed's curves (t, train/test accuracy and loss, IPR) and one row per seed of its read-outs.
sim::CsvTable GrokkingCurveTable(const std::vector<GrokkingResult>& cells);
sim::CsvTable GrokkingRunTable(const std::vector<GrokkingResult>& cells);

}  // namespace memgen::scenarios
