// Tests for sim/spur/min_norm_interpolant.h: exact interpolation from the row space when D ≥ n,
// the dense pseudo-inverse when D < n, and the rank-deficient σ_ε = 0 case solved by hand.
#include <catch2/catch.hpp>

#include <Eigen/Dense>

#include <algorithm>
#include <cstdint>
#include <utility>

#include "sim/random/distributions.h"
#include "sim/random/rng.h"
#include "sim/spur/min_norm_interpolant.h"

using namespace memgen::sim;

namespace {

Eigen::MatrixXd NormalMatrix(std::int64_t rows, std::int64_t cols, const StreamId& id) {
  Rng rng(id);
  Eigen::MatrixXd m(rows, cols);
  FillNormal(rng, m.data(), static_cast<std::size_t>(rows * cols));
  return m;
}

Eigen::VectorXd RandomLabels(std::int64_t n, const StreamId& id) {
  Rng rng(id);
  Eigen::VectorXd y(n);
  for (std::int64_t i = 0; i < n; ++i) y(i) = Uniform01(rng) < 0.5 ? -1.0 : 1.0;
  return y;
}

// X⁺y = V Σ⁺ Uᵀ y from a dense SVD, dropping singular values below the usual rank threshold.
Eigen::VectorXd PseudoInverseSolve(const Eigen::MatrixXd& x, const Eigen::VectorXd& y) {
  const Eigen::JacobiSVD<Eigen::MatrixXd> svd(x, Eigen::ComputeThinU | Eigen::ComputeThinV);
  const Eigen::VectorXd& s = svd.singularValues();
  const double cutoff = s(0) * static_cast<double>(std::max(x.rows(), x.cols())) * Eigen::NumTraits<double>::epsilon();
  Eigen::VectorXd s_plus = Eigen::VectorXd::Zero(s.size());
  for (Eigen::Index k = 0; k < s.size(); ++k)
    if (s(k) > cutoff) s_plus(k) = 1.0 / s(k);
  return svd.matrixV() * s_plus.asDiagonal() * svd.matrixU().transpose() * y;
}

}  // namespace

TEST_CASE("min-norm interpolant: D ≥ n interpolates by Cholesky and lies in the row space", "[unit]") {
  for (const auto& [n, d] : {std::pair<std::int64_t, std::int64_t>{40, 100}, {30, 30}, {10, 400}}) {
    INFO("n = " << n << ", D = " << d);
    const Eigen::MatrixXd x = NormalMatrix(n, d, {5, 1, static_cast<std::uint64_t>(n), 0});
    const Eigen::VectorXd y = RandomLabels(n, {5, 1, static_cast<std::uint64_t>(n), 1});
    const InterpolantResult r = MinNormInterpolant(x, y);
    CHECK(r.cholesky);
    CHECK(r.max_residual <= 1e-9);
    CHECK(((y.cwiseProduct(x * r.weights)).array() - 1.0).abs().maxCoeff() <= 1e-9);
    // Row space: the projection V Vᵀ w (V from the SVD of X) leaves w unchanged.
    const Eigen::JacobiSVD<Eigen::MatrixXd> svd(x, Eigen::ComputeThinV);
    const Eigen::VectorXd projected = svd.matrixV() * (svd.matrixV().transpose() * r.weights);
    CHECK((projected - r.weights).norm() <= 1e-9 * r.weights.norm());
    CHECK((r.weights - PseudoInverseSolve(x, y)).norm() <= 1e-9 * r.weights.norm());
  }
}

TEST_CASE("min-norm interpolant: D < n gives the least-squares min-norm solution X⁺y", "[unit]") {
  const std::int64_t n = 60, d = 30;
  const Eigen::MatrixXd x = NormalMatrix(n, d, {5, 2, 0, 0});
  const Eigen::VectorXd y = RandomLabels(n, {5, 2, 0, 1});
  const InterpolantResult r = MinNormInterpolant(x, y);
  CHECK_FALSE(r.cholesky);
  const Eigen::VectorXd want = PseudoInverseSolve(x, y);
  CHECK((r.weights - want).norm() <= 1e-9 * want.norm());
  CHECK(r.max_residual > 0.1);  // 60 random labels in 30 dimensions cannot be interpolated
  CHECK(r.max_residual == ((y.cwiseProduct(x * r.weights)).array() - 1.0).abs().maxCoeff());
}

TEST_CASE("min-norm interpolant: rank-deficient K (σ_ε = 0) falls back and interpolates exactly", "[unit]") {
  // Idealized features x = (y, 5a, 0, …, 0): majority y(w₁ + 5w₂) y = 1, minority w₁ − 5w₂ = 1, so
  // w = (1, 0, 0, …) interpolates, and it is the least-norm solution. K has rank 2 < n.
  const std::int64_t n = 12, d = 20;
  Eigen::MatrixXd x = Eigen::MatrixXd::Zero(n, 2 + d);
  Eigen::VectorXd y(n);
  for (std::int64_t i = 0; i < n; ++i) {
    y(i) = i % 2 == 0 ? 1.0 : -1.0;
    const double a = i % 4 == 3 ? -y(i) : y(i);
    x(i, 0) = y(i);
    x(i, 1) = 5.0 * a;
  }
  const InterpolantResult r = MinNormInterpolant(x, y);
  CHECK_FALSE(r.cholesky);
  CHECK(r.max_residual <= 1e-12);
  Eigen::VectorXd want = Eigen::VectorXd::Zero(2 + d);
  want(0) = 1.0;
  CHECK((r.weights - want).norm() <= 1e-12);
}
