// Tests for theory/sco/gaussian_mechanism.cc: the calibrated σ attains δ; the hockey-stick divergence
// between N(0, σ²) and N(Δ, σ²) computed by adaptive quadrature equals the closed form δ(σ); σ scales
// with Δ; the classical calibration is admissible and never smaller for ε < 1; ε ≥ 1 is accepted; bad
// arguments throw.
#include "theory/sco/gaussian_mechanism.h"

#include <boost/math/quadrature/gauss_kronrod.hpp>
#include <catch2/catch.hpp>

#include <cmath>
#include <stdexcept>

#include "theory/sco/cmi.h"

namespace memgen::theory {
namespace {

double NormalDensity(double x, double mean, double sd) {
  const double z = (x - mean) / sd;
  return std::exp(-0.5 * z * z) / (sd * std::sqrt(2.0 * M_PI));
}

// ∫ max(0, p(x) − e^ε q(x)) dx, p = N(0, σ²), q = N(Δ, σ²), by adaptive quadrature of the clipped
// integrand; the range is split where p = e^ε q (x = Δ/2 − εσ²/Δ) only so that no panel holds the kink.
double HockeyStick(double delta_f, double sigma, double epsilon) {
  const auto excess = [&](double x) { return std::max(0.0, NormalDensity(x, 0.0, sigma) - std::exp(epsilon) * NormalDensity(x, delta_f, sigma)); };
  const double kink = 0.5 * delta_f - epsilon * sigma * sigma / delta_f;
  using Quadrature = boost::math::quadrature::gauss_kronrod<double, 61>;
  return Quadrature::integrate(excess, -40.0 * sigma, kink, 15, 1e-13) + Quadrature::integrate(excess, kink, delta_f + 40.0 * sigma, 15, 1e-13);
}

TEST_CASE("analytic Gaussian mechanism: the calibrated sigma attains delta", "[unit]") {
  for (double epsilon : {0.1, 0.5, 1.0, 2.0, 8.0, 50.0})
    for (double delta : {1e-9, 1e-5, 0.1}) {
      const double sigma = AnalyticGaussianSigma(0.02, epsilon, delta);
      CHECK(AnalyticGaussianDelta(0.02, sigma, epsilon) == Approx(delta).epsilon(1e-9));
      CHECK(AnalyticGaussianDelta(0.02, sigma * (1.0 - 1e-6), epsilon) > delta);  // the smallest admissible σ
      CHECK(AnalyticGaussianSigma(2.0, epsilon, delta) == Approx(100.0 * sigma).epsilon(1e-12));
    }
  CHECK(AnalyticGaussianSigma(0.0, 0.5, 1e-5) == 0.0);
}

TEST_CASE("analytic Gaussian mechanism: delta(sigma) is the hockey-stick divergence", "[unit]") {
  for (double epsilon : {0.3, 1.0, 4.0})
    for (double sigma : {0.5, 1.0, 3.0}) {
      const double closed = AnalyticGaussianDelta(1.0, sigma, epsilon);
      CHECK(HockeyStick(1.0, sigma, epsilon) == Approx(closed).epsilon(1e-8).margin(1e-15));
    }
}

TEST_CASE("analytic Gaussian mechanism: never above the classical calibration", "[unit]") {
  for (double epsilon : {0.05, 0.5, 0.99})
    for (double delta : {1e-8, 1e-5, 1e-2}) {
      const double classical = GaussianMechanismSigma(1.0, epsilon, delta);
      CHECK(AnalyticGaussianDelta(1.0, classical, epsilon) <= delta);  // classical is admissible …
      CHECK(AnalyticGaussianSigma(1.0, epsilon, delta) <= classical);  // … so the smallest is no larger
    }
}

TEST_CASE("analytic Gaussian mechanism: bad arguments", "[unit]") {
  REQUIRE_THROWS_AS(AnalyticGaussianSigma(1.0, 0.0, 1e-5), std::invalid_argument);
  REQUIRE_THROWS_AS(AnalyticGaussianSigma(1.0, 101.0, 1e-5), std::invalid_argument);
  REQUIRE_THROWS_AS(AnalyticGaussianSigma(1.0, 1.0, 0.0), std::invalid_argument);
  REQUIRE_THROWS_AS(AnalyticGaussianSigma(1.0, 1.0, 1.0), std::invalid_argument);
  REQUIRE_THROWS_AS(AnalyticGaussianSigma(-1.0, 1.0, 1e-5), std::invalid_argument);
  REQUIRE_THROWS_AS(AnalyticGaussianDelta(1.0, 0.0, 1.0), std::invalid_argument);
}

}  // namespace
}  // namespace memgen::theory
