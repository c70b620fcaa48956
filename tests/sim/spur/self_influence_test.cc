// Tests for sim/spur/self_influence.h: a 1-D case by hand, Woodbury (dual) against the direct D×D
// solve at fixed sizes and as a property, and stability for saturated logits.
#include <catch2/catch.hpp>
#include <rapidcheck/catch.h>

#include <Eigen/Core>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <utility>

#include "sim/random/distributions.h"
#include "sim/random/rng.h"
#include "sim/spur/self_influence.h"

using namespace memgen::sim;
using Catch::Matchers::WithinRel;

namespace {

struct Problem {
  Eigen::MatrixXd x;
  Eigen::VectorXd f, y;
};

// x_ij ~ N(0, 1/D) (so K_ii ≈ 1), logits f ~ N(0, f_scale²), labels ±1 with probability ½.
Problem RandomProblem(std::int64_t n, std::int64_t d, double f_scale, const StreamId& id) {
  Rng rng(id);
  Problem p{Eigen::MatrixXd(n, d), Eigen::VectorXd(n), Eigen::VectorXd(n)};
  FillNormal(rng, p.x.data(), static_cast<std::size_t>(n * d));
  p.x /= std::sqrt(static_cast<double>(d));
  for (std::int64_t i = 0; i < n; ++i) {
    p.f(i) = f_scale * Normal(rng);
    p.y(i) = Uniform01(rng) < 0.5 ? -1.0 : 1.0;
  }
  return p;
}

// max_i |dual_i − direct_i| / |direct_i|, elementwise (no score underflows to 0 at these logits).
double RelativeGap(const Problem& p, double lambda) {
  const Eigen::VectorXd dual = SelfInfluenceDual(p.x * p.x.transpose(), p.f, p.y, lambda);
  const Eigen::VectorXd direct = SelfInfluenceDirect(p.x, p.f, p.y, lambda);
  if (!(direct.array() > 0.0).all()) return std::numeric_limits<double>::infinity();
  return ((dual - direct).array() / direct.array()).abs().maxCoeff();
}

}  // namespace

TEST_CASE("self-influence: one point in one dimension, by hand", "[unit]") {
  // x = 2, f = 0, y = +1: σ = ½, r = −½, q = ¼, H = q x² = 1, λ = 1: I = r² x² / (H + λ) = ½.
  const Eigen::MatrixXd x = Eigen::MatrixXd::Constant(1, 1, 2.0);
  const Eigen::VectorXd f = Eigen::VectorXd::Zero(1), y = Eigen::VectorXd::Ones(1);
  CHECK_THAT(SelfInfluenceDirect(x, f, y, 1.0)(0), WithinRel(0.5, 1e-14));
  CHECK_THAT(SelfInfluenceDual(x * x.transpose(), f, y, 1.0)(0), WithinRel(0.5, 1e-14));
}

TEST_CASE("self-influence: Woodbury equals the direct D×D solve", "[unit]") {
  for (const auto& [n, d] : {std::pair<std::int64_t, std::int64_t>{30, 50}, {40, 120}, {40, 20}}) {
    for (const double lambda : {1e-2, 0.1, 1.0}) {
      INFO("n = " << n << ", D = " << d << ", lambda = " << lambda);
      const Problem p = RandomProblem(n, d, 2.0, {11, 1, static_cast<std::uint64_t>(n * 1000 + d), 0});
      CHECK(RelativeGap(p, lambda) <= 1e-10);
    }
  }
}

TEST_CASE("self-influence: finite and exact for saturated logits", "[unit]") {
  Problem p = RandomProblem(20, 40, 1.0, {11, 2, 0, 0});
  for (Eigen::Index i = 0; i < 20; ++i) p.f(i) = (i % 2 == 0 ? 1.0 : -1.0) * (i < 10 ? 40.0 : 800.0);
  const Eigen::VectorXd dual = SelfInfluenceDual(p.x * p.x.transpose(), p.f, p.y, 0.1);
  const Eigen::VectorXd direct = SelfInfluenceDirect(p.x, p.f, p.y, 0.1);
  REQUIRE(dual.allFinite());
  REQUIRE(direct.allFinite());
  CHECK((dual.array() >= 0.0).all());
  for (Eigen::Index i = 0; i < 20; ++i) {
    INFO("i = " << i << ", f = " << p.f(i) << ", y = " << p.y(i));
    if (p.y(i) * p.f(i) > 500.0) CHECK(dual(i) == 0.0);  // r = −yσ(−yf) underflows to 0
    if (p.y(i) * p.f(i) < -500.0) CHECK(dual(i) > 0.0);   // r = ∓1, q = 0: I = x_iᵀ(H + λI)⁻¹x_i
    CHECK(std::fabs(dual(i) - direct(i)) <= 1e-10 * std::max(direct(i), 1e-300));
  }
}

TEST_CASE("self-influence: Woodbury equals direct for random sizes and ridges", "[unit][property]") {
  rc::prop("any n ≤ 30, D ≤ 80, λ ∈ [1e-3, 10]", [](std::uint8_t a, std::uint8_t b, std::uint8_t c) {
    const std::int64_t n = 1 + a % 30;
    const std::int64_t d = 1 + b % 80;
    const double lambda = std::pow(10.0, -3.0 + 0.5 * (c % 9));
    const Problem p = RandomProblem(n, d, 3.0, {11, 3, a, static_cast<std::uint64_t>(b) * 256 + c});
    RC_ASSERT(RelativeGap(p, lambda) <= 1e-10);
  });
}
