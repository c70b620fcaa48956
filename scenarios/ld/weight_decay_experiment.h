// The Omnigrok weight-decay law (Liu, Michaud, Tegmark 2022 §2–3; learning_dynamics.md §2.6, §2.7 G4):
// a large initialisation (a0 = 2) memorizes first; weight decay shrinks the weights as
// w(t) ≈ w0 (1 − ηγ)^t, and the student generalizes once they reach the "Goldilocks" norm w_c, so the
// time to generalize grows like ln(w0/w_c)/(ηγ) ∝ 1/γ while the time to fit the training set does not
// depend on γ, and γ = 0 never generalizes. Per seed: a teacher tanh MLP (a0 = 1) labels N(0, I) inputs,
// one student initialisation (another stream, a0) is trained by full-batch AdamW at every γ of the grid
// (paired over γ), until both t95_train and t95_test (first steps with 95 % of the samples under the
// per-sample MSE threshold θ) are reached, or the budget. Claims (one cell):
//   LD-G4.train_time_flat.<cell>  t95_train does not depend on γ: per seed, the CV of t95_train over
//                                 γ = 0 and the lower branch, averaged over seeds, is at most 0.2
//                                 [calibrate]                                                      AT MOST
//   LD-G4.slope.<cell>            on the lower branch, the log-log slope of t95_test against γ lies
//                                 in [−1.3, −0.7] (Ceres fit with its SE) [calibrate]            SLOPE
//   LD-G4.decay_helps.<cell>      the smallest γ > 0 generalizes sooner than γ = 0 (t95_test paired
//                                 over seeds, a run that never generalizes counted at its budget) PAIRED-ORDER
//   LD-G4.no_decay.<cell>         γ = 0 does not reach 95 % test accuracy within no_decay_budget
//                                 steps in any seed (spec: 1e5 steps; see docs/learning_dynamics.md:
//                                 at θ = 0.01 the undecayed student does generalize, slowly)   EXACT
// The lower branch (spec G4): γ > 0 below γ* = argmin of the mean t95_test, whose decay-only time
// ln(a0)/(ηγ) lies in [3 · mean t95_train, budget/3] (the budget check), every seed generalized there;
// fewer than three such γ leave the slope INCONCLUSIVE.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "sim/io/csv_table.h"
#include "sim/ld/adamw.h"
#include "sim/ld/deep_tanh_mlp.h"
#include "sim/run/memory_estimate.h"
#include "sim/run/trial_runner.h"
#include "theory/verdict/claim.h"
#include "theory/verdict/test_size.h"

namespace memgen::scenarios {

struct WeightDecayCell {
  std::string name = "omnigrok";
  sim::DeepTanhShape shape;                      ///< 5-100-100-5
  int train_size = 100, test_size = 100;
  double a0 = 2.0;                              ///< the student's initial scale (the teacher's is 1)
  double threshold = 0.01;                      ///< θ on the per-sample MSE (the paper; the notebook: 0.001)
  sim::AdamWOptions adamw{1e-3, 0.0, 0.9, 0.999, 1e-8};  ///< torch defaults; weight_decay is set per γ
  std::vector<double> weight_decays{0.0, 0.03, 0.1, 0.3, 1.0, 3.0};
  std::int64_t budget = 100000;                 ///< steps per γ > 0 (each run stops once it generalized)
  std::int64_t no_decay_budget = 20000;         ///< steps at γ = 0 (it runs to the end)
  double slope_lo = -1.3, slope_hi = -0.7;      ///< spec G4 [calibrate]
  double max_train_cv = 0.2;                    ///< spec G4 [calibrate]
  // Planted defects for the negative controls (tests/scenarios/ld/weight_decay_claims_test.cc), off by
  // default: every run trains with this weight decay whatever its grid value says (< 0: off), and the
  // learning rate of each run is multiplied by 1 + 10γ (so t95_train depends on γ).
  double planted_decay = -1.0;
  bool planted_rate_scales_with_decay = false;
  std::int64_t trials = 4;
  std::string trials_field = "weight_decay.trials";
  void Validate(const std::string& field) const;
  double DecayOnlySteps(double gamma) const;    ///< ln(a0)/(ηγ), spec §2.6's budget estimate
  std::int64_t Budget(double gamma) const { return gamma > 0.0 ? budget : no_decay_budget; }
};

// One student trained at one γ.
struct DecayRun {
  std::int64_t fitted = -1, generalized = -1;  ///< t95_train, t95_test (−1: not within the budget)
  std::int64_t steps = 0;                      ///< steps taken (stops once both are reached)
  double best_test_accuracy = 0.0, final_test_accuracy = 0.0;
  std::vector<std::int64_t> step;              ///< a log-spaced record of the run
  std::vector<double> train_accuracy, test_accuracy, norm;
};

template <typename Codec>
void Fields(Codec& c, DecayRun& r) {
  c(r.fitted, r.generalized, r.steps, r.best_test_accuracy, r.final_test_accuracy, r.step, r.train_accuracy, r.test_accuracy, r.norm);
}

struct WeightDecayTrial {
  std::vector<DecayRun> runs;  ///< one per γ of the grid
};

template <typename Codec>
void Fields(Codec& c, WeightDecayTrial& r) {
  c(r.runs);
}

struct WeightDecayResult {
  WeightDecayCell cell;
  std::vector<WeightDecayTrial> trials;
};

void AddWeightDecayMemory(const WeightDecayCell& cell, int threads, sim::MemoryEstimate* memory);
DecayRun TrainStudent(const WeightDecayCell& cell, double gamma, std::uint64_t master_seed, std::int64_t trial);
WeightDecayTrial RunWeightDecayTrial(const WeightDecayCell& cell, std::uint64_t master_seed, std::int64_t trial);
WeightDecayResult RunWeightDecayCell(const WeightDecayCell& cell, std::uint64_t master_seed, const sim::TrialRunnerOptions& runner);
std::vector<theory::Claim> BuildWeightDecayClaims(const WeightDecayResult& result, theory::TestSize size = {});
// One row per (seed, γ) with t95_train and t95_test; the log-spaced curves of every run.
sim::CsvTable WeightDecayRunTable(const WeightDecayResult& result);
sim::CsvTable WeightDecayCurveTable(const WeightDecayResult& result);

}  // namespace memgen::scenarios
