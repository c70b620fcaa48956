// Inner products of bit-packed ±1 rows with up to 8 weight vectors at once (sco_traceability.md
// §10): for x ∈ {±1}^d stored as bits b (x = 2b − 1),
//   Σ_k w_k x_k = 2 Σ_{k: b_k = 1} w_k − Σ_k w_k.
// Each byte of a row word masks an 8-wide add of the weights (AVX-512 masked adds where available);
// columns are processed in chunks whose weights stay in cache across all rows.
#pragma once

#include <cstdint>
#include <vector>

#include "sim/sco/coin_rows.h"

namespace memgen::sim {

constexpr int kScoreLanes = 8;

struct WeightBank {
  std::int64_t padded_d = 0;       ///< 64·words
  int count = 0;                   ///< weight vectors in use (≤ 8)
  std::vector<double> w;           ///< lane-major: w[ℓ·padded_d + k]
  double total[kScoreLanes] = {};  ///< Σ_k w_ℓk
};

WeightBank MakeWeightBank(std::int64_t padded_d);
void SetWeights(WeightBank* bank, int lane, const std::vector<double>& weights);  // length ≤ padded_d

// out[8r + ℓ] = Σ_k w_ℓk x_rk for every row r of `matrix` and lane ℓ < bank.count.
std::vector<double> ScoreRows(const CoinMatrix& matrix, const WeightBank& bank);

// The transposed product: out[k] += Σ_r c_r x_rk for k < 64·words (out has 64·matrix.words entries,
// coefficients one per row), computed as 2 Σ_{r: b_rk = 1} c_r − Σ_r c_r with masked broadcasts.
void AddSignedRows(const CoinMatrix& matrix, const std::vector<double>& coefficients, double* out);

}  // namespace memgen::sim
