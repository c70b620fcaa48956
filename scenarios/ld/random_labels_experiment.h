// Random-label memorization (Zhang et al. 2017, Fig. 1; learning_dynamics.md §4 (a)–(c)): a one-hidden-
// layer ReLU MLP trained by full-batch Adam on a K-class Gaussian mixture whose training labels are
// corrupted at rate ρ (pluskid's fixed corruption, nested in ρ; sim/ld/label_noise_data.h) fits every
// label, true or random; fitting takes longer as ρ grows; and at ρ = 1 its accuracy on clean test
// labels is chance. Per seed: one mixture, one training and one clean test set, one initialisation,
// trained at every ρ of the grid (paired over ρ) until training accuracy 1 or the budget. Claims:
//   LD-RL.random_slower.<cell>   T_fit (first step at training accuracy 1) is longer at ρ = 1 than at
//                                ρ = 0, paired over seeds (spec (a); the ratio and the whole profile
//                                with its Spearman correlation in the note)                 PAIRED-ORDER
//   LD-RL.monotone.<cell>        the spec's "T_fit non-decreasing in ρ", tested as T_fit(ρ_1) < T_fit(1)
//                                for the grid's second rate ρ_1: declared REFUTED (a few corrupted labels
//                                inside clean clusters take longer than all random ones)   PAIRED-ORDER
//   LD-RL.fits_all.<cell>        every run reaches training accuracy 1 within the budget (spec (c);
//                                runs that do not)                                           EXACT
//   LD-RL.chance.<cell>          at ρ = 1 the clean test accuracy is 1/K (spec (b): exact for any
//                                learner whose training labels are independent of x and whose
//                                initialisation is exchangeable over classes)               ORACLE
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "sim/io/csv_table.h"
#include "sim/ld/adamw.h"
#include "sim/ld/label_noise_data.h"
#include "sim/run/memory_estimate.h"
#include "sim/run/trial_runner.h"
#include "theory/verdict/claim.h"
#include "theory/verdict/test_size.h"

namespace memgen::scenarios {

struct RandomLabelCell {
  std::string name = "mixture";
  sim::MixtureOptions mixture;
  int train_size = 500, test_size = 2000;
  int width = 256;
  sim::AdamWOptions adam{1e-3, 0.0, 0.9, 0.999, 1e-8};  ///< torch's Adam: AdamW without decay
  std::vector<double> rhos{0.0, 0.2, 0.4, 0.6, 0.8, 1.0};
  std::int64_t budget = 20000;
  // Planted defects for the negative controls, off by default: kShifted replaces a corrupted label by
  // the true class shifted by one, (y + 1) mod K, a relabelling, not a randomization (the network
  // learns the shifted map and scores 0 on clean labels at ρ = 1); kUnchanged never corrupts.
  enum class Planted { kNone, kShifted, kUnchanged };
  Planted planted = Planted::kNone;
  std::int64_t trials = 4;
  std::string trials_field = "random_labels.trials";
  void Validate(const std::string& field) const;
};

struct LabelRun {
  std::int64_t fitted = -1;                      ///< T_fit (−1: not within the budget)
  double clean_test_accuracy = 0.0;              ///< at the end of the run
  std::vector<std::int64_t> step;                ///< a log-spaced record
  std::vector<double> train_accuracy;
};

template <typename Codec>
void Fields(Codec& c, LabelRun& r) {
  c(r.fitted, r.clean_test_accuracy, r.step, r.train_accuracy);
}

struct RandomLabelTrial {
  std::vector<LabelRun> runs;  ///< one per ρ
};

template <typename Codec>
void Fields(Codec& c, RandomLabelTrial& r) {
  c(r.runs);
}

struct RandomLabelResult {
  RandomLabelCell cell;
  std::vector<RandomLabelTrial> trials;
};

void AddRandomLabelMemory(const RandomLabelCell& cell, int threads, sim::MemoryEstimate* memory);
RandomLabelTrial RunRandomLabelTrial(const RandomLabelCell& cell, std::uint64_t master_seed, std::int64_t trial);
RandomLabelResult RunRandomLabelCell(const RandomLabelCell& cell, std::uint64_t master_seed, const sim::TrialRunnerOptions& runner);
std::vector<theory::Claim> BuildRandomLabelClaims(const RandomLabelResult& result, theory::TestSize size = {});
sim::CsvTable RandomLabelRunTable(const RandomLabelResult& result);
sim::CsvTable RandomLabelCurveTable(const RandomLabelResult& result);

}  // namespace memgen::scenarios
