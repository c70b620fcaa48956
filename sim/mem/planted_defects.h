// Defects planted in a labelled sample, the "optional planted outliers and symmetric label noise ρ" of
// the shared generator (learning_dynamics.md §10; used by §6 EL2N ranking, §8 vulnerability, §9 privacy):
// - outliers: a fraction φ of the points is replaced by x ∼ N(0, σ_o² I_d) with a label uniform over
//   the m classes, far from every subpopulation when σ_o ≫ the centres' spread;
// - label noise: a fraction ρ of the remaining points gets a label drawn uniformly from the m − 1 other
//   classes (symmetric noise: the flipped label is never the true one, as in §6's "flipped to a uniform
//   wrong class").
// The counts are exact, ⌊φn⌉ and ⌊ρn⌉, and the two sets disjoint: one uniformly random permutation
// (Fisher–Yates on Philox draws) lists the outliers first, then the noisy points.
#pragma once

#include <cstdint>
#include <vector>

#include "sim/mem/subpopulation_data.h"
#include "sim/random/rng.h"

namespace memgen::sim {

enum class PointGroup : std::uint8_t { kClean = 0, kNoisy = 1, kOutlier = 2 };
const char* GroupName(PointGroup group);  // "clean", "noisy", "outlier"

struct DefectOptions {
  double label_noise = 0.0;       ///< ρ
  double outlier_fraction = 0.0;  ///< φ
  double outlier_sd = 4.0;        ///< σ_o
};

// Plants the defects in `sample` (labels and rows change; `subpop` of an outlier becomes −1) and
// returns each point's group.
std::vector<PointGroup> PlantDefects(LabelledSample& sample, const DefectOptions& o, int classes, Rng& rng);

// A uniformly random permutation of {0, …, n − 1} (Fisher–Yates, one 128-bit multiply per swap).
std::vector<std::int64_t> RandomPermutation(std::int64_t n, Rng& rng);

}  // namespace memgen::sim
