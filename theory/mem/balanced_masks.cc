// The subsampled memorization estimator and the balanced-mask identity (balanced_masks.h; §7).
#include "theory/mem/balanced_masks.h"

#include <cmath>
#include <limits>
#include <stdexcept>

namespace memgen::theory {
namespace {

void CheckShapes(const CorrectnessMatrix& c, const MaskMatrix& in) {
  if (c.rows() != in.rows() || c.cols() != in.cols() || c.size() == 0)
    throw std::invalid_argument("memorization estimate: correctness and mask must be non-empty and of one shape");
}

// Mean and variance/count of the entries of column i with mask value `side`.
struct GroupMean {
  double mean = std::numeric_limits<double>::quiet_NaN();
  double var_of_mean = std::numeric_limits<double>::quiet_NaN();
};
GroupMean ColumnGroup(const CorrectnessMatrix& c, const MaskMatrix& in, Eigen::Index i, bool side) {
  double sum = 0.0, count = 0.0;
  for (Eigen::Index j = 0; j < c.rows(); ++j)
    if (in(j, i) == side) { sum += c(j, i); count += 1.0; }
  GroupMean g;
  if (count == 0.0) return g;
  g.mean = sum / count;
  if (count < 2.0) return g;
  double ss = 0.0;
  for (Eigen::Index j = 0; j < c.rows(); ++j)
    if (in(j, i) == side) ss += (c(j, i) - g.mean) * (c(j, i) - g.mean);
  g.var_of_mean = ss / (count - 1.0) / count;
  return g;
}

}  // namespace

MemorizationEstimate EstimateMemorization(const CorrectnessMatrix& c, const MaskMatrix& in) {
  CheckShapes(c, in);
  MemorizationEstimate e;
  e.mem.resize(static_cast<std::size_t>(c.cols()));
  e.se.resize(static_cast<std::size_t>(c.cols()));
  for (Eigen::Index i = 0; i < c.cols(); ++i) {
    const GroupMean a = ColumnGroup(c, in, i, true), b = ColumnGroup(c, in, i, false);
    e.mem[static_cast<std::size_t>(i)] = a.mean - b.mean;
    e.se[static_cast<std::size_t>(i)] = std::sqrt(a.var_of_mean + b.var_of_mean);
  }
  return e;
}

double MeanOf(const std::vector<double>& v) {
  if (v.empty()) return std::numeric_limits<double>::quiet_NaN();
  double s = 0.0;
  for (double x : v) s += x;
  return s / static_cast<double>(v.size());
}

bool IsPointBalanced(const MaskMatrix& in) {
  if (in.size() == 0) return false;
  const auto counts = in.cast<int>().colwise().sum().eval();
  return (counts == counts(0)).all();
}

bool HasEqualRunSizes(const MaskMatrix& in) {
  if (in.size() == 0) return false;
  const auto counts = in.cast<int>().rowwise().sum().eval();
  return (counts == counts(0)).all();
}

double PooledInOutGap(const CorrectnessMatrix& c, const MaskMatrix& in) {
  CheckShapes(c, in);
  const double n_in = in.cast<double>().sum();
  const double n_out = static_cast<double>(in.size()) - n_in;
  const double s_in = (c * in.cast<double>()).sum();
  return s_in / n_in - (c.sum() - s_in) / n_out;
}

double RunMeanGap(const CorrectnessMatrix& c, const MaskMatrix& in) {
  CheckShapes(c, in);
  double total = 0.0;
  for (Eigen::Index j = 0; j < c.rows(); ++j) {
    double s_in = 0.0, s_out = 0.0, k_in = 0.0;
    for (Eigen::Index i = 0; i < c.cols(); ++i) {
      if (in(j, i)) { s_in += c(j, i); k_in += 1.0; } else { s_out += c(j, i); }
    }
    const double k_out = static_cast<double>(c.cols()) - k_in;
    total += s_in / k_in - s_out / k_out;
  }
  return total / static_cast<double>(c.rows());
}

MaskMatrix CyclicMask(std::int64_t runs, const std::vector<std::int64_t>& offsets, std::int64_t runs_in) {
  if (runs < 2 || runs_in < 1 || runs_in >= runs || offsets.empty())
    throw std::invalid_argument("CyclicMask: need t >= 2, 1 <= t_in < t and at least one point");
  MaskMatrix in(runs, static_cast<Eigen::Index>(offsets.size()));
  for (Eigen::Index i = 0; i < in.cols(); ++i) {
    const std::int64_t o = offsets[static_cast<std::size_t>(i)];
    if (o < 0 || o >= runs) throw std::invalid_argument("CyclicMask: offsets must lie in [0, t)");
    for (std::int64_t j = 0; j < runs; ++j) in(j, i) = ((o - j) % runs + runs) % runs < runs_in;
  }
  return in;
}

MaskMatrix CyclicMask(std::int64_t runs, std::int64_t points, std::int64_t runs_in) {
  std::vector<std::int64_t> offsets(static_cast<std::size_t>(points));
  for (std::int64_t i = 0; i < points; ++i) offsets[static_cast<std::size_t>(i)] = runs > 0 ? i % runs : 0;
  return CyclicMask(runs, offsets, runs_in);
}

}  // namespace memgen::theory
