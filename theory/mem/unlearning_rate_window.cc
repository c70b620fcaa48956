#include "theory/mem/unlearning_rate_window.h"

#include <Eigen/Eigenvalues>
#include <cmath>
#include <cstdio>
#include <limits>

namespace memgen::theory {
namespace {

// The modal form of D_k in the eigenbasis of H' (see the header), relative to the leading term.
struct ModalForm {
  Eigen::VectorXd a;         ///< a_j = 1 − ηλ_j
  Eigen::VectorXd mean_w;    ///< (α/2) c_j² / s_j
  Eigen::MatrixXd cov_w;     ///< E_jl² / (s_j s_l)
  double alpha = 2.0;
  double rho = 0.0;          ///< ρ₁ = max |a_j|
  double leading = 0.0;      ///< w₁: the mean weights of the modes with |a_j| = ρ₁
  double condition = 1.0;    ///< κ(Σ*')
};

ModalForm Decompose(const RidgeProblem& retain, const NoisyGdParams& g, const GaussianState& start, double alpha) {
  const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> es(retain.h);
  const Eigen::VectorXd& lambda = es.eigenvalues();
  const Eigen::MatrixXd& v = es.eigenvectors();
  const GaussianState target = Stationary(retain, g);
  ModalForm f;
  f.alpha = alpha;
  f.a = (1.0 - g.eta * lambda.array()).matrix();
  const Eigen::ArrayXd s = g.inv_beta / (lambda.array() * (1.0 - 0.5 * g.eta * lambda.array()));
  const Eigen::ArrayXd c = (v.transpose() * (start.mean - target.mean)).array();
  f.mean_w = (0.5 * alpha * c.square() / s).matrix();
  const Eigen::ArrayXXd e = (v.transpose() * (start.cov - target.cov) * v).array();
  f.cov_w = (e.square() / (s.matrix() * s.matrix().transpose()).array()).matrix();
  f.rho = f.a.cwiseAbs().maxCoeff();
  for (Eigen::Index j = 0; j < f.a.size(); ++j)
    if (std::abs(f.a(j)) == f.rho) f.leading += f.mean_w(j);
  f.condition = s.maxCoeff() / s.minCoeff();
  return f;
}

// r_k: the model's terms other than the leading one, and the higher-order allowance α‖X_k‖_F, relative to w₁ρ₁^{2k}.
double Remainder(const ModalForm& f, int k) {
  const double two_k = 2.0 * k;
  double rest = 0.0, x_norm2 = 0.0;
  for (Eigen::Index j = 0; j < f.a.size(); ++j) {
    const double rj = std::abs(f.a(j));
    if (rj != f.rho) rest += f.mean_w(j) * std::pow(rj / f.rho, two_k);
    for (Eigen::Index l = 0; l < f.a.size(); ++l) {
      const double pair = rj * std::abs(f.a(l));
      rest += 0.25 * f.alpha * f.cov_w(j, l) * std::pow(pair / f.rho, two_k);
      x_norm2 += f.cov_w(j, l) * std::pow(pair, two_k);
    }
  }
  return rest / f.leading + f.alpha * std::sqrt(x_norm2);
}

std::string Short(double x) {
  char text[32];
  std::snprintf(text, sizeof text, "%.3g", x);
  return text;
}

RateWindow Unmet(RateWindow w, const std::string& why) {
  w.unmet = why;
  return w;
}

}  // namespace

RateWindow AsymptoticRateWindow(const RidgeProblem& retain, const NoisyGdParams& g, const GaussianState& start,
                                double alpha, double ratio, int length, int k_max) {
  const ModalForm f = Decompose(retain, g, start, alpha);
  RateWindow w;
  w.leading_weight = f.leading;
  w.slope_error_bound = 4.0 * ratio / ((1.0 - ratio) * length);
  const double eps = std::numeric_limits<double>::epsilon();
  if (!(f.rho < 1.0)) return Unmet(w, "A' does not contract (rho_1 >= 1)");
  const double resolvable = std::pow(8.0 * eps * static_cast<double>(f.a.size()) * f.condition, 2) * f.condition * f.mean_w.sum();
  if (!(f.leading > resolvable)) return Unmet(w, "the start's weight on the slowest mode of A' is below the rounding of the start");
  if (Remainder(f, k_max) > ratio)
    return Unmet(w, "the other modes stay above " + Short(ratio) + " of the slowest up to k = " + std::to_string(k_max));
  int lo = -1, hi = k_max;  // Remainder(lo) > ratio (or lo = −1), Remainder(hi) ≤ ratio; it falls with k
  while (hi - lo > 1) {
    const int mid = lo + (hi - lo) / 2;
    (Remainder(f, mid) <= ratio ? hi : lo) = mid;
  }
  const int end = hi + length;
  w.rounding_at_end = 8.0 * eps * static_cast<double>(f.a.size()) * (end + f.condition);
  if (w.rounding_at_end > ratio) return Unmet(w, "the recursion's rounding exceeds " + Short(ratio) + " by k = " + std::to_string(end));
  const double leading_at_end = std::log(f.leading) + 2.0 * end * std::log(f.rho);
  if (leading_at_end < std::log(std::numeric_limits<double>::min() / eps))
    return Unmet(w, "D_k leaves the normal doubles before k = " + std::to_string(end));
  w.begin = hi, w.end = end;
  w.remainder_at_begin = Remainder(f, hi);
  return w;
}

}  // namespace memgen::theory
