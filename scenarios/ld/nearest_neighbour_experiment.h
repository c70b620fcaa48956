// 1-nearest neighbour against Cover–Hart (learning_dynamics.md §5; theory/ld/nearest_neighbour.h),
// in one dimension with sorted search (sim/ld/nearest_neighbour.h). Three arms:
//   constant η   labels independent of x: clean class 0 everywhere, each label (training and test)
//                correct with probability 1 − ρ, otherwise uniform over the other M − 1 classes; over a
//                grid of (M, ρ, n), each unit is a fresh training set of n points (x ~ U(0, 1)) and one
//                test point, so the units' errors are i.i.d. Bernoulli(R_1NN(n)) and their count is
//                binomial (a test set sharing one training set would not be: test points with the same
//                neighbour share its label);
//   smooth       the mixture N(±μ, 1), equal priors, n training and m test points per training set;
//                the per-training-set error rates are i.i.d. over training sets, so their sample
//                variance holds the test-sample and the training-set variance together (SE_total);
//   memorizer    a noiseless task, x ~ U(0, 1) with clean class ⌊Mx⌋, training labels corrupted at
//                rate ρ (over all M classes, or always wrong), clean test labels (spec §5 (d)).
// Claims:
//   LD-1NN.constant_eta.M<M>_rho<100ρ>_n<n>  the error count's Clopper–Pearson interval contains
//                                 ρ(2 − Mρ/(M − 1)), exact at every n                     BINOMIAL
//   LD-1NN.smooth.limit           mean error over training sets = R_∞ = E[2η(1 − η)]      ORACLE
//   LD-1NN.smooth.above_bayes     ... at least R* = Φ(−μ)                                 AT LEAST (margin 0)
//   LD-1NN.smooth.below_cover_hart ... at most 2R*(1 − R*)                                AT MOST (margin 0)
//   LD-1NN.memorizer.<any|other>_M<M>_rho<100ρ>  mean clean-test error = ρ(M − 1)/M (any class) or ρ
//                                 (always wrong), within the boundary term's bound |c| 2(M − 1)/(n + 1)
//                                                                                         TOLERANCE
//   LD-1NN.memorizer.fits         the 1-NN reproduces every training label (each training point with
//                                 a unique input is its own nearest neighbour): misfits    EXACT
// No claim that the error decreases with n (spec §5 (c): the smooth model's finite-n excess over R_∞
// is far below any affordable SE).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "sim/io/csv_table.h"
#include "sim/run/memory_estimate.h"
#include "sim/run/trial_runner.h"
#include "theory/ld/nearest_neighbour.h"
#include "theory/verdict/claim.h"
#include "theory/verdict/test_size.h"

namespace memgen::scenarios {

// How a test point is classified. kNearest is the 1-NN; the others are planted defects for the
// negative controls: the second-nearest neighbour's label, and the majority of the two nearest with a
// tie going to the smaller class.
enum class NeighbourRule { kNearest, kNearestButOne, kTwoNearestMajority };

struct ConstantEtaOptions {
  std::vector<int> classes{2, 10};
  std::vector<double> rhos{0.1, 0.2, 0.4};
  std::vector<std::int64_t> train_sizes{10, 1000};
  std::int64_t pairs_per_trial = 100;  ///< (training set, test point) units per trial
  std::int64_t trials = 200;
  NeighbourRule rule = NeighbourRule::kNearest;
  bool planted_binary_formula = false;  ///< negative control: predict 2ρ(1 − ρ) whatever M
  std::string trials_field = "constant_eta.trials";
  void Validate(const std::string& field) const;
};

struct ConstantEtaCell {
  int classes = 2;
  double rho = 0.1;
  std::int64_t train_size = 10;
  std::string Name() const;  ///< M10_rho20_n1000
};

struct ConstantEtaResult {
  ConstantEtaCell cell;
  std::int64_t units = 0, errors = 0;
};

struct SmoothOptions {
  double separation = 1.0;  ///< μ
  std::int64_t train_size = 100000, test_size = 100000;
  std::int64_t trials = 20;  ///< training sets
  NeighbourRule rule = NeighbourRule::kNearest;
  std::string trials_field = "smooth.trials";
  void Validate(const std::string& field) const;
};

struct SmoothResult {
  SmoothOptions options;
  std::vector<std::int64_t> errors;  ///< per training set, out of test_size
};

struct MemorizerOptions {
  int classes = 10;
  std::vector<double> rhos{0.2, 0.5};
  std::vector<theory::Corruption> corruptions{theory::Corruption::kAnyClass, theory::Corruption::kOtherClass};
  std::int64_t train_size = 100000, test_size = 100000;
  std::int64_t trials = 10;
  NeighbourRule rule = NeighbourRule::kNearest;
  std::string trials_field = "memorizer.trials";
  void Validate(const std::string& field) const;
};

struct MemorizerTrial {
  std::int64_t errors = 0;      ///< clean test points misclassified
  std::int64_t crossings = 0;   ///< test points whose neighbour lies in another class's interval
  std::int64_t misfits = 0;     ///< training points with a unique input whose own label is not predicted
  std::int64_t duplicates = 0;  ///< training points sharing their input with another (not checked)
};

template <typename Codec>
void Fields(Codec& c, MemorizerTrial& r) {
  c(r.errors, r.crossings, r.misfits, r.duplicates);
}

struct MemorizerCellResult {
  theory::Corruption corruption = theory::Corruption::kAnyClass;
  double rho = 0.0;
  std::vector<MemorizerTrial> trials;
};

struct MemorizerResult {
  MemorizerOptions options;
  std::vector<MemorizerCellResult> cells;
};

std::string CorruptionName(theory::Corruption corruption);  ///< any | other

void AddConstantEtaMemory(const ConstantEtaOptions& options, int threads, sim::MemoryEstimate* memory);
void AddSmoothMemory(const SmoothOptions& options, int threads, sim::MemoryEstimate* memory);
void AddMemorizerMemory(const MemorizerOptions& options, int threads, sim::MemoryEstimate* memory);

std::vector<ConstantEtaResult> RunConstantEta(const ConstantEtaOptions& options, std::uint64_t master_seed, const sim::TrialRunnerOptions& runner);
SmoothResult RunSmooth(const SmoothOptions& options, std::uint64_t master_seed, const sim::TrialRunnerOptions& runner);
MemorizerResult RunMemorizer(const MemorizerOptions& options, std::uint64_t master_seed, const sim::TrialRunnerOptions& runner);

std::vector<theory::Claim> BuildConstantEtaClaims(const ConstantEtaOptions& options, const std::vector<ConstantEtaResult>& cells,
                                                  theory::TestSize size = {});
std::vector<theory::Claim> BuildSmoothClaims(const SmoothResult& result, theory::TestSize size = {});
std::vector<theory::Claim> BuildMemorizerClaims(const MemorizerResult& result, theory::TestSize size = {});

sim::CsvTable ConstantEtaTable(const ConstantEtaOptions& options, const std::vector<ConstantEtaResult>& cells);
sim::CsvTable SmoothTable(const SmoothResult& result);
sim::CsvTable MemorizerTable(const MemorizerResult& result);

}  // namespace memgen::scenarios
