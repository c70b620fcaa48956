// Tests for theory/mem/long_tail.cc: τ_ℓ against a direct (non-log) sum; the identity
// τ_ℓ = E[level-ℓ mass]/E[#level ℓ]; τ₁·E[#singletons] = E[singleton mass] (the spec's bound is an
// equality in expectation); a uniform prior gives τ_ℓ = 1/N; log space survives n where the direct
// sum underflows; and the spec's figures (§7) at N = n = 5000 and N = n = 50,000, s_Z = 1.
#include "theory/mem/long_tail.h"

#include <catch2/catch.hpp>

#include <cmath>

namespace memgen::theory {
namespace {

double DirectTau(const std::vector<double>& f, int n, int l) {
  double num = 0.0, den = 0.0;
  for (double p : f) {
    const double w = std::pow(p, l) * std::pow(1.0 - p, n - l);
    num += p * w;
    den += w;
  }
  return num / den;
}

TEST_CASE("tau_l matches the direct sum on small Zipf priors", "[unit]") {
  for (double s : {0.5, 1.0, 1.5})
    for (int n : {10, 200, 5000}) {
      const auto f = ZipfFrequencies(1000, s);
      for (int l : {0, 1, 2, 3}) CHECK(Tau(f, n, l) == Approx(DirectTau(f, n, l)).epsilon(1e-11));
    }
}

TEST_CASE("Zipf frequencies are normalised and decreasing", "[unit]") {
  const auto f = ZipfFrequencies(5000, 1.0);
  double sum = 0.0;
  for (double p : f) sum += p;
  CHECK(sum == Approx(1.0).margin(1e-13));
  for (std::size_t k = 1; k < f.size(); ++k) CHECK(f[k] < f[k - 1]);
  CHECK(f[0] / f[1] == Approx(2.0).epsilon(1e-14));
}

TEST_CASE("tau_l is the level-l mass over the level-l count, tau_1 E[#singletons] = singleton mass", "[unit]") {
  const auto f = ZipfFrequencies(3000, 1.2);
  for (int n : {100, 3000, 20000})
    for (int l : {1, 2, 3})
      CHECK(ExpectedLevelMass(f, n, l) / ExpectedLevelCount(f, n, l) == Approx(Tau(f, n, l)).epsilon(1e-12));
  const LongTailSummary s = SummariseLongTail(f, 3000, 10);
  CHECK(s.tau_bound == Approx(s.cost_of_not_memorizing).epsilon(1e-12));
  CHECK(s.cost_of_not_memorizing == Approx(0.9 * s.singleton_mass).epsilon(1e-15));
}

TEST_CASE("a uniform prior gives tau_l = 1/N and Binomial level counts", "[unit]") {
  const std::vector<double> f(400, 1.0 / 400);
  for (int l : {0, 1, 2, 3}) CHECK(Tau(f, 1000, l) == Approx(1.0 / 400).epsilon(1e-12));
  const double p = 1.0 / 400;
  CHECK(ExpectedLevelCount(f, 1000, 1) == Approx(400 * 1000 * p * std::pow(1 - p, 999)).epsilon(1e-12));
}

TEST_CASE("log space: n = 10^7 where the direct weights underflow", "[unit]") {
  const auto f = ZipfFrequencies(100, 1.0);
  const double t = Tau(f, 10000000, 1);
  CHECK(std::isfinite(t));
  CHECK(t == Approx(f.back()).epsilon(1e-3));  // only the rarest point can still be a singleton
}

TEST_CASE("the spec's figures: N = n = 5000 and N = n = 50,000, s_Z = 1, m = 10", "[unit]") {
  const LongTailSummary a = SummariseLongTail(ZipfFrequencies(5000, 1.0), 5000, 10);
  CHECK(5000 * a.tau[1] == Approx(0.52).margin(0.005));  // "n·τ₁ = 0.52" (0.5156)
  CHECK(1.04e-4 / a.tau[1] - 1.0 > 0.005);                 // the printed 1.04e-4 is ~1 % high
  CHECK(1.04e-4 / a.tau[1] - 1.0 < 0.015);
  CHECK(a.singleton_mass == Approx(0.10).margin(0.005));   // "total singleton mass ≈ 0.10"
  CHECK(a.singleton_fraction == Approx(0.191).margin(0.0005));  // spec's simulated 19.3 % is a sample value
  const LongTailSummary b = SummariseLongTail(ZipfFrequencies(50000, 1.0), 50000, 10);
  CHECK(50000 * b.tau[1] == Approx(0.47).margin(0.005));   // "≈ 0.47/n"
  CHECK(b.singleton_fraction == Approx(0.17).margin(0.005));  // "≈ 17 % singletons"
  CHECK(b.cost_of_not_memorizing == Approx(0.07).margin(0.005));  // "≈ 7 %"
  CHECK(b.optimal_error == Approx(0.15).margin(0.005));    // "optimal error ≈ 15 %"
}

TEST_CASE("bad arguments throw", "[unit]") {
  CHECK_THROWS(ZipfFrequencies(0, 1.0));
  CHECK_THROWS(Tau({0.5, 0.5}, 10, 11));
  CHECK_THROWS(Tau({1.0}, 10, 1));
  CHECK_THROWS(GuessingCost(0.1, 1));
}

}  // namespace
}  // namespace memgen::theory
