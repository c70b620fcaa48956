// Tests for sim/random/distributions.h: golden values and distributional checks with fixed seeds.
#include <catch2/catch.hpp>

#include <boost/math/distributions/chi_squared.hpp>
#include <boost/math/distributions/normal.hpp>

#include <Random123/uniform.hpp>

#include <cmath>
#include <vector>

#include "sim/random/box_muller_batch.h"
#include "sim/random/distributions.h"
#include "support/tolerances.h"

using namespace memgen::sim;
using Catch::Matchers::WithinRel;

namespace {

constexpr double kGoldenFirst[3] = {1.8662006594657081, 0.75828623896430758, 0.91433510561114661};  // FillNormal of stream {0, 0, 0, 0}

// Pearson chi-square p-value of `values` against a continuous CDF over K equiprobable bins
// (STYLE.md G10: K ≈ 2 N^0.4, edges from Boost.Math quantiles).
template <typename Dist>
double ChiSquarePValue(const std::vector<double>& values, const Dist& dist) {
  const auto n = static_cast<double>(values.size());
  const int bins = static_cast<int>(2.0 * std::pow(n, 0.4));
  std::vector<double> counts(static_cast<std::size_t>(bins), 0.0);
  for (double v : values) {
    int b = static_cast<int>(boost::math::cdf(dist, v) * bins);
    counts[static_cast<std::size_t>(std::min(std::max(b, 0), bins - 1))] += 1.0;
  }
  double stat = 0.0;
  const double expected = n / bins;
  for (double c : counts) stat += (c - expected) * (c - expected) / expected;
  return boost::math::cdf(boost::math::complement(boost::math::chi_squared(bins - 1), stat));
}

}  // namespace

TEST_CASE("uniforms are the Random123 conversion of the raw stream", "[unit][golden]") {
  Rng a({11, 22, 33, 0});
  Rng raw({11, 22, 33, 0});
  const double u = Uniform01(a);
  CHECK(u == r123::u01<double>(raw()));  // bit-exact
  CHECK(u > 0.0);
  CHECK(u <= 1.0);
}

TEST_CASE("bulk normals are the Box-Muller batch keyed by the stream's next block", "[unit][golden]") {
  Rng a({11, 22, 34, 0});
  Rng raw({11, 22, 34, 0});
  std::vector<double> bulk(1000);
  FillNormal(a, bulk.data(), bulk.size());
  const auto block = raw.NextBlock();
  BatchStream batch;
  batch.key[0] = static_cast<std::uint32_t>(block[0]), batch.key[1] = static_cast<std::uint32_t>(block[0] >> 32);
  batch.trial = static_cast<std::uint32_t>(block[1]), batch.role = static_cast<std::uint32_t>(block[1] >> 32);
  std::vector<double> direct(1000);
  FillBoxMullerNormals(batch, static_cast<std::uint32_t>(block[2]), 0, direct.data(), direct.size());
  CHECK(bulk == direct);
  CHECK(a() == raw());  // the call used exactly one block of the stream
  std::vector<double> none;
  FillNormal(a, none.data(), 0);
  CHECK(a() == raw());  // and none for count 0
  // Pinned first values of one stream (fixed polynomials with explicit fma: exact on any x86-64 with FMA).
  Rng c({0, 0, 0, 0});
  std::vector<double> first(3);
  FillNormal(c, first.data(), first.size());
  CHECK_THAT(first[0], WithinRel(kGoldenFirst[0], 1e-15));
  CHECK_THAT(first[1], WithinRel(kGoldenFirst[1], 1e-15));
  CHECK_THAT(first[2], WithinRel(kGoldenFirst[2], 1e-15));
}

TEST_CASE("single normals are the ziggurat on the raw stream", "[unit][golden]") {
  Rng c({0, 0, 0, 0});
  CHECK_THAT(Normal(c), WithinRel(-1.5846363371062995, 1e-14));  // glibc long-double tables; 1e-14 across libms
  CHECK_THAT(Normal(c), WithinRel(0.61497441431597188, 1e-14));
  CHECK_THAT(Normal(c), WithinRel(1.1544834293025281, 1e-14));
}

TEST_CASE("the ziggurat tail beyond R has the normal tail probability", "[unit][stat]") {
  // P(|X| > R) = 2(1 − Φ(R)) for R = 3.6541528853610088; binomial z = 5 (false failure 5.7e-7).
  const double r = 3.6541528853610088;
  const double p = 2.0 * boost::math::cdf(boost::math::complement(boost::math::normal(), r));
  Rng rng({2026, 3, 0, 0});
  const int draws = 4000000;
  int beyond = 0;
  for (int i = 0; i < draws; ++i) beyond += std::fabs(Normal(rng)) > r ? 1 : 0;
  CHECK(std::fabs(beyond - draws * p) <= 5.0 * std::sqrt(draws * p * (1 - p)));
  // and far in the tail, P(|X| > 4.5)
  const double p45 = 2.0 * boost::math::cdf(boost::math::complement(boost::math::normal(), 4.5));
  Rng rng2({2026, 4, 0, 0});
  int far = 0;
  for (int i = 0; i < draws; ++i) far += std::fabs(Normal(rng2)) > 4.5 ? 1 : 0;
  CHECK(std::fabs(far - draws * p45) <= 5.0 * std::sqrt(draws * p45));
}

TEST_CASE("normals pass a chi-square test against N(0,1)", "[unit][stat]") {
  // False-failure rate 1e-6 (threshold on the p-value), fixed seed.
  Rng rng({2026, 1, 0, 0});
  std::vector<double> values(200000);
  FillNormal(rng, values.data(), values.size());
  CHECK(ChiSquarePValue(values, boost::math::normal()) > 1e-6);
}

TEST_CASE("gamma and chi-square samplers match their distributions", "[unit][stat]") {
  for (double shape : {0.3, 1.0, 4.5, 1e6}) {
    Rng rng({2026, 2, static_cast<std::uint64_t>(shape * 10), 0});
    std::vector<double> values(50000);
    for (double& v : values) v = 2.0 * Gamma(rng, shape);  // χ² with 2·shape degrees of freedom
    INFO("shape " << shape);
    CHECK(ChiSquarePValue(values, boost::math::chi_squared(2.0 * shape)) > 1e-6);
  }
}

TEST_CASE("Rademacher signs are balanced and Bernoulli has the right mean", "[unit][stat]") {
  Rng rng({5, 6, 7, 0});
  std::vector<double> signs(100000);
  FillRademacher(rng, signs.data(), signs.size());
  double sum = 0.0;
  for (double s : signs) {
    REQUIRE(std::fabs(s) == 1.0);
    sum += s;
  }
  CHECK(std::fabs(sum) <= 5.0 * std::sqrt(100000.0));  // 5 SD: false failure 5.7e-7
  int ones = 0;
  for (int i = 0; i < 100000; ++i) ones += Bernoulli(rng, 0.3) ? 1 : 0;
  CHECK(std::fabs(ones - 30000.0) <= 5.0 * std::sqrt(100000 * 0.3 * 0.7));
}
