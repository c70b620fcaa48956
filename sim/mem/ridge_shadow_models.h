// Shadow models for membership inference (learning_dynamics.md §8): a one-hot ridge classifier on
// random Fourier features (Rahimi and Recht 2007), cheap to refit many times and able to memorize.
//   features  z(x) = √(2/D) cos(Ω x + c),  Ω ∼ N(0, γ I) (D × d),  c ∼ U[0, 2π)^D   (an RBF kernel's features),
//   model j   W_j = (Z_Sᵀ Z_S + λ I)⁻¹ Z_Sᵀ Y_S on its IN points S = {i : IN_ji}, Y one-hot,
//   score     φ_ji = f_y(x_i) − max_{y' ≠ y} f_{y'}(x_i), f = W_jᵀ z(x): the true label's margin, the
//             ridge analogue of LiRA's logit-scaled confidence log p_y − log Σ_{y'≠y} p_{y'},
//   correct   c_ji = [argmax f(x_i) = y_i] (for the memorization estimate of §7).
#pragma once

#include <cstdint>
#include <vector>

#include "sim/ld/row_matrix.h"
#include "sim/random/rng.h"
#include "theory/mem/balanced_masks.h"

namespace memgen::sim {

struct RandomFeatureOptions {
  int features = 500;      ///< D
  double bandwidth = 0.3;  ///< γ, the variance of Ω's entries (kernel exp(−γ‖x − x'‖²/2))
};
RowMatrix RandomFourierFeatures(const RowMatrix& x, const RandomFeatureOptions& o, Rng& rng);

struct ShadowScores {
  Eigen::ArrayXXd margin;            ///< M × N, φ_ji
  theory::CorrectnessMatrix correct;  ///< M × N
};
// One ridge classifier per row of `in` (M × N), each on its IN points.
ShadowScores TrainRidgeShadows(const RowMatrix& features, const std::vector<int>& labels, int classes, const theory::MaskMatrix& in,
                               double ridge);

}  // namespace memgen::sim
