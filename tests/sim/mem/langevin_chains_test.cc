// Tests for sim/mem/langevin_chains.h and sim/mem/regression_sample.h: Gaussian draws have the stated
// mean and covariance (within 5 SE over 4e5 draws), one noisy GD step equals the update written out
// with the same normals, the log density ratio equals the two log densities computed directly, and a
// regression sample has its groups, copies and ±1 labels.
#include <catch2/catch.hpp>

#include <Eigen/LU>
#include <cmath>

#include "sim/mem/langevin_chains.h"
#include "sim/mem/regression_sample.h"
#include "sim/random/distributions.h"

namespace memgen::sim {
namespace {

theory::GaussianState TwoDimensional() {
  theory::GaussianState s{Eigen::VectorXd(2), Eigen::MatrixXd(2, 2)};
  s.mean << 1.0, -2.0;
  s.cov << 2.0, 0.6, 0.6, 0.5;
  return s;
}

double LogDensity(const Eigen::VectorXd& w, const theory::GaussianState& s) {
  const Eigen::VectorXd r = w - s.mean;
  return -0.5 * r.dot(s.cov.inverse() * r) - 0.5 * std::log(s.cov.determinant()) - std::log(2.0 * M_PI);
}

}  // namespace

TEST_CASE("Gaussian columns have the stated mean and covariance", "[unit]") {
  const theory::GaussianState s = TwoDimensional();
  Rng rng(StreamId{5, 1, 0, 0});
  const std::int64_t n = 400000;
  const Eigen::MatrixXd w = DrawGaussianColumns(s, n, rng);
  const Eigen::VectorXd mean = w.rowwise().mean();
  const Eigen::MatrixXd centred = w.colwise() - s.mean;
  const Eigen::MatrixXd cov = centred * centred.transpose() / static_cast<double>(n);
  for (int j = 0; j < 2; ++j) CHECK(std::abs(mean(j) - s.mean(j)) < 5.0 * std::sqrt(s.cov(j, j) / n));
  for (int j = 0; j < 2; ++j)
    for (int l = 0; l < 2; ++l)
      CHECK(std::abs(cov(j, l) - s.cov(j, l)) < 5.0 * std::sqrt((s.cov(j, j) * s.cov(l, l) + s.cov(j, l) * s.cov(j, l)) / n));
}

TEST_CASE("one noisy GD step is (I - eta H) w + eta b + sqrt(2 eta / beta) xi", "[unit]") {
  theory::RidgeProblem p{Eigen::MatrixXd(2, 2), Eigen::VectorXd(2)};
  p.h << 1.5, 0.2, 0.2, 0.7;
  p.b << 0.3, -0.1;
  const theory::NoisyGdParams g{0.1, 0.02};
  Eigen::MatrixXd w(2, 3);
  w << 1, 2, 3, -1, 0, 1;
  const Eigen::MatrixXd start = w;
  Rng rng(StreamId{5, 2, 0, 0}), same(StreamId{5, 2, 0, 0});
  RunNoisyGd(p, g, 1, &w, rng);
  Eigen::MatrixXd xi(2, 3);
  FillNormal(same, xi.data(), 6);
  const Eigen::MatrixXd expected =
      ((Eigen::MatrixXd::Identity(2, 2) - g.eta * p.h) * start).colwise() + g.eta * p.b + std::sqrt(2.0 * g.eta * g.inv_beta) * xi;
  CHECK((w - expected).cwiseAbs().maxCoeff() < 1e-14);
}

TEST_CASE("the log density ratio equals the difference of the log densities", "[unit]") {
  const theory::GaussianState p = TwoDimensional();
  theory::GaussianState q{Eigen::VectorXd(2), Eigen::MatrixXd(2, 2)};
  q.mean << 0.5, -1.0;
  q.cov << 1.0, -0.3, -0.3, 0.8;
  Eigen::MatrixXd w(2, 2);
  w << 0.1, 2.0, -0.4, 1.5;
  const Eigen::VectorXd ratio = GaussianLogDensityRatio(w, p, q);
  for (int j = 0; j < 2; ++j) CHECK(ratio(j) == Approx(LogDensity(w.col(j), p) - LogDensity(w.col(j), q)).epsilon(1e-12));
}

TEST_CASE("a regression sample has its groups, copies and labels", "[unit]") {
  RegressionSampleOptions o;
  o.data.classes = 2;
  o.data.dimension = 3;
  o.data.subpopulations = 10;
  o.examples = 30;
  o.defects.outlier_fraction = 0.1;
  o.defects.label_noise = 0.1;
  o.repeated = 2;
  o.copies = 3;
  Rng domain(StreamId{5, 3, 0, 0}), sample(StreamId{5, 4, 0, 0});
  const RegressionSample s = DrawRegressionSample(o, domain, sample);
  CHECK(s.rows.size() == 30);
  CHECK(s.x.rows() == 30 + 2 * 2);
  int counts[4] = {};
  for (std::size_t e = 0; e < s.rows.size(); ++e) {
    ++counts[static_cast<int>(s.group[e])];
    CHECK(s.rows[e].size() == (s.group[e] == ExampleGroup::kRepeated ? 3u : 1u));
    for (int r : s.rows[e]) CHECK(s.x.row(r) == s.x.row(s.rows[e].front()));
  }
  CHECK(counts[static_cast<int>(ExampleGroup::kOutlier)] == 3);
  CHECK(counts[static_cast<int>(ExampleGroup::kNoisy)] == 3);
  CHECK(counts[static_cast<int>(ExampleGroup::kRepeated)] == 2);
  for (Eigen::Index j = 0; j < s.y.size(); ++j) CHECK(std::abs(s.y(j)) == 1.0);
}

}  // namespace memgen::sim
