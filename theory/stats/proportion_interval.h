// Confidence intervals for a binomial proportion k/T.
//   Clopper-Pearson (1934), exact: lo = Beta^{-1}(a/2; k, T-k+1), hi = Beta^{-1}(1-a/2; k+1, T-k).
//   Wilson (1927) score interval: (p + z²/2T -/+ z sqrt(p(1-p)/T + z²/4T²)) / (1 + z²/T).
// Quantiles from Boost.Math (ibeta_inv, normal quantile).
#pragma once

#include <cstdint>

#include "theory/stats/sample_stats.h"

namespace memgen::theory {

Interval ClopperPearson(std::int64_t successes, std::int64_t trials, double level);
Interval Wilson(std::int64_t successes, std::int64_t trials, double level);

}  // namespace memgen::theory
