// Tests for sim/bo/exact_risk.h: the streaming Gram kernel against dense formulas, QR, and the
// isotropic oracles.
#include <catch2/catch.hpp>
#include <rapidcheck/catch.h>

#include <Eigen/Dense>

#include <cmath>

#include "sim/bo/exact_risk.h"
#include "sim/random/distributions.h"
#include "support/tolerances.h"

using namespace memgen::sim;
using namespace memgen::theory;
using Catch::Matchers::WithinRel;

namespace {

struct Dense {
  double bias, variance, risk;
  double interpolation_error;  // ‖Xθ̂ − y‖ / ‖y‖
};

// Everything formed explicitly from the same design columns: P = XᵀA⁻¹X, θ̂ = XᵀA⁻¹y.
Dense DenseRisk(const Spectrum& s, const std::vector<double>& theta, const ExactRiskOptions& o, const StreamId& id) {
  const std::int64_t n = o.gram.n, d = s.dimension();
  Eigen::MatrixXd x(n, d);
  Eigen::VectorXd lambda(d), th = Eigen::VectorXd::Zero(d);
  for (std::int64_t j = 0; j < d; ++j) {
    DrawDesignColumn(id, j, o.gram.design, x.col(j).data(), n);
    lambda(j) = s[j];
    x.col(j) *= std::sqrt(s[j]);
  }
  for (std::size_t j = 0; j < theta.size(); ++j) th(static_cast<Eigen::Index>(j)) = theta[j];
  Eigen::MatrixXd a = x * x.transpose();
  a.diagonal().array() += n * o.ridge;
  const Eigen::MatrixXd ainv = a.inverse();
  const Eigen::MatrixXd p = x.transpose() * ainv * x;
  const Eigen::VectorXd r = th - p * th;
  Dense out;
  out.bias = r.dot(lambda.asDiagonal() * r);
  out.variance = o.sigma2 * (ainv * x * lambda.asDiagonal() * x.transpose() * ainv).trace();
  // The noise vector the kernel uses: substream 2^63 + 1.
  StreamId noise_id = id;
  noise_id.substream = (std::uint64_t{1} << 63) + 1;
  Rng rng(noise_id);
  Eigen::VectorXd eps(n);
  FillNormal(rng, eps.data(), static_cast<std::size_t>(n));
  const Eigen::VectorXd y = x * th + std::sqrt(o.sigma2) * eps;
  const Eigen::VectorXd theta_hat = x.transpose() * (ainv * y);
  const Eigen::VectorXd e = theta_hat - th;
  out.risk = e.dot(lambda.asDiagonal() * e);
  out.interpolation_error = (x * theta_hat - y).norm() / y.norm();
  return out;
}

Spectrum PowerLaw(std::int64_t d, double alpha) {
  SpectrumOptions o;
  o.kind = SpectrumKind::kPowerLaw;
  o.d = d;
  o.alpha = alpha;
  return MakeSpectrum(o);
}

}  // namespace

TEST_CASE("the streaming kernel equals the dense formulas and the interpolant interpolates", "[property]") {
  rc::prop("random sizes, designs, ridges, blocks and targets", [](std::uint8_t a, std::uint8_t b, bool rademacher,
                                                                     bool ridge, std::uint8_t block, bool store_head) {
    const std::int64_t n = 5 + a % 30;
    const std::int64_t d = n + 5 + b % 100;
    const Spectrum s = PowerLaw(d, 0.5 + (a % 4) * 0.25);
    std::vector<double> theta(static_cast<std::size_t>(1 + b % 7));
    for (std::size_t j = 0; j < theta.size(); ++j) theta[j] = 1.0 / (1.0 + j);
    ExactRiskOptions o;
    o.gram.n = n;
    o.gram.design = rademacher ? DesignKind::kRademacher : DesignKind::kGaussian;
    o.gram.block = 1 + block % 40;
    o.gram.max_stored_head = store_head ? 4096 : 0;  // 0 forces the second pass over the head
    o.ridge = ridge ? 1e-2 : 0.0;
    o.sigma2 = 0.7;
    o.noise_draw = true;
    const StreamId id{3, 4, a, 0};
    const ExactRisk got = ComputeExactRisk(s, theta, o, id);
    const Dense want = DenseRisk(s, theta, o, id);
    RC_ASSERT(got.method == RiskMethod::kCholesky);
    RC_ASSERT(std::fabs(got.bias - want.bias) <= 1e-8 * std::max(want.bias, 1e-12) + 1e-14);
    RC_ASSERT(std::fabs(got.variance - want.variance) <= 1e-8 * want.variance);
    RC_ASSERT(std::fabs(got.risk_one_draw - want.risk) <= 1e-8 * want.risk);
    if (!ridge) RC_ASSERT(want.interpolation_error < 1e-8);
  });
}

TEST_CASE("streaming Cholesky and Householder QR agree to 1e-8 on small problems", "[unit]") {
  const Spectrum s = PowerLaw(300, 1.0);
  ExactRiskOptions o;
  o.gram.n = 40;
  o.noise_draw = true;
  const std::vector<double> theta = {1.0, 0.5, 0.25};
  for (std::uint64_t t = 0; t < 5; ++t) {
    const StreamId id{8, 9, t, 0};
    const ExactRisk chol = ComputeExactRisk(s, theta, o, id);
    const ExactRisk qr = ExactRiskByQr(s, theta, o, id);
    CHECK_THAT(chol.bias, WithinRel(qr.bias, memgen::test::kRelSolver));
    CHECK_THAT(chol.variance, WithinRel(qr.variance, memgen::test::kRelSolver));
    CHECK_THAT(chol.risk_one_draw, WithinRel(qr.risk_one_draw, memgen::test::kRelSolver));
  }
}

TEST_CASE("the result does not depend on the block size", "[unit]") {
  const Spectrum s = PowerLaw(2000, 1.5);
  ExactRiskOptions o;
  o.gram.n = 50;
  const std::vector<double> theta = {1.0};
  o.gram.block = 1024;
  const ExactRisk big = ComputeExactRisk(s, theta, o, {1, 2, 3, 0});
  o.gram.block = 17;
  const ExactRisk small = ComputeExactRisk(s, theta, o, {1, 2, 3, 0});
  CHECK_THAT(small.bias, WithinRel(big.bias, memgen::test::kRelTight * 100));
  CHECK_THAT(small.variance, WithinRel(big.variance, memgen::test::kRelTight * 100));
}

TEST_CASE("an ill-conditioned Gram matrix is detected, never silently regularised", "[unit]") {
  SpectrumOptions so;
  so.kind = SpectrumKind::kExpFloor;  // e^{-i} without a floor: cond(XXᵀ) ~ e^{n}
  so.tau = 1.0;
  so.eps = 0.0;
  so.d = 400;
  const Spectrum s = MakeSpectrum(so);
  ExactRiskOptions o;
  o.gram.n = 100;
  const ExactRisk r = ComputeExactRisk(s, {1.0}, o, {1, 1, 1, 0});
  CHECK(r.method != RiskMethod::kCholesky);
  CHECK(r.rcond < o.rcond_min);
  o.qr_fallback_bytes = 0;
  const ExactRisk flagged = ComputeExactRisk(s, {1.0}, o, {1, 1, 1, 0});
  CHECK(flagged.method == RiskMethod::kIllConditioned);
  CHECK(std::isnan(flagged.variance));
}
