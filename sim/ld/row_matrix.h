// The row-major dense matrix the learning-dynamics kernels keep samples in (one sample per row, so a
// sample's features or logits are contiguous), and the views the MLPs take of their flat parameter
// vectors (a layer's weights [out, in] row-major, its bias a row vector).
#pragma once

#include <Eigen/Core>

namespace memgen::sim {

using RowMatrix = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
using ConstMatrixMap = Eigen::Map<const RowMatrix>;
using MatrixMap = Eigen::Map<RowMatrix>;
using ConstVectorMap = Eigen::Map<const Eigen::RowVectorXd>;
using VectorMap = Eigen::Map<Eigen::RowVectorXd>;

}  // namespace memgen::sim
