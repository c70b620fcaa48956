// Effective ranks of a covariance spectrum (BLLT 2020, Definition 3 / arXiv v3 Lemma 5; Tsigler and
// Bartlett 2023, §3.2); benign_overfitting.md §2.
//   S_k = Σ_{i>k} λ_i,  S_k^(2) = Σ_{i>k} λ_i²,
//   r_k = S_k / λ_{k+1},  R_k = S_k² / S_k^(2),   r_k ≤ R_k ≤ r_k²  (BLLT Lemma 5),
//   k*(b) = min{k ≥ 0 : r_k ≥ b n}  (BLLT; ∞ when no such k),
//   Q_b(n) = k*/n + n / R_{k*}  (the BLLT variance proxy),
//   TB (5):  V̄_k = k/n + n S_k^(2) / (λ_u + S_k)².
// Tail sums come from one reverse (small-to-large) cumulative pass in long double (§7.4); only the
// first k_max + 1 of them are kept.
#pragma once

#include <cstdint>
#include <limits>
#include <vector>

#include "theory/bo/spectrum.h"

namespace memgen::theory {

inline constexpr std::int64_t kInfiniteK = std::numeric_limits<std::int64_t>::max();

class EffectiveRanks {
 public:
  // Keeps S_k, S_k^(2) for k = 0..k_max (clamped to d - 1).
  EffectiveRanks(const Spectrum& spectrum, std::int64_t k_max);

  std::int64_t k_max() const { return static_cast<std::int64_t>(tail_sum_.size()) - 1; }
  double TailSum(std::int64_t k) const;         // S_k
  double TailSumSquares(std::int64_t k) const;  // S_k^(2)
  double SmallR(std::int64_t k) const;          // r_k
  double LargeR(std::int64_t k) const;          // R_k
  // k*(b) for sample size n; kInfiniteK if no k ≤ k_max qualifies.
  std::int64_t KStar(double b, std::int64_t n) const;
  // Q_b(n); +infinity when k* is infinite.
  double VarianceProxy(double b, std::int64_t n) const;
  // TB (5) at index k with unnormalised ridge λ_u.
  double TbVarianceProxy(std::int64_t k, std::int64_t n, double ridge_unnormalised) const;

 private:
  std::vector<double> eigenvalue_;  // λ_{k+1} for k = 0..k_max (a copy: no dangling spectrum pointer)
  std::vector<long double> tail_sum_;
  std::vector<long double> tail_sum_squares_;
};

}  // namespace memgen::theory
