// Gromov's analytic solution of modular addition checked on all p² inputs (Gromov 2023 eqs. 6–16;
// learning_dynamics.md §2.2, G1). Per cell (p, N) and trial, fresh uniform phases φ1, φ2 with
// φ3 = φ1 + φ2 (theory/ld/gromov_solution.h) through the quadratic MLP (sim/ld/quadratic_mlp.h), and
// the same with an independent φ3 (eq. 12 broken). Claims per cell:
//   LD-G1.accuracy.<cell>  argmax accuracy 1 on all p² inputs in every trial             EXACT
//   LD-G1.peak.<cell>      the mean over all inputs of (1/N) f_{n+m} is exactly 1/2 (the spec's
//                          0.02 is the per-input scatter; the mean is exact, see the .cc)   EXACT
//   LD-G1.broken.<cell>    with φ3 independent, accuracy < 5/p in every trial (spec)      AT MOST
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

struct GromovCell {
  int p = 23;
  int neurons = 200;
  std::int64_t trials = 20;
  std::string trials_field = "gromov.trials";
  double planted_phase_shift = 0.0;  ///< added to every φ3 (negative controls plant ≠ 0)
  std::string Name() const;
  void Validate(const std::string& field) const;
};

struct GromovTrial {
  double accuracy = 0.0, peak = 0.0, peak_sd = 0.0, broken_accuracy = 0.0;  ///< peak: mean over inputs of (1/N) f_{n+m}
};

struct GromovResult {
  GromovCell cell;
  std::vector<GromovTrial> trials;
};

void AddGromovMemory(const GromovCell& cell, int threads, sim::MemoryEstimate* memory);
GromovResult RunGromovCell(const GromovCell& cell, std::uint64_t master_seed, const sim::TrialRunnerOptions& runner);
std::vector<theory::Claim> BuildGromovClaims(const std::vector<GromovResult>& cells, theory::TestSize size = {});
sim::CsvTable GromovTable(const std::vector<GromovResult>& cells);

}  // namespace memgen::scenarios
