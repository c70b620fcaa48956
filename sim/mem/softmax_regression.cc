// Softmax regression and its data-diet scores, see softmax_regression.h.
#include "sim/mem/softmax_regression.h"

#include <cmath>

namespace memgen::sim {
namespace {

// [x, 1]: the inputs with the bias column.
RowMatrix WithBias(const RowMatrix& x) {
  RowMatrix out(x.rows(), x.cols() + 1);
  out.leftCols(x.cols()) = x;
  out.col(x.cols()).setOnes();
  return out;
}

void SoftmaxRows(RowMatrix* z) {
  for (Eigen::Index i = 0; i < z->rows(); ++i) {
    auto row = z->row(i);
    row.array() -= row.maxCoeff();
    row = row.array().exp().matrix();
    row /= row.sum();
  }
}

}  // namespace

RowMatrix SoftmaxProbabilities(const RowMatrix& w, const RowMatrix& x) {
  RowMatrix z = WithBias(x) * w;
  SoftmaxRows(&z);
  return z;
}

void TrainSoftmax(const RowMatrix& x, const std::vector<int>& labels, int steps, double learning_rate, RowMatrix* w) {
  const RowMatrix xb = WithBias(x);
  const double scale = learning_rate / static_cast<double>(x.rows());
  RowMatrix p;
  for (int t = 0; t < steps; ++t) {
    p.noalias() = xb * *w;
    SoftmaxRows(&p);
    for (Eigen::Index i = 0; i < p.rows(); ++i) p(i, labels[static_cast<std::size_t>(i)]) -= 1.0;
    w->noalias() -= scale * xb.transpose() * p;
  }
}

void TrainSoftmaxOn(const RowMatrix& x, const std::vector<int>& labels, const std::vector<std::int64_t>& keep, int steps,
                    double learning_rate, RowMatrix* w) {
  RowMatrix sub(static_cast<Eigen::Index>(keep.size()), x.cols());
  std::vector<int> sub_labels(keep.size());
  for (std::size_t k = 0; k < keep.size(); ++k) {
    sub.row(static_cast<Eigen::Index>(k)) = x.row(keep[k]);
    sub_labels[k] = labels[static_cast<std::size_t>(keep[k])];
  }
  TrainSoftmax(sub, sub_labels, steps, learning_rate, w);
}

DietScores ScoreEl2nGrand(const RowMatrix& w, const RowMatrix& x, const std::vector<int>& labels) {
  const RowMatrix xb = WithBias(x);
  RowMatrix r = xb * w;
  SoftmaxRows(&r);
  DietScores s;
  for (Eigen::Index i = 0; i < r.rows(); ++i) {
    r(i, labels[static_cast<std::size_t>(i)]) -= 1.0;
    s.el2n.push_back(r.row(i).norm());
    double grad_sq = 0.0;  // ‖x̃_i r_iᵀ‖_F², entry by entry
    for (Eigen::Index j = 0; j < xb.cols(); ++j)
      for (Eigen::Index c = 0; c < r.cols(); ++c) grad_sq += (xb(i, j) * r(i, c)) * (xb(i, j) * r(i, c));
    s.grand.push_back(std::sqrt(grad_sq));
  }
  return s;
}

double SoftmaxAccuracy(const RowMatrix& w, const RowMatrix& x, const std::vector<int>& labels) {
  const RowMatrix z = WithBias(x) * w;
  double hits = 0.0;
  for (Eigen::Index i = 0; i < z.rows(); ++i) {
    Eigen::Index best = 0;
    z.row(i).maxCoeff(&best);
    hits += best == labels[static_cast<std::size_t>(i)] ? 1.0 : 0.0;
  }
  return hits / static_cast<double>(z.rows());
}

}  // namespace memgen::sim
