// Noisy low-rank teacher data, see teacher_data.h.
#include "sim/ld/teacher_data.h"

#include <Eigen/QR>

#include <cmath>
#include <utility>

#include "sim/core/check.h"
#include "sim/random/distributions.h"

namespace memgen::sim {

Eigen::MatrixXd GaussianMatrix(int rows, int cols, double sd, Rng& rng) {
  Eigen::MatrixXd m(rows, cols);
  FillNormal(rng, m.data(), static_cast<std::size_t>(m.size()));
  return sd * m;
}

Eigen::MatrixXd RandomOrthonormalColumns(int rows, int cols, Rng& rng) {
  MEMGEN_CHECK(rows >= cols && cols > 0) << rows << " x " << cols;
  const Eigen::HouseholderQR<Eigen::MatrixXd> qr(GaussianMatrix(rows, cols, 1.0, rng));
  Eigen::MatrixXd q = qr.householderQ() * Eigen::MatrixXd::Identity(rows, cols);
  const Eigen::MatrixXd& r = qr.matrixQR();
  for (int j = 0; j < cols; ++j)
    if (r(j, j) < 0.0) q.col(j) = -q.col(j);
  return q;
}

TeacherData DrawTeacherData(const TeacherOptions& o, Rng& rng) {
  const int rank = static_cast<int>(o.values.size());
  MEMGEN_CHECK(rank >= 1 && rank <= o.outputs && o.outputs <= o.inputs) << rank << " " << o.outputs << " " << o.inputs;
  TeacherData d;
  d.u_bar = RandomOrthonormalColumns(o.outputs, rank, rng);
  d.v_bar = RandomOrthonormalColumns(o.inputs, rank, rng);
  const Eigen::VectorXd s = Eigen::Map<const Eigen::VectorXd>(o.values.data(), rank);
  d.teacher = d.u_bar * s.asDiagonal() * d.v_bar.transpose();
  d.sigma31 = d.teacher + GaussianMatrix(o.outputs, o.inputs, o.noise_sd / std::sqrt(static_cast<double>(o.inputs)), rng);
  return d;
}

Eigen::MatrixXd PermuteExamples(const Eigen::MatrixXd& outputs, Rng& rng) {
  Eigen::MatrixXd out = outputs;
  for (Eigen::Index i = out.cols() - 1; i > 0; --i) {
    auto j = static_cast<Eigen::Index>(Uniform01(rng) * static_cast<double>(i + 1));
    if (j > i) j = i;
    out.col(i).swap(out.col(j));
  }
  return out;
}

}  // namespace memgen::sim
