// The Omnigrok teacher–student network (Liu, Michaud, Tegmark 2022 §3; `KindXiaoming/Omnigrok`
// teacher-student/grokking/regression_grokking.ipynb; learning_dynamics.md §2.6): a fully connected
// tanh MLP d_in → w → w → d_out with biases,
//   h1 = tanh(W1 x + b1),  h2 = tanh(W2 h1 + b2),  f(x) = W3 h2 + b3,
// initialised as torch.nn.Linear does (every weight and bias U(−1/√fan_in, 1/√fan_in)) and then
// multiplied by a0 (the paper's α = w/w0; teacher a0 = 1, student a0 = 2). The loss is the MSE averaged
// over samples and outputs; a sample counts as fitted ("accurate") when its own MSE, averaged over the
// d_out outputs, is below the threshold θ.
// The parameters live in one flat vector in torch's order (W1, b1, W2, b2, W3, b3; weights [out, in]
// row-major), so the optimizer steps one array and the L2 norm is one sum. It is an Eigen vector, not a
// std::vector: Eigen aligns its storage the same way in every run, so the vectorized loops over it
// peel the same elements and results do not depend on where the heap put the array (thread counts and
// resumed runs give the same bits).
#pragma once

#include <Eigen/Core>

#include <vector>

#include "sim/ld/row_matrix.h"
#include "sim/random/rng.h"

namespace memgen::sim {

struct DeepTanhShape {
  int inputs = 5, width = 100, outputs = 5;
  std::size_t ParameterCount() const;
};

struct DeepTanhMlp {
  DeepTanhShape shape;
  Eigen::VectorXd parameters;
};

// torch.nn.Linear's default initialisation of every layer, times a0.
DeepTanhMlp InitDeepTanhMlp(const DeepTanhShape& shape, double a0, Rng& rng);

// The activations of one pass, kept across steps so a training loop allocates nothing.
struct DeepTanhWorkspace {
  RowMatrix hidden1, hidden2, output, delta1, delta2;
};

// f(x) for every row of `inputs` (n × d_in), into workspace->output (n × d_out).
void Forward(const DeepTanhMlp& net, const RowMatrix& inputs, DeepTanhWorkspace* workspace);

struct RegressionFit {
  double loss = 0.0;      ///< mean over samples and outputs of (f − y)²
  double accuracy = 0.0;  ///< fraction of samples whose own MSE is below θ
};

RegressionFit Evaluate(const DeepTanhMlp& net, const RowMatrix& inputs, const RowMatrix& targets, double threshold,
                       DeepTanhWorkspace* workspace);
// The loss's gradient in `gradient` (the size of net.parameters); returns the fit of `net`.
RegressionFit Gradient(const DeepTanhMlp& net, const RowMatrix& inputs, const RowMatrix& targets, double threshold,
                       Eigen::VectorXd* gradient, DeepTanhWorkspace* workspace);

// ‖θ‖₂ over every weight and bias.
double ParameterNorm(const DeepTanhMlp& net);

}  // namespace memgen::sim
