// Signal against noise in a deep linear network's training data (Lampinen & Ganguli 2019;
// learning_dynamics.md §3 (d)–(f), §4 (d)). Per cell a rank-1 teacher s̄ ū v̄ᵀ with noise
// (sim/ld/teacher_data.h); per trial the training SVD, fresh i.i.d. outputs of the same per-entry
// variance and the same outputs permuted across examples, and the aligned student's test error along
// its closed-form path (theory/ld/early_stopping.h; the path itself is checked against GD by
// LD-DLN.track). Claims per cell:
//   LD-RAND.first_mode.<cell>  t_half of the first mode, fresh outputs over teacher data, equals the
//                              asymptotic ratio t(σ_r(1+√A))/t(ŝ(s̄)) within 10 % (spec)   TOLERANCE
//   LD-RAND.permuted.<cell>    permuted outputs: the ratio is 1 to rounding (1e-9)          EXACT
//   LD-MP.edge.<cell>          the largest noise singular value is σ_z(1 + √A) within 5 % (spec) TOLERANCE
//   LD-ES.optimum.<cell>       min_t ε_test = 1 − O_emp² within 1e-4, at ε ≤ 1e-6 (spec)    EXACT
//   LD-ES.overlap.<cell>       mean 1 − O_emp² = 1 − O(s̄)² up to the finite-N bias δ = 3 %  DE
//   LD-ES.stopping_helps.<cell>  the early-stopped error is below the memorized (converged) one PAIRED-ORDER
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "sim/io/csv_table.h"
#include "sim/run/memory_estimate.h"
#include "sim/run/trial_runner.h"
#include "theory/verdict/claim.h"
#include "theory/verdict/test_size.h"

namespace memgen::scenarios {

struct SpectraCell {
  int inputs = 100;
  int outputs = 50;
  double noise_sd = 1.0;
  double teacher = 5.0;               ///< s̄
  double epsilon = 1e-6;              ///< the early-stopping student's start (spec: ≤ 1e-6)
  double first_mode_epsilon = 1e-3;   ///< the start for the first-mode times
  double output_variance_factor = 1.0;  ///< fresh outputs' variance over the teacher data's (controls plant ≠ 1)
  double planted_edge_offset = 0.0;   ///< added to the predicted noise edge (controls plant ≠ 0)
  std::int64_t trials = 100;
  std::string trials_field = "spectra.trials";
  std::string Name() const;
  void Validate(const std::string& field) const;
};

struct SpectraTrial {
  double s_hat = 0.0, edge = 0.0;       ///< ŝ₁ and ŝ₂ (the largest noise singular value)
  double first_ratio = 0.0;             ///< t_half(fresh outputs)/t_half(teacher data), first mode
  double permuted_gap = 0.0;            ///< |t_half(permuted)/t_half(teacher data) − 1|
  double one_minus_o2 = 0.0;            ///< 1 − O_emp²
  double early_error = 0.0, early_time = 0.0;  ///< min_t ε_test and its t/τ
  double memorized_error = 0.0;         ///< ε_test with every mode converged
  std::vector<double> curve;            ///< trial 0: (t/τ, ε_test) pairs
};

template <typename Codec>
void Fields(Codec& c, SpectraTrial& r) {
  c(r.s_hat, r.edge, r.first_ratio, r.permuted_gap, r.one_minus_o2, r.early_error, r.early_time, r.memorized_error, r.curve);
}

struct SpectraResult {
  SpectraCell cell;
  std::vector<SpectraTrial> trials;
};

void AddSpectraMemory(const SpectraCell& cell, int threads, sim::MemoryEstimate* memory);
SpectraResult RunSpectraCell(const SpectraCell& cell, std::uint64_t master_seed, const sim::TrialRunnerOptions& runner);
std::vector<theory::Claim> BuildSpectraClaims(const std::vector<SpectraResult>& cells, theory::TestSize size = {});
sim::CsvTable SpectraTable(const std::vector<SpectraResult>& cells);
sim::CsvTable EarlyStoppingCurveTable(const std::vector<SpectraResult>& cells);

}  // namespace memgen::scenarios
