// Ranks and Spearman's rank correlation, see rank_correlation.h.
#include "theory/stats/rank_correlation.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "sim/core/check.h"

namespace memgen::theory {

std::vector<double> MeanRanks(const std::vector<double>& x) {
  std::vector<std::size_t> order(x.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return x[a] < x[b]; });
  std::vector<double> rank(x.size());
  for (std::size_t begin = 0; begin < order.size();) {
    std::size_t end = begin + 1;
    while (end < order.size() && x[order[end]] == x[order[begin]]) ++end;
    const double mean = 0.5 * static_cast<double>(begin + end - 1);  // mean of the 0-based ranks begin … end − 1
    for (std::size_t k = begin; k < end; ++k) rank[order[k]] = mean;
    begin = end;
  }
  return rank;
}

double Pearson(const std::vector<double>& x, const std::vector<double>& y) {
  MEMGEN_CHECK(x.size() == y.size()) << x.size() << " vs " << y.size();
  const double n = static_cast<double>(x.size());
  const double mx = std::accumulate(x.begin(), x.end(), 0.0) / n, my = std::accumulate(y.begin(), y.end(), 0.0) / n;
  double sxy = 0.0, sxx = 0.0, syy = 0.0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) * (x[i] - mx);
    syy += (y[i] - my) * (y[i] - my);
  }
  return sxx > 0.0 && syy > 0.0 ? sxy / std::sqrt(sxx * syy) : NAN;
}

double Spearman(const std::vector<double>& x, const std::vector<double>& y) {
  MEMGEN_CHECK(x.size() == y.size()) << x.size() << " vs " << y.size();
  return Pearson(MeanRanks(x), MeanRanks(y));
}

}  // namespace memgen::theory
