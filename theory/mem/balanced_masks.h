// The subsampled memorization estimator on a correctness matrix, and the balanced-mask identity
// (Feldman & Zhang 2020 estimator; learning_dynamics.md §7). c_{ji} ∈ {0, 1} is run j's correctness on
// point i (t runs × n points), IN_{ji} whether point i was in run j's training set.
//   mem̂_i = mean_{j: IN} c_{ji} − mean_{j: OUT} c_{ji},
//   SE(mem̂_i)² = s²_IN/t_in,i + s²_OUT/t_out,i   (sample variances of the two groups).
// Identity: if every point is IN in exactly t_in runs (point-balanced), then for any c
//   mean_i mem̂_i = Σ_{IN} c/(n·t_in) − Σ_{OUT} c/(n·(t − t_in))       (pooled IN − pooled OUT),
// because each point's two means have the same denominators t_in and t − t_in. If every run also
// trains on the same number n·t_in/t of points, the pooled sums regroup by run, so this also equals
//   mean_j train acc_j − mean_j held-out acc_j.
// Cyclic balanced design: offsets o_i ∈ {0, …, t−1}, each value used equally often (n/t times when t
// divides n), IN_{ji} iff (o_i − j) mod t < t_in: every point is IN t_in times and, when t | n, every
// run holds n·t_in/t points.
#pragma once

#include <Eigen/Core>

#include <cstdint>
#include <vector>

namespace memgen::theory {

using CorrectnessMatrix = Eigen::ArrayXXd;                                 ///< t × n, entries 0 or 1
using MaskMatrix = Eigen::Array<bool, Eigen::Dynamic, Eigen::Dynamic>;  ///< t × n, true = IN

struct MemorizationEstimate {
  std::vector<double> mem;  ///< mem̂_i (NaN if point i is never IN or never OUT)
  std::vector<double> se;   ///< its standard error
};
MemorizationEstimate EstimateMemorization(const CorrectnessMatrix& correct, const MaskMatrix& in);

double MeanOf(const std::vector<double>& values);  ///< plain mean (NaN propagates)

bool IsPointBalanced(const MaskMatrix& in);  ///< every column has the same number of IN entries
bool HasEqualRunSizes(const MaskMatrix& in);  ///< every row has the same number of IN entries

// Σ_{IN} c / #IN − Σ_{OUT} c / #OUT over all pairs.
double PooledInOutGap(const CorrectnessMatrix& correct, const MaskMatrix& in);
// mean over runs of (train accuracy − held-out accuracy).
double RunMeanGap(const CorrectnessMatrix& correct, const MaskMatrix& in);

// The cyclic design: offsets o_i = i mod t (each value n/t times when t | n), IN iff (o_i − j) mod t < t_in.
MaskMatrix CyclicMask(std::int64_t runs, std::int64_t points, std::int64_t runs_in);
// The same design for given offsets (each in [0, t)).
MaskMatrix CyclicMask(std::int64_t runs, const std::vector<std::int64_t>& offsets, std::int64_t runs_in);

}  // namespace memgen::theory
