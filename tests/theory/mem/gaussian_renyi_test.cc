// Tests for the Gaussian Rényi divergence (theory/mem/gaussian_renyi.h): the 1-D formula against
// numerical integration of (1/(α−1)) ln ∫ p^α q^{1−α}, equal-covariance agreement, zero at P = Q,
// the +∞ case when Σ_α is not positive definite, and unequal variances in 1-D by quadrature.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

#include "theory/mem/gaussian_renyi.h"

namespace memgen::theory {
namespace {

double NormalLogPdf(double x, double mu, double var) {
  const double pi = 3.14159265358979323846;
  return -(x - mu) * (x - mu) / (2 * var) - 0.5 * std::log(2 * pi * var);
}

// (1/(α−1)) ln ∫ p^α q^{1−α} dx by the trapezoid rule on a wide grid, in log space.
double RenyiByQuadrature(double alpha, double mu1, double v1, double mu2, double v2) {
  const double lo = -30.0, hi = 30.0;
  const int n = 200000;
  const double h = (hi - lo) / n;
  double sum = 0.0;
  for (int i = 0; i <= n; ++i) {
    const double x = lo + i * h;
    const double f = std::exp(alpha * NormalLogPdf(x, mu1, v1) + (1 - alpha) * NormalLogPdf(x, mu2, v2));
    sum += (i == 0 || i == n) ? 0.5 * f : f;
  }
  return std::log(sum * h) / (alpha - 1);
}

Eigen::VectorXd Vec1(double x) { return Eigen::VectorXd::Constant(1, x); }
Eigen::MatrixXd Mat1(double x) { return Eigen::MatrixXd::Constant(1, 1, x); }

}  // namespace

TEST_CASE("1-D Renyi formula matches numerical integration", "[unit]") {
  for (double alpha : {1.5, 2.0, 4.0}) {
    const double exact = GaussianRenyi1d(alpha, 0.3, -0.4, 0.5);
    CHECK(exact == Approx(RenyiByQuadrature(alpha, 0.3, 0.5, -0.4, 0.5)).epsilon(1e-8));
    CHECK(GaussianRenyi(alpha, Vec1(0.3), Mat1(0.5), Vec1(-0.4), Mat1(0.5)) == Approx(exact).epsilon(1e-13));
  }
}

TEST_CASE("closed form with unequal variances matches numerical integration", "[unit]") {
  const double got = GaussianRenyi(2.0, Vec1(0.5), Mat1(0.8), Vec1(0.0), Mat1(1.0));
  CHECK(got == Approx(RenyiByQuadrature(2.0, 0.5, 0.8, 0.0, 1.0)).epsilon(1e-8));
  // The equal-covariance shortcut (with either covariance) is not the divergence here.
  CHECK(std::abs(GaussianRenyiEqualCov(2.0, Vec1(0.5), Vec1(0.0), Mat1(1.0)) - got) > 1e-3);
}

TEST_CASE("equal covariances: closed form equals the shortcut, zero at P = Q", "[unit]") {
  Eigen::MatrixXd s(2, 2);
  s << 2.0, 0.3, 0.3, 1.0;
  Eigen::VectorXd a(2), b(2);
  a << 1.0, -0.5;
  b << 0.2, 0.4;
  CHECK(GaussianRenyi(3.0, a, s, b, s) == Approx(GaussianRenyiEqualCov(3.0, a, b, s)).epsilon(1e-12));
  // symmetric in the means when covariances are equal
  CHECK(GaussianRenyi(3.0, a, s, b, s) == Approx(GaussianRenyi(3.0, b, s, a, s)).epsilon(1e-12));
  CHECK(std::abs(GaussianRenyi(2.0, a, s, a, s)) < 1e-13);
}

TEST_CASE("Renyi divergence is infinite when Sigma_alpha is not positive definite", "[unit]") {
  // Σ_α = α·1 + (1−α)·4 = 4 − 3α ≤ 0 for α ≥ 4/3.
  CHECK(std::isinf(GaussianRenyi(2.0, Vec1(0.0), Mat1(4.0), Vec1(0.0), Mat1(1.0))));
  CHECK(std::isfinite(GaussianRenyi(1.2, Vec1(0.0), Mat1(4.0), Vec1(0.0), Mat1(1.0))));
}

}  // namespace memgen::theory
