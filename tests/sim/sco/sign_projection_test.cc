// The stochastic sign projection (sim/sco/sign_projection.h) against a dense recomputation from the
// same sign columns, and the transposed bit-row product it is built on.
#include <catch2/catch.hpp>
#include <rapidcheck/catch.h>

#include <cmath>
#include <vector>

#include "sim/random/distributions.h"
#include "sim/sco/bit_scores.h"
#include "sim/sco/coin_rows.h"
#include "sim/sco/sign_projection.h"

using namespace memgen::sim;

namespace {

std::vector<double> NormalVector(std::int64_t d, std::uint64_t seed) {
  Rng rng({seed, 7, 0, 0});
  std::vector<double> a(static_cast<std::size_t>(d));
  FillNormal(rng, a.data(), a.size());
  return a;
}

double Sign(const CoinMatrix& m, std::int64_t r, std::int64_t k) {
  return ((m.Row(r)[k / 64] >> (k % 64)) & 1U) ? 1.0 : -1.0;
}

// Θ q with Θ = S/√d′ from an explicit S (row j of `signs` = column j of S).
std::vector<double> Dense(const CoinMatrix& signs, const std::vector<double>& q, std::int64_t d) {
  std::vector<double> out(static_cast<std::size_t>(d), 0.0);
  const double s = 1.0 / std::sqrt(static_cast<double>(signs.rows));
  for (std::int64_t j = 0; j < signs.rows; ++j)
    for (std::int64_t k = 0; k < d; ++k) out[k] += s * Sign(signs, j, k) * q[j];
  return out;
}

std::vector<double> DenseForward(const CoinMatrix& signs, const std::vector<double>& a) {
  std::vector<double> q(static_cast<std::size_t>(signs.rows), 0.0);
  const double s = 1.0 / std::sqrt(static_cast<double>(signs.rows));
  for (std::int64_t j = 0; j < signs.rows; ++j)
    for (std::size_t k = 0; k < a.size(); ++k) q[j] += s * Sign(signs, j, static_cast<std::int64_t>(k)) * a[k];
  return q;
}

}  // namespace

TEST_CASE("AddSignedRows adds sum_r c_r x_r to what is there", "[unit]") {
  rc::prop("matches the dense sum", [] {
    const auto d = *rc::gen::inRange<std::int64_t>(1, 700);
    const auto rows = *rc::gen::inRange<std::int64_t>(1, 40);
    const auto seed = *rc::gen::inRange<std::uint64_t>(0, 1000);
    const CoinMatrix m = DrawCoinMatrix(MakeBatchStream(seed, 3, 0, 0), 0, rows,
                                        MakeCoinColumns(std::vector<double>(static_cast<std::size_t>(d), 0.3)), nullptr);
    const std::vector<double> c = NormalVector(rows, seed + 1);
    std::vector<double> out(static_cast<std::size_t>(64 * m.words), 1.5);
    AddSignedRows(m, c, out.data());
    for (std::int64_t k = 0; k < d; ++k) {
      double expected = 1.5;
      for (std::int64_t r = 0; r < rows; ++r) expected += c[r] * Sign(m, r, k);
      RC_ASSERT(std::fabs(out[k] - expected) <= 1e-12 * (1.0 + std::fabs(expected)));
    }
  });
}

TEST_CASE("SignProject equals Theta Theta^T a built from the same sign columns", "[unit]") {
  const std::int64_t d = 517, dim = 150;  // dim > one block of 128 columns, d not a multiple of 64
  const std::vector<double> a = NormalVector(d, 11);
  const BatchStream stream = MakeBatchStream(9, 4, 0, 0);
  Rng dither({1, 2, 3, 4});
  SignProjectionOptions options;
  options.dim = dim;
  const std::vector<double> projected = SignProject(a, options, stream, dither);
  REQUIRE(static_cast<std::int64_t>(projected.size()) == d);
  const CoinMatrix signs =
      DrawCoinMatrix(stream, 0, dim, MakeCoinColumns(std::vector<double>(static_cast<std::size_t>(d), 0.0)), nullptr);
  const std::vector<double> expected = Dense(signs, DenseForward(signs, a), d);
  for (std::int64_t k = 0; k < d; ++k) CHECK(projected[k] == Approx(expected[k]).epsilon(1e-10).margin(1e-12));
}

TEST_CASE("the dithered quantiser leaves the projection unbiased", "[unit][stat]") {
  const std::int64_t d = 300, dim = 40;
  const std::vector<double> a = NormalVector(d, 12);
  const BatchStream stream = MakeBatchStream(9, 5, 0, 0);
  const CoinMatrix signs =
      DrawCoinMatrix(stream, 0, dim, MakeCoinColumns(std::vector<double>(static_cast<std::size_t>(d), 0.0)), nullptr);
  const std::vector<double> exact = Dense(signs, DenseForward(signs, a), d);
  SignProjectionOptions options;
  options.dim = dim;
  options.quantizer_step = 0.5;
  Rng dither({1, 2, 3, 5});
  // Each run's A* is Θ q for some q on the grid 0.5·Z; over R runs the mean tends to ΘΘᵀa.
  const int runs = 4000;
  std::vector<double> mean(static_cast<std::size_t>(d), 0.0), sq(static_cast<std::size_t>(d), 0.0);
  for (int r = 0; r < runs; ++r) {
    const std::vector<double> p = SignProject(a, options, stream, dither);
    for (std::int64_t k = 0; k < d; ++k) {
      mean[k] += p[k] / runs;
      sq[k] += p[k] * p[k] / runs;
    }
  }
  // Per coordinate |mean − exact| ≤ 5 SE: false failure ≤ 300 · 5.7e-7 ≈ 2e-4 (normal approximation).
  int outside = 0;
  for (std::int64_t k = 0; k < d; ++k) {
    const double se = std::sqrt(std::max(sq[k] - mean[k] * mean[k], 0.0) / (runs - 1));
    outside += std::fabs(mean[k] - exact[k]) > 5.0 * se + 1e-12;
  }
  CHECK(outside == 0);
}
