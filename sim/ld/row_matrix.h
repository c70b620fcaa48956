// The row-major dense matrix the learning-dynamics kernels keep samples in (one sample per row, so a
// sample's features or logits are contiguous).
#pragma once

#include <Eigen/Core>

namespace memgen::sim {

using RowMatrix = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

}  // namespace memgen::sim
