// The inverse participation ratio progress measure of grokking (Gromov 2023 eqs. 20–21; Doshi et al.
// 2024 eq. 4; learning_dynamics.md §2.3): for a length-p weight vector v with rfft magnitudes a
// (p/2 + 1 bins), IPR₂(v) = Σ_ν (a_ν/‖a‖)⁴; a pure cosine gives 1, a Gaussian vector ≈ 2/(bins).
// Per neuron k of the quadratic MLP (sim/ld/quadratic_mlp.h) the mean over its three blocks,
// IPR_k = (IPR(U[k]) + IPR(V[k]) + IPR(W[:, k]))/3 with U = W1[:, :p], V = W1[:, p:], W = W2, and the
// network's IPR is the mean over neurons. The transform is a dense DFT (two small GEMMs).
#pragma once

#include <Eigen/Core>

#include "sim/ld/quadratic_mlp.h"

namespace memgen::sim {

// IPR₂ of every row of `rows` (each of length p).
Eigen::VectorXd RowIpr(const Eigen::MatrixXd& rows);
// The network average of the per-neuron three-block IPR.
double NetworkIpr(const QuadraticMlp& net);

}  // namespace memgen::sim
