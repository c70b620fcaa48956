// Tests for sim/linalg/columns_product.h: AᵀX and the symmetric KX (upper triangle never read) against Eigen's product for every count of right-hand
// columns through two register blocks (1 … 13), for row counts off the 8-lane grid and column counts off
// the 4-column blocks, within the dot-product error bound n ε Σ|a||x|; bit-identical on repeated calls
// and for a column computed alone or among others (the blocks never mix columns).
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

#include "sim/linalg/columns_product.h"

namespace memgen::sim {
namespace {

// A fixed, non-symmetric test matrix (no RNG needed).
Eigen::MatrixXd Fixed(Eigen::Index rows, Eigen::Index cols, double phase) {
  Eigen::MatrixXd m(rows, cols);
  for (Eigen::Index j = 0; j < cols; ++j)
    for (Eigen::Index i = 0; i < rows; ++i) m(i, j) = std::sin(0.37 * i + 1.3 * j + phase) + 0.1 * ((i * 7 + j * 3) % 5);
  return m;
}

}  // namespace

TEST_CASE("TransposedTimes is A^T X within the dot-product bound", "[unit]") {
  const double eps = std::numeric_limits<double>::epsilon();
  for (const Eigen::Index rows : {1, 8, 13, 64, 203}) {
    for (const Eigen::Index cols : {1, 4, 7, 30}) {
      const Eigen::MatrixXd a = Fixed(rows, cols, 0.2);
      for (Eigen::Index k = 1; k <= 13; ++k) {
        const Eigen::MatrixXd x = Fixed(rows, k, 1.1);
        Eigen::MatrixXd y(cols, k);
        TransposedTimes(a, x, y);
        const Eigen::MatrixXd exact = a.transpose() * x;
        const Eigen::MatrixXd bound = static_cast<double>(rows) * eps * (a.cwiseAbs().transpose() * x.cwiseAbs());
        INFO(rows << " x " << cols << ", " << k << " columns");
        CHECK(((y - exact).cwiseAbs().array() <= 2.0 * bound.array()).all());
      }
    }
  }
}

TEST_CASE("TransposedTimes is deterministic and column-separable", "[unit]") {
  const Eigen::MatrixXd a = Fixed(203, 30, 0.4), x = Fixed(203, 9, 2.0);
  Eigen::MatrixXd y1(30, 9), y2(30, 9), one(30, 1);
  TransposedTimes(a, x, y1);
  TransposedTimes(a, x, y2);
  CHECK(y1 == y2);
  for (Eigen::Index c = 0; c < 9; ++c) {
    TransposedTimes(a, x.col(c), one);
    CHECK(one.col(0) == y1.col(c));
  }
}

TEST_CASE("SymmetricTimes is K X from the lower triangle within the dot-product bound", "[unit]") {
  const double eps = std::numeric_limits<double>::epsilon();
  for (const Eigen::Index n : {1, 7, 8, 9, 12, 13, 64, 203}) {
    const Eigen::MatrixXd b = Fixed(n, n + 3, 0.7);
    const Eigen::MatrixXd k = b * b.transpose();
    Eigen::MatrixXd lower = k;  // the upper triangle must never be read: NaN there would spread
    lower.triangularView<Eigen::StrictlyUpper>().setConstant(std::numeric_limits<double>::quiet_NaN());
    for (Eigen::Index c = 1; c <= 13; ++c) {
      const Eigen::MatrixXd x = Fixed(n, c, 1.9);
      Eigen::MatrixXd y = Eigen::MatrixXd::Constant(n, c, 5.0);  // overwritten, not accumulated into
      SymmetricTimes(lower, x, y);
      const Eigen::MatrixXd exact = k.selfadjointView<Eigen::Lower>() * x;
      const Eigen::MatrixXd bound = static_cast<double>(n) * eps * (k.cwiseAbs() * x.cwiseAbs());
      INFO(n << " rows, " << c << " columns");
      CHECK(((y - exact).cwiseAbs().array() <= 2.0 * bound.array()).all());
      Eigen::MatrixXd again(n, c);
      SymmetricTimes(lower, x, again);
      CHECK(again == y);
    }
  }
}

}  // namespace memgen::sim
