// Data for random-label memorization (Zhang et al. 2017; learning_dynamics.md §4): a K-class Gaussian
// mixture in d dimensions, class means μ_k ~ N(0, σ_μ² I_d) and x = μ_y + N(0, I_d), y uniform; and
// label corruption as `pluskid/fitting-random-labels` cifar10_data.py does it, with the draws fixed
// once so the labels never change across epochs:
//   mask_i = (u_i ≤ ρ),  label_i = mask_i ? r_i : y_i,  r_i uniform over all K classes (may equal y_i).
// The u_i and r_i are drawn once per data set, so the corrupted sets are nested in ρ and ρ = 1 gives
// labels independent of x.
#pragma once

#include <Eigen/Core>

#include <vector>

#include "sim/ld/row_matrix.h"
#include "sim/random/rng.h"

namespace memgen::sim {

struct MixtureOptions {
  int classes = 10;           ///< K
  int dimension = 50;         ///< d
  double mean_sd = 0.5;       ///< σ_μ
};

struct LabelledData {
  RowMatrix x;              ///< n × d
  std::vector<int> label;     ///< the true class y_i
  std::vector<double> u;      ///< the corruption uniforms u_i
  std::vector<int> random;    ///< the replacement labels r_i
};

// Class means (K × d), drawn once per data set.
RowMatrix DrawClassMeans(const MixtureOptions& options, Rng& rng);
LabelledData DrawMixture(const MixtureOptions& options, const RowMatrix& means, int samples, Rng& rng);
// The training labels at corruption ρ.
std::vector<int> CorruptLabels(const LabelledData& data, double rho);

}  // namespace memgen::sim
