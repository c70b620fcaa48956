// Full-batch noisy gradient descent (Langevin dynamics) on ℓ₂-regularised logistic regression, the
// "small logistic model" of learning_dynamics.md §9, for B chains at once (columns of W, d × B):
//   L_S(w) = (1/|S|) Σ_{j∈S} [log(1 + e^{x_jᵀw}) − y_j x_jᵀw] + (λ/2)‖w‖²,   y_j ∈ {0, 1},
//   ∇L_S(w) = (1/|S|) Σ_{j∈S} (σ(x_jᵀw) − y_j) x_j + λw,
//   w_{t+1} = w_t − η∇L_S(w_t) + √(2η/β) ξ_t,   ξ_t ∼ N(0, I_d).
// S is given by row weights (1 kept, 0 removed), so the same rows serve S and S∖E.
// The per-instance privacy score (Sepahvand et al. 2025; Thudi et al. 2024, as the spec reconstructs
// it: a heuristic score, not a bound): removing row i from the mean loss shifts the drift by
// δ_{t,i} = (η/(n − 1))(∇ℓ_i(w_t) − ∇L_S^data(w_t)) (the ridge term cancels), and the per-step Gaussian
// Rényi divergence at a common w_t is αβ‖δ_{t,i}‖²/(4η). The kernel accumulates the part that depends
// on the chains, G_i = Σ_t mean_b ‖∇ℓ_i(w_{t,b}) − ḡ(w_{t,b})‖², with
//   ‖r_i x_i − ḡ‖² = r_i²‖x_i‖² − 2 r_i x_iᵀḡ + ‖ḡ‖²,   r_i = σ(x_iᵀw) − y_i,   ḡ = (1/n) Σ_j r_j x_j,
// for every row at once (two n × d by d × B products a step).
#pragma once

#include <Eigen/Core>
#include <vector>

#include "sim/random/rng.h"

namespace memgen::sim {

struct LogisticLangevinParams {
  double ridge = 0.1;       ///< λ
  double eta = 0.2;         ///< η
  double inv_beta = 1e-3;   ///< 1/β
};

struct LogisticData {
  Eigen::MatrixXd x;    ///< rows × d
  Eigen::VectorXd y;    ///< {0, 1}
};

// Noisy GD steps on the rows with weight 1 in `kept` (rows × 1) for `chains` chains, with every
// work array allocated once (a step allocates nothing: per-step allocations of this size made glibc
// grow and trim the heap every step, ten times the arithmetic).
class LogisticLangevin {
 public:
  LogisticLangevin(const LogisticData& data, const Eigen::VectorXd& kept, const LogisticLangevinParams& params, Eigen::Index chains);
  // One step of every column of `w`. When `gradient_gap` is not null it gains mean_b ‖∇ℓ_i − ḡ‖² for
  // every row i (at the step's starting point, on all rows, with ḡ over the kept rows).
  void Step(Eigen::MatrixXd* w, Rng& rng, Eigen::VectorXd* gradient_gap = nullptr);

 private:
  const LogisticData& data_;
  const Eigen::VectorXd& kept_;
  LogisticLangevinParams params_;
  double count_ = 0.0, noise_ = 0.0;
  Eigen::VectorXd row_norm2_;
  Eigen::MatrixXd residual_, weighted_, data_gradient_, projection_, xi_;
};

// `steps` steps from `w` (a LogisticLangevin for one call).
void RunLogisticLangevin(const LogisticData& data, const Eigen::VectorXd& kept, const LogisticLangevinParams& params, int steps,
                         Eigen::MatrixXd* w, Rng& rng, Eigen::VectorXd* gradient_gap = nullptr);

// The mean-loss gradient (d × B) on the kept rows, for tests and the step above.
Eigen::MatrixXd LogisticGradient(const LogisticData& data, const Eigen::VectorXd& kept, double ridge, const Eigen::MatrixXd& w);

}  // namespace memgen::sim
