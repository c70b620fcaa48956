// Sample mean, standard error and Student-t confidence intervals.
//   mean = (1/T) sum x_t,  sd^2 = (1/(T-1)) sum (x_t - mean)^2,  SE = sd / sqrt(T),
//   CI = mean -/+ t_{T-1, 1-(1-level)/2} SE   (Student 1908; quantile from Boost.Math).
// Sums run in index order (two-pass), so results are independent of how the values were produced.
#pragma once

#include <cstddef>
#include <vector>

namespace memgen::theory {

struct MeanSe {
  double mean = 0.0;
  double sd = 0.0;
  double se = 0.0;
  std::size_t count = 0;
};

struct Interval {
  double lo = 0.0;
  double hi = 0.0;
};

MeanSe Summarize(const std::vector<double>& values);
Interval StudentTInterval(const MeanSe& summary, double level);

// Delta-method summary of a ratio of means x/y from paired samples (same trials):
// Var(x̄/ȳ) ≈ (1/ȳ²)(Var x̄ − 2r Cov(x̄,ȳ) + r² Var ȳ), r = x̄/ȳ.
MeanSe SummarizeRatio(const std::vector<double>& x, const std::vector<double>& y);

}  // namespace memgen::theory
