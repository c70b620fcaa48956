// Softmax regression with a bias, trained by full-batch gradient descent on the mean cross-entropy,
// and the data-diet scores of Paul, Ganguli, Dziugaite (2021) (learning_dynamics.md §6):
//   p(x) = softmax(Wᵀ x̃),  x̃ = (x, 1) ∈ R^{d+1},  W ∈ R^{(d+1)×m},
//   ℓ(x, y) = −log p_y(x),  ∇_W ℓ = x̃ (p − e_y)ᵀ,
//   W ← W − η (1/n) Σ_i x̃_i (p_i − e_{y_i})ᵀ          (one step),
//   EL2N(x, y)  = ‖p(x) − e_y‖₂,
//   GraNd(x, y) = ‖∇_W ℓ‖_F, computed from the outer product entry by entry (not from the identity
//                 ‖x̃ (p − e_y)ᵀ‖_F = ‖p − e_y‖ ‖x̃‖, which theory/mem/data_diet.h states and the
//                 scenario checks against this).
// Rows are samples (sim/ld/row_matrix.h); labels are in {0, …, m − 1}.
#pragma once

#include <cstdint>
#include <vector>

#include "sim/ld/row_matrix.h"

namespace memgen::sim {

// W (d + 1) × m; the last row is the bias.
RowMatrix SoftmaxProbabilities(const RowMatrix& w, const RowMatrix& x);

// `steps` full-batch gradient steps of size `learning_rate` from `w` (in place).
void TrainSoftmax(const RowMatrix& x, const std::vector<int>& labels, int steps, double learning_rate, RowMatrix* w);

// The same on the rows `keep` of x (a pruned training set).
void TrainSoftmaxOn(const RowMatrix& x, const std::vector<int>& labels, const std::vector<std::int64_t>& keep, int steps,
                    double learning_rate, RowMatrix* w);

struct DietScores {
  std::vector<double> el2n, grand;
};
DietScores ScoreEl2nGrand(const RowMatrix& w, const RowMatrix& x, const std::vector<int>& labels);

double SoftmaxAccuracy(const RowMatrix& w, const RowMatrix& x, const std::vector<int>& labels);

}  // namespace memgen::sim
