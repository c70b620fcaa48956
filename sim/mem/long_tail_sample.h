// Sampling Feldman's discrete long-tail model (learning_dynamics.md §7): a domain of N points with
// frequencies p_k (theory/mem/long_tail.h), n i.i.d. draws by inverse CDF (one Uniform01 each, binary
// search on the cumulative sums), labels f(k) uniform over m classes.
// The memorizer returns the training label of any seen point and guesses uniformly on unseen ones;
// the non-memorizer guesses uniformly on points seen fewer than 2 times. Their test errors are computed
// exactly over the test distribution given the sample and the guesses: err = Σ_k p_k·[prediction ≠ f(k)].
// The two share their guesses on unseen points, so the difference is Σ_{k singleton} p_k·[guess_k ≠ f(k)],
// whose expectation is E[singleton mass]·(1 − 1/m).
#pragma once

#include <cstdint>
#include <vector>

#include "sim/random/rng.h"

namespace memgen::sim {

// An index drawn with probabilities ∝ the increments of `cumulative` (increasing, last = total).
std::int64_t DrawIndex(const std::vector<double>& cumulative, Rng& rng);
std::vector<double> CumulativeSums(const std::vector<double>& frequencies);
// A class uniform on {0, …, m − 1}: ⌊m·u⌋ from one 64-bit output by a 128-bit multiply (bias ≤ m/2⁶⁴).
int UniformClassIndex(Rng& rng, int classes);

// The counts of the N domain points in n i.i.d. draws.
std::vector<std::int64_t> SampleCounts(const std::vector<double>& cumulative, std::int64_t samples, Rng& rng);

struct LevelStats {
  std::int64_t count = 0;  ///< #points seen exactly ℓ times
  double mass = 0.0;       ///< their total frequency
};
LevelStats CollectLevel(const std::vector<double>& frequencies, const std::vector<std::int64_t>& counts, std::int64_t level);

struct MemorizerErrors {
  double memorizer = 0.0;       ///< test error of the memorizer
  double non_memorizer = 0.0;   ///< test error of the non-memorizer
};
// Labels f(k) and one guess per point drawn from `rng` (two UniformClassIndex per domain point, in order).
// The non-memorizer guesses on points seen fewer than `guess_below` times (2 in the spec).
MemorizerErrors CompareMemorizers(const std::vector<double>& frequencies, const std::vector<std::int64_t>& counts, int classes, Rng& rng,
                                  std::int64_t guess_below = 2);

}  // namespace memgen::sim
