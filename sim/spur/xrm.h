// Cross-risk minimisation (XRM; Pezeshki et al., ICML 2024), the group-inference step of MAT
// (spurious_memorization.md §5.4): two linear twins, each trained on a random half of the data
// (assign_i ~ Bernoulli(½), fixed), on dynamic labels that imitate the other twin's confident
// mistakes. Per full-batch epoch, with held-in logit z_in(i) = f_{assign_i}(x_i) and held-out
// z_ho(i) = f_other(x_i) computed before the step:
//   loss = (1/n) Σ_i CE(z_in(i), ỹ_i)                         (plain mean: `run_mat` of the reference)
//        or Σ_k mean_{i: ỹ_i = k} CE(z_in(i), ỹ_i)            (class-balanced: the XRM pipeline)
//   step both twins;  p_i = max softmax(z_ho(i)), ŷ_i its argmax;
//   with probability (p_i − ½)·2:  ỹ_i ← ŷ_i.
// Outputs: the final held-out logits (MAT's memorization signal), the flipped set {ỹ_i ≠ y_i}, the
// flip rate, and both twins' weights (for cross-mistakes ỹ ≠ argmax of either twin on new data).
// Binary models throughout: a two-logit twin at learning rate η is binary GD at 2η (logistic_gd.h).
#pragma once

#include <Eigen/Core>

#include <cstdint>
#include <string>
#include <vector>

#include "sim/random/rng.h"

namespace memgen::sim {

struct XrmOptions {
  double learning_rate = 2e-2;   ///< binary η (two-logit 1e-2)
  std::int64_t epochs = 1000;
  bool class_balanced = false;   ///< false: plain mean CE (the reference's interpretable run)
  bool flip = true;              ///< false: never flip (negative controls plant it)
  void Validate(const std::string& field) const;
};

struct XrmResult {
  std::vector<char> assign;        ///< 1: held in by twin 0
  Eigen::VectorXd held_out_logits; ///< z_ho after the last epoch (binary logit of "y = +1")
  Eigen::VectorXd held_in_logits;
  Eigen::VectorXd dynamic_labels;  ///< ỹ after the last epoch
  std::vector<char> flipped;       ///< ỹ_i ≠ y_i
  double flip_rate = 0.0;
  std::int64_t first_exact_epoch = -1;  ///< first epoch after which `flipped` equals `reference_flags` (−1: never)
  Eigen::VectorXd weights[2];      ///< twin weights w_0 + Xᵀc (length D)
};

// `x` (n×D), `gram` = XXᵀ, labels ±1, the twins' initial weights (length D each, e.g. PyTorch's
// default initialisation), and optional flags (e.g. the true minority) to time the exact recovery.
XrmResult RunXrm(const Eigen::MatrixXd& x, const Eigen::MatrixXd& gram, const Eigen::VectorXd& y,
                 const Eigen::VectorXd initial_weights[2], const XrmOptions& options, Rng& rng,
                 const std::vector<char>* reference_flags = nullptr);

// Cross-mistakes m̃_i = 1[sign(x_iᵀw_0) ≠ y_i ∨ sign(x_iᵀw_1) ≠ y_i]: XRM's inferred minority.
std::vector<char> CrossMistakes(const Eigen::MatrixXd& x, const Eigen::VectorXd& y, const Eigen::VectorXd weights[2]);

}  // namespace memgen::sim
