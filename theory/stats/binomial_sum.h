// The exact law of a count X = Σ_t X_t, X_t ~ Binomial(m_t, p_t) independent: the error count of a
// classifier whose per-point error probability p_t is known exactly in each of T trials (a
// Poisson-binomial law grouped by trial). The pmf is the convolution of the T binomial pmfs, each
// truncated where its mass falls below 1e-18 of the total (Boost.Math's binomial pdf); no normal or
// Poisson approximation, so tail probabilities at the 1e-6 level are exact to that truncation.
//
// The two-sided test of an observed count k: p = min(1, 2 min(P(X ≤ k), P(X ≥ k))). Its detectable
// shift at level α (probability 0.9 of rejecting) in the shift model X + δ: with k_hi the smallest
// count with P(X ≥ k_hi) ≤ α/2, δ_hi = k_hi − q_0.1(X); with k_lo the largest count with
// P(X ≤ k_lo) ≤ α/2 (if any), δ_lo = q_0.9(X) − k_lo; the smaller of the two.
#pragma once

#include <cstdint>
#include <vector>

namespace memgen::theory {

struct BinomialPart {
  std::int64_t trials = 0;  ///< m_t
  double probability = 0.0;  ///< p_t in [0, 1]
};

class BinomialSumLaw {
 public:
  explicit BinomialSumLaw(const std::vector<BinomialPart>& parts);

  double Mean() const { return mean_; }
  double Cdf(std::int64_t k) const;    ///< P(X ≤ k)
  double Upper(std::int64_t k) const;  ///< P(X ≥ k)
  std::int64_t Quantile(double q) const;  ///< the smallest k with P(X ≤ k) ≥ q
  double TwoSidedPValue(std::int64_t observed) const;
  double DetectableShift(double alpha) const;

 private:
  std::int64_t offset_ = 0;  ///< the count of pmf_[0]
  std::vector<double> pmf_;
  double mean_ = 0.0;
};

}  // namespace memgen::theory
