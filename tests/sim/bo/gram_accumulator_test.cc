// Tests for sim/bo/gram_accumulator.h: the streamed A = X Xᵀ, M_head/M_tail = Σ u_j u_jᵀ (U = Z Λ),
// v = X θ and X_head against dense products of the same draws (column j of Z from its own stream),
// computed in long double; independence of the block size and of splitting the column range;
// the head/tail split at θ's support; exact integer cases; the column draws themselves.
//
// Rounding bound (Higham, Accuracy and Stability, §3.1; u = 2⁻⁵³, γ_k = k u/(1 − k u)): an inner
// product of k terms, summed in any order and any tree (blocked GEMM/syrk, FMA or not, block after
// block into the accumulator), is within γ_k Σ|a_i b_i| of the exact one. The design entries
// x_ij = z_ij·√λ_j and u_ij = z_ij·λ_j are formed by the test exactly as the kernel forms them (one
// correctly rounded product each), so the only difference is the summation; the long-double
// reference (u_ld = 2⁻⁶⁴) adds γ^ld_k Σ|a_i b_i|. Each entry's tolerance is therefore
//   (γ_k + γ^ld_k) Σ_i |a_i b_i|,   k = number of columns summed.
#include <catch2/catch.hpp>

#include <Eigen/Core>

#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

#include "sim/bo/gram_accumulator.h"
#include "sim/random/distributions.h"
#include "sim/random/rng.h"
#include "theory/bo/spectrum.h"

using namespace memgen::sim;
using memgen::theory::Spectrum;

namespace {

constexpr double kU = std::numeric_limits<double>::epsilon() / 2;                 // 2⁻⁵³
constexpr long double kULd = std::numeric_limits<long double>::epsilon() / 2.0L;  // 2⁻⁶⁴ (x87)

double GammaK(double k) { return k * kU / (1.0 - k * kU); }
double GammaLdK(double k) { return static_cast<double>(k * kULd / (1.0L - k * kULd)); }

using MatrixLd = Eigen::Matrix<long double, Eigen::Dynamic, Eigen::Dynamic>;

// λ_j = (j + 1)^{-1.5} for a 30-entry head, then a flat tail of 70 copies of 0.02 (d = 100).
Spectrum TestSpectrum() {
  Spectrum s;
  for (int j = 0; j < 30; ++j) s.head.push_back(std::pow(j + 1.0, -1.5));
  s.tail_value = 0.02;
  s.tail_count = 70;
  return s;
}

// The dense design from the same draws: Z (n × d), X = Z Λ^{1/2}, U = Z Λ, formed entry by entry
// exactly as the kernel forms them.
struct Dense {
  Eigen::MatrixXd z, x, u;
};

Dense DenseDesign(const Spectrum& s, const StreamId& stream, DesignKind design, std::int64_t n) {
  const std::int64_t d = s.dimension();
  Dense dense;
  dense.z.resize(n, d);
  dense.x.resize(n, d);
  dense.u.resize(n, d);
  for (std::int64_t j = 0; j < d; ++j) {
    DrawDesignColumn(stream, j, design, dense.z.col(j).data(), n);
    for (std::int64_t i = 0; i < n; ++i) {
      dense.x(i, j) = dense.z(i, j) * std::sqrt(s[j]);
      dense.u(i, j) = dense.z(i, j) * s[j];
    }
  }
  return dense;
}

// Σ_{j ∈ [j0, j1)} a_ij b_kj in long double, and the matching tolerance (γ_k + γ^ld_k) Σ|a_ij b_kj|.
struct Reference {
  MatrixLd value, tolerance;
};

Reference GramReference(const Eigen::MatrixXd& a, const Eigen::MatrixXd& b, std::int64_t j0, std::int64_t j1) {
  const Eigen::Index n = a.rows();
  Reference ref{MatrixLd::Zero(n, n), MatrixLd::Zero(n, n)};
  const double gamma = GammaK(double(j1 - j0)) + GammaLdK(double(j1 - j0));
  for (Eigen::Index i = 0; i < n; ++i)
    for (Eigen::Index k = 0; k < n; ++k) {
      long double sum = 0.0L, abs_sum = 0.0L;
      for (std::int64_t j = j0; j < j1; ++j) {
        const long double p = static_cast<long double>(a(i, j)) * b(k, j);
        sum += p;
        abs_sum += std::abs(p);
      }
      ref.value(i, k) = sum;
      ref.tolerance(i, k) = gamma * abs_sum * (1.0L + 1e-15L);  // ≥ the exact bound despite abs_sum's own rounding
    }
  return ref;
}

// max over entries of |computed − reference| / tolerance (≤ 1 passes; 0/0 counts as 0).
double WorstRatio(const Eigen::MatrixXd& computed, const Reference& ref) {
  double worst = 0.0;
  for (Eigen::Index i = 0; i < computed.rows(); ++i)
    for (Eigen::Index k = 0; k < computed.cols(); ++k) {
      const long double error = std::abs(computed(i, k) - ref.value(i, k));
      if (error == 0.0L) continue;
      worst = std::max(worst, static_cast<double>(error / ref.tolerance(i, k)));
    }
  return worst;
}

struct Case {
  Spectrum spectrum = TestSpectrum();
  std::int64_t n = 9, support = 12;
  std::vector<double> theta;
  StreamId stream{2026, 320, 4, 0};
};

Case MakeCase(std::int64_t support) {
  Case c;
  c.support = support;
  Rng rng({2026, 321, 0, 0});
  c.theta.resize(static_cast<std::size_t>(support));
  FillNormal(rng, c.theta.data(), c.theta.size());
  if (support > 3) c.theta[2] = 0.0;  // zeros in θ's support are skipped by the kernel
  return c;
}

GramState Accumulate(const Case& c, GramOptions options, std::int64_t block, std::int64_t split) {
  options.n = c.n;
  options.block = block;
  GramState state = NewGramState(c.n, c.support, options);
  const std::int64_t d = c.spectrum.dimension();
  AccumulateColumns(c.spectrum, c.theta, options, c.stream, 0, split, &state);
  AccumulateColumns(c.spectrum, c.theta, options, c.stream, split, d, &state);
  Symmetrize(&state);
  return state;
}

}  // namespace

TEST_CASE("DrawDesignColumn: column j is stream (seed, tag, trial, substream = j)", "[unit]") {
  const StreamId stream{7, 8, 9, 123};  // the substream field is replaced by the column
  const std::int64_t n = 17;
  std::vector<double> col(n), expected(n), other(n);
  DrawDesignColumn(stream, 5, DesignKind::kGaussian, col.data(), n);
  Rng rng({7, 8, 9, 5});
  FillNormal(rng, expected.data(), expected.size());
  CHECK(col == expected);
  DrawDesignColumn(stream, 5, DesignKind::kRademacher, col.data(), n);
  Rng rng_r({7, 8, 9, 5});
  FillRademacher(rng_r, expected.data(), expected.size());
  CHECK(col == expected);
  for (double v : col) CHECK((v == 1.0 || v == -1.0));
  DrawDesignColumn(stream, 6, DesignKind::kRademacher, other.data(), n);
  CHECK(other != col);
}

TEST_CASE("AccumulateColumns: A, M_head, M_tail, v and X_head equal the dense products of the same draws",
          "[unit]") {
  // Tolerance: (γ_k + γ^ld_k) Σ|products| per entry, k = columns in the sum (file comment).
  for (const DesignKind design : {DesignKind::kGaussian, DesignKind::kRademacher})
    for (const std::int64_t support : {0L, 1L, 12L, 30L, 100L}) {
      const Case c = MakeCase(support);
      const std::int64_t d = c.spectrum.dimension();
      const Dense dense = DenseDesign(c.spectrum, c.stream, design, c.n);
      const Reference a_ref = GramReference(dense.x, dense.x, 0, d);
      const Reference head_ref = GramReference(dense.u, dense.u, 0, support);
      const Reference tail_ref = GramReference(dense.u, dense.u, support, d);
      // v = X θ: Σ_{j < m} x_ij θ_j, tolerance (γ_m + γ^ld_m) Σ|x_ij θ_j|.
      Eigen::MatrixXd theta_row = Eigen::MatrixXd::Zero(c.n, d);
      for (std::int64_t j = 0; j < support; ++j) theta_row.col(j).setConstant(c.theta[static_cast<std::size_t>(j)]);
      const Reference v_ref = GramReference(dense.x, theta_row, 0, support);  // column 0 of each row = v_i

      GramOptions options;
      options.design = design;
      // Block sizes: one column at a time, blocks that straddle the support (3, 5, 7), and one block.
      for (const std::int64_t block : {1L, 3L, 5L, 7L, 2048L})
        for (const std::int64_t split : {0L, 37L}) {
          const GramState s = Accumulate(c, options, block, split);
          INFO(DesignKindToString(design) << ", support " << support << ", block " << block << ", split " << split);
          CHECK(s.support == support);
          CHECK(s.a == s.a.transpose());
          CHECK(WorstRatio(s.a, a_ref) <= 1.0);
          CHECK(WorstRatio(s.m_head, head_ref) <= 1.0);
          CHECK(WorstRatio(s.m_tail, tail_ref) <= 1.0);
          Reference v_col{v_ref.value.col(0), v_ref.tolerance.col(0)};
          CHECK(WorstRatio(s.v, v_col) <= 1.0);
          REQUIRE(s.head_stored);
          REQUIRE(s.x_head.cols() == support);
          CHECK(s.x_head == dense.x.leftCols(support));  // the same correctly rounded products: exact
        }
    }
}

TEST_CASE("AccumulateColumns: block size and range splits change only the rounding", "[unit]") {
  // Two accumulations of the same draws are each within the γ bound of the exact sums, so they are
  // within twice that of each other; X_head is the same draws, so it is identical.
  const Case c = MakeCase(12);
  const std::int64_t d = c.spectrum.dimension();
  const Dense dense = DenseDesign(c.spectrum, c.stream, DesignKind::kGaussian, c.n);
  const Reference a_ref = GramReference(dense.x, dense.x, 0, d);
  GramOptions options;
  const GramState base = Accumulate(c, options, 2048, 0);
  for (const std::int64_t block : {1L, 2L, 4L, 11L, 13L, 64L})
    for (const std::int64_t split : {1L, 12L, 50L, 99L}) {
      const GramState s = Accumulate(c, options, block, split);
      INFO("block " << block << ", split " << split);
      for (Eigen::Index i = 0; i < c.n; ++i)
        for (Eigen::Index k = 0; k < c.n; ++k)
          CHECK(std::abs(s.a(i, k) - base.a(i, k)) <= 2.0 * static_cast<double>(a_ref.tolerance(i, k)));
      CHECK(s.x_head == base.x_head);
    }
  // Same inputs, same block: bit-identical.
  const GramState again = Accumulate(c, options, 2048, 0);
  CHECK(again.a == base.a);
  CHECK(again.m_head == base.m_head);
  CHECK(again.m_tail == base.m_tail);
  CHECK(again.v == base.v);
}

TEST_CASE("AccumulateColumns: Rademacher design with λ = 4 is exact (integer sums)", "[unit]") {
  // z = ±1, √λ = 2, λ = 4: x = ±2 and u = ±4, every sum an integer below 2⁵³, so equality holds.
  Case c = MakeCase(40);
  c.spectrum = Spectrum{};
  c.spectrum.tail_value = 4.0;
  c.spectrum.tail_count = 100;
  for (auto& t : c.theta) t = std::round(8.0 * t);  // integer θ: v exact too
  const Dense dense = DenseDesign(c.spectrum, c.stream, DesignKind::kRademacher, c.n);
  GramOptions options;
  options.design = DesignKind::kRademacher;
  const GramState s = Accumulate(c, options, 7, 23);
  const Eigen::MatrixXd zzt = dense.z * dense.z.transpose();  // integers: exact in double
  CHECK(s.a == 4.0 * zzt);
  CHECK(s.a.diagonal() == Eigen::VectorXd::Constant(c.n, 400.0));  // Σ_j x_ij² = 100·4
  const Eigen::MatrixXd zh = dense.z.leftCols(40), zt = dense.z.rightCols(60);
  const Eigen::MatrixXd head = 16.0 * zh * zh.transpose(), tail = 16.0 * zt * zt.transpose();
  CHECK(s.m_head == head);
  CHECK(s.m_tail == tail);
  Eigen::VectorXd theta(40);
  for (int j = 0; j < 40; ++j) theta[j] = c.theta[static_cast<std::size_t>(j)];
  const Eigen::VectorXd v = 2.0 * zh * theta;
  CHECK(s.v == v);
}

TEST_CASE("AccumulateColumns: edge cases", "[unit]") {
  const Case c = MakeCase(12);
  GramOptions options;
  options.n = c.n;
  SECTION("an empty range leaves the state zero") {
    GramState s = NewGramState(c.n, c.support, options);
    AccumulateColumns(c.spectrum, c.theta, options, c.stream, 5, 5, &s);
    CHECK(s.a.isZero(0.0));
    CHECK(s.m_head.isZero(0.0));
    CHECK(s.m_tail.isZero(0.0));
    CHECK(s.v.isZero(0.0));
    CHECK(s.x_head.isZero(0.0));
  }
  SECTION("support above max_stored_head: X_head is not kept, nothing else changes") {
    GramOptions small = options;
    small.max_stored_head = 11;
    const GramState kept = Accumulate(c, options, 5, 0);
    const GramState dropped = Accumulate(c, small, 5, 0);
    CHECK(!dropped.head_stored);
    CHECK(dropped.x_head.size() == 0);
    CHECK(dropped.a == kept.a);  // the same operations in the same order
    CHECK(dropped.m_head == kept.m_head);
    CHECK(dropped.m_tail == kept.m_tail);
    CHECK(dropped.v == kept.v);
  }
  SECTION("n = 1: A is the scalar Σ_j λ_j z_j²") {
    Case one = c;
    one.n = 1;
    const Dense dense = DenseDesign(one.spectrum, one.stream, DesignKind::kGaussian, 1);
    const Reference ref = GramReference(dense.x, dense.x, 0, one.spectrum.dimension());
    const GramState s = Accumulate(one, options, 3, 0);
    CHECK(WorstRatio(s.a, ref) <= 1.0);  // tolerance: the γ_d bound of the file comment
  }
}
