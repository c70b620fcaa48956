// Biased ±1 coins at scale for the SCO hard instances (sco_traceability.md §2.1, §10). Column k has
// mean p_k; a coin is +1 iff a 32-bit Philox word u satisfies u < t_k, t_k = ⌊2³²(1 + p_k)/2⌋, so the
// realised mean is 2t_k/2³² − 1 (stored as `mean`; every formula uses it, so nothing is off by the
// 2⁻³² quantisation). Rows are bit-packed (bit 1 = +1, 64 coins per word) and each row comes from
// its own counter range {block, row, trial, role}, so any row can be regenerated alone.
#pragma once

#include <cstdint>
#include <vector>

#include "sim/random/philox_batch.h"

namespace memgen::sim {

struct CoinColumns {
  std::int64_t d = 0;
  std::int64_t words = 0;                 ///< ⌈d/64⌉
  std::vector<std::uint32_t> threshold;   ///< t_k, padded to 64·words with 0 (padding coins are −1)
  std::vector<double> mean;               ///< realised E x_k, padded with 0
};

CoinColumns MakeCoinColumns(const std::vector<double>& p);

// Bit-packed rows: row r occupies words [r·words, (r+1)·words).
struct CoinMatrix {
  std::int64_t rows = 0;
  std::int64_t words = 0;
  std::vector<std::uint64_t> bits;
  const std::uint64_t* Row(std::int64_t r) const { return bits.data() + r * words; }
  std::uint64_t* Row(std::int64_t r) { return bits.data() + r * words; }
};

// Draws row `row` of the stream into `bits` (columns.words words); if `counts` is non-null, adds the
// row's +1 indicators to counts[k] (length 64·words).
void DrawCoinRow(const BatchStream& stream, std::uint32_t row, const CoinColumns& columns, std::uint64_t* bits,
                 std::int32_t* counts);

// Fills a matrix of `rows` rows (stream rows first_row, first_row + 1, …), accumulating counts.
CoinMatrix DrawCoinMatrix(const BatchStream& stream, std::uint32_t first_row, std::int64_t rows,
                          const CoinColumns& columns, std::vector<std::int32_t>* counts);

}  // namespace memgen::sim
