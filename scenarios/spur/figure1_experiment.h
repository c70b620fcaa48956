// The Figure-1 experiment of Bayat et al. ("The Pitfalls of Memorization", 2024) with MAT and the
// memorization scores (spurious_memorization.md §9 E1, E5, E6), on the exact generator of
// `interpretable_experiment.py` (sim/spur/data.h). Per trial (a fresh data seed):
//   data      train split (90/10, 99 minority points), balanced validation split, each
//             x = (x_y, 5x_a, σ_ε ε); the same standard normals ε serve every σ_ε, so
//             K_σ = FFᵀ + σ² EEᵀ is assembled from two Gram pieces
//   erm_clean ERM on σ_ε = 0 (two-logit lr 3e-2), 1000 full-batch epochs
//   erm       ERM on σ_ε = 0.5 (two-logit lr 1e-2)
//   xrm       twins on random halves with the flip rule (sim/spur/xrm.h), same lr and epochs
//   mat       MAT: shift δ = S[+1] − S[−1], S = log(P_ho C + 1e-6), τ = 0.1 (sim/spur/mat_shift.h),
//             1000 epochs on CE(f + δ, y); reported at the last epoch and at the checkpoint with the
//             last maximum of the validation worst-cell accuracy over (y, m̃), m̃ = XRM
//             cross-mistakes (no true groups used)
//   sweep     ERM at each σ_ε of a grid (minority accuracy against σ_ε)
//   scores    per training point, for erm_clean, erm and mat: influence-function self-influence
//             (sim/spur/self_influence.h, λ) and held-in minus held-out p(y_i|x_i) from two
//             half-sample refits (the XRM halves) of the same learner
// Every model is binary logistic GD in dual form (sim/spur/logistic_gd.h): a PyTorch Linear(D→2)
// at lr η is binary GD at 2η from w₀ = W₁ − W₀, W ~ U(±1/√D) (PyTorch's default initialisation),
// one independent draw per model: erm_clean, erm, erm's two twins (which erm_clean's twins share),
// the two XRM twins, mat, mat's two twins.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "sim/run/memory_estimate.h"
#include "sim/run/trial_runner.h"
#include "sim/spur/group_metrics.h"

namespace memgen::scenarios {

struct Figure1Options {
  std::int64_t n = 1000;
  std::int64_t d = 1798;
  double majority_fraction = 0.9;
  double noise = 0.5;                 ///< σ_ε of erm, xrm and mat
  double clean_learning_rate = 3e-2;  ///< two-logit η of erm_clean
  double learning_rate = 1e-2;        ///< two-logit η of every other model
  std::int64_t epochs = 1000;
  double temperature = 0.1;
  bool class_balanced_xrm = false;    ///< false: plain mean CE, as the reference's run_mat
  double influence_lambda = 1e-3;
  std::vector<double> sweep_noise = {0.05, 0.1, 0.2, 0.3, 0.5, 1.0};
  std::int64_t trials = 10;
  // Planted defects for negative controls (defaults are the correct pipeline).
  double shift_sign = 1.0;            ///< −1 reverses MAT's shift
  bool calibrate = true;              ///< false: C = I in the shift
  bool flip = true;                   ///< false: XRM twins never flip labels
  double clean_noise = 0.0;           ///< σ_ε of erm_clean (0; negative controls plant memorizable noise)
  void Validate(const std::string& field) const;  ///< field: the table's dotted path ("" at the root)
};

enum Figure1Arm { kErmClean = 0, kErm = 1, kMatLast = 2, kMatSelected = 3, kFigure1Arms = 4 };
const char* Figure1ArmName(int arm);

struct MemorizationScores {
  double auroc_influence = 0.0, auroc_heldout = 0.0;      ///< for the minority flag
  double minority_influence_median = 0.0, minority_influence_mean = 0.0, majority_influence_mean = 0.0;
  double minority_heldout_mean = 0.0, majority_heldout_mean = 0.0;
};

struct Figure1Trial {
  sim::GroupAccuracy train[kFigure1Arms], val[kFigure1Arms];
  std::int64_t selected_epoch = 0;
  // XRM
  double xrm_precision = 0.0, xrm_recall = 0.0;  ///< flipped set against the true minority
  bool xrm_exact = false;
  std::int64_t xrm_first_exact_epoch = -1;
  double calibration[2][2] = {};                  ///< C = p(y | ŷ_ho)
  double margin_shift_majority = 0.0, margin_shift_minority = 0.0;  ///< mean y_i δ_i by true group
  double val_inferred_precision = 0.0, val_inferred_recall = 0.0;   ///< cross-mistakes vs true minority
  // σ_ε sweep of ERM
  std::vector<double> sweep_val_minority, sweep_val_majority, sweep_train_worst;
  // memorization scores: erm_clean, erm, mat (selected checkpoint)
  MemorizationScores scores[3];
  double weights[kFigure1Arms][2] = {};  ///< final (w_y, w_a) per arm: the decision boundary at ε = 0
  // Trial 0 only: per training point (x_y, x_a, y, minority, then self-influence and held-in minus
  // held-out for erm_clean, erm, mat).
  std::vector<std::array<double, 10>> points;
  // Per-epoch validation and training accuracy, trial 0 only: rows epoch 0..E, columns
  // (erm_clean, erm, mat) × (val majority, val minority, train majority, train minority).
  std::vector<std::array<double, 12>> curves;
};

// The trial's fields for the journal (sim/io/trial_codec.h): every member, in order.
template <typename Codec>
void Fields(Codec& c, Figure1Trial& r) {
  c(r.train, r.val, r.selected_epoch, r.xrm_precision, r.xrm_recall, r.xrm_exact, r.xrm_first_exact_epoch,
    r.calibration, r.margin_shift_majority, r.margin_shift_minority, r.val_inferred_precision,
    r.val_inferred_recall, r.sweep_val_minority, r.sweep_val_majority, r.sweep_train_worst, r.scores, r.weights,
    r.points, r.curves);
}

Figure1Trial RunFigure1Trial(const Figure1Options& options, std::uint64_t master_seed, std::int64_t trial);
std::vector<Figure1Trial> RunFigure1(const Figure1Options& options, std::uint64_t master_seed,
                                     const sim::TrialRunnerOptions& runner);
// The per-thread working set (data, Gram matrices) on `threads` threads and the trials' read-outs
// (memory_estimate.h).
sim::MemoryEstimate Figure1Memory(const Figure1Options& options, int threads);

}  // namespace memgen::scenarios
