// Pearson's χ² test of uniformity, see goodness_of_fit.h.
#include "theory/stats/goodness_of_fit.h"

#include <boost/math/distributions/chi_squared.hpp>
#include <boost/math/distributions/non_central_chi_squared.hpp>

#include "sim/core/check.h"

namespace memgen::theory {

ChiSquareTest UniformChiSquare(const std::vector<std::int64_t>& counts, std::int64_t outside) {
  MEMGEN_CHECK(counts.size() >= 2 && outside >= 0) << counts.size() << " bins, " << outside << " outside";
  ChiSquareTest t;
  for (std::int64_t c : counts) {
    MEMGEN_CHECK(c >= 0) << "count " << c;
    t.total += c;
  }
  t.outside = outside;
  t.degrees_of_freedom = static_cast<double>(counts.size()) - 1.0;
  if (t.total == 0) {
    t.p_value = outside > 0 ? 0.0 : 1.0;
    return t;
  }
  const double expected = static_cast<double>(t.total) / static_cast<double>(counts.size());
  for (std::int64_t c : counts) {
    const double d = static_cast<double>(c) - expected;
    t.statistic += d * d / expected;
  }
  t.p_value = outside > 0 ? 0.0
                          : boost::math::cdf(boost::math::complement(boost::math::chi_squared_distribution<double>(t.degrees_of_freedom), t.statistic));
  return t;
}

double ChiSquareDetectableNoncentrality(double degrees_of_freedom, double alpha, double power) {
  MEMGEN_CHECK(degrees_of_freedom > 0.0 && alpha > 0.0 && alpha < 1.0 && power > alpha && power < 1.0)
      << degrees_of_freedom << " " << alpha << " " << power;
  const double critical = boost::math::quantile(boost::math::complement(boost::math::chi_squared_distribution<double>(degrees_of_freedom), alpha));
  // find_non_centrality(v, x, p): the λ with cdf(χ²_v(λ), x) = p; the power is 1 − p.
  return boost::math::non_central_chi_squared_distribution<double>::find_non_centrality(degrees_of_freedom, critical, 1.0 - power);
}

}  // namespace memgen::theory
