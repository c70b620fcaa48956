// Bit-row inner products, see bit_scores.h.
#include "sim/sco/bit_scores.h"

#include <algorithm>

#ifdef __AVX512F__
#include <immintrin.h>
#endif

#include "sim/core/check.h"

namespace memgen::sim {
namespace {

constexpr std::int64_t kChunkWords = 8;  // 512 columns: 8 lanes × 4 KiB of weights

// acc[ℓ] += Σ over set bits of row words [w0, w1) of lane ℓ's weights.
void SelectedSums(const std::uint64_t* row, std::int64_t w0, std::int64_t w1, const WeightBank& bank, double* acc) {
#ifdef __AVX512F__
  // All 8 lanes always (unused lanes hold zero weights): the accumulators stay in registers.
  __m512d sum[kScoreLanes];
  for (int l = 0; l < kScoreLanes; ++l) sum[l] = _mm512_setzero_pd();
  for (std::int64_t w = w0; w < w1; ++w) {
    const std::uint64_t bits = row[w];
    for (int q = 0; q < 8; ++q) {
      const auto mask = static_cast<__mmask8>((bits >> (8 * q)) & 0xFFU);
      const double* base = bank.w.data() + 64 * w + 8 * q;
      for (int l = 0; l < kScoreLanes; ++l)
        sum[l] = _mm512_mask_add_pd(sum[l], mask, sum[l], _mm512_loadu_pd(base + l * bank.padded_d));
    }
  }
  for (int l = 0; l < kScoreLanes; ++l) acc[l] += _mm512_reduce_add_pd(sum[l]);
#else
  for (std::int64_t w = w0; w < w1; ++w) {
    const std::uint64_t bits = row[w];
    for (int l = 0; l < bank.count; ++l) {
      const double* base = bank.w.data() + l * bank.padded_d + 64 * w;
      double s = 0.0;
      for (int j = 0; j < 64; ++j) s += static_cast<double>((bits >> j) & 1U) * base[j];
      acc[l] += s;
    }
  }
#endif
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
  for (std::int64_t w0 = 0; w0 < matrix.words; w0 += kChunkWords) {
    const std::int64_t w1 = std::min(matrix.words, w0 + kChunkWords);
    for (std::int64_t r = 0; r < matrix.rows; ++r)
      SelectedSums(matrix.Row(r), w0, w1, bank, selected.data() + kScoreLanes * r);
  }
  for (std::int64_t r = 0; r < matrix.rows; ++r)
    for (int l = 0; l < kScoreLanes; ++l) {
      double& s = selected[static_cast<std::size_t>(kScoreLanes * r + l)];
      s = 2.0 * s - bank.total[l];
    }
  return selected;
}

}  // namespace memgen::sim
