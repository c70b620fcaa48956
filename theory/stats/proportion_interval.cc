// Binomial proportion intervals, see proportion_interval.h.
#include "theory/stats/proportion_interval.h"

#include <boost/math/distributions/normal.hpp>
#include <boost/math/special_functions/beta.hpp>

#include <cmath>

#include "sim/core/check.h"

namespace memgen::theory {

Interval ClopperPearson(std::int64_t successes, std::int64_t trials, double level) {
  MEMGEN_CHECK(trials > 0 && successes >= 0 && successes <= trials) << successes << "/" << trials;
  MEMGEN_CHECK(level > 0.0 && level < 1.0) << "level " << level;
  const double alpha = 1.0 - level;
  const double k = static_cast<double>(successes);
  const double n = static_cast<double>(trials);
  Interval out{0.0, 1.0};
  if (successes > 0) out.lo = boost::math::ibeta_inv(k, n - k + 1.0, alpha / 2.0);
  if (successes < trials) out.hi = boost::math::ibeta_inv(k + 1.0, n - k, 1.0 - alpha / 2.0);
  return out;
}

Interval Wilson(std::int64_t successes, std::int64_t trials, double level) {
  MEMGEN_CHECK(trials > 0 && successes >= 0 && successes <= trials) << successes << "/" << trials;
  const double z = boost::math::quantile(boost::math::normal(), 0.5 + 0.5 * level);
  const double n = static_cast<double>(trials);
  const double p = static_cast<double>(successes) / n;
  const double center = (p + z * z / (2.0 * n)) / (1.0 + z * z / n);
  const double half = z * std::sqrt(p * (1.0 - p) / n + z * z / (4.0 * n * n)) / (1.0 + z * z / n);
  return {center - half, center + half};
}

}  // namespace memgen::theory
