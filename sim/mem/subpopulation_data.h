// The shared synthetic generator of learning_dynamics.md §10 (used by §6, §7 (c), §8, §9): K
// subpopulations with Zipf frequencies p_k ∝ k^{−s_Z}; subpopulation k has a label f(k) uniform over m
// classes and a centre c_k = μ_{f(k)} + σ_c·z_k, z_k ∼ N(0, I_d), around its class mean
// μ_y ∼ N(0, σ_μ² I_d); a point of subpopulation k is x = c_k + σ_w·z, z ∼ N(0, I_d), with label f(k).
// With σ_μ = 0 (the default) the classes share no structure, so a subpopulation seen once is a
// random-label singleton (§7); with σ_μ > 0 a linear model can learn the class means (§6, §8).
// The class means are drawn after the centres and labels, so σ_μ = 0 leaves every earlier draw as it was.
// Outliers and label noise are planted afterwards (planted_defects.h).
#pragma once

#include <cstdint>
#include <vector>

#include "sim/ld/row_matrix.h"
#include "sim/random/rng.h"

namespace memgen::sim {

struct SubpopulationOptions {
  std::int64_t subpopulations = 2000;  ///< K
  double zipf_exponent = 1.0;          ///< s_Z
  int classes = 10;                    ///< m
  int dimension = 8;                   ///< d
  double centre_sd = 1.0;              ///< σ_c
  double within_sd = 0.05;             ///< σ_w
  double class_mean_sd = 0.0;          ///< σ_μ
};

struct SubpopulationDomain {
  std::vector<double> frequency;   ///< p_k
  std::vector<double> cumulative;  ///< cumulative sums of p_k
  RowMatrix centre;                ///< K × d
  std::vector<int> label;          ///< f(k)
};
SubpopulationDomain DrawDomain(const SubpopulationOptions& o, Rng& rng);

struct LabelledSample {
  RowMatrix x;                       ///< n × d
  std::vector<int> label;            ///< y_i
  std::vector<std::int64_t> subpop;  ///< k(i)
};
// n i.i.d. points: a subpopulation by inverse CDF, then d normals.
LabelledSample DrawSample(const SubpopulationDomain& domain, const SubpopulationOptions& o, std::int64_t samples, Rng& rng);

}  // namespace memgen::sim
