// Tests for sim/ld/deep_linear_net.cc and sim/ld/teacher_data.cc: the GD step is the gradient of
// ½‖Σ31 − W_L···W_1‖²_F (central finite differences); from the aligned start every mode follows the
// scalar recursion a ← a + λ a^{L−1}(ŝ − a^L) of one balanced layer strength exactly (the decoupling
// that the closed forms assume); orthonormal columns; permuting examples keeps the columns.
#include "sim/ld/deep_linear_net.h"

#include <catch2/catch.hpp>

#include <Eigen/SVD>

#include <algorithm>
#include <cmath>
#include <vector>

#include "sim/ld/teacher_data.h"

namespace memgen::sim {
namespace {

double Loss(const DeepLinearNet& net, const Eigen::MatrixXd& sigma31) {
  return 0.5 * (sigma31 - net.Product()).squaredNorm();
}

TEST_CASE("the GD step follows the negative gradient (finite differences)", "[unit]") {
  Rng rng({7, 1, 0, 0});
  const Eigen::MatrixXd sigma31 = GaussianMatrix(4, 6, 1.0, rng);
  DeepLinearNet net = RandomOrthogonalInit(6, 5, 4, 3, 0.5, rng);
  const double lr = 1e-7;
  DeepLinearNet stepped = net;
  GradientStep(&stepped, sigma31, lr);
  for (std::size_t k = 0; k < net.layers.size(); ++k) {
    const Eigen::MatrixXd step = (stepped.layers[k] - net.layers[k]) / lr;  // = −∂L/∂W_k
    for (Eigen::Index i = 0; i < step.rows(); ++i)
      for (Eigen::Index j = 0; j < step.cols(); ++j) {
        DeepLinearNet plus = net, minus = net;
        const double h = 1e-6;
        plus.layers[k](i, j) += h;
        minus.layers[k](i, j) -= h;
        const double derivative = (Loss(plus, sigma31) - Loss(minus, sigma31)) / (2.0 * h);
        CHECK(step(i, j) == Approx(-derivative).margin(1e-7));
      }
  }
}

TEST_CASE("from the aligned start each mode follows its scalar recursion", "[unit]") {
  Rng rng({7, 2, 0, 0});
  const TeacherData data = DrawTeacherData({12, 6, {4.0, 2.5}, 1.0}, rng);
  const Eigen::JacobiSVD<Eigen::MatrixXd> svd(data.sigma31, Eigen::ComputeThinU | Eigen::ComputeThinV);
  for (int layers : {2, 4}) {
    const double eps = 1e-2, lr = 1e-3;
    DeepLinearNet net = AlignedInit(svd.matrixU(), svd.matrixV(), 8, layers, eps);
    const ModeTrajectory traj = TrainModes(&net, data.sigma31, lr, 400, 1, svd.matrixU(), svd.matrixV());
    for (Eigen::Index i = 0; i < svd.singularValues().size(); ++i) {
      const double s_hat = svd.singularValues()(i);
      double a = std::pow(eps, 1.0 / layers);
      for (Eigen::Index t = 0; t < traj.strength.rows(); ++t) {
        CHECK(traj.strength(t, i) == Approx(std::pow(a, layers)).epsilon(1e-9).margin(1e-13));
        a += lr * std::pow(a, layers - 1) * (s_hat - std::pow(a, layers));
      }
    }
  }
}

TEST_CASE("random orthonormal columns and permuted examples", "[unit]") {
  Rng rng({7, 3, 0, 0});
  const Eigen::MatrixXd q = RandomOrthonormalColumns(9, 4, rng);
  CHECK((q.transpose() * q - Eigen::MatrixXd::Identity(4, 4)).norm() < 1e-13);
  const Eigen::MatrixXd y = GaussianMatrix(3, 7, 1.0, rng);
  const Eigen::MatrixXd p = PermuteExamples(y, rng);
  std::vector<double> first, second;
  for (Eigen::Index j = 0; j < 7; ++j) first.push_back(y(0, j)), second.push_back(p(0, j));
  std::sort(first.begin(), first.end());
  std::sort(second.begin(), second.end());
  CHECK(first == second);
  CHECK((y * y.transpose() - p * p.transpose()).norm() < 1e-12);
}

TEST_CASE("crossing times interpolate between records", "[unit]") {
  ModeTrajectory traj;
  traj.step_time = 0.5;
  traj.strength.resize(3, 1);
  traj.strength << 0.0, 1.0, 3.0;
  CHECK(traj.CrossingTime(0, 2.0) == Approx(0.75));
  CHECK(std::isnan(traj.CrossingTime(0, 4.0)));
}

}  // namespace
}  // namespace memgen::sim
