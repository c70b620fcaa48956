// The logit shift of memorization-aware training (MAT; Bayat et al. 2024, Algorithm 1;
// spurious_memorization.md §5.3, `algos.py::MAT`, `get_shift`), for K = 2 classes from binary
// held-out logits z_ho (the two-logit pair (0, z_ho)):
//   P = softmax(H/τ)                       n×2, columns ŷ_ho ∈ {−1, +1}
//   J[k, y] = (1/n) Σ_{i: y_i = y} P[i, k]   joint of (ŷ_ho, y)
//   C = J ./ rowsum(J)                     C[k, y] = p(y | ŷ_ho = k)
//   S = log(P C + 1e-6)                    n×2
// and the binary margin shift δ_i = S_i[+1] − S_i[−1], added to the logit of "y = +1" in training
// only. With confident P and a clean split C ≈ [[1 − ρ, ρ], [ρ, 1 − ρ]], δ = ±log((1 − ρ)/ρ).
#pragma once

#include <Eigen/Core>

namespace memgen::sim {

struct MatShift {
  Eigen::VectorXd delta;        ///< δ_i
  Eigen::Matrix2d calibration;  ///< C (rows ŷ_ho = −1, +1; columns y = −1, +1)
};

// `calibrate` = false replaces C by the identity (S = log(P + 1e-6)): the uncalibrated shift that
// negative controls plant.
MatShift ComputeMatShift(const Eigen::VectorXd& held_out_logits, const Eigen::VectorXd& y, double temperature,
                         bool calibrate = true);

}  // namespace memgen::sim
