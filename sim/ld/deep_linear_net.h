// A deep linear network W = W_L ··· W_1 trained by full-batch gradient descent on
// ½Σ_μ‖y^μ − W x^μ‖² with orthonormal inputs (Σ11 = I; learning_dynamics.md §3): with E = Σ31 − W,
//   W_k ← W_k + λ (W_L ··· W_{k+1})ᵀ E (W_{k−1} ··· W_1)ᵀ   for every k at once.
// Two initialisations (Saxe et al. 2014): training-aligned and balanced, every layer carrying the
// modes of Σ31 = U S Vᵀ with strength a = ε^{1/L}, so the product starts at εUVᵀ and each mode
// evolves on its own (theory/ld/mode_dynamics.h); and random orthogonal layers of the same scale,
// whose product has every singular value ε but no alignment. The trajectory records the mode
// strengths s_i(t) = u_iᵀ W(t) v_i of chosen training modes.
#pragma once

#include <Eigen/Core>

#include <cstdint>
#include <vector>

#include "sim/random/rng.h"

namespace memgen::sim {

struct DeepLinearNet {
  std::vector<Eigen::MatrixXd> layers;  ///< W_1 (hidden × inputs), …, W_L (outputs × hidden)
  Eigen::MatrixXd Product() const;
};

// Training-aligned balanced start: W_1 = a H Vᵀ, W_k = a I (1 < k < L), W_L = a U Hᵀ, with U
// (outputs × r), V (inputs × r) the training modes and H the first r columns of the hidden identity.
DeepLinearNet AlignedInit(const Eigen::MatrixXd& u, const Eigen::MatrixXd& v, int hidden, int weight_layers,
                          double epsilon);
// Every layer a times a Haar-random matrix with orthonormal rows or columns.
DeepLinearNet RandomOrthogonalInit(int inputs, int hidden, int outputs, int weight_layers, double epsilon, Rng& rng);

void GradientStep(DeepLinearNet* net, const Eigen::MatrixXd& sigma31, double learning_rate);

struct ModeTrajectory {
  double step_time = 0.0;   ///< t/τ per recorded row (λ · record_every)
  Eigen::MatrixXd strength;  ///< rows: t = 0, record_every, …; columns: modes
  // The first t/τ at which mode `mode` reaches `level` (linear interpolation between records);
  // NaN if it never does.
  double CrossingTime(int mode, double level) const;
};

// Runs `steps` GD steps and records u_iᵀ W v_i for the columns of `u`, `v` every `record_every` steps.
ModeTrajectory TrainModes(DeepLinearNet* net, const Eigen::MatrixXd& sigma31, double learning_rate, std::int64_t steps,
                          std::int64_t record_every, const Eigen::MatrixXd& u, const Eigen::MatrixXd& v);

}  // namespace memgen::sim
