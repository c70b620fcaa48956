// Tests for theory/stats/two_sample_ks.h: the statistic on hand-made samples, the exact p-value
// against SciPy 1.10's exact two-sample test (scipy.stats.ks_2samp(method="exact"), run once by hand;
// the values are SciPy's, printed to 12 digits), and the asymptotic branch against the exact one.
#include <catch2/catch.hpp>

#include <vector>

#include "theory/stats/two_sample_ks.h"

namespace memgen::theory {

TEST_CASE("two-sample KS statistic and exact p-value", "[unit]") {
  std::vector<double> a, b;
  for (int i = 0; i < 10; ++i) a.push_back(i);
  for (int i = 0; i < 7; ++i) b.push_back(i + 4.3);
  const TwoSampleKs t = TwoSampleKsTest(a, b);
  CHECK(t.statistic == Approx(0.5));
  CHECK(t.p_value == Approx(0.1893767996709173).epsilon(1e-9));
  CHECK(TwoSampleKsPValue(16.0 / 64, 64, 64) == Approx(0.03624313869735272).epsilon(1e-9));
  CHECK(TwoSampleKsPValue(7.0 / 64, 64, 64) == Approx(0.842628651159718).epsilon(1e-9));
}

TEST_CASE("two-sample KS: identical samples give D = 0 and p = 1, disjoint ones D = 1", "[unit]") {
  const std::vector<double> a = {0.1, 0.5, 0.9};
  CHECK(TwoSampleKsTest(a, a).statistic == 0.0);
  CHECK(TwoSampleKsTest(a, a).p_value == 1.0);
  const TwoSampleKs t = TwoSampleKsTest(a, {2.0, 3.0, 4.0});
  CHECK(t.statistic == 1.0);
  CHECK(t.p_value == Approx(2.0 / 20.0));  // 2 of the C(6, 3) = 20 interleavings reach D = 1
}

TEST_CASE("two-sample KS: the asymptotic law approaches the exact one", "[unit]") {
  // n = m = 400 is still exact; 600 + 600 uses the asymptotic series with Stephens' correction, within
  // 10 % of SciPy's exact value there (scipy.stats._stats_py._compute_prob_outside_square(600, 60)).
  CHECK(TwoSampleKsPValue(40.0 / 400, 400, 400) == Approx(0.036569856408414286).epsilon(1e-8));
  CHECK(TwoSampleKsPValue(60.0 / 600, 600, 600) == Approx(0.004932690564968613).epsilon(0.1));
}

}  // namespace memgen::theory

namespace memgen::theory {

TEST_CASE("two-sample KS: the critical distance is the first with p at most the level", "[unit]") {
  const double d = TwoSampleKsCriticalDistance(64, 0.05) + 1e-9;  // the lattice distance itself
  CHECK(TwoSampleKsPValue(d, 64, 64) <= 0.05);
  CHECK(TwoSampleKsPValue(d - 1.0 / 64, 64, 64) > 0.05);
  // n = 100: 0.21 − 0.01 rounds to 0.19999999999999998, below the lattice value 0.2 = 20/100, which
  // rejects at 0.05 (p = 0.036); the returned critical distance still counts it as a rejection.
  const double critical = TwoSampleKsCriticalDistance(100, 0.05);
  CHECK(TwoSampleKsPValue(0.2, 100, 100) <= 0.05);
  CHECK_FALSE(0.21 - 0.01 < critical);
  CHECK(TwoSampleKsCriticalDistance(2, 1e-6) == 2.0);  // two points a side never reject at 1e-6
}

}  // namespace memgen::theory
