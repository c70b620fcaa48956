// Tests for theory/sco/cmi.cc: binary entropy, the Fano CMI lower bound (0 at P_e = ½, n log 2 at P_e = 0,
// decreasing on [0, ½], bits = nats / ln 2), the CLB generalisation bound, the Gaussian-mechanism σ and the
// DP cap m/n ≤ e^ε ξ + δ (sco_traceability.md §3, §7, §8.6).
#include "theory/sco/cmi.h"

#include <catch2/catch.hpp>
#include <rapidcheck/catch.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <stdexcept>

#include "support/tolerances.h"

namespace memgen::theory {
namespace {

using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;

const double kLn2 = std::log(2.0);

TEST_CASE("Binary entropy: endpoints, symmetry, and h_b(1/4) = ln 4 - (3/4) ln 3", "[unit]") {
  CHECK(BinaryEntropyNats(0.0) == 0.0);
  CHECK(BinaryEntropyNats(1.0) == 0.0);
  CHECK_THAT(BinaryEntropyNats(0.5), WithinRel(kLn2, test::kRelTight));
  CHECK_THAT(BinaryEntropyBits(0.5), WithinRel(1.0, test::kRelTight));
  CHECK_THAT(BinaryEntropyNats(0.25), WithinRel(std::log(4.0) - 0.75 * std::log(3.0), test::kRelTight));
  CHECK_THAT(BinaryEntropyNats(0.1), WithinRel(BinaryEntropyNats(0.9), test::kRelTight));
  CHECK_THAT(BinaryEntropyNats(1e-300), WithinRel(1e-300 * (300.0 * std::log(10.0) + 1.0), 1e-12));
  REQUIRE_THROWS_AS(BinaryEntropyNats(-0.1), std::invalid_argument);
  REQUIRE_THROWS_AS(BinaryEntropyBits(1.1), std::invalid_argument);
}

TEST_CASE("Fano CMI bound: 0 at P_e = 1/2 (and above), n log 2 at P_e = 0", "[unit]") {
  for (const std::int64_t n : {1, 25, 400, 1000000}) {
    const double nd = static_cast<double>(n);
    CHECK_THAT(FanoCmiLowerBoundNats(n, 0.5), WithinAbs(0.0, 1e-15 * nd));
    CHECK_THAT(FanoCmiLowerBoundBits(n, 0.5), WithinAbs(0.0, 1e-15 * nd));
    CHECK(FanoCmiLowerBoundNats(n, 0.8) == FanoCmiLowerBoundNats(n, 0.5));  // min(P_e, ½)
    CHECK_THAT(FanoCmiLowerBoundNats(n, 0.0), WithinRel(nd * kLn2, test::kRelTight));
    CHECK_THAT(FanoCmiLowerBoundBits(n, 0.0), WithinRel(nd, test::kRelTight));
  }
  CHECK_THAT(FanoCmiLowerBoundNats(100, 0.25), WithinRel(100.0 * (kLn2 - BinaryEntropyNats(0.25)), test::kRelTight));
  REQUIRE_THROWS_AS(FanoCmiLowerBoundNats(-1, 0.1), std::invalid_argument);
  REQUIRE_THROWS_WITH(FanoCmiLowerBoundBits(10, 1.5), "FanoCmiLowerBoundBits: error_rate = 1.5, must be in [0, 1]");
}

TEST_CASE("Fano CMI bound decreases in P_e on [0, 1/2], and bits = nats / ln 2", "[property]") {
  rc::prop("monotone and unit conversion", [] {
    const std::int64_t n = *rc::gen::inRange<std::int64_t>(1, 100001);
    const int i = *rc::gen::inRange(0, 500001), j = *rc::gen::inRange(0, 500001);
    const double lo = std::min(i, j) / 1e6, hi = std::max(i, j) / 1e6;
    const double at_lo = FanoCmiLowerBoundNats(n, lo), at_hi = FanoCmiLowerBoundNats(n, hi);
    RC_ASSERT(at_hi <= at_lo);
    if (hi > lo) RC_ASSERT(at_hi < at_lo);  // h_b strictly increasing on [0, ½]
    RC_ASSERT(at_lo >= 0.0);
    RC_ASSERT(at_lo <= static_cast<double>(n) * kLn2 * (1.0 + 1e-15));  // CMI ≤ n log 2
    const double bits = FanoCmiLowerBoundBits(n, lo);
    RC_ASSERT(std::fabs(bits - at_lo / kLn2) <= 1e-12 * (1.0 + bits));
    RC_ASSERT(std::fabs(BinaryEntropyBits(hi) - BinaryEntropyNats(hi) / kLn2) <= 1e-15);
  });
}

TEST_CASE("CLB generalisation bound L R sqrt(8 CMI/n)", "[unit]") {
  CHECK_THAT(ClbGeneralisationBound(2.0, 3.0, 50.0, 100), WithinRel(12.0, test::kRelTight));
  // Perfect decoding (CMI = n log 2) makes the bound √(8 log 2) ≈ 2.35 L R: vacuous (§8.1 (ii)).
  CHECK_THAT(ClbGeneralisationBound(1.0, 1.0, FanoCmiLowerBoundNats(400, 0.0), 400),
             WithinRel(std::sqrt(8.0 * kLn2), test::kRelTight));
  CHECK(ClbGeneralisationBound(1.0, 1.0, 0.0, 10) == 0.0);
  REQUIRE_THROWS_AS(ClbGeneralisationBound(-1.0, 1.0, 1.0, 10), std::invalid_argument);
  REQUIRE_THROWS_AS(ClbGeneralisationBound(1.0, 1.0, 1.0, 0), std::invalid_argument);
}

TEST_CASE("Gaussian mechanism: sigma = Delta_2 sqrt(2 ln(1.25/delta)) / eps, eps < 1 only", "[unit]") {
  // Reference values computed independently (Python, double precision).
  CHECK_THAT(GaussianMechanismSigma(2.0 / 100.0, 0.5, 1e-5), WithinRel(0.19379221050421558, 1e-14));
  CHECK_THAT(GaussianMechanismSigma(2.0, 0.9, 1e-6), WithinRel(11.775116726334385, 1e-14));
  CHECK(GaussianMechanismSigma(0.0, 0.5, 1e-5) == 0.0);
  REQUIRE_THROWS_WITH(GaussianMechanismSigma(0.02, 1.0, 1e-5),
                      "GaussianMechanismSigma: epsilon_dp = 1, must be in (0, 1) (classical calibration)");
  REQUIRE_THROWS_AS(GaussianMechanismSigma(0.02, 1.5, 1e-5), std::invalid_argument);
  REQUIRE_THROWS_AS(GaussianMechanismSigma(0.02, 0.0, 1e-5), std::invalid_argument);
  REQUIRE_THROWS_AS(GaussianMechanismSigma(0.02, 0.5, 0.0), std::invalid_argument);
  REQUIRE_THROWS_AS(GaussianMechanismSigma(0.02, 0.5, 1.0), std::invalid_argument);
  REQUIRE_THROWS_AS(GaussianMechanismSigma(-0.02, 0.5, 1e-5), std::invalid_argument);
}

TEST_CASE("DP cap m/n <= e^eps xi + delta: hand values and randomized response", "[unit]") {
  CHECK_THAT(DpTracingCap(0.0, 0.0, 0.01), WithinRel(0.01, test::kRelTight));
  CHECK_THAT(DpTracingCap(std::log(2.0), 1e-3, 0.01), WithinRel(0.021, test::kRelTight));
  // Randomized response on one uniform bit is ε-DP. The tracer 1{θ = z} has per-point FPR ξ = ½ on a fresh
  // bit and recall m/n = e^ε/(1 + e^ε) on the training bit; the cap e^ε/2 holds since 1 + e^ε ≥ 2.
  for (const double eps : {0.1, 0.5, 0.9, 2.0}) {
    const double recall = std::exp(eps) / (1.0 + std::exp(eps));
    CHECK(recall <= DpTracingCap(eps, 0.0, 0.5));
  }
  REQUIRE_THROWS_AS(DpTracingCap(-0.1, 0.0, 0.1), std::invalid_argument);
  REQUIRE_THROWS_AS(DpTracingCap(0.5, 1.5, 0.1), std::invalid_argument);
  REQUIRE_THROWS_WITH(DpTracingCap(0.5, 0.0, -0.1), "DpTracingCap: xi = -0.1, must be in [0, 1]");
}

}  // namespace
}  // namespace memgen::theory
