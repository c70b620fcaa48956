// Tests for LiRA with leave-one-model-out shadows (sim/mem/lira_attack.h) and the ridge shadow models
// (sim/mem/ridge_shadow_models.h): the fast leave-one-out fits against a brute-force recomputation,
// pooling, per-point vulnerability, and one shadow model against a direct normal-equations solve.
#include <catch2/catch.hpp>

#include <Eigen/Dense>

#include <algorithm>
#include <cmath>

#include "sim/mem/balanced_masks.h"
#include "sim/mem/lira_attack.h"
#include "sim/mem/ridge_shadow_models.h"
#include "sim/random/distributions.h"
#include "sim/random/stream_tag.h"
#include "theory/mem/membership.h"

namespace memgen::sim {
namespace {

Rng TestRng(std::uint64_t sub) { return Rng(StreamId{9, StreamTag("tests/mem/lira"), 0, sub}); }

std::pair<double, double> BruteFit(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  const double median = n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
  double mean = 0.0, var = 0.0;
  for (double x : v) mean += x / n;
  for (double x : v) var += (x - mean) * (x - mean) / n;
  return {median, std::sqrt(var) + 1e-12};
}

TEST_CASE("leave-one-model-out fits equal a brute-force recomputation", "[unit]") {
  Rng rng = TestRng(0);
  const theory::MaskMatrix in = LiraArgsortMask(9, 5, 4, rng);
  Eigen::ArrayXXd margin(9, 5);
  FillNormal(rng, margin.data(), static_cast<std::size_t>(margin.size()));
  const LiraStatistics s = LeaveOneModelOut(margin, in);
  for (Eigen::Index j = 0; j < 9; ++j)
    for (Eigen::Index i = 0; i < 5; ++i) {
      std::vector<double> a, b;
      for (Eigen::Index k = 0; k < 9; ++k)
        if (k != j) (in(k, i) ? a : b).push_back(margin(k, i));
      const auto [mi, si] = BruteFit(a);
      const auto [mo, so] = BruteFit(b);
      CHECK(s.online(j, i) == Approx(theory::LiraOnline(margin(j, i), mi, si, mo, so)).epsilon(1e-9));
      CHECK(s.offline(j, i) == Approx(theory::LiraOffline(margin(j, i), mo, so)).epsilon(1e-9));
      CHECK(s.global(j, i) == margin(j, i));
    }
  const PooledScores p = Pool(s.global, in);
  CHECK(p.in.size() == static_cast<std::size_t>(in.count()));
  CHECK(p.in.size() + p.out.size() == 45);
  const std::vector<double> v = PointVulnerability(s.global, in);
  for (std::size_t i = 0; i < v.size(); ++i) CHECK((v[i] >= 0.0 && v[i] <= 1.0));
}

TEST_CASE("a ridge shadow model equals the normal-equations solution on its IN points", "[unit]") {
  Rng rng = TestRng(1);
  RowMatrix x(30, 3);
  FillNormal(rng, x.data(), static_cast<std::size_t>(x.size()));
  const RowMatrix z = RandomFourierFeatures(x, {8, 0.5}, rng);
  std::vector<int> y;
  for (int i = 0; i < 30; ++i) y.push_back(i % 3);
  const theory::MaskMatrix in = LiraArgsortMask(2, 30, 1, rng);
  const ShadowScores s = TrainRidgeShadows(z, y, 3, in, 0.1);
  Eigen::MatrixXd a(0, 8), t(0, 3);
  for (Eigen::Index i = 0; i < 30; ++i)
    if (in(0, i)) {
      a.conservativeResize(a.rows() + 1, Eigen::NoChange);
      a.row(a.rows() - 1) = z.row(i);
      t.conservativeResize(t.rows() + 1, Eigen::NoChange);
      t.row(t.rows() - 1) = Eigen::RowVector3d::Unit(y[static_cast<std::size_t>(i)]);
    }
  const Eigen::MatrixXd w = (a.transpose() * a + 0.1 * Eigen::MatrixXd::Identity(8, 8)).ldlt().solve(a.transpose() * t);
  const Eigen::MatrixXd f = z * w;
  for (Eigen::Index i = 0; i < 30; ++i) {
    const int yi = y[static_cast<std::size_t>(i)];
    double other = -1e300;
    for (int c = 0; c < 3; ++c)
      if (c != yi) other = std::max(other, f(i, c));
    CHECK(s.margin(0, i) == Approx(f(i, yi) - other).epsilon(1e-9).margin(1e-12));
    CHECK(s.correct(0, i) == (f(i, yi) > other ? 1.0 : 0.0));
  }
}

}  // namespace
}  // namespace memgen::sim
