// Bit-row inner products, see bit_scores.h.
#include "sim/sco/bit_scores.h"

#include <algorithm>

#ifdef __AVX512F__
#include <immintrin.h>
#endif

#include "sim/core/check.h"

namespace memgen::sim {
namespace {

// Words per chunk: 512 columns, 32 KiB of weights at 8 lanes. The same for every lane count, so a
// lane's partial sums are grouped alike and its score does not depend on how many other learners
// share the bank (bit for bit).
constexpr std::int64_t kChunkWords = 8;

// acc[ℓ] += Σ over set bits of row words [w0, w1) of lane ℓ's weights, ℓ < L. L is a compile-time
// constant so the accumulators stay in registers; lanes ≥ bank.count hold zero weights.
template <int L>
void SelectedSums(const std::uint64_t* row, std::int64_t w0, std::int64_t w1, const WeightBank& bank, double* acc) {
#ifdef __AVX512F__
  __m512d sum[L];
  for (int l = 0; l < L; ++l) sum[l] = _mm512_setzero_pd();
  for (std::int64_t w = w0; w < w1; ++w) {
    const std::uint64_t bits = row[w];
    for (int q = 0; q < 8; ++q) {
      const auto mask = static_cast<__mmask8>((bits >> (8 * q)) & 0xFFU);
      const double* base = bank.w.data() + 64 * w + 8 * q;
      for (int l = 0; l < L; ++l)
        sum[l] = _mm512_mask_add_pd(sum[l], mask, sum[l], _mm512_loadu_pd(base + l * bank.padded_d));
    }
  }
  for (int l = 0; l < L; ++l) acc[l] += _mm512_reduce_add_pd(sum[l]);
#else
  for (std::int64_t w = w0; w < w1; ++w) {
    const std::uint64_t bits = row[w];
    for (int l = 0; l < L; ++l) {
      const double* base = bank.w.data() + l * bank.padded_d + 64 * w;
      double s = 0.0;
      for (int j = 0; j < 64; ++j) s += static_cast<double>((bits >> j) & 1U) * base[j];
      acc[l] += s;
    }
  }
#endif
}

template <int L>
void ScoreAllRows(const CoinMatrix& matrix, const WeightBank& bank, double* selected) {
  for (std::int64_t w0 = 0; w0 < matrix.words; w0 += kChunkWords) {
    const std::int64_t w1 = std::min(matrix.words, w0 + kChunkWords);
    for (std::int64_t r = 0; r < matrix.rows; ++r) SelectedSums<L>(matrix.Row(r), w0, w1, bank, selected + kScoreLanes * r);
  }
}

// chunk[k − 64w0] += Σ_r c_r b_rk for 64w0 ≤ k < 64w1, over the set bits of every row.
void AddSelected(const CoinMatrix& matrix, const double* coefficients, std::int64_t w0, std::int64_t w1, double* chunk) {
  for (std::int64_t r = 0; r < matrix.rows; ++r) {
    const std::uint64_t* row = matrix.Row(r);
    const double c = coefficients[r];
#ifdef __AVX512F__
    const __m512d cv = _mm512_set1_pd(c);
    for (std::int64_t w = w0; w < w1; ++w) {
      const std::uint64_t bits = row[w];
      for (int q = 0; q < 8; ++q) {
        double* o = chunk + 64 * (w - w0) + 8 * q;
        const auto mask = static_cast<__mmask8>((bits >> (8 * q)) & 0xFFU);
        const __m512d v = _mm512_loadu_pd(o);
        _mm512_storeu_pd(o, _mm512_mask_add_pd(v, mask, v, cv));
      }
    }
#else
    for (std::int64_t w = w0; w < w1; ++w) {
      const std::uint64_t bits = row[w];
      for (int j = 0; j < 64; ++j) chunk[64 * (w - w0) + j] += static_cast<double>((bits >> j) & 1U) * c;
    }
#endif
  }
}

}  // namespace

WeightBank MakeWeightBank(std::int64_t padded_d) {
  WeightBank bank;
  bank.padded_d = padded_d;
  bank.w.assign(static_cast<std::size_t>(kScoreLanes * padded_d), 0.0);
  return bank;
}

void SetWeights(WeightBank* bank, int lane, const std::vector<double>& weights) {
  MEMGEN_CHECK(lane >= 0 && lane < kScoreLanes) << "lane " << lane;
  MEMGEN_CHECK(static_cast<std::int64_t>(weights.size()) <= bank->padded_d) << weights.size();
  double* dst = bank->w.data() + lane * bank->padded_d;
  std::fill(dst, dst + bank->padded_d, 0.0);
  std::copy(weights.begin(), weights.end(), dst);
  long double total = 0.0L;
  for (double v : weights) total += v;
  bank->total[lane] = static_cast<double>(total);
  bank->count = std::max(bank->count, lane + 1);
}

std::vector<double> ScoreRows(const CoinMatrix& matrix, const WeightBank& bank) {
  MEMGEN_CHECK(64 * matrix.words == bank.padded_d) << "bank for " << bank.padded_d << " columns";
  std::vector<double> selected(static_cast<std::size_t>(kScoreLanes * matrix.rows), 0.0);
  if (bank.count <= 1) ScoreAllRows<1>(matrix, bank, selected.data());
  else if (bank.count <= 2) ScoreAllRows<2>(matrix, bank, selected.data());
  else if (bank.count <= 4) ScoreAllRows<4>(matrix, bank, selected.data());
  else ScoreAllRows<8>(matrix, bank, selected.data());
  for (std::int64_t r = 0; r < matrix.rows; ++r)
    for (int l = 0; l < kScoreLanes; ++l) {
      double& s = selected[static_cast<std::size_t>(kScoreLanes * r + l)];
      s = 2.0 * s - bank.total[l];
    }
  return selected;
}

void AddSignedRows(const CoinMatrix& matrix, const std::vector<double>& coefficients, double* out) {
  MEMGEN_CHECK(static_cast<std::int64_t>(coefficients.size()) == matrix.rows) << coefficients.size() << " coefficients";
  long double total = 0.0L;
  for (double c : coefficients) total += c;
  const auto t = static_cast<double>(total);
  constexpr std::int64_t kChunk = 256;  // 16384 partial sums (128 KiB) stay in cache across all rows
  std::vector<double> selected(static_cast<std::size_t>(64 * kChunk));
  for (std::int64_t w0 = 0; w0 < matrix.words; w0 += kChunk) {
    const std::int64_t w1 = std::min(matrix.words, w0 + kChunk);
    std::fill(selected.begin(), selected.end(), 0.0);
    AddSelected(matrix, coefficients.data(), w0, w1, selected.data());
    for (std::int64_t k = 64 * w0; k < 64 * w1; ++k) out[k] += 2.0 * selected[k - 64 * w0] - t;
  }
}

}  // namespace memgen::sim
