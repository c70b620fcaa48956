// AdamW (Loshchilov & Hutter 2019) as torch.optim.AdamW computes it, the optimizer of the grokking
// configurations (learning_dynamics.md §2.4): at step t ≥ 1, for every parameter θ with gradient g,
//   θ ← θ(1 − ηλ);  m ← β1 m + (1 − β1) g;  v ← β2 v + (1 − β2) g²;
//   θ ← θ − η (m/(1 − β1ᵗ)) / (√(v/(1 − β2ᵗ)) + ε).
// Decoupled weight decay λ. Plain full-batch gradient descent, θ ← θ(1 − ηλ) − ηg (Gromov 2023; Kumar
// et al. 2023 without decay), is GradientDescentStep.
#pragma once

#include <Eigen/Core>
#include <cstddef>
#include <cstdint>

namespace memgen::sim {

struct AdamWOptions {
  double learning_rate = 1e-2;
  double weight_decay = 0.0;
  double beta1 = 0.9, beta2 = 0.98;
  double epsilon = 1e-8;
};

// The moments of one parameter array, Eigen vectors so that their alignment, and with it the
// vectorized loop's split into peeled and packed elements, is the same in every run.
struct AdamWMoments {
  Eigen::VectorXd m, v;
};

// One step t (≥ 1) on `size` parameters in place.
void AdamWStep(const AdamWOptions& options, std::int64_t t, double* parameters, const double* gradient, std::size_t size,
               AdamWMoments* moments);

void GradientDescentStep(double learning_rate, double weight_decay, double* parameters, const double* gradient, std::size_t size);

}  // namespace memgen::sim
