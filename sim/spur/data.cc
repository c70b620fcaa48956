// Spurious-feature data, see data.h.
#include "sim/spur/data.h"

#include <cmath>
#include <numeric>

#include "sim/core/config_error.h"
#include "sim/random/distributions.h"

namespace memgen::sim {
namespace {

void FillNoise(Eigen::MatrixXd* x, double sigma, Rng& rng) {
  const Eigen::Index n = x->rows(), d = x->cols() - 2;
  std::vector<double> row(static_cast<std::size_t>(d));
  for (Eigen::Index i = 0; i < n; ++i) {
    FillNormal(rng, row.data(), row.size());
    for (Eigen::Index k = 0; k < d; ++k) (*x)(i, 2 + k) = sigma * row[static_cast<std::size_t>(k)];
  }
}

Eigen::VectorXd DrawLabels(std::int64_t n, Rng& rng) {
  Eigen::VectorXd y(n);
  for (std::int64_t i = 0; i < n; ++i) y(i) = Uniform01(rng) <= 0.5 ? 1.0 : -1.0;
  return y;
}

}  // namespace

std::int64_t SpuriousSample::MinorityCount() const {
  return std::accumulate(minority.begin(), minority.end(), std::int64_t{0});
}

std::vector<std::int64_t> RandomSubset(std::int64_t n, std::int64_t count, Rng& rng) {
  std::vector<std::int64_t> index(static_cast<std::size_t>(n));
  std::iota(index.begin(), index.end(), std::int64_t{0});
  for (std::int64_t i = 0; i < count; ++i) {
    const auto remaining = static_cast<double>(n - i);
    auto j = i + static_cast<std::int64_t>(std::floor(Uniform01(rng) * remaining));
    if (j >= n) j = n - 1;  // Uniform01 may return exactly 1
    std::swap(index[static_cast<std::size_t>(i)], index[static_cast<std::size_t>(j)]);
  }
  index.resize(static_cast<std::size_t>(count));
  return index;
}

void IdealizedOptions::Validate(const std::string& field) const {
  Require(n >= 4 && n <= 1000000, field + ".n", n, "must be in [4, 1e6]");
  Require(rho > 0.0 && rho < 0.5, field + ".rho", rho, "must be in (0, 0.5)");
  Require(static_cast<std::int64_t>(std::floor(rho * static_cast<double>(n))) >= 1, field + ".rho", rho,
          "must leave at least one minority point (floor(rho n) >= 1)");
  Require(gamma > 0.0 && gamma <= 1e3, field + ".gamma", gamma, "must be in (0, 1e3]");
  Require(sigma_y >= 0.0 && sigma_y <= 10.0, field + ".sigma_y", sigma_y, "must be in [0, 10]");
  Require(sigma_a >= 0.0 && sigma_a <= 10.0, field + ".sigma_a", sigma_a, "must be in [0, 10]");
  Require(sigma_eps >= 0.0 && sigma_eps <= 100.0, field + ".sigma_eps", sigma_eps, "must be in [0, 100]");
  Require(d >= 0 && d <= 10000000, field + ".d", d, "must be in [0, 1e7]");
}

SpuriousSample DrawIdealized(const IdealizedOptions& o, Rng& rng) {
  SpuriousSample s;
  s.y = DrawLabels(o.n, rng);
  s.minority.assign(static_cast<std::size_t>(o.n), 0);
  const auto minority_count = static_cast<std::int64_t>(std::floor(o.rho * static_cast<double>(o.n)));
  for (std::int64_t i : RandomSubset(o.n, minority_count, rng)) s.minority[static_cast<std::size_t>(i)] = 1;
  s.x.resize(o.n, o.d + 2);
  for (std::int64_t i = 0; i < o.n; ++i) {
    const double a = s.minority[static_cast<std::size_t>(i)] ? -s.y(i) : s.y(i);
    const double xi_y = Normal(rng), xi_a = Normal(rng);
    s.x(i, 0) = s.y(i) + o.sigma_y * xi_y;
    s.x(i, 1) = o.gamma * (a + o.sigma_a * xi_a);
  }
  FillNoise(&s.x, o.sigma_eps, rng);
  return s;
}

void Figure1SplitOptions::Validate(const std::string& field) const {
  Require(n >= 10 && n <= 1000000, field + ".n", n, "must be in [10, 1e6]");
  Require(majority_fraction >= 0.5 && majority_fraction < 1.0, field + ".majority_fraction", majority_fraction,
          "must be in [0.5, 1)");
  Require(noise_std >= 0.0 && noise_std <= 100.0, field + ".noise_std", noise_std, "must be in [0, 100]");
  Require(d >= 0 && d <= 10000000, field + ".d", d, "must be in [0, 1e7]");
}

SpuriousSample DrawFigure1Split(const Figure1SplitOptions& o, Rng& rng) {
  SpuriousSample s;
  s.y = DrawLabels(o.n, rng);
  // int((1 − maj)·n) as in the reference (truncation: 99 of 1000 at 0.9).
  const auto flipped = static_cast<std::int64_t>((1.0 - o.majority_fraction) * static_cast<double>(o.n));
  s.minority.assign(static_cast<std::size_t>(o.n), 0);
  for (std::int64_t i : RandomSubset(o.n, flipped, rng)) s.minority[static_cast<std::size_t>(i)] = 1;
  s.x.resize(o.n, o.d + 2);
  for (std::int64_t i = 0; i < o.n; ++i) {
    const double xi_y = Normal(rng), xi_a = Normal(rng);
    s.x(i, 0) = (0.12 * xi_y - 1.0) * s.y(i);
    const double x_a = (0.12 * xi_a - 1.0) * s.y(i);
    s.x(i, 1) = 5.0 * (s.minority[static_cast<std::size_t>(i)] ? -x_a : x_a);
  }
  FillNoise(&s.x, o.noise_std, rng);
  return s;
}

Eigen::VectorXd TorchLinearInit(std::int64_t dim, Rng& rng) {
  const double bound = 1.0 / std::sqrt(static_cast<double>(dim));
  Eigen::VectorXd w0(dim), w1(dim);
  for (std::int64_t k = 0; k < dim; ++k) w0(k) = bound * (2.0 * Uniform01(rng) - 1.0);
  for (std::int64_t k = 0; k < dim; ++k) w1(k) = bound * (2.0 * Uniform01(rng) - 1.0);
  return w1 - w0;
}

}  // namespace memgen::sim
