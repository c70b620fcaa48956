// Tests for theory/bo/isotropic_oracle.cc: the exact isotropic finite-n oracles of spec §6.1, their
// undefined (NaN) cells, and their relation to the isotropic deterministic equivalent (§5.1).
#include "theory/bo/isotropic_oracle.h"

#include <catch2/catch.hpp>
#include <rapidcheck/catch.h>

#include <cmath>

#include "theory/bo/deterministic_equivalent.h"

namespace memgen::theory {
namespace {

using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;

constexpr double kRel = 1e-14;

TEST_CASE("Gaussian oracle values: n/(d - n - 1) overparameterised, d/(n - d - 1) underparameterised", "[unit]") {
  REQUIRE_THAT(IsotropicExpectedVariance(100, 300, 1.0), WithinRel(100.0 / 199.0, kRel));
  REQUIRE_THAT(IsotropicExpectedVariance(300, 100, 1.0), WithinRel(100.0 / 199.0, kRel));
  REQUIRE_THAT(IsotropicExpectedVariance(100, 300, 0.25), WithinRel(25.0 / 199.0, kRel));
  REQUIRE_THAT(IsotropicExpectedVariance(100, 102, 1.0), WithinRel(100.0, kRel));
  REQUIRE_THAT(IsotropicExpectedVariance(102, 100, 1.0), WithinRel(100.0, kRel));
  REQUIRE_THAT(IsotropicExpectedBias(100, 300, 1.0), WithinRel(2.0 / 3.0, kRel));
  REQUIRE_THAT(IsotropicExpectedBias(100, 300, 4.0), WithinRel(8.0 / 3.0, kRel));
  REQUIRE(IsotropicExpectedBias(300, 100, 1.0) == 0.0);
  REQUIRE(IsotropicExpectedBias(100, 100, 1.0) == 0.0);  // interpolation with d = n: exact fit of θ
  // BO-E0 expected: exact 0.6667 and 0.5025; §6.1 pure noise: 1 + n/(d − n − 1) = 1.1112 at d = 1000.
  REQUIRE_THAT(IsotropicExpectedBias(100, 300, 1.0), WithinAbs(0.6667, 5e-5));
  REQUIRE_THAT(IsotropicExpectedVariance(100, 300, 1.0), WithinAbs(0.5025, 5e-5));
  REQUIRE_THAT(1.0 + IsotropicExpectedVariance(100, 1000, 1.0), WithinAbs(1.1112, 5e-5));
}

TEST_CASE("BO-E4(c): isotropic d = n^1.5 is not benign (V -> 0 but B -> 1)", "[unit]") {
  REQUIRE_THAT(IsotropicExpectedVariance(100, 1000, 1.0), WithinAbs(0.111, 5e-4));
  REQUIRE_THAT(IsotropicExpectedVariance(6400, 512000, 1.0), WithinAbs(0.0127, 5e-5));
  REQUIRE_THAT(IsotropicExpectedBias(100, 1000, 1.0), WithinAbs(0.90, 5e-3));
  REQUIRE_THAT(IsotropicExpectedBias(6400, 512000, 1.0), WithinAbs(0.99, 5e-3));
}

TEST_CASE("Gaussian variance is NaN where its mean is infinite or the input is invalid", "[unit]") {
  for (const std::int64_t d : {99, 100, 101}) REQUIRE(std::isnan(IsotropicExpectedVariance(100, d, 1.0)));
  REQUIRE(std::isnan(IsotropicExpectedVariance(0, 10, 1.0)));
  REQUIRE(std::isnan(IsotropicExpectedVariance(10, 0, 1.0)));
  REQUIRE(std::isnan(IsotropicExpectedVariance(10, 20, -1.0)));
  REQUIRE(std::isnan(IsotropicExpectedBias(0, 10, 1.0)));
  REQUIRE(std::isnan(IsotropicExpectedBias(10, 20, std::nan(""))));
}

TEST_CASE("Sphere oracle: n(d - 2)/(d(d - n - 1)), 1/d at n = 1, 1/n at d = 1, NaN otherwise", "[unit]") {
  REQUIRE_THAT(SphereExpectedVariance(100, 300, 1.0), WithinRel(100.0 * 298.0 / (300.0 * 199.0), kRel));
  REQUIRE_THAT(SphereExpectedVariance(100, 300, 3.0), WithinRel(300.0 * 298.0 / (300.0 * 199.0), kRel));
  REQUIRE_THAT(SphereExpectedVariance(1, 2, 1.0), WithinRel(0.5, kRel));
  REQUIRE_THAT(SphereExpectedVariance(1, 10, 1.0), WithinRel(0.1, kRel));
  REQUIRE_THAT(SphereExpectedVariance(7, 1, 1.0), WithinRel(1.0 / 7.0, kRel));
  for (const std::int64_t d : {50, 99, 100, 101}) REQUIRE(std::isnan(SphereExpectedVariance(100, d, 1.0)));
  REQUIRE(std::isnan(SphereExpectedVariance(0, 10, 1.0)));
}

TEST_CASE("Oracle identities over random sizes", "[property]") {
  rc::prop("sphere < Gaussian; the n = 1 sphere formula is the general one; V(n, d) = V(d, n)", [] {
    const std::int64_t n = *rc::gen::inRange<std::int64_t>(1, 100000);
    const std::int64_t d = n + *rc::gen::inRange<std::int64_t>(2, 1000000);
    const double sigma2 = *rc::gen::inRange(1, 1000) / 100.0;
    const double gauss = IsotropicExpectedVariance(n, d, sigma2), sphere = SphereExpectedVariance(n, d, sigma2);
    RC_ASSERT(sphere > 0.0);
    RC_ASSERT(sphere < gauss);
    RC_ASSERT(std::fabs(sphere / gauss - static_cast<double>(d - 2) / static_cast<double>(d)) <= 1e-13);
    RC_ASSERT(IsotropicExpectedVariance(d, n, sigma2) ==
              sigma2 * static_cast<double>(n) / static_cast<double>(d - n - 1));
    const double bias = IsotropicExpectedBias(n, d, 1.0);
    RC_ASSERT(bias > 0.0 && bias < 1.0);
  });
}

TEST_CASE("Isotropic DE vs exact oracle: B_DE = E B and V_DE = E V (d - n - 1)/(d - n)", "[property]") {
  rc::prop("the DE misses the oracle variance only by the Wishart −1", [] {
    const std::int64_t n = *rc::gen::inRange<std::int64_t>(1, 2000);
    const std::int64_t d = n + *rc::gen::inRange<std::int64_t>(2, 100000);
    theory::Spectrum identity;
    identity.tail_value = 1.0;
    identity.tail_count = d;
    DeOptions options;
    options.n = n;
    const DeResult de = DeterministicEquivalent(identity, {1.0}, options);
    RC_ASSERT(de.ok);
    const double gap = static_cast<double>(d - n - 1) / static_cast<double>(d - n);
    RC_ASSERT(std::fabs(de.variance / (IsotropicExpectedVariance(n, d, 1.0) * gap) - 1.0) <= 1e-11);
    RC_ASSERT(std::fabs(de.bias / IsotropicExpectedBias(n, d, 1.0) - 1.0) <= 1e-11);
  });
}

}  // namespace
}  // namespace memgen::theory
