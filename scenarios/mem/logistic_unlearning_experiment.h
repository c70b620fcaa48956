// Per-instance privacy and unlearning on the spec's small logistic model (learning_dynamics.md §9
// (a)–(c), "suite configuration"; Sepahvand et al. 2025), with noisy GD (sim/mem/logistic_langevin.h)
// where the ridge model of unlearning_points_experiment.h has closed forms. Each trial draws one data
// set of the §10 generator (sim/mem/regression_sample.h: clean, mislabeled, outlier and repeated
// examples), trains `seeds` chains on S for T steps from w = 0 and scores every example E (c rows):
//   P_E = αβ/(4η) Σ_t mean_b ‖δ_{t,E}‖²,   δ_{t,E} = (ηc/(n − c))(∇ℓ_E(w_t) − ḡ(w_t)),
// the heuristic per-step score summed along the chains (a score, not a bound: the spec's warning).
// For `probes` examples of each group it retrains `seeds` chains on S∖E for T steps from w = 0 (the
// retrain-from-scratch ensemble) and measures:
//   k̂_E   the first k at which `seeds` unlearning chains (the S-chains, then k steps on S∖E) have a loss
//         on E indistinguishable from the retrained ensemble's (two-sample KS at `ks_level`);
//         k_max + 1 if never;
//   mem̂_E  P(y_E x_Eᵀw > 0 | S-chains) − P(… | retrained), Feldman's memorization with the example IN and OUT;
//   v_E    the LiRA-style vulnerability AUC(margins IN, margins OUT) of the same two ensembles.
// Claims (per-trial statistics over independent data sets):
//   UNL-LOGIT.outlier, .noisy   mean ln P of the group above the clean examples' (a)              PAIRED ORDER
//   UNL-LOGIT.privacy           Spearman(k̂, P) over the probes ≥ 0.5 (b) [calibrate]              MEAN BOUND
//   UNL-LOGIT.log_linear        R² of k̂ on ln P ≥ 0.5 (b) [calibrate]                            MEAN BOUND
//   UNL-LOGIT.mem, .lira        Spearman(P, mem̂) > 0 and Spearman(P, v) > 0 (c)                  SIDE OF LEVEL
//   UNL-LOGIT.repeated          k̂ of repeated examples above clean ones' (the essay)             PAIRED ORDER
//   UNL-LOGIT.essay_outlier     k̂ of outliers below clean ones' (the essay's reading); expected
//                               REFUTED as on the ridge model                                     PAIRED ORDER
// Planted defects (negative controls, tests/scenarios/mem/unlearning_claims_test.cc): the score negated;
// the outlier and clean labels swapped.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "sim/io/csv_table.h"
#include "sim/mem/logistic_langevin.h"
#include "sim/mem/regression_sample.h"
#include "sim/run/memory_estimate.h"
#include "sim/run/trial_runner.h"
#include "theory/verdict/claim.h"
#include "theory/verdict/test_size.h"

namespace memgen::scenarios {

sim::RegressionSampleOptions DefaultLogisticSample();  ///< m = 2, d = 5, n = 200: 5 % outliers, 5 % noise, 5 repeated × 4

sim::LogisticLangevinParams DefaultLogisticParams();  ///< λ = 0.1, η = 0.2, 1/β = 3e-4

struct LogisticUnlearningOptions {
  sim::RegressionSampleOptions sample = DefaultLogisticSample();
  sim::LogisticLangevinParams params = DefaultLogisticParams();
  double alpha = 2.0;
  int steps = 500;                     ///< T, for the S-chains and every retrained ensemble
  int seeds = 64;
  int probes = 5;                      ///< examples per group with retrained ensembles
  int max_steps = 500;                 ///< k_max of the unlearning chains
  double ks_level = 0.05;
  std::int64_t trials = 100;
  bool planted_negate_score = false;
  bool planted_swap_groups = false;
  std::string field = "logistic";
  std::string data_field = "logistic.data";
  std::string trials_field = "logistic.trials";
  void Validate() const;
};

struct LogisticUnlearningTrial {
  std::vector<double> privacy;                ///< P_E, every example
  std::vector<std::int64_t> group;            ///< sim::ExampleGroup, every example
  std::vector<std::int64_t> probe;            ///< the probed examples
  std::vector<std::int64_t> mc_steps;         ///< k̂ per probe
  std::vector<double> memorization, vulnerability;  ///< mem̂ and v per probe
  double clean_accuracy = 0;                  ///< mean over the S-chains of the accuracy on clean examples
};

template <typename Codec>
void Fields(Codec& c, LogisticUnlearningTrial& r) {
  c(r.privacy, r.group, r.probe, r.mc_steps, r.memorization, r.vulnerability, r.clean_accuracy);
}

struct LogisticUnlearningResult {
  LogisticUnlearningOptions options;
  std::vector<LogisticUnlearningTrial> trials;
};

LogisticUnlearningTrial LogisticUnlearningRun(const LogisticUnlearningOptions& options, std::uint64_t master_seed, std::int64_t trial);
LogisticUnlearningResult RunLogisticUnlearning(const LogisticUnlearningOptions& options, std::uint64_t master_seed,
                                               const sim::TrialRunnerOptions& runner);
void AddLogisticUnlearningMemory(const LogisticUnlearningOptions& options, int threads, sim::MemoryEstimate* memory);

std::vector<theory::Claim> BuildLogisticUnlearningClaims(const LogisticUnlearningResult& result, theory::TestSize size = {});
sim::CsvTable LogisticProbeTable(const LogisticUnlearningResult& result);  ///< every probe of every trial

}  // namespace memgen::scenarios
