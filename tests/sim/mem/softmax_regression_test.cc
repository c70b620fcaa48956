// Tests for softmax regression (sim/mem/softmax_regression.h): one gradient step equals the step
// computed by central finite differences of the mean cross-entropy (relative 1e-7), training lowers
// the loss and fits separable data, and GraNd is the Frobenius norm of the per-example gradient
// (checked against finite differences, not against the identity the scenario checks).
#include <catch2/catch.hpp>

#include <cmath>

#include "sim/mem/softmax_regression.h"
#include "sim/random/distributions.h"
#include "sim/random/stream_tag.h"

namespace memgen::sim {
namespace {

Rng TestRng() { return Rng(StreamId{5, StreamTag("tests/mem/softmax"), 0, 0}); }

double MeanLoss(const RowMatrix& w, const RowMatrix& x, const std::vector<int>& y) {
  const RowMatrix p = SoftmaxProbabilities(w, x);
  double loss = 0.0;
  for (Eigen::Index i = 0; i < x.rows(); ++i) loss -= std::log(p(i, y[static_cast<std::size_t>(i)]));
  return loss / static_cast<double>(x.rows());
}

struct Problem {
  RowMatrix x, w;
  std::vector<int> y;
};

Problem Small() {
  Rng rng = TestRng();
  Problem p{RowMatrix(12, 3), RowMatrix(4, 3), {}};
  FillNormal(rng, p.x.data(), static_cast<std::size_t>(p.x.size()));
  FillNormal(rng, p.w.data(), static_cast<std::size_t>(p.w.size()));
  for (int i = 0; i < 12; ++i) p.y.push_back(i % 3);
  return p;
}

TEST_CASE("a gradient step matches finite differences of the mean cross-entropy", "[unit]") {
  Problem p = Small();
  RowMatrix stepped = p.w;
  TrainSoftmax(p.x, p.y, 1, 1.0, &stepped);  // stepped = w − ∇L
  const double h = 1e-6;
  for (Eigen::Index j = 0; j < p.w.rows(); ++j)
    for (Eigen::Index c = 0; c < p.w.cols(); ++c) {
      RowMatrix plus = p.w, minus = p.w;
      plus(j, c) += h;
      minus(j, c) -= h;
      const double fd = (MeanLoss(plus, p.x, p.y) - MeanLoss(minus, p.x, p.y)) / (2 * h);
      CHECK(p.w(j, c) - stepped(j, c) == Approx(fd).epsilon(1e-7).margin(1e-9));
    }
}

TEST_CASE("GraNd is the norm of the per-example gradient, EL2N the norm of p - e_y", "[unit]") {
  Problem p = Small();
  const DietScores s = ScoreEl2nGrand(p.w, p.x, p.y);
  const RowMatrix prob = SoftmaxProbabilities(p.w, p.x);
  const double h = 1e-6;
  for (Eigen::Index i = 0; i < 3; ++i) {
    const RowMatrix xi = p.x.row(i);
    const std::vector<int> yi = {p.y[static_cast<std::size_t>(i)]};
    double sq = 0.0;
    for (Eigen::Index j = 0; j < p.w.rows(); ++j)
      for (Eigen::Index c = 0; c < p.w.cols(); ++c) {
        RowMatrix plus = p.w, minus = p.w;
        plus(j, c) += h;
        minus(j, c) -= h;
        const double fd = (MeanLoss(plus, xi, yi) - MeanLoss(minus, xi, yi)) / (2 * h);
        sq += fd * fd;
      }
    CHECK(s.grand[static_cast<std::size_t>(i)] == Approx(std::sqrt(sq)).epsilon(1e-6));
    Eigen::RowVectorXd r = prob.row(i);
    r(yi[0]) -= 1.0;
    CHECK(s.el2n[static_cast<std::size_t>(i)] == Approx(r.norm()).epsilon(1e-14));
  }
}

TEST_CASE("training lowers the loss and fits well-separated classes", "[unit]") {
  Problem p = Small();
  for (Eigen::Index i = 0; i < p.x.rows(); ++i) p.x(i, p.y[static_cast<std::size_t>(i)]) += 6.0;
  RowMatrix w = RowMatrix::Zero(4, 3);
  const double before = MeanLoss(w, p.x, p.y);
  TrainSoftmax(p.x, p.y, 200, 0.5, &w);
  CHECK(MeanLoss(w, p.x, p.y) < 0.5 * before);
  CHECK(SoftmaxAccuracy(w, p.x, p.y) == 1.0);
  std::vector<std::int64_t> keep = {0, 1, 2};
  RowMatrix w_sub = RowMatrix::Zero(4, 3);
  TrainSoftmaxOn(p.x, p.y, keep, 50, 0.5, &w_sub);
  CHECK(SoftmaxAccuracy(w_sub, p.x.topRows(3), {p.y[0], p.y[1], p.y[2]}) == 1.0);
}

}  // namespace
}  // namespace memgen::sim
