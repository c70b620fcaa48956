// Refits of 1-NN on masked subsets (nearest_neighbour_runs.h; §7).
#include "sim/mem/nearest_neighbour_runs.h"

#include <limits>

#include "sim/core/check.h"

namespace memgen::sim {
namespace {

// Column q holds query q's squared distances to the n training points (contiguous for the scans).
Eigen::MatrixXd SquaredDistances(const RowMatrix& q, const RowMatrix& x) {
  const Eigen::VectorXd qn = q.rowwise().squaredNorm(), xn = x.rowwise().squaredNorm();
  Eigen::MatrixXd d = -2.0 * x * q.transpose();
  d.colwise() += xn;
  d.rowwise() += qn.transpose();
  return d;
}

// The label of query q's nearest IN point of run j (`in_index` lists run j's IN indices, increasing).
int NearestLabel(const Eigen::MatrixXd& d, Eigen::Index q, const std::vector<Eigen::Index>& in_index, const std::vector<int>& y) {
  double best = std::numeric_limits<double>::infinity();
  Eigen::Index arg = in_index.front();
  for (Eigen::Index i : in_index)
    if (d(i, q) < best) { best = d(i, q); arg = i; }
  return y[static_cast<std::size_t>(arg)];
}

}  // namespace

NearestNeighbourRuns RunNearestNeighbour(const RowMatrix& x, const std::vector<int>& y, const RowMatrix& test_x,
                                         const std::vector<int>& test_y, const theory::MaskMatrix& in) {
  MEMGEN_CHECK(in.cols() == x.rows() && static_cast<Eigen::Index>(y.size()) == x.rows() &&
               static_cast<Eigen::Index>(test_y.size()) == test_x.rows()) << in.cols() << " " << x.rows();
  Eigen::MatrixXd train_d = SquaredDistances(x, x);
  train_d.diagonal().setZero();  // exact self-distance (the expansion leaves rounding)
  const Eigen::MatrixXd test_d = SquaredDistances(test_x, x);
  NearestNeighbourRuns r;
  r.correct.resize(in.rows(), in.cols());
  r.test_accuracy.assign(static_cast<std::size_t>(in.rows()), 0.0);
  std::vector<Eigen::Index> in_index;
  for (Eigen::Index j = 0; j < in.rows(); ++j) {
    in_index.clear();
    for (Eigen::Index i = 0; i < in.cols(); ++i)
      if (in(j, i)) in_index.push_back(i);
    MEMGEN_CHECK(!in_index.empty()) << "run " << j << " has no training point";
    for (Eigen::Index i = 0; i < in.cols(); ++i)
      r.correct(j, i) = NearestLabel(train_d, i, in_index, y) == y[static_cast<std::size_t>(i)] ? 1.0 : 0.0;
    double hits = 0.0;
    for (Eigen::Index q = 0; q < test_x.rows(); ++q) hits += NearestLabel(test_d, q, in_index, y) == test_y[static_cast<std::size_t>(q)] ? 1.0 : 0.0;
    r.test_accuracy[static_cast<std::size_t>(j)] = test_x.rows() > 0 ? hits / static_cast<double>(test_x.rows()) : 0.0;
  }
  return r;
}

}  // namespace memgen::sim
