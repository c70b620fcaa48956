// The quadratic MLP of grokking on modular addition (Gromov 2023 eq. 4; `d-doshi/Grokking`
// utils/models.py `fcn`): f(x) = c · W2 (W1 x)², no biases, x = one-hot(n) ⊕ one-hot(m), N neurons.
// Layer 1 is a gather: (W1 x)_k = W1[k, n] + W1[k, p + m], so a forward pass over n samples costs
// 2nNp for layer 2 and only 2nN for layer 1, and the backward pass scatters layer 1's gradient into
// the rows n and p + m. The loss is the MSE against one-hot targets, averaged over samples and over the
// p outputs (torch's MSELoss, the Doshi configuration) or summed over the outputs (`LossNorm`).
// Weights are stored transposed for the gather: input = W1ᵀ (2p × N, row-major), output = W2ᵀ (N × p).
#pragma once

#include <Eigen/Core>

#include <cstdint>

#include "sim/ld/modular_data.h"
#include "sim/ld/row_matrix.h"
#include "sim/random/rng.h"

namespace memgen::sim {

enum class LossNorm { kMeanOverOutputs, kSumOverOutputs };

struct QuadraticMlp {
  int p = 0;
  double scale = 1.0;       ///< c
  RowMatrix input;          ///< W1ᵀ, 2p × N
  Eigen::MatrixXd output;   ///< W2ᵀ, N × p
  int neurons() const { return static_cast<int>(output.rows()); }
};

// Both layers N(0, sd²) (Doshi: sd = √0.25/(2N)^{1/3}).
QuadraticMlp InitQuadraticMlp(int p, int neurons, double sd, double scale, Rng& rng);

struct FitMeasure {
  double loss = 0.0, accuracy = 0.0;
};

// The n × N and n × p buffers of a pass, kept across steps so that a training loop allocates nothing
// (a fresh 20–40 MB buffer per step costs more in page faults than its GEMM at p = 97, N = 500).
struct MlpWorkspace {
  RowMatrix squared, hidden_gradient;  ///< ((W1x) ⊙ mask)², and ∂L/∂z in the backward pass
  RowMatrix logits;  ///< row-major: the loss reads one sample's p logits at a time
};

// Loss and argmax accuracy on `data`.
FitMeasure Evaluate(const QuadraticMlp& net, const ModularData& data, LossNorm norm, MlpWorkspace* workspace);
FitMeasure Evaluate(const QuadraticMlp& net, const ModularData& data, LossNorm norm);
// The loss's gradient in `gradient` (same shapes as `net`); returns the loss and accuracy of `net`.
// With a dropout mask (n × N, entries 0 or 1/(1 − rate); `d-doshi/Grokking` `fcn` applies nn.Dropout to
// W1x before the square), the pass is that of the thinned network: z = (W1x) ⊙ mask, f = c W2 z², and
// the returned loss and accuracy are the thinned network's.
FitMeasure Gradient(const QuadraticMlp& net, const ModularData& data, LossNorm norm, QuadraticMlp* gradient,
                    MlpWorkspace* workspace, const RowMatrix* dropout_mask = nullptr);
FitMeasure Gradient(const QuadraticMlp& net, const ModularData& data, LossNorm norm, QuadraticMlp* gradient);
// An inverted-dropout mask for `samples` × `neurons` hidden units (torch's nn.Dropout in training mode):
// each entry is 1/(1 − rate) with probability 1 − rate, else 0, from one 32-bit half of a Philox output
// (keep iff u < (1 − rate) 2³², so the keep probability is exact to 2⁻³²).
void DrawDropoutMask(double rate, std::int64_t samples, int neurons, Rng& rng, RowMatrix* mask);
// The logits c·W2(W1x)² of every sample (n × p), for the analytic solution and the tests.
Eigen::MatrixXd Logits(const QuadraticMlp& net, const ModularData& data);

}  // namespace memgen::sim
