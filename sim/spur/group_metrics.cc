// Group metrics, see group_metrics.h.
#include "sim/spur/group_metrics.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "sim/core/check.h"

namespace memgen::sim {

GroupAccuracy AccuracyByGroup(const Eigen::VectorXd& logits, const Eigen::VectorXd& y, const std::vector<char>& minority) {
  MEMGEN_CHECK(logits.size() == y.size() && static_cast<std::size_t>(y.size()) == minority.size()) << y.size();
  double right[2] = {0, 0}, count[2] = {0, 0};
  for (Eigen::Index i = 0; i < y.size(); ++i) {
    const int g = minority[static_cast<std::size_t>(i)] ? 1 : 0;
    count[g] += 1.0;
    right[g] += (logits(i) > 0.0) == (y(i) > 0.0) ? 1.0 : 0.0;
  }
  GroupAccuracy a;
  a.majority = count[0] > 0 ? right[0] / count[0] : 1.0;
  a.minority = count[1] > 0 ? right[1] / count[1] : 1.0;
  return a;
}

double WorstCellAccuracy(const Eigen::VectorXd& logits, const Eigen::VectorXd& y, const std::vector<char>& inferred) {
  MEMGEN_CHECK(logits.size() == y.size() && static_cast<std::size_t>(y.size()) == inferred.size()) << y.size();
  double right[4] = {0, 0, 0, 0}, count[4] = {0, 0, 0, 0};
  for (Eigen::Index i = 0; i < y.size(); ++i) {
    const int cell = 2 * (y(i) > 0.0 ? 1 : 0) + (inferred[static_cast<std::size_t>(i)] ? 1 : 0);
    count[cell] += 1.0;
    right[cell] += (logits(i) > 0.0) == (y(i) > 0.0) ? 1.0 : 0.0;
  }
  double worst = 1.0;
  for (int c = 0; c < 4; ++c)
    if (count[c] > 0) worst = std::min(worst, right[c] / count[c]);
  return worst;
}

double Auroc(const Eigen::VectorXd& score, const std::vector<char>& positive) {
  const auto n = static_cast<std::size_t>(score.size());
  MEMGEN_CHECK(positive.size() == n) << n;
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return score(static_cast<Eigen::Index>(a)) < score(static_cast<Eigen::Index>(b));
  });
  // Mid-ranks for ties; AUROC = (R₊ − n₊(n₊ + 1)/2)/(n₊ n₋).
  double rank_sum = 0.0, positives = 0.0;
  for (std::size_t start = 0; start < n;) {
    std::size_t end = start;
    while (end < n && score(static_cast<Eigen::Index>(order[end])) == score(static_cast<Eigen::Index>(order[start]))) ++end;
    const double mid = 0.5 * static_cast<double>(start + 1 + end);
    for (std::size_t k = start; k < end; ++k)
      if (positive[order[k]]) {
        rank_sum += mid;
        positives += 1.0;
      }
    start = end;
  }
  const double negatives = static_cast<double>(n) - positives;
  if (positives == 0.0 || negatives == 0.0) return NAN;
  return (rank_sum - positives * (positives + 1.0) / 2.0) / (positives * negatives);
}

}  // namespace memgen::sim
