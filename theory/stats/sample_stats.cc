// Sample statistics, see sample_stats.h.
#include "theory/stats/sample_stats.h"

#include <boost/math/distributions/students_t.hpp>

#include <cmath>
#include <limits>

#include "sim/core/check.h"

namespace memgen::theory {

MeanSe Summarize(const std::vector<double>& values) {
  MeanSe out;
  out.count = values.size();
  if (values.empty()) {
    out.mean = out.sd = out.se = std::numeric_limits<double>::quiet_NaN();
    return out;
  }
  double sum = 0.0;
  for (double v : values) sum += v;
  out.mean = sum / static_cast<double>(values.size());
  if (values.size() < 2) {
    out.sd = out.se = std::numeric_limits<double>::infinity();
    return out;
  }
  double squares = 0.0;
  for (double v : values) squares += (v - out.mean) * (v - out.mean);
  out.sd = std::sqrt(squares / static_cast<double>(values.size() - 1));
  out.se = out.sd / std::sqrt(static_cast<double>(values.size()));
  return out;
}

Interval StudentTInterval(const MeanSe& summary, double level) {
  MEMGEN_CHECK(level > 0.0 && level < 1.0) << "level " << level;
  if (summary.count < 2) return {-std::numeric_limits<double>::infinity(),
                                 std::numeric_limits<double>::infinity()};
  const boost::math::students_t dist(static_cast<double>(summary.count - 1));
  const double t = boost::math::quantile(dist, 0.5 + 0.5 * level);
  return {summary.mean - t * summary.se, summary.mean + t * summary.se};
}

MeanSe SummarizeRatio(const std::vector<double>& x, const std::vector<double>& y) {
  MEMGEN_CHECK(x.size() == y.size()) << x.size() << " vs " << y.size();
  const MeanSe sx = Summarize(x);
  const MeanSe sy = Summarize(y);
  MeanSe out;
  out.count = x.size();
  out.mean = sx.mean / sy.mean;
  if (x.size() < 2) {
    out.se = out.sd = std::numeric_limits<double>::infinity();
    return out;
  }
  double cov = 0.0;
  for (std::size_t i = 0; i < x.size(); ++i) cov += (x[i] - sx.mean) * (y[i] - sy.mean);
  cov /= static_cast<double>(x.size() - 1);
  const double t = static_cast<double>(x.size());
  const double r = out.mean;
  const double var = (sx.sd * sx.sd - 2.0 * r * cov + r * r * sy.sd * sy.sd) / (t * sy.mean * sy.mean);
  out.se = std::sqrt(std::max(var, 0.0));
  out.sd = out.se * std::sqrt(t);
  return out;
}

}  // namespace memgen::theory
