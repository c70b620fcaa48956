// Exact finite-n oracles for Σ = I_d, benign_overfitting.md §6.1. Gaussian rows: for d ≥ n + 2 the
// min-norm variance is σ² E tr((XXᵀ)⁻¹) = σ² n/(d − n − 1) (inverse-Wishart mean), and for n ≥ d + 2
// least squares gives σ² d/(n − d − 1); for |d − n| ≤ 1 the mean is infinite, reported as NaN. The bias
// is ‖θ‖²(1 − n/d) for d ≥ n (I − P projects onto a uniform (d − n)-dim subspace) and exactly 0 for
// d ≤ n (X has full column rank a.s.), so it is defined for every n, d ≥ 1. Rows uniform on the sphere
// of radius √d: σ² n(d − 2)/(d(d − n − 1)) for d ≥ n + 2, σ²/d at n = 1 and σ²/n at d = 1
// (Holzmüller's dd_sphere_curve); other cases are unknown or infinite, reported as NaN.
#include "theory/bo/isotropic_oracle.h"

#include <cmath>
#include <limits>

namespace memgen::theory {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

bool ValidScale(double x) { return std::isfinite(x) && x >= 0.0; }

}  // namespace

double IsotropicExpectedVariance(std::int64_t n, std::int64_t d, double sigma2) {
  if (n < 1 || d < 1 || !ValidScale(sigma2)) return kNaN;
  const double nn = static_cast<double>(n), dd = static_cast<double>(d);
  if (d >= n + 2) return sigma2 * nn / (dd - nn - 1.0);
  if (n >= d + 2) return sigma2 * dd / (nn - dd - 1.0);
  return kNaN;  // |d − n| ≤ 1: E V = ∞
}

double IsotropicExpectedBias(std::int64_t n, std::int64_t d, double theta_norm2) {
  if (n < 1 || d < 1 || !ValidScale(theta_norm2)) return kNaN;
  if (d <= n) return 0.0;
  return theta_norm2 * (1.0 - static_cast<double>(n) / static_cast<double>(d));
}

double SphereExpectedVariance(std::int64_t n, std::int64_t d, double sigma2) {
  if (n < 1 || d < 1 || !ValidScale(sigma2)) return kNaN;
  const double nn = static_cast<double>(n), dd = static_cast<double>(d);
  if (n == 1) return sigma2 / dd;  // V = σ²/‖x‖², ‖x‖² = d
  if (d == 1) return sigma2 / nn;  // x_i = ±1, so XᵀX = n
  if (d >= n + 2) return sigma2 * nn * (dd - 2.0) / (dd * (dd - nn - 1.0));
  return kNaN;  // d ≤ n + 1: infinite (d ∈ {n, n + 1}) or no closed form (d < n)
}

}  // namespace memgen::theory
