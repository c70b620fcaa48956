// Tests for sim/mem/logistic_langevin.h: the gradient against central finite differences of the mean
// loss, a removed row against the gradient of the remaining rows, one step written out with the same
// normals, and the gradient gap against a per-row loop.
#include <catch2/catch.hpp>

#include <cmath>

#include "sim/mem/logistic_langevin.h"
#include "sim/random/distributions.h"

namespace memgen::sim {
namespace {

LogisticData SmallData() {
  LogisticData d{Eigen::MatrixXd(4, 2), Eigen::VectorXd(4)};
  d.x << 1.0, 0.5, -0.3, 1.2, 2.0, -1.0, 0.1, 0.1;
  d.y << 1, 0, 1, 0;
  return d;
}

double MeanLoss(const LogisticData& d, const Eigen::VectorXd& kept, double ridge, const Eigen::VectorXd& w) {
  double sum = 0.0;
  for (Eigen::Index j = 0; j < d.x.rows(); ++j) {
    const double z = d.x.row(j).dot(w);
    sum += kept(j) * (std::log1p(std::exp(z)) - d.y(j) * z);
  }
  return sum / kept.sum() + 0.5 * ridge * w.squaredNorm();
}

}  // namespace

TEST_CASE("the logistic gradient matches finite differences on the kept rows", "[unit]") {
  const LogisticData d = SmallData();
  Eigen::VectorXd kept = Eigen::VectorXd::Ones(4);
  kept(2) = 0.0;
  Eigen::MatrixXd w(2, 1);
  w << 0.3, -0.7;
  const Eigen::MatrixXd g = LogisticGradient(d, kept, 0.1, w);
  for (int k = 0; k < 2; ++k) {
    Eigen::VectorXd up = w.col(0), down = w.col(0);
    up(k) += 1e-6;
    down(k) -= 1e-6;
    CHECK(g(k, 0) == Approx((MeanLoss(d, kept, 0.1, up) - MeanLoss(d, kept, 0.1, down)) / 2e-6).epsilon(1e-7));
  }
}

TEST_CASE("one logistic Langevin step is w - eta grad + sqrt(2 eta / beta) xi, with the gradient gap of every row", "[unit]") {
  const LogisticData d = SmallData();
  const Eigen::VectorXd kept = Eigen::VectorXd::Ones(4);
  const LogisticLangevinParams p{0.1, 0.3, 0.01};
  Eigen::MatrixXd w(2, 3);
  w << 0.3, -0.1, 1.0, -0.7, 0.2, 0.0;
  const Eigen::MatrixXd start = w;
  Rng rng(StreamId{7, 1, 0, 0}), same(StreamId{7, 1, 0, 0});
  Eigen::VectorXd gap = Eigen::VectorXd::Zero(4);
  RunLogisticLangevin(d, kept, p, 1, &w, rng, &gap);
  Eigen::MatrixXd xi(2, 3);
  FillNormal(same, xi.data(), 6);
  const Eigen::MatrixXd expected = start - p.eta * LogisticGradient(d, kept, p.ridge, start) + std::sqrt(2.0 * p.eta * p.inv_beta) * xi;
  CHECK((w - expected).cwiseAbs().maxCoeff() < 1e-14);
  for (int i = 0; i < 4; ++i) {
    double mean = 0.0;
    for (int b = 0; b < 3; ++b) {
      Eigen::VectorXd mean_gradient = Eigen::VectorXd::Zero(2);
      Eigen::VectorXd own;
      for (int j = 0; j < 4; ++j) {
        const double r = 1.0 / (1.0 + std::exp(-d.x.row(j).dot(start.col(b)))) - d.y(j);
        mean_gradient += r * d.x.row(j).transpose() / 4.0;
        if (j == i) own = r * d.x.row(j).transpose();
      }
      mean += (own - mean_gradient).squaredNorm() / 3.0;
    }
    CHECK(gap(i) == Approx(mean).epsilon(1e-12));
  }
}

}  // namespace memgen::sim
