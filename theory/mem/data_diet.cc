// The data diet's exact facts and selection rules, see data_diet.h.
#include "theory/mem/data_diet.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>

namespace memgen::theory {
namespace {

std::vector<std::int64_t> DescendingOrder(const std::vector<double>& scores) {
  std::vector<std::int64_t> order(scores.size());
  std::iota(order.begin(), order.end(), std::int64_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::int64_t a, std::int64_t b) { return scores[static_cast<std::size_t>(a)] > scores[static_cast<std::size_t>(b)]; });
  return order;
}

}  // namespace

double UniformPredictionEl2n(int classes) { return std::sqrt(static_cast<double>(classes - 1) / static_cast<double>(classes)); }

double BiasedInputNorm(const double* x, int dimension) {
  double sq = 1.0;
  for (int j = 0; j < dimension; ++j) sq += x[j] * x[j];
  return std::sqrt(sq);
}

std::vector<std::int64_t> OffsetWindow(const std::vector<double>& scores, std::int64_t offset, std::int64_t size) {
  if (offset < 0 || size < 0 || offset + size > static_cast<std::int64_t>(scores.size()))
    throw std::invalid_argument("OffsetWindow: offset + size exceeds the number of scores");
  const std::vector<std::int64_t> order = DescendingOrder(scores);
  return {order.begin() + offset, order.begin() + offset + size};
}

double PrecisionAtTop(const std::vector<double>& scores, const std::vector<char>& positive, std::int64_t k) {
  if (k <= 0) return std::nan("");
  double hits = 0.0;
  for (std::int64_t i : OffsetWindow(scores, 0, k)) hits += positive[static_cast<std::size_t>(i)] ? 1.0 : 0.0;
  return hits / static_cast<double>(k);
}

}  // namespace memgen::theory
