// The one-hidden-layer ReLU classifier of the random-label experiments (Zhang et al. 2017, the MLP
// of `pluskid/fitting-random-labels`; learning_dynamics.md §4): logits = W2 relu(W1 x + b1) + b2,
// softmax cross-entropy averaged over samples, torch.nn.Linear's default initialisation (every weight
// and bias U(−1/√fan_in, 1/√fan_in)). Parameters in one flat vector in torch's order (W1, b1, W2, b2).
#pragma once

#include <Eigen/Core>

#include <vector>

#include "sim/ld/label_noise_data.h"
#include "sim/ld/row_matrix.h"
#include "sim/random/rng.h"

namespace memgen::sim {

struct ReluMlp {
  int inputs = 0, width = 0, classes = 0;
  Eigen::VectorXd parameters;  ///< Eigen-aligned, as in deep_tanh_mlp.h, so results do not depend on the heap
};

ReluMlp InitReluMlp(int inputs, int width, int classes, Rng& rng);

struct ReluWorkspace {
  RowMatrix hidden, logits, delta;  ///< kept across steps: a training loop allocates nothing
};

struct ClassifierFit {
  double loss = 0.0, accuracy = 0.0;
};

ClassifierFit Evaluate(const ReluMlp& net, const RowMatrix& x, const std::vector<int>& labels, ReluWorkspace* workspace);
// The cross-entropy's gradient in `gradient`; returns the fit of `net`. Afterwards the workspace holds,
// per sample, the hidden activations (`hidden`), ∂loss/∂logits = (softmax − onehot)/n (`logits`) and
// ∂loss/∂(pre-activation of the hidden layer) (`delta`); per-example scores read them.
ClassifierFit Gradient(const ReluMlp& net, const RowMatrix& x, const std::vector<int>& labels, Eigen::VectorXd* gradient,
                       ReluWorkspace* workspace);

}  // namespace memgen::sim
