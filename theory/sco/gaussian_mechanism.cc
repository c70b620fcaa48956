// The analytic Gaussian mechanism, see gaussian_mechanism.h.
#include "theory/sco/gaussian_mechanism.h"

#include <cmath>
#include <cstdint>

#include <boost/math/tools/toms748_solve.hpp>

#include "sim/core/argument_error.h"

namespace memgen::theory {
namespace {

constexpr double kSqrtHalf = 0.70710678118654752440084436210485;

// Φ(x) through erfc, accurate in both tails: Φ(x) = erfc(−x/√2)/2.
double NormalCdf(double x) { return 0.5 * std::erfc(-x * kSqrtHalf); }

// δ at s = σ/Δ; e^ε Φ(·) as exp(ε + ln Φ(·)) so that a large ε cannot overflow before the tiny Φ.
double DeltaAtScale(double s, double epsilon) {
  const double a = 0.5 / s, b = epsilon * s;
  const double tail = NormalCdf(-a - b);
  return NormalCdf(a - b) - (tail > 0.0 ? std::exp(epsilon + std::log(tail)) : 0.0);
}

}  // namespace

double AnalyticGaussianDelta(double l2_sensitivity, double sigma, double epsilon_dp) {
  if (!(l2_sensitivity > 0.0)) FailArgument("AnalyticGaussianDelta", "l2_sensitivity", l2_sensitivity, "> 0");
  if (!(sigma > 0.0)) FailArgument("AnalyticGaussianDelta", "sigma", sigma, "> 0");
  if (!(epsilon_dp >= 0.0 && epsilon_dp <= 100.0)) FailArgument("AnalyticGaussianDelta", "epsilon_dp", epsilon_dp, "in [0, 100]");
  return DeltaAtScale(sigma / l2_sensitivity, epsilon_dp);
}

double AnalyticGaussianSigma(double l2_sensitivity, double epsilon_dp, double delta) {
  if (!(l2_sensitivity >= 0.0)) FailArgument("AnalyticGaussianSigma", "l2_sensitivity", l2_sensitivity, ">= 0");
  if (!(epsilon_dp > 0.0 && epsilon_dp <= 100.0)) FailArgument("AnalyticGaussianSigma", "epsilon_dp", epsilon_dp, "in (0, 100]");
  if (!(delta > 0.0 && delta < 1.0)) FailArgument("AnalyticGaussianSigma", "delta", delta, "in (0, 1)");
  if (l2_sensitivity == 0.0) return 0.0;
  // g(u) = δ(e^u) − δ is decreasing in u = ln s; bracket the root by doubling outwards from s = 1.
  const auto g = [&](double u) { return DeltaAtScale(std::exp(u), epsilon_dp) - delta; };
  double lo = 0.0, hi = 0.0;
  while (g(lo) <= 0.0) lo -= std::log(2.0);
  while (g(hi) > 0.0) hi += std::log(2.0);
  std::uintmax_t iterations = 200;
  const auto root = boost::math::tools::toms748_solve(g, lo, hi, boost::math::tools::eps_tolerance<double>(48), iterations);
  return l2_sensitivity * std::exp(0.5 * (root.first + root.second));
}

}  // namespace memgen::theory
