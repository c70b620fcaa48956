// Long-tailed synthetic data for the memorization estimator (learning_dynamics.md §7 (c), §10): K
// subpopulations with Zipf frequencies p_k ∝ k^{−s_Z}; subpopulation k has a centre c_k ∼ N(0, σ_c² I_d)
// and a label f(k) uniform over m classes (so a subpopulation seen once is a random-label singleton);
// a point of subpopulation k is x = c_k + σ_w·z, z ∼ N(0, I_d), with label f(k).
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
