// Claims of the Figure-1 experiment (scenarios/spur/figure1_experiment.h; spurious_memorization.md §9 E1, E5, E6),
// over T trials (data seeds), each a BOUND on a mean with 4 SE (Student t, T − 1 dof) unless stated
// (two bounds on one arm are an ALL-OF of both):
//   SPUR-E1.train_fit.<arm>   every arm fits its training set: mean worst-group train accuracy ≥ 0.99
//   SPUR-E1.clean             ERM at σ_ε = 0 generalises on both groups: val accuracy ≥ 0.99 each
//   SPUR-E1.memorising        ERM at σ_ε = 0.5 keeps the majority (≥ 0.99) and loses the minority (≤ 0.30)
//   SPUR-E1.mat               MAT (run_mat: last epoch) majority ≥ 0.95 and minority ≥ 0.85
//   SPUR-E1.mat_gain          paired minority gain of MAT over ERM ≥ 0.5
//   SPUR-E1.sweep             ERM's minority accuracy is non-increasing in σ_ε (DECREASING, 4 SE)
//   SPUR-E5.xrm_recovery      the XRM flips recover the minority: mean precision and recall ≥ 0.95
//   SPUR-E5.calibration       C = p(y | ŷ_ho) is within 0.02 of [[1 − ρ, ρ], [ρ, 1 − ρ]], ρ the training
//                             minority fraction (what a held-out prediction equal to the attribute gives);
//                             ALL-OF of two TOLERANCE (C00, C11; 0.02 + 4 SE each)
//   SPUR-E5.shift             mean margin shift y_i δ_i = ±log((1 − ρ)/ρ) on majority/minority within 5%
//   SPUR-E5.val_groups        cross-mistakes on validation recover the minority (precision, recall ≥ 0.95)
//   SPUR-E5.selected          MAT at the early-stopping checkpoint (inferred-group worst-cell accuracy):
//                             majority ≥ 0.95 and minority ≥ 0.85, the spec's E1 thresholds
//   SPUR-E6.auroc.<score>     ERM at σ_ε = 0.5: AUROC(score, minority) ≥ 0.9 (self-influence, held-in − held-out)
//   SPUR-E6.noise.<score>     the minority score is larger with memorizable noise: paired
//                             erm − erm_clean > 0 (median self-influence; mean held-in − held-out)
//   SPUR-E6.mat.<score>       MAT lowers the minority score: paired erm − mat > 0
#pragma once

#include <vector>

#include "sim/io/csv_table.h"
#include "theory/verdict/claim.h"
#include "theory/verdict/test_size.h"
#include "scenarios/spur/figure1_experiment.h"

namespace memgen::scenarios {

std::vector<theory::Claim> BuildFigure1Claims(const Figure1Options& options, const std::vector<Figure1Trial>& trials,
                                              theory::TestSize size = {});
sim::CsvTable Figure1TrialTable(const Figure1Options& options, const std::vector<Figure1Trial>& trials);
sim::CsvTable Figure1CurveTable(const std::vector<Figure1Trial>& trials);  ///< trial 0, per epoch
sim::CsvTable Figure1PointTable(const std::vector<Figure1Trial>& trials);  ///< trial 0, per training point
sim::CsvTable Figure1SweepTable(const Figure1Options& options, const std::vector<Figure1Trial>& trials);

}  // namespace memgen::scenarios
