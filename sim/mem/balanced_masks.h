// Point-balanced IN/OUT masks for the subsampled memorization estimator (learning_dynamics.md §7, §8):
//   LiRA argsort: keys u_{ji} ∼ U(0, 1); point i is IN in run j iff j is among the t_in smallest keys
//     of column i (ties impossible in practice; broken by run index). Every point is IN exactly t_in
//     times; run sizes vary.
//   cyclic: offsets o_i = the values (i mod t) shuffled (Fisher–Yates), IN iff (o_i − j) mod t < t_in
//     (theory::CyclicMask); when t | n every run also holds n·t_in/t points.
//   Feldman's rng.choice: each run an independent uniform subset of ⌊r·n⌋ points (not point-balanced).
#pragma once

#include <cstdint>

#include "sim/random/rng.h"
#include "theory/mem/balanced_masks.h"

namespace memgen::sim {

theory::MaskMatrix LiraArgsortMask(std::int64_t runs, std::int64_t points, std::int64_t runs_in, Rng& rng);
theory::MaskMatrix ShuffledCyclicMask(std::int64_t runs, std::int64_t points, std::int64_t runs_in, Rng& rng);
theory::MaskMatrix SubsetChoiceMask(std::int64_t runs, std::int64_t points, std::int64_t subset_size, Rng& rng);

}  // namespace memgen::sim
