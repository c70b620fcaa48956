// LiRA with leave-one-model-out shadows (Carlini et al. 2022; learning_dynamics.md §8). Every shadow
// model is in turn the target: for target j and point i, the point's IN and OUT fits come from the
// other M − 1 models (μ = median, σ = standard deviation, as in the LiRA code's plot.py), so no model
// scores against itself. Pooled over targets, the (j, i) statistics with IN_ji form the positives and
// the rest the negatives: M·N/2 of each when every point is IN in half of the models.
// Fixed-variance variants (the LiRA code's `fix_variance`, best with few shadow models): one σ_in and
// one σ_out per target, the root mean over points of the per-point (leave-one-out) variances; the
// code's np.std(dat_in) also counts the spread of the per-point medians, which the statistic already
// removes, so the within-point pooled spread is used here.
// Vulnerability of point i: the AUC of its online statistics over the models that hold it against
// those that do not (the per-example LiRA AUC of the spec).
#pragma once

#include <Eigen/Core>

#include <vector>

#include "theory/mem/balanced_masks.h"

namespace memgen::sim {

struct LiraStatistics {
  Eigen::ArrayXXd online, offline, global;   ///< M × N, larger = more likely IN
  Eigen::ArrayXXd online_fixed, offline_fixed;  ///< the fixed-variance variants
};
// margin: M × N scores φ_ji; in: M × N membership. Needs at least 2 IN and 2 OUT models per point.
LiraStatistics LeaveOneModelOut(const Eigen::ArrayXXd& margin, const theory::MaskMatrix& in);

// The IN and OUT statistics of `stat`, pooled over (model, point) pairs.
struct PooledScores {
  std::vector<double> in, out;
};
PooledScores Pool(const Eigen::ArrayXXd& stat, const theory::MaskMatrix& in);

std::vector<double> PointVulnerability(const Eigen::ArrayXXd& stat, const theory::MaskMatrix& in);

}  // namespace memgen::sim
