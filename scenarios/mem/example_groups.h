// Per-group summaries of per-example values for the §9 claims (sim::ExampleGroup: clean, noisy,
// outlier, repeated), shared by the ridge and logistic unlearning experiments.
#pragma once

#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

#include "sim/mem/regression_sample.h"

namespace memgen::scenarios {

inline constexpr std::size_t kExampleGroups = 4;

// The mean of `values` over the examples of `group` (NaN when there is none).
inline double GroupMean(const std::vector<double>& values, const std::vector<std::int64_t>& groups, sim::ExampleGroup group) {
  double sum = 0.0;
  int count = 0;
  for (std::size_t e = 0; e < values.size(); ++e)
    if (groups[e] == static_cast<std::int64_t>(group)) sum += values[e], ++count;
  return count > 0 ? sum / count : std::numeric_limits<double>::quiet_NaN();
}

inline std::vector<double> AsDoubles(const std::vector<std::int64_t>& v) { return {v.begin(), v.end()}; }

// ln |x| of every value (a planted negation keeps its logarithm).
inline std::vector<double> LogAbs(const std::vector<double>& v) {
  std::vector<double> out;
  for (double x : v) out.push_back(std::log(std::abs(x)));
  return out;
}

}  // namespace memgen::scenarios
