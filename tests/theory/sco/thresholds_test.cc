// Tests for theory/sco/thresholds.cc: the Hoeffding, Bernstein and ℓ₂-cube tail bounds against the exact
// null tail P(⟨w, z − µ⟩ ≥ t) by enumeration of all 2^d sign vectors (d ≤ 12), for fair and biased coins,
// and the thresholds as exact inverses of the bounds (sco_traceability.md §5).
#include "theory/sco/thresholds.h"

#include <catch2/catch.hpp>
#include <rapidcheck/catch.h>

#include <cmath>
#include <limits>
#include <sstream>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace memgen::theory {
namespace {

using Catch::Matchers::WithinRel;

constexpr double kLevels[] = {1.0, 0.5, 0.2, 0.05, 0.01, 1e-3};

// Exact null law of S = Σ_k w_k (x_k − p_k) · scale over all x ∈ {±1}^d, x_k independent with mean p_k:
// atoms (value, probability).
std::vector<std::pair<double, double>> NullLaw(const Eigen::VectorXd& w, const Eigen::VectorXd& p, double scale) {
  const int d = static_cast<int>(w.size());
  std::vector<std::pair<double, double>> atoms;
  atoms.reserve(std::size_t{1} << d);
  for (unsigned bits = 0; bits < (1u << d); ++bits) {
    double value = 0.0, probability = 1.0;
    for (int k = 0; k < d; ++k) {
      const double x = ((bits >> k) & 1u) ? 1.0 : -1.0;
      value += w[k] * (x - p[k]) * scale;
      probability *= (1.0 + x * p[k]) / 2.0;
    }
    atoms.emplace_back(value, probability);
  }
  return atoms;
}

double Tail(const std::vector<std::pair<double, double>>& atoms, double t) {
  double tail = 0.0;
  for (const auto& [value, probability] : atoms)
    if (value >= t) tail += probability;
  return tail;
}

// Checks bound(t) ≥ P(S ≥ t) at every positive atom (the worst case of a decreasing bound against a
// left-continuous step function) and at each threshold; `threshold(level)` must invert `bound`.
// Returns "" on success, else the first violation.
template <typename Bound, typename Threshold>
std::string CheckAgainstEnumeration(const std::vector<std::pair<double, double>>& atoms, Bound bound,
                                    Threshold threshold) {
  constexpr double kSlack = 1e-12;  // summation of the exact tail in double
  std::ostringstream out;
  out.precision(17);
  for (const auto& atom : atoms) {
    if (atom.first <= 0.0) continue;
    const double tail = Tail(atoms, atom.first);
    if (tail > bound(atom.first) + kSlack) {
      out << "P(S >= " << atom.first << ") = " << tail << " > bound " << bound(atom.first);
      return out.str();
    }
  }
  for (const double level : kLevels) {
    const double tau = threshold(level);
    const double tail = Tail(atoms, tau);
    if (!(tau >= 0.0) || tail > level + kSlack || (tau > 0.0 && std::fabs(bound(tau) - level) > 1e-12 * level)) {
      out << "level " << level << ": tau = " << tau << ", P(S >= tau) = " << tail << ", bound(tau) = " << bound(tau);
      return out.str();
    }
  }
  return "";
}

Eigen::VectorXd DrawVector(int d, int lo, int hi, double scale) {
  Eigen::VectorXd v(d);
  for (int k = 0; k < d; ++k) v[k] = *rc::gen::inRange(lo, hi + 1) * scale;
  return v;
}

// Fair coins (p = 0) or biased coins with p_k uniform on a grid in [−0.99, 0.99].
Eigen::VectorXd DrawCoins(int d) {
  return *rc::gen::element(false, true) ? DrawVector(d, -990, 990, 1e-3) : Eigen::VectorXd::Zero(d);
}

// Fixed weights of mixed sign and size; coins fair, uniformly biased, or spread over (−0.9, 0.9).
Eigen::VectorXd FixedTheta(int d) {
  Eigen::VectorXd w(d);
  for (int k = 0; k < d; ++k) w[k] = (k % 2 == 0 ? 1.0 : -0.5) * (1.0 + k) / d;
  return w;
}
std::vector<Eigen::VectorXd> CoinSets(int d) {
  return {Eigen::VectorXd::Zero(d), Eigen::VectorXd::Constant(d, 0.6), Eigen::VectorXd::LinSpaced(d, -0.9, 0.9)};
}

TEST_CASE("Hoeffding: exact 2^d enumeration tail <= exp(-t^2 d/(2|theta|^2)), fixed theta", "[unit]") {
  for (int d = 1; d <= 12; ++d) {
    const Eigen::VectorXd w = FixedTheta(d);
    for (const Eigen::VectorXd& p : CoinSets(d)) {
      const auto atoms = NullLaw(w, p, 1.0 / std::sqrt(static_cast<double>(d)));
      CHECK(CheckAgainstEnumeration(
                atoms, [&](double t) { return HoeffdingTailBound(t, w.norm(), d); },
                [&](double level) { return HoeffdingThreshold(w.norm(), d, level); }) == "");
    }
  }
}

TEST_CASE("Bernstein: exact 2^d enumeration tail <= exp(-t^2/(2(v + b t/3))), fixed theta", "[unit]") {
  for (int d = 1; d <= 12; ++d) {
    const Eigen::VectorXd w = FixedTheta(d);
    for (const Eigen::VectorXd& p : CoinSets(d)) {
      const auto atoms = NullLaw(w, p, 1.0 / std::sqrt(static_cast<double>(d)));
      const BernsteinParameters params = MakeBernsteinParameters(w, p);
      CHECK(CheckAgainstEnumeration(
                atoms, [&](double t) { return BernsteinTailBound(t, params); },
                [&](double level) { return BernsteinThreshold(params, level); }) == "");
    }
  }
}

TEST_CASE("Hoeffding and Bernstein bounds hold for random theta and coins (exact enumeration)", "[property]") {
  rc::prop("d <= 12, fair or biased coins", [] {
    const int d = *rc::gen::inRange(1, 13);
    const Eigen::VectorXd w = DrawVector(d, -1000, 1000, 1e-3);
    const Eigen::VectorXd p = DrawCoins(d);
    const auto atoms = NullLaw(w, p, 1.0 / std::sqrt(static_cast<double>(d)));
    RC_ASSERT(CheckAgainstEnumeration(
                  atoms, [&](double t) { return HoeffdingTailBound(t, w.norm(), d); },
                  [&](double level) { return HoeffdingThreshold(w.norm(), d, level); }) == "");
    const BernsteinParameters params = MakeBernsteinParameters(w, p);
    RC_ASSERT(CheckAgainstEnumeration(
                  atoms, [&](double t) { return BernsteinTailBound(t, params); },
                  [&](double level) { return BernsteinThreshold(params, level); }) == "");
  });
}

TEST_CASE("l2 cube: P(<theta, x - p> >= sqrt(2 ln(1/xi))) <= xi for |theta|_2 <= 1 (exact enumeration)",
          "[property]") {
  rc::prop("theta in B_inf(1/sqrt d), d <= 12", [] {
    const int d = *rc::gen::inRange(1, 13);
    const Eigen::VectorXd theta = DrawVector(d, -1000, 1000, 1e-3 / std::sqrt(static_cast<double>(d)));
    const Eigen::VectorXd p = DrawCoins(d);
    RC_ASSERT(theta.norm() <= 1.0 + 1e-15);
    RC_ASSERT(CheckAgainstEnumeration(NullLaw(theta, p, 1.0), L2CubeTailBound, L2CubeThreshold) == "");
  });
}

TEST_CASE("Threshold closed forms: hand values and the Bernstein quadratic", "[unit]") {
  // τ = ‖w‖ √(2 log(n/ξ)/d) at level ξ/n = 0.01/400, d = 1e4.
  CHECK_THAT(HoeffdingThreshold(0.5, 10000, 0.01 / 400.0),
             WithinRel(0.5 * std::sqrt(2.0 * std::log(40000.0) / 1e4), 1e-15));
  CHECK_THAT(L2CubeThreshold(0.01), WithinRel(std::sqrt(2.0 * std::log(100.0)), 1e-15));
  CHECK(HoeffdingThreshold(1.0, 10, 1.0) == 0.0);
  CHECK(HoeffdingTailBound(0.1, 0.0, 10) == 0.0);  // S ≡ 0
  CHECK(HoeffdingTailBound(-0.1, 1.0, 10) == 1.0);
  // v and b by hand: w = (3, −4), p = (0.5, 0), d = 2: v = (9·0.75 + 16)/2, b = 2·4/√2.
  const BernsteinParameters params = MakeBernsteinParameters(Eigen::Vector2d(3.0, -4.0), Eigen::Vector2d(0.5, 0.0));
  CHECK_THAT(params.v, WithinRel(11.375, 1e-15));
  CHECK_THAT(params.b, WithinRel(4.0 * std::sqrt(2.0), 1e-15));
  const double level = 1e-4, big_l = std::log(1.0 / level), t = BernsteinThreshold(params, level);
  CHECK_THAT(t * t / (2.0 * (params.v + params.b * t / 3.0)), WithinRel(big_l, 1e-14));
  CHECK(BernsteinTailBound(0.5, BernsteinParameters{}) == 0.0);
}

TEST_CASE("Threshold functions reject invalid arguments", "[unit]") {
  REQUIRE_THROWS_WITH(HoeffdingThreshold(1.0, 10, 0.0), "HoeffdingThreshold: level = 0, must be in (0, 1]");
  REQUIRE_THROWS_AS(HoeffdingThreshold(1.0, 10, 1.5), std::invalid_argument);
  REQUIRE_THROWS_AS(HoeffdingThreshold(-1.0, 10, 0.1), std::invalid_argument);
  REQUIRE_THROWS_WITH(HoeffdingTailBound(0.1, 1.0, 0), "HoeffdingTailBound: d = 0, must be >= 1");
  REQUIRE_THROWS_AS(MakeBernsteinParameters(Eigen::Vector2d(1.0, 1.0), Eigen::Vector3d::Zero()), std::invalid_argument);
  REQUIRE_THROWS_WITH(MakeBernsteinParameters(Eigen::Vector2d(1.0, 1.0), Eigen::Vector2d(0.0, 1.5)),
                      "MakeBernsteinParameters: p[1] = 1.5, must be in [-1, 1]");
  REQUIRE_THROWS_AS(BernsteinThreshold(BernsteinParameters{-1.0, 0.0}, 0.1), std::invalid_argument);
  REQUIRE_THROWS_AS(L2CubeThreshold(0.0), std::invalid_argument);
  REQUIRE_THROWS_AS(L2CubeTailBound(std::numeric_limits<double>::quiet_NaN()), std::invalid_argument);
}

}  // namespace
}  // namespace memgen::theory
