// Claims of the benign-overfitting simulator (benign_overfitting.md §8, BO-E1 to BO-E5), built from
// evaluated curves. A curve's `checks` select the claim families:
//   de_accuracy    BO-E1  MC bias and variance vs the deterministic equivalent (DE rule, δ per curve)
//   bllt_band      BO-E2  V/Q_b(n) in a band (C = 3) with no drift (|slope| ≤ 0.25), per b   [BLLT Thm 1]
//   harmful        BO-E3  k* ≥ n/c₁ ⇒ V bounded below: min V ≥ V_∞/2 and slope ≥ −0.05        [BLLT Thm 1]
//   benign_log     BO-E4a α = 1, β > 1: V decreasing (n ≤ d/100) and V ln n/(β − 1) in a band C = 2
//   exp_rate       BO-E4b R n / [(εp + 1) + ln(n/εp) + max(1, n²/p)] has slope ≤ 0.05     [BLLT Thm 6]
//   bias_stuck     BO-E4b violation εp ∝ n: the bias does not decay (slope ≥ −0.05)
//   bias_upper     BO-E5  B / (‖θ‖²‖Σ‖ max{√(r₀/n), r₀/n}) has slope ≤ 0.05                 [BLLT Thm 1]
//   tb_bias_band   BO-E5  B / B̄_TB(k*_b) in a band (C = 3), |slope| ≤ 0.25, per b            [TB Thm 1-2]
// Each series uses Monte Carlo values when every n of the curve has them, otherwise the DE (SE 0).
// The pooled claim BO-E2.pooled fits log V_DE on log Q_1 over all bllt_band curves: slope 1 ± 0.15.
#pragma once

#include <vector>

#include "sim/io/csv_table.h"
#include "theory/verdict/claim.h"
#include "theory/verdict/test_size.h"
#include "scenarios/bo/spectra_experiment.h"

namespace memgen::scenarios {

std::vector<theory::Claim> BuildCurveClaims(const CurveResult& curve, theory::TestSize size = {});
std::vector<theory::Claim> BuildPooledClaims(const std::vector<CurveResult>& curves, theory::TestSize size = {});

// V_∞ of the harmful regime: (α − 1)σ² for i^{-α} (Cheng-Montanari Thm 5(1), ν = 0); σ² n/(d − n)
// for a flat spectrum with d ∝ n (Marchenko-Pastur); NaN otherwise.
double HarmfulVarianceLimit(const CurveResult& curve);

sim::CsvTable CurveTable(const std::vector<CurveResult>& curves);  // one row per (curve, n)
sim::CsvTable RankTable(const std::vector<CurveResult>& curves);   // one row per (curve, n, b)

}  // namespace memgen::scenarios
