// One pass over A for a few right-hand columns, see columns_product.h.
#include "sim/linalg/columns_product.h"

#include <algorithm>

#include "sim/core/check.h"

namespace memgen::sim {
namespace {

using Lane = Eigen::Matrix<double, 8, 1>;
constexpr int kBlockColumns = 4;  // columns of A per pass over their rows
constexpr int kMaxRhs = 6;        // columns of X per pass (the register budget above)
constexpr int kMaxSymmetricRhs = 3;  // SymmetricTimes: 4·3 accumulators, 4 K lanes, 12 broadcasts

// Columns [first, first + K) of y from columns [first, first + K) of x.
template <int K>
void Block(const Eigen::MatrixXd& a, const Eigen::Ref<const Eigen::MatrixXd>& x, Eigen::Index first,
           Eigen::Ref<Eigen::MatrixXd>& y) {
  const Eigen::Index n = a.rows(), m = a.cols(), n8 = n / 8 * 8;
  Eigen::Index j = 0;
  for (; j + kBlockColumns <= m; j += kBlockColumns) {
    Lane acc[kBlockColumns][K];
    for (auto& row : acc)
      for (Lane& lane : row) lane.setZero();
    for (Eigen::Index i = 0; i < n8; i += 8) {
      Lane xs[K];
      for (int c = 0; c < K; ++c) xs[c] = x.col(first + c).segment<8>(i);
      for (int b = 0; b < kBlockColumns; ++b) {
        const Lane column = a.col(j + b).segment<8>(i);
        for (int c = 0; c < K; ++c) acc[b][c] += column.cwiseProduct(xs[c]);
      }
    }
    for (int b = 0; b < kBlockColumns; ++b)
      for (int c = 0; c < K; ++c) {
        double sum = acc[b][c].sum();
        for (Eigen::Index i = n8; i < n; ++i) sum += a(i, j + b) * x(i, first + c);
        y(j + b, first + c) = sum;
      }
  }
  for (; j < m; ++j)
    for (int c = 0; c < K; ++c) y(j, first + c) = a.col(j).dot(x.col(first + c));
}

// One column j of the lower triangle, rows [begin, end): y_j's dot product (into dot) and the axpy into y_i.
template <int K>
void SymmetricScalarRows(const double* column, const Eigen::Ref<const Eigen::MatrixXd>& x, Eigen::Index first,
                         Eigen::Index begin, Eigen::Index end, const double* xj, double* dot, Eigen::Ref<Eigen::MatrixXd>& y) {
  for (Eigen::Index i = begin; i < end; ++i)
    for (int c = 0; c < K; ++c) {
      dot[c] += column[i] * x(i, first + c);
      y(i, first + c) += column[i] * xj[c];
    }
}

// Columns [first, first + K) of y = K x from the lower triangle of K (y's columns start at zero), four
// columns of K per pass over their rows, so each y lane is loaded and stored once per four columns.
// Per block [j, j + 4): the rows up to the first multiple of 8 at or after j + 4 one by one (column b
// takes its diagonal into its dot product and the rows below it both ways), the rest by 8-lane vectors,
// then the rows beyond the last multiple of 8; the lanes are summed into y_{j+b} last.
template <int K>
void SymmetricBlock(const Eigen::MatrixXd& k, const Eigen::Ref<const Eigen::MatrixXd>& x, Eigen::Index first,
                    Eigen::Ref<Eigen::MatrixXd>& y) {
  const Eigen::Index n = k.rows(), n8 = n / 8 * 8;
  Eigen::Index j = 0;
  for (; j + kBlockColumns <= n; j += kBlockColumns) {
    double xj[kBlockColumns][K], dot[kBlockColumns][K];
    const double* column[kBlockColumns];
    const Eigen::Index vector_begin = std::min(n8, (j + kBlockColumns + 7) / 8 * 8);
    for (int b = 0; b < kBlockColumns; ++b) {
      column[b] = k.col(j + b).data();
      for (int c = 0; c < K; ++c) {
        xj[b][c] = x(j + b, first + c);
        dot[b][c] = column[b][j + b] * xj[b][c];
      }
      SymmetricScalarRows<K>(column[b], x, first, j + b + 1, std::max(vector_begin, j + b + 1), xj[b], dot[b], y);
    }
    Lane acc[kBlockColumns][K];
    for (auto& row : acc)
      for (Lane& lane : row) lane.setZero();
    for (Eigen::Index i = vector_begin; i < n8; i += 8) {
      Lane a[kBlockColumns];
      for (int b = 0; b < kBlockColumns; ++b) a[b] = Eigen::Map<const Lane>(column[b] + i);
      for (int c = 0; c < K; ++c) {
        const Lane xs = x.col(first + c).segment<8>(i);
        Lane ys = y.col(first + c).segment<8>(i);
        for (int b = 0; b < kBlockColumns; ++b) {
          acc[b][c] += a[b].cwiseProduct(xs);
          ys += a[b] * xj[b][c];
        }
        y.col(first + c).segment<8>(i) = ys;
      }
    }
    for (int b = 0; b < kBlockColumns; ++b) {
      SymmetricScalarRows<K>(column[b], x, first, std::max({n8, vector_begin, j + b + 1}), n, xj[b], dot[b], y);
      for (int c = 0; c < K; ++c) y(j + b, first + c) += dot[b][c] + acc[b][c].sum();
    }
  }
  for (; j < n; ++j) {  // the last n mod 4 columns, rows below the diagonal one by one
    double xj[K], dot[K];
    for (int c = 0; c < K; ++c) {
      xj[c] = x(j, first + c);
      dot[c] = k(j, j) * xj[c];
    }
    SymmetricScalarRows<K>(k.col(j).data(), x, first, j + 1, n, xj, dot, y);
    for (int c = 0; c < K; ++c) y(j, first + c) += dot[c];
  }
}

}  // namespace

void SymmetricTimes(const Eigen::MatrixXd& k, const Eigen::Ref<const Eigen::MatrixXd>& x, Eigen::Ref<Eigen::MatrixXd> y) {
  MEMGEN_CHECK(k.rows() == k.cols() && x.rows() == k.rows() && y.rows() == k.rows() && y.cols() == x.cols())
      << "k " << k.rows() << "x" << k.cols() << ", x " << x.rows() << "x" << x.cols() << ", y " << y.rows() << "x" << y.cols();
  y.setZero();
  for (Eigen::Index first = 0; first < x.cols(); first += kMaxSymmetricRhs) {
    switch (std::min<Eigen::Index>(kMaxSymmetricRhs, x.cols() - first)) {
      case 1: SymmetricBlock<1>(k, x, first, y); break;
      case 2: SymmetricBlock<2>(k, x, first, y); break;
      default: SymmetricBlock<3>(k, x, first, y); break;
    }
  }
}

void TransposedTimes(const Eigen::MatrixXd& a, const Eigen::Ref<const Eigen::MatrixXd>& x, Eigen::Ref<Eigen::MatrixXd> y) {
  MEMGEN_CHECK(x.rows() == a.rows() && y.rows() == a.cols() && y.cols() == x.cols())
      << "a " << a.rows() << "x" << a.cols() << ", x " << x.rows() << "x" << x.cols() << ", y " << y.rows() << "x" << y.cols();
  for (Eigen::Index first = 0; first < x.cols(); first += kMaxRhs) {
    switch (std::min<Eigen::Index>(kMaxRhs, x.cols() - first)) {
      case 1: Block<1>(a, x, first, y); break;
      case 2: Block<2>(a, x, first, y); break;
      case 3: Block<3>(a, x, first, y); break;
      case 4: Block<4>(a, x, first, y); break;
      case 5: Block<5>(a, x, first, y); break;
      default: Block<6>(a, x, first, y); break;
    }
  }
}

}  // namespace memgen::sim
