// Outliers and symmetric label noise planted in a labelled sample (planted_defects.h; §10).
#include "sim/mem/planted_defects.h"

#include <cmath>
#include <numeric>
#include <utility>

#include "sim/core/check.h"
#include "sim/mem/long_tail_sample.h"
#include "sim/random/distributions.h"

namespace memgen::sim {
namespace {

std::int64_t RoundedCount(double fraction, std::int64_t n) { return std::llround(fraction * static_cast<double>(n)); }

void MakeOutlier(LabelledSample& s, std::int64_t i, double outlier_sd, int classes, Rng& rng) {
  FillNormal(rng, s.x.row(i).data(), static_cast<std::size_t>(s.x.cols()));
  s.x.row(i) *= outlier_sd;
  s.label[static_cast<std::size_t>(i)] = UniformClassIndex(rng, classes);
  s.subpop[static_cast<std::size_t>(i)] = -1;
}

// A label uniform over the classes other than the current one.
void FlipLabel(LabelledSample& s, std::int64_t i, int classes, Rng& rng) {
  int& y = s.label[static_cast<std::size_t>(i)];
  const int other = UniformClassIndex(rng, classes - 1);
  y = other < y ? other : other + 1;
}

}  // namespace

const char* GroupName(PointGroup group) {
  switch (group) {
    case PointGroup::kClean: return "clean";
    case PointGroup::kNoisy: return "noisy";
    case PointGroup::kOutlier: return "outlier";
  }
  return "?";
}

std::vector<std::int64_t> RandomPermutation(std::int64_t n, Rng& rng) {
  std::vector<std::int64_t> order(static_cast<std::size_t>(n));
  std::iota(order.begin(), order.end(), std::int64_t{0});
  for (std::int64_t i = n - 1; i > 0; --i) std::swap(order[static_cast<std::size_t>(i)], order[UniformIndexBelow(rng, static_cast<std::uint64_t>(i + 1))]);
  return order;
}

std::vector<PointGroup> PlantDefects(LabelledSample& s, const DefectOptions& o, int classes, Rng& rng) {
  const std::int64_t n = s.x.rows();
  const std::int64_t outliers = RoundedCount(o.outlier_fraction, n), noisy = RoundedCount(o.label_noise, n);
  MEMGEN_CHECK(classes >= 2 && o.outlier_sd > 0.0 && outliers >= 0 && noisy >= 0 && outliers + noisy <= n)
      << classes << " " << o.outlier_fraction << " " << o.label_noise << " " << o.outlier_sd;
  std::vector<PointGroup> group(static_cast<std::size_t>(n), PointGroup::kClean);
  if (outliers + noisy == 0) return group;
  const std::vector<std::int64_t> order = RandomPermutation(n, rng);
  for (std::int64_t j = 0; j < outliers + noisy; ++j) {
    const std::int64_t i = order[static_cast<std::size_t>(j)];
    const bool outlier = j < outliers;
    group[static_cast<std::size_t>(i)] = outlier ? PointGroup::kOutlier : PointGroup::kNoisy;
    if (outlier) MakeOutlier(s, i, o.outlier_sd, classes, rng);
    else FlipLabel(s, i, classes, rng);
  }
  return group;
}

}  // namespace memgen::sim
