// Tests for theory/stats/goodness_of_fit.cc: Pearson's statistic on a hand-computed table, p-values at
// the χ² law's known points (df 2: p = e^{−x/2}), an impossible observation gives p = 0, and the
// detectable noncentrality has the stated power (checked against the noncentral χ² law directly).
#include "theory/stats/goodness_of_fit.h"

#include <boost/math/distributions/chi_squared.hpp>
#include <boost/math/distributions/non_central_chi_squared.hpp>
#include <catch2/catch.hpp>

#include <cmath>

namespace memgen::theory {
namespace {

TEST_CASE("Pearson's chi2 against the uniform law", "[unit]") {
  const ChiSquareTest t = UniformChiSquare({10, 20, 30});  // E = 20
  CHECK(t.total == 60);
  CHECK(t.statistic == Approx((100.0 + 0.0 + 100.0) / 20.0).margin(1e-14));
  CHECK(t.degrees_of_freedom == 2.0);
  CHECK(t.p_value == Approx(std::exp(-t.statistic / 2.0)).epsilon(1e-12));  // χ²₂ tail
  const ChiSquareTest flat = UniformChiSquare({7, 7, 7, 7});
  CHECK(flat.statistic == 0.0);
  CHECK(flat.p_value == Approx(1.0).margin(1e-15));
  CHECK(UniformChiSquare({7, 7, 7, 7}, 1).p_value == 0.0);  // an impossible value
}

TEST_CASE("the detectable noncentrality has power 0.9 at the level", "[unit]") {
  for (double df : {31.0, 127.0})
    for (double alpha : {1e-3, 5e-7}) {
      const double lambda = ChiSquareDetectableNoncentrality(df, alpha, 0.9);
      const double critical = boost::math::quantile(boost::math::complement(boost::math::chi_squared_distribution<double>(df), alpha));
      const double power = boost::math::cdf(boost::math::complement(boost::math::non_central_chi_squared_distribution<double>(df, lambda), critical));
      CHECK(power == Approx(0.9).margin(1e-6));
    }
}

}  // namespace
}  // namespace memgen::theory
