// t refits of the 1-nearest-neighbour learner on the IN points of each mask row (learning_dynamics.md
// §7 (c)–(e)): run j's correctness on every training point i (c_{ji}, IN or OUT) and its accuracy on a
// fixed fresh test set. Squared Euclidean distances are computed once (n × n and n_test × n); a run
// scans its IN columns: nearest = smallest distance, ties to the smaller training index.
// 1-NN fits every IN point (its own distance is 0), so train accuracy is 1 unless inputs coincide.
#pragma once

#include <vector>

#include "sim/ld/row_matrix.h"
#include "theory/mem/balanced_masks.h"

namespace memgen::sim {

struct NearestNeighbourRuns {
  theory::CorrectnessMatrix correct;  ///< t × n
  std::vector<double> test_accuracy;  ///< per run, on the fresh test set
};
NearestNeighbourRuns RunNearestNeighbour(const RowMatrix& x, const std::vector<int>& y, const RowMatrix& test_x,
                                         const std::vector<int>& test_y, const theory::MaskMatrix& in);

}  // namespace memgen::sim
