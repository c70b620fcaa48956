// Closed forms of the spurious-feature model, see closed_form.h.
#include "theory/spur/closed_form.h"

#include <boost/math/distributions/normal.hpp>

#include <cmath>
#include <limits>

#include "sim/core/check.h"

namespace memgen::theory {
namespace {

struct Quadratic {
  double a, b;
};

Quadratic Coefficients(double gamma) {
  const double inv = 1.0 / (2.0 * gamma * gamma);
  return {0.5 + inv, 0.5 - inv};
}

}  // namespace

FeatureMargins ClosedFormMargins(const MarginProblem& p) {
  MEMGEN_CHECK(p.n > 0.0 && p.rho > 0.0 && p.rho < 1.0 && p.gamma > 0.0 && p.s > 0.0)
      << "n " << p.n << " rho " << p.rho << " gamma " << p.gamma << " s " << p.s;
  const auto [a, b] = Coefficients(p.gamma);
  const double n_major = (1.0 - p.rho) * p.n, n_minor = p.rho * p.n;
  const double c_major = 2.0 * n_major / p.s, c_minor = 2.0 * n_minor / p.s;
  const double det = (a + c_major) * (a + c_minor) - b * b;
  FeatureMargins m;
  m.u = (c_major * (a + c_minor) - b * c_minor) / det;
  m.v = ((a + c_major) * c_minor - b * c_major) / det;
  m.w_y = 0.5 * (m.u + m.v);
  m.w_a = (m.u - m.v) / (2.0 * p.gamma);
  m.w_eps_norm2 = (n_major * (1.0 - m.u) * (1.0 - m.u) + n_minor * (1.0 - m.v) * (1.0 - m.v)) / p.s;
  return m;
}

double FlipThreshold(double rho, double gamma) {
  MEMGEN_CHECK(rho > 0.0 && rho < 1.0 && gamma > 0.0) << "rho " << rho << " gamma " << gamma;
  const auto [a, b] = Coefficients(gamma);
  const double numerator = b * (1.0 - rho) - a * rho;
  if (numerator <= 0.0) return -std::numeric_limits<double>::infinity();
  return numerator / (2.0 * rho * (1.0 - rho));
}

double LimitRatio(double rho, double gamma) {
  const auto [a, b] = Coefficients(gamma);
  return (a * rho - b * (1.0 - rho)) / (a * (1.0 - rho) - b * rho);
}

double GroupAccuracy(double w_y, double w_a, double w_eps_norm2, const GaussianFeatures& f, bool majority) {
  const double mean = w_y + f.gamma * w_a * (majority ? 1.0 : -1.0);
  const double var = f.sigma_y * f.sigma_y * w_y * w_y + f.gamma * f.gamma * f.sigma_a * f.sigma_a * w_a * w_a +
                     f.sigma_eps * f.sigma_eps * w_eps_norm2;
  if (var <= 0.0) return mean > 0.0 ? 1.0 : 0.0;
  return boost::math::cdf(boost::math::normal(), mean / std::sqrt(var));
}

}  // namespace memgen::theory
