// Full-batch gradient descent on the weighted, shifted binary logistic loss of a linear model without
// bias, in dual form (spurious_memorization.md §3.1), for several arms at once on the same data:
//   L_m(w) = (1/W_m) Σ_i ω_im log(1 + exp(−y_i (x_iᵀw + δ_im))),   w = w_0m + Xᵀc_m,
//   c_im ← c_im + η ω_im y_i σ(−y_i (f_im + δ_im)) / W_m,   f_m = X w_0m + K c_m,
// so one step of all arms is one n×n×m product K·ΔC (one pass over K's lower triangle,
// sim/linalg/columns_product.h).
// A two-logit softmax model (PyTorch Linear(D→2) with cross-entropy) is the same as binary logistic GD
// on w = w₁ − w₀ at learning rate 2η.
// Arms: ERM (ω ≡ 1, δ ≡ 0, W = n), group reweighting (ω = (1 − ρ)/ρ on the minority, W = Σω), a logit
// shift (δ = ±log((1 − ρ)/ρ), the oracle; or MAT's calibrated shift), and twins that see half the data
// (ω = indicator, W = n).
#pragma once

#include <Eigen/Core>

#include <cstdint>
#include <vector>

namespace memgen::sim {

struct LogisticArm {
  Eigen::VectorXd weight;          ///< ω (empty: all 1)
  Eigen::VectorXd shift;           ///< δ (empty: all 0)
  double normaliser = 0.0;         ///< W (0: Σ_i ω_i)
  double learning_rate = 0.1;      ///< η for this binary model
  Eigen::VectorXd initial_logits;  ///< X w_0 (empty: w_0 = 0)
};

class DualLogisticGd {
 public:
  // `gram` = XXᵀ (n×n) is referenced, not copied: it must outlive the object.
  DualLogisticGd(const Eigen::MatrixXd& gram, const Eigen::VectorXd& labels, const std::vector<LogisticArm>& arms);

  void Step();                       // one full-batch step of every arm
  void Run(std::int64_t steps);
  void SetLabels(const Eigen::VectorXd& labels);  // dynamic labels (XRM)
  void SetWeights(int arm, const Eigen::VectorXd& weight, double normaliser);

  const Eigen::MatrixXd& coefficients() const { return coefficients_; }  ///< C (n×m): w_m = w_0m + Xᵀc_m
  const Eigen::MatrixXd& logits() const { return logits_; }              ///< F = XW (n×m), without δ
  const Eigen::MatrixXd& gram() const { return gram_; }                   ///< K = XXᵀ
  std::int64_t steps() const { return steps_; }
  int arms() const { return static_cast<int>(arms_.size()); }

 private:
  const Eigen::MatrixXd& gram_;
  Eigen::VectorXd labels_;
  std::vector<LogisticArm> arms_;
  Eigen::MatrixXd coefficients_, logits_, increment_, product_;
  bool symmetric_ = false;  ///< K = Kᵀ exactly: the step reads K's lower triangle once
  std::int64_t steps_ = 0;
};

// σ(t) = 1/(1 + e^{−t}), stable for any t.
double Sigmoid(double t);

}  // namespace memgen::sim
