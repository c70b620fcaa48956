// Effective ranks and k* of a sorted covariance spectrum, benign_overfitting.md §2 and §7.4.
// With tail sums S_k = Σ_{i>k} λ_i and S_k^(2) = Σ_{i>k} λ_i², the ranks are r_k = S_k/λ_{k+1} and
// R_k = S_k²/S_k^(2) (BLLT Lemma 5: r_k ≤ R_k ≤ r_k²); k*(b) = min{k ≥ 0 : r_k ≥ b n} uses BLLT's "≥"
// (TB's variant uses ">"). Q_b(n) = k*/n + n/R_{k*} and TB (5) V̄_k = k/n + n S_k^(2)/(λ_u + S_k)².
// Both tail sums come from one reverse cumulative pass (smallest eigenvalue first) in long double,
// never as total − prefix; the flat tail contributes count·value in O(1), and only k = 0..k_max is kept.
#include "theory/bo/effective_ranks.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

#include "sim/core/argument_error.h"

namespace memgen::theory {
namespace {

// Tier-1 check of the spectrum contract: finite, non-negative, sorted non-increasing.
void ValidateSpectrum(const Spectrum& s) {
  if (s.dimension() < 1) FailArgument("EffectiveRanks", "spectrum.dimension()", s.dimension(), ">= 1");
  if (s.tail_count < 0) FailArgument("EffectiveRanks", "spectrum.tail_count", s.tail_count, ">= 0");
  double previous = std::numeric_limits<double>::infinity();
  for (std::size_t i = 0; i < s.head.size(); ++i) {
    const double v = s.head[i];
    if (!(std::isfinite(v) && v >= 0.0 && v <= previous))
      FailArgument("EffectiveRanks", "spectrum.head[" + std::to_string(i) + "]", v,
           "finite, >= 0 and <= the previous eigenvalue");
    previous = v;
  }
  if (s.tail_count > 0 && !(std::isfinite(s.tail_value) && s.tail_value >= 0.0 && s.tail_value <= previous))
    FailArgument("EffectiveRanks", "spectrum.tail_value", s.tail_value,
         "finite, >= 0 and <= the last head eigenvalue");
}

void CheckIndex(const char* function, std::int64_t k, std::int64_t k_max) {
  if (k < 0 || k > k_max) FailArgument(function, "k", k, "in [0, k_max = " + std::to_string(k_max) + "]");
}

}  // namespace

EffectiveRanks::EffectiveRanks(const Spectrum& spectrum, std::int64_t k_max) {
  ValidateSpectrum(spectrum);
  if (k_max < 0) FailArgument("EffectiveRanks", "k_max", k_max, ">= 0");
  const std::int64_t d = spectrum.dimension();
  const std::int64_t m = static_cast<std::int64_t>(spectrum.head.size());
  const std::int64_t kept = std::min(k_max, d - 1) + 1;
  eigenvalue_.resize(static_cast<std::size_t>(kept));
  tail_sum_.resize(static_cast<std::size_t>(kept));
  tail_sum_squares_.resize(static_cast<std::size_t>(kept));

  // Indices k ≥ m lie in the flat tail: S_k = (d − k)·t.
  // The infinite continuation beyond d (spectrum.h), if any, is part of every tail sum.
  const long double r1 = spectrum.remainder_sum, r2 = spectrum.remainder_sum_squares;
  const long double t = spectrum.tail_value;
  for (std::int64_t k = m; k < kept; ++k) {
    const long double count = static_cast<long double>(d - k);
    eigenvalue_[k] = spectrum.tail_value;
    tail_sum_[k] = r1 + count * t;
    tail_sum_squares_[k] = r2 + count * t * t;
  }
  // One reverse pass over the head, small to large, starting from the whole tail.
  long double sum = r1 + static_cast<long double>(spectrum.tail_count) * t;
  long double sum_squares = r2 + static_cast<long double>(spectrum.tail_count) * t * t;
  for (std::int64_t i = m - 1; i >= 0; --i) {
    const long double v = spectrum.head[static_cast<std::size_t>(i)];
    sum += v;
    sum_squares += v * v;
    if (i < kept) {
      eigenvalue_[i] = spectrum.head[static_cast<std::size_t>(i)];
      tail_sum_[i] = sum;
      tail_sum_squares_[i] = sum_squares;
    }
  }
}

double EffectiveRanks::TailSum(std::int64_t k) const {
  CheckIndex("EffectiveRanks::TailSum", k, k_max());
  return static_cast<double>(tail_sum_[k]);
}

double EffectiveRanks::TailSumSquares(std::int64_t k) const {
  CheckIndex("EffectiveRanks::TailSumSquares", k, k_max());
  return static_cast<double>(tail_sum_squares_[k]);
}

double EffectiveRanks::SmallR(std::int64_t k) const {
  CheckIndex("EffectiveRanks::SmallR", k, k_max());
  if (!(eigenvalue_[k] > 0.0)) return std::numeric_limits<double>::quiet_NaN();  // λ_{k+1} = 0
  return static_cast<double>(tail_sum_[k] / static_cast<long double>(eigenvalue_[k]));
}

double EffectiveRanks::LargeR(std::int64_t k) const {
  CheckIndex("EffectiveRanks::LargeR", k, k_max());
  if (!(tail_sum_squares_[k] > 0.0L)) return std::numeric_limits<double>::quiet_NaN();
  return static_cast<double>(tail_sum_[k] * tail_sum_[k] / tail_sum_squares_[k]);
}

std::int64_t EffectiveRanks::KStar(double b, std::int64_t n) const {
  if (!(std::isfinite(b) && b > 0.0)) FailArgument("EffectiveRanks::KStar", "b", b, "finite and > 0");
  if (n < 1) FailArgument("EffectiveRanks::KStar", "n", n, ">= 1");
  const long double threshold = static_cast<long double>(b) * static_cast<long double>(n);
  for (std::int64_t k = 0; k <= k_max(); ++k) {
    const long double lambda = eigenvalue_[k];
    if (!(lambda > 0.0L)) return kInfiniteK;  // r_j undefined from here on
    if (tail_sum_[k] / lambda >= threshold) return k;
  }
  return kInfiniteK;
}

double EffectiveRanks::VarianceProxy(double b, std::int64_t n) const {
  const std::int64_t k = KStar(b, n);
  if (k == kInfiniteK) return std::numeric_limits<double>::infinity();
  return static_cast<double>(k) / static_cast<double>(n) + static_cast<double>(n) / LargeR(k);
}

double EffectiveRanks::TbVarianceProxy(std::int64_t k, std::int64_t n, double ridge_unnormalised) const {
  CheckIndex("EffectiveRanks::TbVarianceProxy", k, k_max());
  if (n < 1) FailArgument("EffectiveRanks::TbVarianceProxy", "n", n, ">= 1");
  const long double denominator = static_cast<long double>(ridge_unnormalised) + tail_sum_[k];
  const long double nn = static_cast<long double>(n);
  return static_cast<double>(static_cast<long double>(k) / nn +
                             nn * tail_sum_squares_[k] / (denominator * denominator));
}

}  // namespace memgen::theory
