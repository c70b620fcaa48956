// Tests for sim/spur/hard_margin_svm.h: a hand-solved problem, the KKT conditions and margins on
// idealized spurious-feature data (§2.2), agreement with the min-norm interpolant when every point
// is a support vector, and strong duality ‖w‖² = Σα at the optimum.
#include <catch2/catch.hpp>
#include <rapidcheck/catch.h>

#include <Eigen/Core>

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "sim/random/distributions.h"
#include "sim/random/rng.h"
#include "sim/spur/hard_margin_svm.h"
#include "sim/spur/min_norm_interpolant.h"

using namespace memgen::sim;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;

namespace {

struct Data {
  Eigen::MatrixXd x;  // n × (2 + d)
  Eigen::VectorXd y;
};

// §2.2 with σ_y = σ_a = 0.1, γ = 5: x = (y + 0.1ξ, 5(a + 0.1ξ'), σ N(0, I_d)); every
// `minority_every`-th point has a = −y. Separable through x_y (|0.1ξ| < 1 with overwhelming probability).
Data SpuriousData(std::int64_t n, std::int64_t d, double sigma, std::int64_t minority_every, const StreamId& id) {
  Rng rng(id);
  Data data{Eigen::MatrixXd(n, 2 + d), Eigen::VectorXd(n)};
  Eigen::VectorXd noise(d);
  for (std::int64_t i = 0; i < n; ++i) {
    const double y = Uniform01(rng) < 0.5 ? -1.0 : 1.0;
    const double a = i % minority_every == 0 ? -y : y;
    data.y(i) = y;
    data.x(i, 0) = y + 0.1 * Normal(rng);
    data.x(i, 1) = 5.0 * (a + 0.1 * Normal(rng));
    FillNormal(rng, noise.data(), static_cast<std::size_t>(d));
    data.x.row(i).tail(d) = sigma * noise.transpose();
  }
  return data;
}

Eigen::MatrixXd Gram(const Eigen::MatrixXd& x) { return x * x.transpose(); }

// Largest projected-gradient KKT violation recomputed from the primal w = Xᵀc.
double KktFromPrimal(const Eigen::MatrixXd& x, const Eigen::VectorXd& y, const SvmResult& r) {
  const Eigen::VectorXd w = x.transpose() * r.coefficients;
  const Eigen::VectorXd margins = y.cwiseProduct(x * w);
  double worst = 0.0;
  for (Eigen::Index i = 0; i < y.size(); ++i) {
    const double g = 1.0 - margins(i);
    worst = std::max(worst, r.alpha(i) > 0.0 ? std::fabs(g) : std::max(g, 0.0));
  }
  return worst;
}

}  // namespace

TEST_CASE("hard-margin SVM: the hand-solved 3-point problem", "[unit]") {
  // x₁ = (2, 0), y = +1; x₂ = (1, 1), y = −1; x₃ = (3, 0), y = +1. Active set {1, 2}: 2w₁ = 1 and
  // −(w₁ + w₂) = 1, so w = (½, −3/2) = α₁x₁ − α₂x₂ with α = (1, 3/2, 0); point 3 has margin 3/2.
  Eigen::MatrixXd x(3, 2);
  x << 2, 0, 1, 1, 3, 0;
  const Eigen::Vector3d y(1, -1, 1);
  const SvmResult r = SolveHardMarginSvm(Gram(x), y);
  REQUIRE(r.converged);
  CHECK(r.kkt_violation < 1e-8);
  CHECK(r.support_vectors == 2);
  CHECK_THAT(r.alpha(0), WithinAbs(1.0, 1e-8));
  CHECK_THAT(r.alpha(1), WithinAbs(1.5, 1e-8));
  CHECK(r.alpha(2) == 0.0);
  const Eigen::VectorXd w = x.transpose() * r.coefficients;
  CHECK_THAT(w(0), WithinAbs(0.5, 1e-8));
  CHECK_THAT(w(1), WithinAbs(-1.5, 1e-8));
  CHECK_THAT(r.margins(0), WithinAbs(1.0, 1e-8));
  CHECK_THAT(r.margins(1), WithinAbs(1.0, 1e-8));
  CHECK_THAT(r.margins(2), WithinAbs(1.5, 1e-8));
}

TEST_CASE("hard-margin SVM: KKT conditions and margins on spurious-feature data", "[unit]") {
  const Data data = SpuriousData(60, 300, 0.05, 10, {20261121, 1, 0, 0});
  SvmOptions options;
  options.tolerance = 1e-9;
  const SvmResult r = SolveHardMarginSvm(Gram(data.x), data.y, options);
  INFO("sweeps " << r.sweeps << ", support vectors " << r.support_vectors);
  REQUIRE(r.converged);
  CHECK(r.sweeps < options.max_sweeps);
  CHECK(r.kkt_violation < options.tolerance);
  CHECK(KktFromPrimal(data.x, data.y, r) < 10 * options.tolerance);  // independent of the solver's f
  CHECK(r.support_vectors > 0);
  CHECK(r.support_vectors < 60);  // the regime has both kinds of points, so every branch is exercised
  CHECK((r.alpha.array() >= 0.0).all());
  CHECK(r.coefficients.isApprox(r.alpha.cwiseProduct(data.y)));
  CHECK(r.margins.minCoeff() >= 1.0 - 1e-6);
  for (Eigen::Index i = 0; i < 60; ++i)
    if (r.alpha(i) > 0.0) CHECK_THAT(r.margins(i), WithinAbs(1.0, 1e-6));
}

TEST_CASE("hard-margin SVM equals the min-norm interpolant when every point is a support vector", "[unit]") {
  const Data data = SpuriousData(40, 2000, 1.0, 10, {20261121, 2, 0, 0});
  const SvmResult r = SolveHardMarginSvm(Gram(data.x), data.y);
  REQUIRE(r.converged);
  REQUIRE(r.support_vectors == 40);  // d ≫ n log n, σ²d ≫ γ²: noise dominates, every point is on the margin
  const InterpolantResult mn = MinNormInterpolant(data.x, data.y);
  REQUIRE(mn.cholesky);
  const Eigen::VectorXd w = data.x.transpose() * r.coefficients;
  CHECK((w - mn.weights).norm() <= 1e-6 * mn.weights.norm());
}

TEST_CASE("hard-margin SVM: strong duality ‖w‖² = Σα at the optimum", "[unit][property]") {
  // D ≥ n and σ ≥ 0.1 keep K well conditioned, so the dual is strictly concave and cyclic ascent
  // converges well within the default sweep budget (a scan of 5e5 such cases needed ≤ 2e4 sweeps).
  rc::prop("random sizes, noise levels and minority fractions", [](std::uint8_t a, std::uint8_t b, std::uint8_t c) {
    const std::int64_t n = 4 + a % 37;
    const std::int64_t d = n + b % 120;
    const double sigma = std::pow(10.0, -1.0 + 0.25 * (c % 9));  // 0.1 … 10
    const Data data = SpuriousData(n, d, sigma, 2 + c % 9, {7, 3, a, static_cast<std::uint64_t>(b) * 256 + c});
    const SvmResult r = SolveHardMarginSvm(Gram(data.x), data.y);
    RC_ASSERT(r.converged);
    const Eigen::VectorXd w = data.x.transpose() * r.coefficients;
    const double sum_alpha = r.alpha.sum();
    RC_ASSERT(std::fabs(w.squaredNorm() - sum_alpha) <= 1e-6 * sum_alpha);
    RC_ASSERT(r.margins.minCoeff() >= 1.0 - 1e-6);
  });
}

TEST_CASE("hard-margin SVM: converges on a degenerate problem with more margin points than dimensions", "[unit]") {
  // n = 14 points in D = 3: four points lie within 1e-4 of the margin, their 4×4 Gram block is
  // singular, and cyclic ascent drifts slowly along the flat face of the dual (≈ 2e5 sweeps) before
  // one α reaches 0. The solution must still satisfy KKT and strong duality.
  const Data data = SpuriousData(14, 1, std::pow(10.0, -0.75), 5, {7, 3, 195, 3});
  SvmOptions options;
  options.max_sweeps = 1000000;
  const SvmResult r = SolveHardMarginSvm(Gram(data.x), data.y, options);
  INFO("sweeps " << r.sweeps << ", support vectors " << r.support_vectors);
  REQUIRE(r.converged);
  CHECK(r.support_vectors <= 3);
  CHECK(KktFromPrimal(data.x, data.y, r) < 10 * options.tolerance);
  CHECK_THAT((data.x.transpose() * r.coefficients).squaredNorm(), WithinRel(r.alpha.sum(), 1e-6));
  CHECK(r.margins.minCoeff() >= 1.0 - 1e-6);
}
