// Hard-margin SVM by dual coordinate ascent, see hard_margin_svm.h.
//
// KKT violation (projected gradient of the dual, which is maximized over α ≥ 0): with
// g_i = ∂D/∂α_i = 1 − y_i f_i,
//   violation_i = |g_i|          if α_i > 0   (an interior coordinate must have zero gradient),
//   violation_i = max(g_i, 0)    if α_i = 0   (at the bound only an ascent direction violates),
// and the solver stops once per sweep when max_i violation_i < tolerance, evaluated on the exact f = Kc
// (recomputed from scratch before accepting, so incremental round-off cannot fake convergence).
#include "sim/spur/hard_margin_svm.h"

#include <algorithm>
#include <cmath>

#include "sim/core/check.h"

namespace memgen::sim {
namespace {

void CheckInputs(const Eigen::MatrixXd& gram, const Eigen::VectorXd& y, const SvmOptions& options) {
  MEMGEN_CHECK(gram.rows() == gram.cols()) << "gram must be square, got " << gram.rows() << "x" << gram.cols();
  MEMGEN_CHECK(gram.rows() == y.size()) << "gram is " << gram.rows() << "x" << gram.rows() << " but y has "
                                        << y.size() << " entries";
  MEMGEN_CHECK(options.tolerance > 0.0) << "tolerance must be positive, got " << options.tolerance;
  MEMGEN_CHECK(options.max_sweeps > 0) << "max_sweeps must be positive, got " << options.max_sweeps;
  for (Eigen::Index i = 0; i < y.size(); ++i) {
    MEMGEN_CHECK(y(i) == 1.0 || y(i) == -1.0) << "y(" << i << ") = " << y(i) << " is not ±1";
    MEMGEN_CHECK(gram(i, i) > 0.0) << "K(" << i << "," << i << ") = " << gram(i, i) << " must be positive";
  }
}

// violation_i as defined at the top of this file, with f the current decision values.
double MaxKktViolation(const Eigen::VectorXd& alpha, const Eigen::VectorXd& f, const Eigen::VectorXd& y) {
  double worst = 0.0;
  for (Eigen::Index i = 0; i < alpha.size(); ++i) {
    const double g = 1.0 - y(i) * f(i);
    worst = std::max(worst, alpha(i) > 0.0 ? std::fabs(g) : std::max(g, 0.0));
  }
  return worst;
}

// One cyclic pass: α_i ← max(0, α_i + g_i/K_ii), then f += Δα_i y_i K e_i (one contiguous column, O(n)).
void Sweep(const Eigen::MatrixXd& gram, const Eigen::VectorXd& y, Eigen::VectorXd& alpha, Eigen::VectorXd& f) {
  for (Eigen::Index i = 0; i < alpha.size(); ++i) {
    const double g = 1.0 - y(i) * f(i);
    const double updated = std::max(0.0, alpha(i) + g / gram(i, i));
    const double delta = updated - alpha(i);
    if (delta == 0.0) continue;
    alpha(i) = updated;
    f.noalias() += (delta * y(i)) * gram.col(i);
  }
}

}  // namespace

SvmResult SolveHardMarginSvm(const Eigen::MatrixXd& gram, const Eigen::VectorXd& y, const SvmOptions& options) {
  CheckInputs(gram, y, options);
  const Eigen::Index n = y.size();
  SvmResult result;
  result.alpha = Eigen::VectorXd::Zero(n);
  Eigen::VectorXd f = Eigen::VectorXd::Zero(n);
  result.kkt_violation = MaxKktViolation(result.alpha, f, y);
  while (result.sweeps < options.max_sweeps) {
    Sweep(gram, y, result.alpha, f);
    ++result.sweeps;
    result.kkt_violation = MaxKktViolation(result.alpha, f, y);
    if (result.kkt_violation >= options.tolerance) continue;
    f.noalias() = gram * result.alpha.cwiseProduct(y);  // refresh: confirm on the exact f
    result.kkt_violation = MaxKktViolation(result.alpha, f, y);
    if (result.kkt_violation < options.tolerance) {
      result.converged = true;
      break;
    }
  }
  result.coefficients = result.alpha.cwiseProduct(y);
  f.noalias() = gram * result.coefficients;
  result.margins = y.cwiseProduct(f);
  result.kkt_violation = MaxKktViolation(result.alpha, f, y);
  result.support_vectors = (result.alpha.array() > 0.0).count();
  return result;
}

}  // namespace memgen::sim
