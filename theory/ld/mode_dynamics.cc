// Closed-form mode dynamics of deep linear networks, see mode_dynamics.h.
#include "theory/ld/mode_dynamics.h"

#include <boost/math/tools/roots.hpp>

#include <cmath>
#include <cstdint>

#include "sim/core/check.h"

namespace memgen::theory {
namespace {

void CheckMode(double s_hat, double epsilon, int weight_layers) {
  MEMGEN_CHECK(weight_layers == 2 || weight_layers == 4) << "closed forms exist for 2 or 4 weight layers";
  MEMGEN_CHECK(epsilon > 0.0 && epsilon < s_hat) << "the mode must grow: 0 < epsilon < s_hat";
}

double DeepTime(double u, double s_hat, double epsilon) {
  const double r = std::sqrt(s_hat), ru = std::sqrt(u), re = std::sqrt(epsilon);
  const double log_term = std::log((r + ru) * (r - re) / ((r - ru) * (r + re)));
  return (1.0 / (2.0 * s_hat)) * (1.0 / re - 1.0 / ru + log_term / (2.0 * r));
}

}  // namespace

double ModeTime(double u, double s_hat, double epsilon, int weight_layers) {
  CheckMode(s_hat, epsilon, weight_layers);
  MEMGEN_CHECK(u >= epsilon && u < s_hat) << "u must lie in [epsilon, s_hat)" << " (u " << u << ")";
  if (weight_layers == 2) return std::log((s_hat / epsilon - 1.0) / (s_hat / u - 1.0)) / (2.0 * s_hat);
  return DeepTime(u, s_hat, epsilon);
}

double ModeStrength(double t_over_tau, double s_hat, double epsilon, int weight_layers) {
  CheckMode(s_hat, epsilon, weight_layers);
  if (t_over_tau <= 0.0) return epsilon;
  if (weight_layers == 2) return s_hat / (1.0 + std::exp(-2.0 * s_hat * t_over_tau) * (s_hat / epsilon - 1.0));
  // t(u) increases from 0 at u = ε to ∞ as u → ŝ: bracket the root in u ∈ [ε, ŝ).
  const auto f = [&](double u) { return DeepTime(u, s_hat, epsilon) - t_over_tau; };
  double hi = s_hat * (1.0 - 1e-15);
  if (f(hi) <= 0.0) return hi;
  std::uintmax_t iterations = 200;
  const auto tolerance = boost::math::tools::eps_tolerance<double>(50);
  const auto root = boost::math::tools::toms748_solve(f, epsilon, hi, tolerance, iterations);
  return 0.5 * (root.first + root.second);
}

}  // namespace memgen::theory
