// Tests for theory/bo/effective_ranks.cc: BLLT Lemma 5 (r_k ≤ R_k ≤ r_k²) over random spectra, k* on
// hand-computable spectra, and the tail sums' reverse (small-to-large) accumulation (spec §2, §7.4).
#include "theory/bo/effective_ranks.h"

#include <catch2/catch.hpp>
#include <rapidcheck/catch.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace memgen::theory {
namespace {

using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;

constexpr double kRel = 1e-12;  // long-double sums rounded to double

// 10^(u/100) with u uniform on [lo, hi].
double LogUniform(int lo, int hi) { return std::pow(10.0, *rc::gen::inRange(lo, hi + 1) / 100.0); }

// A random spectrum of each kind of spec §3.6; flat-tail kinds reach d = 1e9.
theory::Spectrum DrawSpectrum() {
  theory::SpectrumOptions o;
  o.kind = *rc::gen::element(theory::SpectrumKind::kPowerLaw, theory::SpectrumKind::kLogPower, theory::SpectrumKind::kExpFloor,
                              theory::SpectrumKind::kIsotropic, theory::SpectrumKind::kSpiked);
  o.d = *rc::gen::inRange<std::int64_t>(1, 20001);
  o.alpha = *rc::gen::inRange(30, 301) / 100.0;
  o.beta = *rc::gen::inRange(50, 301) / 100.0;
  o.tau = *rc::gen::inRange(50, 2001) / 100.0;
  o.eps = *rc::gen::element(false, true) ? 0.0 : LogUniform(-800, 0);
  o.scale = LogUniform(-300, 300);
  if (o.kind == theory::SpectrumKind::kIsotropic || o.kind == theory::SpectrumKind::kSpiked ||
      (o.kind == theory::SpectrumKind::kExpFloor && o.eps > 0.0))
    o.d = *rc::gen::inRange<std::int64_t>(1, 1000000001);
  if (o.kind == theory::SpectrumKind::kSpiked) {
    o.eps = LogUniform(-400, 0);
    o.scale = o.eps * LogUniform(0, 400);
    o.spike_count = *rc::gen::inRange<std::int64_t>(0, std::min<std::int64_t>(o.d, 50) + 1);
  }
  RC_TAG(theory::SpectrumKindToString(o.kind));
  return theory::MakeSpectrum(o);
}

theory::Spectrum Flat(std::int64_t d, double value) {
  theory::Spectrum s;
  s.tail_value = value;
  s.tail_count = d;
  return s;
}

TEST_CASE("r_k <= R_k <= r_k^2 for every sorted spectrum (BLLT Lemma 5)", "[property]") {
  rc::prop("BLLT Lemma 5", [] {
    const theory::Spectrum s = DrawSpectrum();
    const EffectiveRanks ranks(s, 200);
    const std::int64_t k = *rc::gen::inRange<std::int64_t>(0, ranks.k_max() + 1);
    RC_PRE(s[k] > 0.0);  // r_k is defined only for λ_{k+1} > 0
    const double r = ranks.SmallR(k), big_r = ranks.LargeR(k);
    RC_ASSERT(r >= 1.0 - kRel);
    RC_ASSERT(r <= big_r * (1.0 + kRel));
    RC_ASSERT(big_r <= r * r * (1.0 + kRel));
  });
}

TEST_CASE("Tail sums are monotone and S_0 is the trace", "[property]") {
  rc::prop("S_k decreases in k and S_0 = tr Σ", [] {
    const theory::Spectrum s = DrawSpectrum();
    const EffectiveRanks ranks(s, 50);
    RC_ASSERT(std::fabs(ranks.TailSum(0) - s.Trace()) <= kRel * s.Trace());
    for (std::int64_t k = 1; k <= ranks.k_max(); ++k) {
      RC_ASSERT(ranks.TailSum(k) <= ranks.TailSum(k - 1));
      RC_ASSERT(ranks.TailSumSquares(k) <= ranks.TailSumSquares(k - 1));
    }
  });
}

TEST_CASE("Isotropic spectrum: r_k = R_k = d - k, and k* = 0 iff d >= b n, else infinite", "[unit]") {
  for (const std::int64_t d : {std::int64_t{1}, std::int64_t{99}, std::int64_t{100}, std::int64_t{1000000000}}) {
    const EffectiveRanks ranks(Flat(d, 0.37), 10);
    REQUIRE(ranks.k_max() == std::min<std::int64_t>(10, d - 1));
    for (std::int64_t k = 0; k <= ranks.k_max(); ++k) {
      REQUIRE_THAT(ranks.SmallR(k), WithinRel(static_cast<double>(d - k), kRel));
      REQUIRE_THAT(ranks.LargeR(k), WithinRel(static_cast<double>(d - k), kRel));
    }
    for (const double b : {0.5, 1.0, 2.0}) {
      const bool benign_start = static_cast<double>(d) >= b * 100.0;
      REQUIRE(ranks.KStar(b, 100) == (benign_start ? 0 : kInfiniteK));
      if (benign_start) REQUIRE_THAT(ranks.VarianceProxy(b, 100), WithinRel(100.0 / static_cast<double>(d), kRel));
      if (!benign_start) REQUIRE(std::isinf(ranks.VarianceProxy(b, 100)));
    }
  }
}

TEST_CASE("Spiked spectrum: k* jumps from 0 to the spike count, then to infinity", "[unit]") {
  // 5 spikes of height 1 and d − 5 = 12800 floor eigenvalues of ε = 2⁻⁷ (exact in binary):
  // r_k = (5 − k) + 100 for k < 5, and r_k = d − k for k ≥ 5.
  theory::SpectrumOptions o;
  o.kind = theory::SpectrumKind::kSpiked;
  o.d = 12805;
  o.spike_count = 5;
  o.scale = 1.0;
  o.eps = 1.0 / 128.0;
  const EffectiveRanks ranks(theory::MakeSpectrum(o), 100);
  for (std::int64_t k = 0; k < 5; ++k) REQUIRE(ranks.SmallR(k) == 105.0 - static_cast<double>(k));
  REQUIRE(ranks.SmallR(5) == 12800.0);
  REQUIRE(ranks.KStar(1.0, 105) == 0);  // r_0 = 105 = b n: BLLT's "≥" is inclusive
  REQUIRE(ranks.KStar(1.0, 106) == 5);  // r_0..r_4 ≤ 105 < 106 ≤ r_5
  REQUIRE(ranks.KStar(0.5, 211) == 5);
  REQUIRE(ranks.KStar(1.0, 12800) == 5);
  REQUIRE(ranks.KStar(1.0, 12801) == kInfiniteK);  // r_k = d − k < n for every k ≥ 5
  // Q_b(n) = k*/n + n/R_{k*}, with R_5 = d − 5 on the flat tail.
  REQUIRE_THAT(ranks.VarianceProxy(1.0, 200), WithinRel(5.0 / 200.0 + 200.0 / 12800.0, kRel));
  // TB (5): V̄_5 = 5/n + n S_5⁽²⁾/(λ_u + S_5)², with S_5 = 100 and S_5⁽²⁾ = 12800 ε² = 0.78125.
  REQUIRE_THAT(ranks.TbVarianceProxy(5, 200, 1.0), WithinRel(5.0 / 200.0 + 200.0 * 0.78125 / (101.0 * 101.0), kRel));
}

TEST_CASE("k* is infinite once lambda_{k+1} = 0", "[unit]") {
  theory::Spectrum s;
  s.head = {1.0, 1.0};
  s.tail_count = 3;  // three zero eigenvalues: r_0 = 2, r_1 = 1, then undefined
  const EffectiveRanks ranks(s, 10);
  REQUIRE(ranks.k_max() == 4);
  REQUIRE(ranks.KStar(1.0, 2) == 0);
  REQUIRE(ranks.KStar(1.0, 3) == kInfiniteK);
  REQUIRE(std::isnan(ranks.SmallR(2)));
  REQUIRE(std::isnan(ranks.LargeR(2)));
}

TEST_CASE("Tail sums accumulate small to large, not as total minus prefix", "[unit]") {
  theory::Spectrum s;
  s.head.assign(1001, 1e-25);
  s.head[0] = 1.0;  // total − prefix would give S_1 = (1 + 1e-22) − 1 = 0 even in long double
  const EffectiveRanks ranks(s, 1000);
  REQUIRE_THAT(ranks.TailSum(1), WithinRel(1e-22, kRel));
  REQUIRE_THAT(ranks.TailSumSquares(1), WithinRel(1e-47, kRel));
  REQUIRE_THAT(ranks.TailSum(1000), WithinRel(1e-25, kRel));
}

TEST_CASE("Power law i^-2: r_k ~ k + 3/2 and R_k ~ 3k + 3/2 (spec 3.6 to leading order)", "[unit]") {
  // Midpoint Euler–Maclaurin: Σ_{k<i≤d} i⁻ᵖ ≈ ∫_{k+1/2}^{d+1/2} x⁻ᵖ dx, relative error O(k⁻²).
  theory::SpectrumOptions o;
  o.kind = theory::SpectrumKind::kPowerLaw;
  o.alpha = 2.0;
  o.d = 1000000;
  const theory::Spectrum s = theory::MakeSpectrum(o);
  const EffectiveRanks ranks(s, 1000);
  long double direct = 0.0L;
  for (std::int64_t i = o.d - 1; i >= 100; --i) direct += s[i];
  REQUIRE_THAT(ranks.TailSum(100), WithinRel(static_cast<double>(direct), kRel));
  const double a = 1000.5, b = 1000000.5;
  const double tail = 1.0 / a - 1.0 / b, tail_squares = (std::pow(a, -3) - std::pow(b, -3)) / 3.0;
  REQUIRE_THAT(ranks.SmallR(1000), WithinRel(tail * 1001.0 * 1001.0, 1e-6));
  REQUIRE_THAT(ranks.LargeR(1000), WithinRel(tail * tail / tail_squares, 1e-6));
  REQUIRE_THAT(ranks.SmallR(1000) - 1000.0, WithinAbs(1.5 - 1001.0 * 1001.0 / b, 1e-3));
}

TEST_CASE("Bad inputs are rejected with std::invalid_argument", "[unit]") {
  const theory::Spectrum flat = Flat(10, 1.0);
  REQUIRE_THROWS_AS(EffectiveRanks(flat, -1), std::invalid_argument);
  theory::Spectrum unsorted;
  unsorted.head = {1.0, 2.0};
  REQUIRE_THROWS_AS(EffectiveRanks(unsorted, 1), std::invalid_argument);
  const EffectiveRanks ranks(flat, 3);
  REQUIRE_THROWS_AS(ranks.TailSum(4), std::invalid_argument);
  REQUIRE_THROWS_AS(ranks.KStar(0.0, 10), std::invalid_argument);
  REQUIRE_THROWS_AS(ranks.KStar(1.0, 0), std::invalid_argument);
}

}  // namespace
}  // namespace memgen::theory
