// Stochastic sign projection, see sign_projection.h.
#include "sim/sco/sign_projection.h"

#include <algorithm>
#include <cmath>

#include "sim/core/check.h"
#include "sim/random/distributions.h"
#include "sim/sco/bit_scores.h"
#include "sim/sco/coin_rows.h"

namespace memgen::sim {
namespace {

constexpr std::int64_t kBlockRows = 128;  // columns of S drawn at once

}  // namespace

std::vector<double> SignProject(const std::vector<double>& a, const SignProjectionOptions& options,
                                const BatchStream& stream, Rng& dither) {
  MEMGEN_CHECK(options.dim >= 1 && options.dim < (std::int64_t{1} << 31)) << "d' = " << options.dim;
  MEMGEN_CHECK(options.quantizer_step >= 0.0) << "step " << options.quantizer_step;
  const auto d = static_cast<std::int64_t>(a.size());
  const CoinColumns fair = MakeCoinColumns(std::vector<double>(a.size(), 0.0));
  WeightBank bank = MakeWeightBank(64 * fair.words);
  SetWeights(&bank, 0, a);
  const double inv_sqrt_dim = 1.0 / std::sqrt(static_cast<double>(options.dim));
  // q = Q(Θᵀa), one coordinate per column of S.
  std::vector<double> q(static_cast<std::size_t>(options.dim));
  for (std::int64_t j0 = 0; j0 < options.dim; j0 += kBlockRows) {
    const std::int64_t rows = std::min(kBlockRows, options.dim - j0);
    const CoinMatrix block = DrawCoinMatrix(stream, static_cast<std::uint32_t>(j0), rows, fair, nullptr);
    const std::vector<double> scores = ScoreRows(block, bank);
    for (std::int64_t r = 0; r < rows; ++r) {
      double v = scores[static_cast<std::size_t>(kScoreLanes * r)] * inv_sqrt_dim;
      if (options.quantizer_step > 0.0) {
        const double cells = v / options.quantizer_step;
        const double floor = std::floor(cells);
        v = options.quantizer_step * (floor + (Uniform01(dither) < cells - floor ? 1.0 : 0.0));
      }
      q[j0 + r] = v;
    }
  }
  // A* = Θ q, regenerating the same columns.
  std::vector<double> out(static_cast<std::size_t>(64 * fair.words), 0.0);
  const double coefficient_scale = options.scale * inv_sqrt_dim;
  for (std::int64_t j0 = 0; j0 < options.dim; j0 += kBlockRows) {
    const std::int64_t rows = std::min(kBlockRows, options.dim - j0);
    const CoinMatrix block = DrawCoinMatrix(stream, static_cast<std::uint32_t>(j0), rows, fair, nullptr);
    std::vector<double> coefficients(q.begin() + j0, q.begin() + j0 + rows);
    for (double& c : coefficients) c *= coefficient_scale;
    AddSignedRows(block, coefficients, out.data());
  }
  out.resize(static_cast<std::size_t>(d));
  return out;
}

}  // namespace memgen::sim
