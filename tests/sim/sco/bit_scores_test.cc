// Tests for sim/sco/bit_scores.h: ScoreRows and AddSignedRows against a direct dense computation of
// Σ_k w_k x_k (x = 2b − 1) in long double, on small random bit matrices (padding bits set too), for
// every lane count and across the column chunks; exact with integer weights, and within a derived
// rounding bound with Gaussian weights; edge cases; determinism.
//
// Rounding bound (Higham, Accuracy and Stability, Lemma 3.1 / §4.2; u = 2⁻⁵³, γ_k = k u/(1 − k u)):
// a sum of k floating-point terms, in any order and any tree, is within γ_{k−1} ≤ γ_k of the exact
// sum times Σ|terms|; additions of zero (masked-off lanes, zero accumulators) are exact. The kernel
// computes 2·Ŝ − T̂ with Ŝ the selected sum (≤ P terms, P = 64·words) and T̂ = Σ w rounded from long
// double, so with A = Σ|w|:
//   |Ŝ − S| ≤ e1 = γ_P A,   |T̂ − T| ≤ e2 = (u + γ^ld_P) A,
//   |fl(2Ŝ − T̂) − Y| ≤ e3 = 2e1 + e2 + u(|Y| + 2e1 + e2),
// and the long-double reference itself is within γ^ld_P A of Y (u_ld = 2⁻⁶⁴).
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

#include "sim/random/distributions.h"
#include "sim/random/rng.h"
#include "sim/sco/bit_scores.h"
#include "sim/sco/coin_rows.h"

using namespace memgen::sim;

namespace {

constexpr double kU = std::numeric_limits<double>::epsilon() / 2;                    // 2⁻⁵³
constexpr long double kULd = std::numeric_limits<long double>::epsilon() / 2.0L;     // 2⁻⁶⁴ (x87)

double GammaK(double k) { return k * kU / (1.0 - k * kU); }
double GammaLdK(double k) { return static_cast<double>(k * kULd / (1.0L - k * kULd)); }

// The bound e3 + (reference error) of the header comment, for a sum of at most `terms` terms.
double ScoreBound(double terms, double abs_sum, double exact) {
  const double e1 = GammaK(terms) * abs_sum;
  const double e2 = (kU + GammaLdK(terms)) * abs_sum;
  const double e3 = 2.0 * e1 + e2 + kU * (std::abs(exact) + 2.0 * e1 + e2);
  return e3 + GammaLdK(terms) * abs_sum;
}

// A matrix of uniformly random bits, padding bits included (their weights are zero, so they must
// not matter to ScoreRows; AddSignedRows reports them like any other column).
CoinMatrix RandomBits(std::int64_t rows, std::int64_t words, Rng& rng) {
  CoinMatrix m;
  m.rows = rows;
  m.words = words;
  m.bits.resize(static_cast<std::size_t>(rows * words));
  for (auto& b : m.bits) b = rng();
  return m;
}

double Sign(const CoinMatrix& m, std::int64_t r, std::int64_t k) {
  return ((m.Row(r)[k / 64] >> (k % 64)) & 1U) ? 1.0 : -1.0;
}

std::vector<double> IntegerVector(std::int64_t size, Rng& rng) {  // integers in [−1000, 1000]
  std::vector<double> v(static_cast<std::size_t>(size));
  for (auto& x : v) x = static_cast<double>(static_cast<std::int64_t>(rng() % 2001) - 1000);
  return v;
}

std::vector<double> GaussianVector(std::int64_t size, Rng& rng) {
  std::vector<double> v(static_cast<std::size_t>(size));
  FillNormal(rng, v.data(), v.size());
  return v;
}

struct Reference {
  long double value = 0.0L;
  double abs_sum = 0.0;
};

// Direct Σ_k w_k x_rk over k < w.size() (weights beyond are the bank's zero padding).
Reference DirectScore(const CoinMatrix& m, std::int64_t r, const std::vector<double>& w) {
  Reference ref;
  long double abs_sum = 0.0L;
  for (std::size_t k = 0; k < w.size(); ++k) {
    ref.value += static_cast<long double>(w[k]) * Sign(m, r, static_cast<std::int64_t>(k));
    abs_sum += std::abs(static_cast<long double>(w[k]));
  }
  ref.abs_sum = static_cast<double>(abs_sum) * (1.0 + 1e-15);  // ≥ the true Σ|w| despite its own rounding
  return ref;
}

// Direct Σ_r c_r x_rk.
Reference DirectSignedColumn(const CoinMatrix& m, std::int64_t k, const std::vector<double>& c) {
  Reference ref;
  long double abs_sum = 0.0L;
  for (std::int64_t r = 0; r < m.rows; ++r) {
    ref.value += static_cast<long double>(c[static_cast<std::size_t>(r)]) * Sign(m, r, k);
    abs_sum += std::abs(static_cast<long double>(c[static_cast<std::size_t>(r)]));
  }
  ref.abs_sum = static_cast<double>(abs_sum) * (1.0 + 1e-15);
  return ref;
}

// d values covering one column, a word edge, the 8-lane chunk (512 columns) and the 1-lane chunk
// (4096 columns) of ScoreRows.
const std::vector<std::int64_t> kDims = {1, 63, 64, 65, 511, 512, 513, 4097, 5000};
const std::vector<int> kCounts = {1, 2, 3, 4, 5, 8};  // every template width L = 1, 2, 4, 8

}  // namespace

TEST_CASE("ScoreRows: integer weights give exactly the direct ±1 inner products", "[unit]") {
  // |w| ≤ 1000 and d ≤ 5000: every partial sum is an integer below 2⁵³, so any summation order is
  // exact and the check is equality (catches any dropped, duplicated or mis-signed column or lane).
  Rng rng({2026, 310, 0, 0});
  for (const std::int64_t d : kDims)
    for (const int count : kCounts) {
      const std::int64_t words = (d + 63) / 64, rows = 5;
      const CoinMatrix m = RandomBits(rows, words, rng);
      WeightBank bank = MakeWeightBank(64 * words);
      std::vector<std::vector<double>> w;
      for (int l = 0; l < count; ++l) {
        w.push_back(IntegerVector(d, rng));
        SetWeights(&bank, l, w.back());
      }
      REQUIRE(bank.count == count);
      const std::vector<double> out = ScoreRows(m, bank);
      REQUIRE(out.size() == static_cast<std::size_t>(kScoreLanes * rows));
      for (std::int64_t r = 0; r < rows; ++r)
        for (int l = 0; l < count; ++l) {
          INFO("d " << d << ", count " << count << ", row " << r << ", lane " << l);
          CHECK(out[static_cast<std::size_t>(kScoreLanes * r + l)] ==
                static_cast<double>(DirectScore(m, r, w[static_cast<std::size_t>(l)]).value));
        }
    }
}

TEST_CASE("ScoreRows: Gaussian weights within the derived rounding bound of the direct sum", "[unit]") {
  // Tolerance: the γ_P bound of the file comment (P = 64·words terms), per entry.
  Rng rng({2026, 311, 0, 0});
  double worst = 0.0;  // max |out − reference| / bound
  for (const std::int64_t d : kDims)
    for (const int count : kCounts) {
      const std::int64_t words = (d + 63) / 64, rows = 4;
      const CoinMatrix m = RandomBits(rows, words, rng);
      WeightBank bank = MakeWeightBank(64 * words);
      std::vector<std::vector<double>> w;
      for (int l = 0; l < count; ++l) {
        w.push_back(GaussianVector(d, rng));
        SetWeights(&bank, l, w.back());
      }
      const std::vector<double> out = ScoreRows(m, bank);
      for (std::int64_t r = 0; r < rows; ++r)
        for (int l = 0; l < count; ++l) {
          const Reference ref = DirectScore(m, r, w[static_cast<std::size_t>(l)]);
          const double exact = static_cast<double>(ref.value);
          const double bound = ScoreBound(static_cast<double>(64 * words), ref.abs_sum, exact);
          const double error = static_cast<double>(std::abs(out[static_cast<std::size_t>(kScoreLanes * r + l)] - ref.value));
          INFO("d " << d << ", count " << count << ", row " << r << ", lane " << l << ": error " << error
                    << ", bound " << bound);
          CHECK(error <= bound);
          worst = std::max(worst, error / bound);
        }
    }
  INFO("worst error / bound " << worst);
  CHECK(worst > 0.0);  // the comparison is not vacuous: rounding does show, and stays under the bound
}

TEST_CASE("AddSignedRows: adds the direct Σ_r c_r x_rk, exactly for integers, within the bound otherwise",
          "[unit]") {
  Rng rng({2026, 312, 0, 0});
  // d = 16484 spans two 256-word chunks of AddSignedRows; the others cover word edges.
  for (const std::int64_t d : {1L, 64L, 65L, 700L, 16484L})
    for (const std::int64_t rows : {1L, 2L, 7L, 33L}) {
      const std::int64_t words = (d + 63) / 64, columns = 64 * words;
      const CoinMatrix m = RandomBits(rows, words, rng);
      // Integers (|c| ≤ 1000, starting values ≤ 1000): every partial sum is an exact integer.
      const std::vector<double> ci = IntegerVector(rows, rng);
      std::vector<double> out = IntegerVector(columns, rng);
      const std::vector<double> start = out;
      AddSignedRows(m, ci, out.data());
      for (std::int64_t k = 0; k < columns; ++k) {
        INFO("integer, d " << d << ", rows " << rows << ", column " << k);
        REQUIRE(out[static_cast<std::size_t>(k)] ==
                start[static_cast<std::size_t>(k)] + static_cast<double>(DirectSignedColumn(m, k, ci).value));
      }
      // Gaussian coefficients and starting values: the γ_rows bound of the file comment, plus one
      // more rounding u·|start + Y| for the final += (error e3 + u(|start + Y| + e3) + reference error).
      const std::vector<double> cg = GaussianVector(rows, rng);
      out = GaussianVector(columns, rng);
      const std::vector<double> start_g = out;
      AddSignedRows(m, cg, out.data());
      for (std::int64_t k = 0; k < columns; ++k) {
        const Reference ref = DirectSignedColumn(m, k, cg);
        const double exact = static_cast<double>(ref.value);
        const double e3 = ScoreBound(static_cast<double>(rows), ref.abs_sum, exact);
        const long double total = start_g[static_cast<std::size_t>(k)] + ref.value;
        const double bound = e3 + kU * (std::abs(static_cast<double>(total)) + e3);
        const double error = static_cast<double>(std::abs(out[static_cast<std::size_t>(k)] - total));
        INFO("gaussian, d " << d << ", rows " << rows << ", column " << k << ": error " << error << ", bound "
                            << bound);
        REQUIRE(error <= bound);
      }
    }
}

TEST_CASE("bit scores: edge cases", "[unit]") {
  Rng rng({2026, 313, 0, 0});
  SECTION("no rows: ScoreRows returns nothing, AddSignedRows leaves out unchanged") {
    CoinMatrix m;
    m.words = 3;
    WeightBank bank = MakeWeightBank(192);
    SetWeights(&bank, 0, GaussianVector(150, rng));
    CHECK(ScoreRows(m, bank).empty());
    std::vector<double> out = GaussianVector(192, rng);
    const std::vector<double> start = out;
    AddSignedRows(m, {}, out.data());
    CHECK(out == start);  // Σ over no rows is 0 (exactly: 2·0 − 0)
  }
  SECTION("no columns: every score is the empty sum 0") {
    const CoinMatrix m = RandomBits(3, 0, rng);
    WeightBank bank = MakeWeightBank(0);
    SetWeights(&bank, 0, {});
    const std::vector<double> out = ScoreRows(m, bank);
    REQUIRE(out.size() == static_cast<std::size_t>(3 * kScoreLanes));
    for (int r = 0; r < 3; ++r) CHECK(out[static_cast<std::size_t>(kScoreLanes * r)] == 0.0);
  }
  SECTION("all +1 and all −1 rows give +Σw and −Σw; unset lanes below count score 0") {
    const std::int64_t d = 300, words = 5;
    CoinMatrix m;
    m.rows = 2;
    m.words = words;
    m.bits.assign(static_cast<std::size_t>(2 * words), 0);
    for (std::int64_t w = 0; w < words; ++w) m.Row(0)[w] = ~std::uint64_t{0};
    WeightBank bank = MakeWeightBank(64 * words);
    const std::vector<double> w = IntegerVector(d, rng);
    SetWeights(&bank, 2, w);  // lanes 0 and 1 keep their zero weights
    REQUIRE(bank.count == 3);
    double total = 0.0;
    for (double v : w) total += v;  // integers: exact
    const std::vector<double> out = ScoreRows(m, bank);
    CHECK(out[2] == total);
    CHECK(out[kScoreLanes + 2] == -total);
    for (int r = 0; r < 2; ++r)
      for (int l = 0; l < 2; ++l) CHECK(out[static_cast<std::size_t>(kScoreLanes * r + l)] == 0.0);
  }
  SECTION("SetWeights replaces a lane: a shorter vector zeroes the rest") {
    const std::int64_t words = 2;
    const CoinMatrix m = RandomBits(4, words, rng);
    WeightBank bank = MakeWeightBank(64 * words);
    SetWeights(&bank, 0, IntegerVector(128, rng));
    const std::vector<double> shorter = IntegerVector(70, rng);
    SetWeights(&bank, 0, shorter);
    CHECK(bank.count == 1);
    const std::vector<double> out = ScoreRows(m, bank);
    for (std::int64_t r = 0; r < 4; ++r)
      CHECK(out[static_cast<std::size_t>(kScoreLanes * r)] == static_cast<double>(DirectScore(m, r, shorter).value));
  }
  SECTION("biased coins from DrawCoinMatrix (padding coins −1, zero weights)") {
    std::vector<double> p(200);
    for (std::size_t k = 0; k < p.size(); ++k) p[k] = std::sin(0.37 * static_cast<double>(k));
    const CoinColumns cols = MakeCoinColumns(p);
    const CoinMatrix m = DrawCoinMatrix(MakeBatchStream(5, 6, 7, 0), 0, 9, cols, nullptr);
    WeightBank bank = MakeWeightBank(64 * cols.words);
    std::vector<std::vector<double>> w;
    for (int l = 0; l < 6; ++l) {
      w.push_back(IntegerVector(200, rng));
      SetWeights(&bank, l, w.back());
    }
    const std::vector<double> out = ScoreRows(m, bank);
    for (std::int64_t r = 0; r < 9; ++r)
      for (int l = 0; l < 6; ++l)
        CHECK(out[static_cast<std::size_t>(kScoreLanes * r + l)] ==
              static_cast<double>(DirectScore(m, r, w[static_cast<std::size_t>(l)]).value));
  }
}

TEST_CASE("bit scores: deterministic for the same matrix and weights", "[unit]") {
  std::vector<double> p(3000, 0.2);
  const CoinColumns cols = MakeCoinColumns(p);
  const BatchStream s = MakeBatchStream(11, 12, 13, 0);
  const CoinMatrix m1 = DrawCoinMatrix(s, 0, 6, cols, nullptr);
  const CoinMatrix m2 = DrawCoinMatrix(s, 0, 6, cols, nullptr);  // regenerated from the same stream
  REQUIRE(m1.bits == m2.bits);
  Rng rng({2026, 314, 0, 0});
  WeightBank bank = MakeWeightBank(64 * cols.words);
  for (int l = 0; l < 8; ++l) SetWeights(&bank, l, GaussianVector(3000, rng));
  const std::vector<double> a = ScoreRows(m1, bank), b = ScoreRows(m2, bank), c = ScoreRows(m1, bank);
  CHECK(a == b);
  CHECK(a == c);
  const std::vector<double> coef = GaussianVector(6, rng);
  std::vector<double> o1(static_cast<std::size_t>(64 * cols.words), 0.0), o2 = o1;
  AddSignedRows(m1, coef, o1.data());
  AddSignedRows(m2, coef, o2.data());
  CHECK(o1 == o2);
}

TEST_CASE("bit scores: a lane's scores are bit-identical whatever the number of lanes in use", "[unit]") {
  std::vector<double> p(20000, 0.1);  // 313 words: many column chunks
  const CoinColumns cols = MakeCoinColumns(p);
  const CoinMatrix m = DrawCoinMatrix(MakeBatchStream(5, 6, 7, 0), 0, 9, cols, nullptr);
  Rng rng({2026, 315, 0, 0});
  const std::vector<double> first = GaussianVector(20000, rng);
  WeightBank alone = MakeWeightBank(64 * cols.words);
  SetWeights(&alone, 0, first);
  const std::vector<double> single = ScoreRows(m, alone);
  for (int lanes : {2, 3, 5, 8}) {
    WeightBank shared = MakeWeightBank(64 * cols.words);
    SetWeights(&shared, 0, first);
    for (int l = 1; l < lanes; ++l) SetWeights(&shared, l, GaussianVector(20000, rng));
    const std::vector<double> together = ScoreRows(m, shared);
    for (std::int64_t r = 0; r < m.rows; ++r) CHECK(together[kScoreLanes * r] == single[kScoreLanes * r]);
  }
}
