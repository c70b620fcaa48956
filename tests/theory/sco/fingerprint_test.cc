// Tests for theory/sco/fingerprint.cc: the majority's g'(p) against finite differences of g(p), the F1
// identity by exact enumeration over the binomial count, F2 by quadrature over the s-beta prior, the exact
// CSL excess by enumeration, and the cancellation-free CLB excess (sco_traceability.md §2.2, §6, §9.0, §10).
#include "theory/sco/fingerprint.h"

#include <catch2/catch.hpp>
#include <rapidcheck/catch.h>

#include <cmath>
#include <cstdint>
#include <stdexcept>

#include <boost/math/constants/constants.hpp>
#include <boost/math/distributions/beta.hpp>
#include <boost/math/distributions/binomial.hpp>
#include <boost/math/quadrature/gauss_kronrod.hpp>

#include "support/tolerances.h"

namespace memgen::theory {
namespace {

using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;

// Uniform on [lo, hi] on a grid of 10^6 steps.
double GridDouble(double lo, double hi) { return lo + (hi - lo) * *rc::gen::inRange(0, 1000001) / 1e6; }

TEST_CASE("Majority g'(p) equals the finite-difference derivative of g(p)", "[property]") {
  rc::prop("odd n <= 201, p in (-0.9, 0.9)", [] {
    const std::int64_t n = 2 * *rc::gen::inRange<std::int64_t>(0, 101) + 1;
    const double p = *rc::gen::inRange(-899, 900) / 1000.0;
    // g' is even and g(−|p|) is the small tail, so difference there for full relative precision.
    const double x = -std::fabs(p), h = 1e-6;
    const double fd = (MajorityG(n, x + h) - MajorityG(n, x - h)) / (2.0 * h);
    RC_ASSERT(std::fabs(fd - MajorityGPrime(n, p)) <= 1e-6 * MajorityGPrime(n, p));
    RC_ASSERT(std::fabs(MajorityG(n, p) + MajorityG(n, -p) - 1.0) <= 1e-15);  // g(p) + g(−p) = 1, n odd
  });
}

TEST_CASE("F1 at n = 1: majority gives (1 - p^2)/2 and g(p) = (1 + p)/2", "[unit]") {
  for (const double p : {-1.0, -0.7, -0.1, 0.0, 0.3, 0.99, 1.0}) {
    CHECK_THAT(MajorityF1Rhs(1, p), WithinAbs((1.0 - p * p) / 2.0, 1e-16));
    CHECK_THAT(MajorityG(1, p), WithinAbs((1.0 + p) / 2.0, 1e-16));
    CHECK(MajorityGPrime(1, p) == 0.5);
  }
}

TEST_CASE("F1 holds exactly: E[f(X) sum_i (X_i - p)] = (1 - p^2) g'(p) by enumeration", "[property]") {
  rc::prop("f = majority and f = mean, odd n <= 41", [] {
    const std::int64_t n = 2 * *rc::gen::inRange<std::int64_t>(0, 21) + 1;
    const double p = GridDouble(-0.99, 0.99);
    const boost::math::binomial_distribution<double> count(static_cast<double>(n), (1.0 + p) / 2.0);
    double majority = 0.0, mean = 0.0;
    for (std::int64_t k = 0; k <= n; ++k) {  // k = number of +1's, Σ X_i = 2k − n
      const double weight = boost::math::pdf(count, static_cast<double>(k));
      const double centred = static_cast<double>(2 * k - n) - static_cast<double>(n) * p;
      if (2 * k > n) majority += weight * centred;
      mean += weight * (static_cast<double>(2 * k - n) / static_cast<double>(n)) * centred;
    }
    RC_ASSERT(std::fabs(majority - MajorityF1Rhs(n, p)) <= 1e-12 * (1.0 + MajorityF1Rhs(n, p)));
    RC_ASSERT(std::fabs(mean - MeanStatisticF1Rhs(p)) <= 1e-12);
    RC_ASSERT(MeanStatisticF1Rhs(p) == FingerprintF1Rhs(p, MeanStatisticGPrime(p)));
  });
}

TEST_CASE("Majority closed forms at n = 1e5 match an lgamma evaluation, without overflow", "[unit]") {
  const std::int64_t n = 100001;
  const double nd = static_cast<double>(n);
  for (const double p : {0.0, 0.003, -0.01, 0.05}) {
    const double log_g_prime = std::log(nd / 2.0) + std::lgamma(nd) - 2.0 * std::lgamma((nd + 1.0) / 2.0) +
                               (nd - 1.0) / 2.0 * std::log((1.0 - p * p) / 4.0);
    CHECK_THAT(MajorityGPrime(n, p), WithinRel(std::exp(log_g_prime), 1e-9));
  }
  const double stirling = std::sqrt(nd / boost::math::constants::two_pi<double>());  // √(n/(2π))
  CHECK_THAT(MajorityGPrime(n, 0.0), WithinRel(stirling, 1e-4));
  CHECK_THAT(MajorityG(n, 0.0), WithinAbs(0.5, 1e-15));
  const double far_tail = MajorityG(n, -0.1);  // ≈ exp(−n p²/2) scale: ~1e-218, still > 0
  CHECK(far_tail > 0.0);
  CHECK(far_tail < 1e-200);
  CHECK(MajorityG(n, 0.1) == 1.0);
}

TEST_CASE("s-beta(beta, beta) on [-gamma, gamma]: E p^2 = gamma^2/(2 beta + 1)", "[unit]") {
  for (const double beta : {0.5, 1.0, 12.5, 50.0}) {
    for (const double gamma : {0.1, 0.5, 1.0}) {
      const double variance_b = boost::math::variance(boost::math::beta_distribution<double>(beta, beta));
      CHECK_THAT(SymmetricBetaSecondMoment(beta, gamma), WithinRel(4.0 * gamma * gamma * variance_b, test::kRelTight));
    }
  }
  CHECK_THAT(SymmetricBetaSecondMoment(1.0, 1.0), WithinRel(1.0 / 3.0, test::kRelTight));  // uniform prior
  REQUIRE_THROWS_AS(SymmetricBetaSecondMoment(0.0, 1.0), std::invalid_argument);
  REQUIRE_THROWS_AS(SymmetricBetaSecondMoment(1.0, -1.0), std::invalid_argument);
}

TEST_CASE("F2 by quadrature: E_p[(1 - p^2) g'(p)] = 2 beta E_p[p g(p)] under s-beta(beta, beta)", "[unit]") {
  using Quadrature = boost::math::quadrature::gauss_kronrod<double, 61>;
  for (const double beta : {1.0, 12.5, 50.0}) {
    const double log_norm = (2.0 * beta - 1.0) * std::log(2.0) + 2.0 * std::lgamma(beta) - std::lgamma(2.0 * beta);
    auto density = [&](double p) { return std::exp((beta - 1.0) * std::log1p(-p * p) - log_norm); };
    for (const std::int64_t n : {1, 11, 101}) {
      const double lhs = Quadrature::integrate([&](double p) { return MajorityF1Rhs(n, p) * density(p); }, -1.0, 1.0,
                                               20, 1e-13);
      const double rhs = 2.0 * beta *
                         Quadrature::integrate([&](double p) { return p * MajorityG(n, p) * density(p); }, -1.0, 1.0,
                                               20, 1e-13);
      CHECK_THAT(lhs, WithinRel(rhs, 1e-9));
    }
    // f = X̄: both sides equal 2β/(2β + 1) = 2β E p².
    const double lhs_mean =
        Quadrature::integrate([&](double p) { return MeanStatisticF1Rhs(p) * density(p); }, -1.0, 1.0, 20, 1e-13);
    CHECK_THAT(lhs_mean, WithinRel(2.0 * beta * SymmetricBetaSecondMoment(beta, 1.0), 1e-9));
  }
}

TEST_CASE("CSL ERM: E[1/2 |z_bar - mu|^2 | mu] = (1 - |mu|^2)/(2n) by exhaustive enumeration", "[property]") {
  rc::prop("d, n <= 3", [] {
    const int d = *rc::gen::inRange(1, 4), n = *rc::gen::inRange(1, 4);
    std::vector<double> p(d);
    double mu_norm_squared = 0.0;
    for (double& pk : p) {
      pk = GridDouble(-1.0, 1.0);
      mu_norm_squared += pk * pk / d;
    }
    double expected = 0.0;
    for (int bits = 0; bits < (1 << (n * d)); ++bits) {  // bit i*d + k: coin k of point i is +1
      double probability = 1.0, half_sq = 0.0;
      for (int k = 0; k < d; ++k) {
        double sum = 0.0;
        for (int i = 0; i < n; ++i) {
          const bool plus = (bits >> (i * d + k)) & 1;
          probability *= plus ? (1.0 + p[k]) / 2.0 : (1.0 - p[k]) / 2.0;
          sum += plus ? 1.0 : -1.0;
        }
        const double diff = (sum / n - p[k]) / std::sqrt(static_cast<double>(d));
        half_sq += 0.5 * diff * diff;
      }
      expected += probability * half_sq;
    }
    RC_ASSERT(std::fabs(expected - CslErmExpectedExcess(mu_norm_squared, n)) <= 1e-14);
  });
}

TEST_CASE("CLB normalised-mean excess approximation: hand values and the 1/(2 m |mu|) regime", "[unit]") {
  CHECK_THAT(ClbNormalisedMeanExcessApprox(0.2, 25), WithinRel(2.0 / 35.0, test::kRelTight));  // x = 0.96
  CHECK_THAT(ClbNormalisedMeanExcessApprox(0.6, 1), WithinRel(0.24, test::kRelTight));         // x = 16/9
  // m|µ|² ≫ 1: ‖µ‖ x/2 with x = (1 − ‖µ‖²)/(m‖µ‖²), to relative O(x), with no cancellation at x ~ 1e-11.
  const double mu = 0.2;
  const std::int64_t m = 1000000000000;
  const double x = (1.0 - mu * mu) / (static_cast<double>(m) * mu * mu);
  CHECK_THAT(ClbNormalisedMeanExcessApprox(mu, m), WithinRel(mu * x / 2.0, 1e-10));
  REQUIRE_THROWS_AS(ClbNormalisedMeanExcessApprox(0.0, 10), std::invalid_argument);
  REQUIRE_THROWS_AS(ClbNormalisedMeanExcessApprox(0.5, 0), std::invalid_argument);
}

TEST_CASE("CLB unit excess equals |mu| - <theta, mu> and survives tiny angles", "[unit]") {
  const double phi = 1e-6, mu_norm = 0.3;
  Eigen::VectorXd theta(2), mu(2);
  theta << std::cos(phi), std::sin(phi);
  mu << mu_norm, 0.0;
  const double exact = mu_norm * 2.0 * std::pow(std::sin(phi / 2.0), 2);  // ‖µ‖(1 − cos φ)
  CHECK_THAT(ClbUnitExcess(theta, mu), WithinRel(exact, 1e-9));
  CHECK(ClbUnitExcess(theta, Eigen::VectorXd::Zero(2)) == 0.0);
  REQUIRE_THROWS_AS(ClbUnitExcess(2.0 * theta, mu), std::invalid_argument);
  REQUIRE_THROWS_AS(ClbUnitExcess(theta, Eigen::VectorXd::Zero(3)), std::invalid_argument);
}

TEST_CASE("CLB unit excess agrees with the direct form for random unit theta", "[property]") {
  rc::prop("|mu| - <theta, mu>", [] {
    const int d = *rc::gen::inRange(1, 40);
    Eigen::VectorXd theta(d), mu(d);
    for (int k = 0; k < d; ++k) {
      theta[k] = GridDouble(-1.0, 1.0);
      mu[k] = GridDouble(-1.0, 1.0) / std::sqrt(static_cast<double>(d));
    }
    RC_PRE(theta.norm() > 0.0);
    theta.normalize();
    RC_ASSERT(std::fabs(ClbUnitExcess(theta, mu) - (mu.norm() - theta.dot(mu))) <= 1e-14);
  });
}

TEST_CASE("Fingerprint closed forms reject invalid arguments", "[unit]") {
  REQUIRE_THROWS_WITH(MajorityG(4, 0.0), "MajorityG: n = 4, must be odd and >= 1");
  REQUIRE_THROWS_AS(MajorityGPrime(0, 0.0), std::invalid_argument);
  REQUIRE_THROWS_WITH(MajorityF1Rhs(3, 1.5), "MajorityF1Rhs: p = 1.5, must be in [-1, 1]");
  REQUIRE_THROWS_AS(MeanStatisticG(std::nan("")), std::invalid_argument);
  REQUIRE_THROWS_AS(CslErmExpectedExcess(1.1, 10), std::invalid_argument);
  REQUIRE_THROWS_AS(CslErmExpectedExcess(0.5, 0), std::invalid_argument);
}

}  // namespace
}  // namespace memgen::theory
