// A two-class regression sample from the shared generator of learning_dynamics.md §10 for the
// per-instance privacy and unlearning experiments of §9: points of subpopulation_data.h with m = 2
// classes, labels y = ±1 (class 1 is +1), outliers and symmetric label noise planted by
// planted_defects.h, and `repeated` clean examples that appear `copies` times (the essay's "examples
// with high repetitions", Baluta et al. 2024). An example is the set of its rows; unlearning an example
// removes all of them.
#pragma once

#include <Eigen/Core>
#include <cstdint>
#include <vector>

#include "sim/mem/planted_defects.h"
#include "sim/mem/subpopulation_data.h"
#include "sim/random/rng.h"

namespace memgen::sim {

enum class ExampleGroup : std::uint8_t { kClean = 0, kNoisy = 1, kOutlier = 2, kRepeated = 3 };
const char* ExampleGroupName(ExampleGroup group);  // "clean", "noisy", "outlier", "repeated"

struct RegressionSampleOptions {
  SubpopulationOptions data;   ///< classes must be 2
  std::int64_t examples = 40;  ///< distinct examples n
  DefectOptions defects;
  int repeated = 0;            ///< clean examples given extra copies (the first clean ones drawn)
  int copies = 1;              ///< rows of each repeated example
};

struct RegressionSample {
  Eigen::MatrixXd x;                    ///< rows × d
  Eigen::VectorXd y;                    ///< ±1
  std::vector<std::vector<int>> rows;   ///< per example: its rows (one, or `copies`)
  std::vector<ExampleGroup> group;      ///< per example
};

// One domain from `domain_rng`, the examples and defects from `sample_rng`. Throws if fewer than
// `repeated` clean examples are drawn.
RegressionSample DrawRegressionSample(const RegressionSampleOptions& o, Rng& domain_rng, Rng& sample_rng);

}  // namespace memgen::sim
