// Point-balanced mask constructions (balanced_masks.h; §7).
#include "sim/mem/balanced_masks.h"

#include <algorithm>
#include <numeric>
#include <vector>

#include "sim/core/check.h"
#include "sim/mem/long_tail_sample.h"
#include "sim/random/distributions.h"

namespace memgen::sim {
namespace {

void Shuffle(std::vector<std::int64_t>& v, Rng& rng) {
  for (std::size_t k = v.size(); k > 1; --k)
    std::swap(v[k - 1], v[static_cast<std::size_t>(UniformClassIndex(rng, static_cast<int>(k)))]);
}

}  // namespace

theory::MaskMatrix LiraArgsortMask(std::int64_t runs, std::int64_t points, std::int64_t runs_in, Rng& rng) {
  MEMGEN_CHECK(runs >= 2 && points >= 1 && runs_in >= 1 && runs_in < runs) << runs << " " << points << " " << runs_in;
  theory::MaskMatrix in = theory::MaskMatrix::Constant(runs, points, false);
  std::vector<double> key(static_cast<std::size_t>(runs));
  std::vector<std::int64_t> order(static_cast<std::size_t>(runs));
  for (std::int64_t i = 0; i < points; ++i) {
    for (double& u : key) u = Uniform01(rng);
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::int64_t a, std::int64_t b) {
      return key[static_cast<std::size_t>(a)] < key[static_cast<std::size_t>(b)];
    });
    for (std::int64_t k = 0; k < runs_in; ++k) in(order[static_cast<std::size_t>(k)], i) = true;
  }
  return in;
}

theory::MaskMatrix ShuffledCyclicMask(std::int64_t runs, std::int64_t points, std::int64_t runs_in, Rng& rng) {
  MEMGEN_CHECK(runs >= 2 && points >= 1) << runs << " " << points;
  std::vector<std::int64_t> offsets(static_cast<std::size_t>(points));
  for (std::int64_t i = 0; i < points; ++i) offsets[static_cast<std::size_t>(i)] = i % runs;
  Shuffle(offsets, rng);
  return theory::CyclicMask(runs, offsets, runs_in);
}

theory::MaskMatrix SubsetChoiceMask(std::int64_t runs, std::int64_t points, std::int64_t subset_size, Rng& rng) {
  MEMGEN_CHECK(runs >= 1 && subset_size >= 1 && subset_size < points) << runs << " " << points << " " << subset_size;
  theory::MaskMatrix in = theory::MaskMatrix::Constant(runs, points, false);
  std::vector<std::int64_t> order(static_cast<std::size_t>(points));
  for (std::int64_t j = 0; j < runs; ++j) {
    std::iota(order.begin(), order.end(), 0);
    Shuffle(order, rng);
    for (std::int64_t k = 0; k < subset_size; ++k) in(j, order[static_cast<std::size_t>(k)]) = true;
  }
  return in;
}

}  // namespace memgen::sim
