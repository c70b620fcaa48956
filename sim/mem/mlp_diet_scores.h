// EL2N and GraNd (Paul, Ganguli, Dziugaite 2021; learning_dynamics.md §6) of the one-hidden-layer
// ReLU classifier (sim/ld/relu_mlp.h), for every example from one full-batch backward pass. With
// h = relu(W1 x + b1), p = softmax(W2 h + b2), δ₂ = p − e_y and δ₁ = (W2ᵀ δ₂) ⊙ 1[W1 x + b1 > 0], the
// per-example gradient of ℓ = −log p_y is rank one in each layer (∂W2 = δ₂hᵀ, ∂b2 = δ₂, ∂W1 = δ₁xᵀ,
// ∂b1 = δ₁), so
//   EL2N  = ‖δ₂‖,   GraNd² = ‖δ₂‖²(‖h‖² + 1) + ‖δ₁‖²(‖x‖² + 1)
// exactly (the tests check it against the gradient of a one-example batch).
#pragma once

#include <vector>

#include "sim/ld/relu_mlp.h"
#include "sim/mem/softmax_regression.h"

namespace memgen::sim {

DietScores MlpEl2nGrand(const ReluMlp& net, const RowMatrix& x, const std::vector<int>& labels, ReluWorkspace* workspace);

}  // namespace memgen::sim
