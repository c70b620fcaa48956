// The size of a claim's test: the false-failure rate the claim is allowed, i.e. the probability that
// it reports FAIL although it is true. A run decides many claims; by the union bound its family-wise
// false-failure rate is at most the sum of their rates. memgen keeps a run at or below
// kRunFalseFailureBudget by giving every claim kDefaultClaimRate = budget / kMaxClaimsPerRun (a
// scenario may set another rate with `verdict.claim_false_failure_rate`, e.g. to measure the
// rates, scripts/false_failure_sweep.py).
//
// The rules (verdict_rules.h, family_rules.h) turn a size into their critical values with the claim's
// degrees of freedom, the quantile of Student's t with T − 1 degrees of freedom for a mean over T
// trials (the normal for T = 0), one- or two-sided as the rule is, and split it evenly (Bonferroni)
// over the points of a series, so that the rate a claim states is its size.
#pragma once

#include <cstddef>

namespace memgen::theory {

inline constexpr double kRunFalseFailureBudget = 1e-3;
inline constexpr double kMaxClaimsPerRun = 1000.0;
inline constexpr double kDefaultClaimRate = kRunFalseFailureBudget / kMaxClaimsPerRun;

struct TestSize {
  double rate = kDefaultClaimRate;

  /// The size of each of `parts` tests whose union keeps this size (rate / parts).
  TestSize Split(std::size_t parts) const { return {parts > 0 ? rate / static_cast<double>(parts) : rate}; }
};

enum class Tails { kOne, kTwo };

/// The critical value c with P(|t| > c) = rate (two tails) or P(t > c) = rate (one tail), t Student's
/// t with count − 1 degrees of freedom when count ≥ 2, else the standard normal.
double CriticalValue(TestSize size, std::size_t count, Tails tails);

/// The tail probability of a critical value, the inverse of CriticalValue: P(t > z), or P(|t| > z).
double TailProbability(double z, std::size_t count, Tails tails);

}  // namespace memgen::theory
