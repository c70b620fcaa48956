// Monte Carlo checks of the scalar fingerprinting identities (sco_traceability.md §6, SCO-E0), for
// X_1..X_n ∈ {±1} i.i.d. with mean p, S = Σ_i (X_i − p), and statistics f of the sample
// (f = X̄, f = 1{Σ X_i > 0} with n odd, and f = clip(X̄, ±0.1)):
//   F1 (fixed p)                 E[f S] = (1 − p²) g′(p)                    (DSSUV15 Lemma 5)
//   F2 (p ~ s-beta(β) on [−1,1]) E[f S] = 2β E[p f]
//   F3 (p ~ s-beta(β) on [−γ,γ]) E[((1 − (p/γ)²)/(1 − p²)) f S] = (2β/γ²) E[p f]   (Voitovych Lemma D.3)
// Each run gives an exact per-run discrepancy D_r whose mean is 0 when the identity holds; the claim
// is IDENTITY: |mean D| ≤ 4 SE. F1 is checked for the statistics with closed-form g′ (mean, majority).
#pragma once

#include <cstdint>
#include <vector>

#include "sim/run/memory_estimate.h"
#include "sim/io/csv_table.h"
#include "theory/verdict/claim.h"
#include "theory/verdict/test_size.h"
#include "sim/run/trial_runner.h"

namespace memgen::scenarios {

struct FingerprintMcOptions {
  std::vector<std::int64_t> n = {1, 11, 101};   ///< odd sample sizes (majority needs odd n)
  std::vector<double> p = {0.0, 0.5};           ///< fixed means for F1
  std::vector<double> beta = {1.0, 12.5};       ///< prior shapes for F2 and F3
  double gamma = 0.5;                           ///< F3 prior half-width
  std::int64_t runs = 100000;
  bool wrong_majority_derivative = false;       ///< negative control: use the mean's g′ = 1 for the majority
  void Validate(const std::string& field) const;
};

struct FingerprintMcResult {
  std::vector<theory::Claim> claims;
  sim::CsvTable table{{"identity", "n", "p_or_beta", "gamma", "statistic", "runs", "lhs", "rhs", "gap", "gap_se"}};
};

// One grid point's draws (memory_estimate.h).
void AddFingerprintMemory(const FingerprintMcOptions& options, sim::MemoryEstimate* memory);
FingerprintMcResult RunFingerprintMc(const FingerprintMcOptions& options, std::uint64_t master_seed,
                                     const sim::TrialRunnerOptions& runner, theory::TestSize size = {});

}  // namespace memgen::scenarios
