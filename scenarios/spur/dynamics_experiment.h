// Gradient-descent dynamics in the idealized spurious-feature model (spurious_memorization.md §6,
// E3 and E4, the Figure-5 analogue): full-batch logistic GD in dual form from w = 0 (lr η, loss
// normalised by Σω) on x = (y, γa, σ_ε ε), arms run in lockstep on the same data:
//   erm        ω ≡ 1, δ ≡ 0
//   reweight   ω = (1 − ρ)/ρ on the minority (normalised by Σω)
//   shift      δ_i = a_i log((1 − ρ)/ρ) (the oracle logit adjustment; margin shift ±log((1 − ρ)/ρ))
//   mat        δ from XRM on the same sample (sim/spur/xrm.h, sim/spur/mat_shift.h)
//   oversized  δ_i = 6 a_i
// and, on the noiseless sample (σ_ε = 0), ERM alone. At t = 10^k the read-outs are v/u (u = w_y + γw_a,
// v = w_y − γw_a), w_y/‖w‖, γw_a/‖w‖ and the exact group accuracies (Φ formula with ‖w_ε‖² = cᵀK_εc);
// the hard-margin SVM on the same sample is the reference direction (Soudry et al. 2018: GD → SVM).
// Claims (means over trials, 4 SE):
//   SPUR-E3.converge     |v/u(t) − (v/u)_SVM| of ERM is non-increasing in log t          MONOTONE
//   SPUR-E3.clean        σ_ε = 0: v/u at the last t ≥ 0.7, minority accuracy ≥ 0.99 for t ≥ 100
//                        ALL-OF of two AT-LEAST
//   SPUR-E4.reweight     reweighting is at the SVM direction from t = 1e3: |v/u − (v/u)_SVM| ≤ 0.02
//                        + 4 SE at every t ≥ 1e3 (paired)                 ALL-OF of TOLERANCE, worst t first
//   SPUR-E4.shift_wins   the shift arm's minority accuracy exceeds ERM's at every t ≥ 10 (paired;
//                        INCONCLUSIVE without significant evidence)  ALL-OF of PAIRED-ORDER, weakest t first
//   SPUR-E4.transient    and decreases with t from t = 10 (the advantage is transient)        MONOTONE
//   SPUR-E4.oversized    δ = 6 over-corrects: majority accuracy ≤ 0.01 up to t = 100
//                        AT-LEAST on −accuracy ≥ −0.01 (measured and level are negated)
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "sim/run/memory_estimate.h"
#include "sim/io/csv_table.h"
#include "theory/verdict/claim.h"
#include "theory/verdict/test_size.h"
#include "sim/run/trial_runner.h"

namespace memgen::scenarios {

struct DynamicsOptions {
  std::int64_t n = 200;
  double rho = 0.1;
  double gamma = 5.0;
  std::int64_t d = 4000;
  double sigma_eps = 0.2;           ///< n/s = n/(σ_ε² d) = 1.25 at the defaults: the memorizing regime
  double learning_rate = 0.1;
  std::int64_t max_power = 5;       ///< record t = 10^0 … 10^max_power
  double oversized_shift = 6.0;
  double shift_scale = 1.0;         ///< multiplies the oracle shift (1; negative controls plant 0)
  double temperature = 0.1;         ///< MAT
  std::int64_t xrm_epochs = 1000;
  std::int64_t trials = 6;
  void Validate(const std::string& field) const;
};

enum DynamicsArm { kDynErm = 0, kDynReweight, kDynShift, kDynMat, kDynOversized, kDynClean, kDynamicsArms };
const char* DynamicsArmName(int arm);

struct DynamicsPoint {
  double ratio = 0.0, core = 0.0, spurious = 0.0;  ///< v/u, w_y/‖w‖, γw_a/‖w‖
  double acc_majority = 0.0, acc_minority = 0.0;
};

struct DynamicsTrial {
  double svm_ratio = 0.0, clean_svm_ratio = 0.0;
  double svm_core = 0.0, svm_spurious = 0.0;  ///< w_y/‖w‖, γw_a/‖w‖ of the SVM
  std::vector<std::vector<DynamicsPoint>> points;  ///< [arm][k], t = 10^k
};

// The trial's fields for the journal (sim/io/trial_codec.h): every member, in order.
template <typename Codec>
void Fields(Codec& c, DynamicsTrial& r) {
  c(r.svm_ratio, r.clean_svm_ratio, r.svm_core, r.svm_spurious, r.points);
}

// The per-thread working set on `threads` threads and every trial's trajectories (memory_estimate.h).
void AddDynamicsMemory(const DynamicsOptions& options, int threads, sim::MemoryEstimate* memory);
DynamicsTrial RunDynamicsTrial(const DynamicsOptions& options, std::uint64_t master_seed, std::int64_t trial);
std::vector<DynamicsTrial> RunDynamics(const DynamicsOptions& options, std::uint64_t master_seed,
                                       const sim::TrialRunnerOptions& runner);
std::vector<theory::Claim> BuildDynamicsClaims(const DynamicsOptions& options, const std::vector<DynamicsTrial>& trials,
                                               theory::TestSize size = {});
sim::CsvTable DynamicsTable(const DynamicsOptions& options, const std::vector<DynamicsTrial>& trials);

}  // namespace memgen::scenarios
