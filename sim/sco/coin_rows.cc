// Bit-packed biased coins, see coin_rows.h.
#include "sim/sco/coin_rows.h"

#include <algorithm>
#include <cmath>

#ifdef __AVX512F__
#include <immintrin.h>
#endif

#include "sim/core/check.h"

namespace memgen::sim {
namespace {

constexpr std::int64_t kChunkWords = 64;  // 4096 coins per Philox batch call

// Bit j of the result is u[j] < t[j], j < 64 (unsigned compares); adds the same indicators to
// counts[j] when counts is non-null.
inline std::uint64_t PackLess(const std::uint32_t* u, const std::uint32_t* t, std::int32_t* counts) {
  std::uint64_t word = 0;
#ifdef __AVX512F__
  const __m512i one = _mm512_set1_epi32(1);
  for (int q = 0; q < 4; ++q) {
    const __mmask16 m = _mm512_cmplt_epu32_mask(_mm512_loadu_si512(u + 16 * q), _mm512_loadu_si512(t + 16 * q));
    word |= static_cast<std::uint64_t>(m) << (16 * q);
    if (counts) {
      const __m512i c = _mm512_loadu_si512(counts + 16 * q);
      _mm512_storeu_si512(counts + 16 * q, _mm512_mask_add_epi32(c, m, c, one));
    }
  }
#else
  for (int j = 0; j < 64; ++j) {
    const bool less = u[j] < t[j];
    word |= static_cast<std::uint64_t>(less) << j;
    if (counts) counts[j] += less ? 1 : 0;
  }
#endif
  return word;
}

// Columns [64·w0, 64·(w0 + chunk)) of one row: Philox batch, then pack (and count).
void DrawRowChunk(const BatchStream& stream, std::uint32_t row, const CoinColumns& columns, std::int64_t w0,
                  std::int64_t chunk, std::uint32_t* scratch, std::uint64_t* bits, std::int32_t* counts) {
  FillRawU32(stream, row, static_cast<std::uint32_t>(16 * w0), scratch, static_cast<std::size_t>(chunk));
  const std::uint32_t* t = columns.threshold.data() + 64 * w0;
  for (std::int64_t w = 0; w < chunk; ++w)
    bits[w0 + w] = PackLess(scratch + 64 * w, t + 64 * w, counts ? counts + 64 * (w0 + w) : nullptr);
}

}  // namespace

CoinColumns MakeCoinColumns(const std::vector<double>& p) {
  CoinColumns c;
  c.d = static_cast<std::int64_t>(p.size());
  c.words = (c.d + 63) / 64;
  c.threshold.assign(static_cast<std::size_t>(64 * c.words), 0U);
  c.mean.assign(static_cast<std::size_t>(64 * c.words), 0.0);
  constexpr double kTwo32 = 4294967296.0;
  for (std::int64_t k = 0; k < c.d; ++k) {
    MEMGEN_CHECK(p[k] >= -1.0 && p[k] <= 1.0) << "coin mean " << p[k];
    const double t = std::min(std::floor(kTwo32 * 0.5 * (1.0 + p[k])), kTwo32 - 1.0);
    c.threshold[k] = static_cast<std::uint32_t>(t);
    c.mean[k] = 2.0 * t / kTwo32 - 1.0;
  }
  return c;
}

void DrawCoinRow(const BatchStream& stream, std::uint32_t row, const CoinColumns& columns, std::uint64_t* bits,
                 std::int32_t* counts) {
  alignas(64) std::uint32_t scratch[64 * kChunkWords];
  for (std::int64_t w0 = 0; w0 < columns.words; w0 += kChunkWords)
    DrawRowChunk(stream, row, columns, w0, std::min(kChunkWords, columns.words - w0), scratch, bits, counts);
}

CoinMatrix DrawCoinMatrix(const BatchStream& stream, std::uint32_t first_row, std::int64_t rows,
                          const CoinColumns& columns, std::vector<std::int32_t>* counts) {
  CoinMatrix m;
  m.rows = rows;
  m.words = columns.words;
  m.bits.assign(static_cast<std::size_t>(rows * columns.words), 0ULL);
  if (counts) counts->assign(static_cast<std::size_t>(64 * columns.words), 0);
  alignas(64) std::uint32_t scratch[64 * kChunkWords];
  // Column chunks outermost: the chunk's thresholds and counts stay in cache across all rows. The
  // bits do not depend on the loop order (each coin has its own counter).
  for (std::int64_t w0 = 0; w0 < columns.words; w0 += kChunkWords) {
    const std::int64_t chunk = std::min(kChunkWords, columns.words - w0);
    for (std::int64_t r = 0; r < rows; ++r)
      DrawRowChunk(stream, first_row + static_cast<std::uint32_t>(r), columns, w0, chunk, scratch, m.Row(r),
                   counts ? counts->data() : nullptr);
  }
  return m;
}

}  // namespace memgen::sim
