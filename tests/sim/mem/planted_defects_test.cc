// Tests for the §10 generator's class means and planted defects: exact and disjoint defect counts,
// flipped labels never equal the true one and are uniform over the others (6-SD binomial tolerances),
// clean points untouched, outliers far out, the permutation uniform, and class means that shift every
// centre of a class by the same vector while leaving the labels as they were.
#include <catch2/catch.hpp>

#include <cmath>
#include <set>

#include "sim/mem/planted_defects.h"
#include "sim/random/stream_tag.h"

namespace memgen::sim {
namespace {

Rng TestRng(std::uint64_t substream = 0) { return Rng(StreamId{3, StreamTag("tests/mem/defects"), 0, substream}); }

SubpopulationOptions SmallDomain() {
  SubpopulationOptions o;
  o.subpopulations = 50;
  o.classes = 5;
  o.dimension = 4;
  o.class_mean_sd = 2.0;
  return o;
}

TEST_CASE("PlantDefects plants exact, disjoint counts and leaves clean points alone", "[unit]") {
  const SubpopulationOptions o = SmallDomain();
  Rng rng = TestRng();
  const SubpopulationDomain domain = DrawDomain(o, rng);
  const LabelledSample original = DrawSample(domain, o, 400, rng);
  LabelledSample s = original;
  const DefectOptions defects{0.1, 0.05, 20.0};
  const std::vector<PointGroup> group = PlantDefects(s, defects, o.classes, rng);
  int noisy = 0, outliers = 0;
  for (std::size_t i = 0; i < group.size(); ++i) {
    const auto r = static_cast<Eigen::Index>(i);
    if (group[i] == PointGroup::kNoisy) {
      ++noisy;
      CHECK(s.label[i] != original.label[i]);
      CHECK(s.x.row(r) == original.x.row(r));
    } else if (group[i] == PointGroup::kOutlier) {
      ++outliers;
      CHECK(s.subpop[i] == -1);
      CHECK(s.x.row(r).norm() > 3.0 * original.x.row(r).norm());
    } else {
      CHECK(s.label[i] == original.label[i]);
      CHECK(s.x.row(r) == original.x.row(r));
    }
  }
  CHECK(noisy == 40);
  CHECK(outliers == 20);
}

TEST_CASE("Flipped labels are uniform over the other classes", "[unit]") {
  const int classes = 4, n = 20000;
  LabelledSample s;
  s.x = RowMatrix::Zero(n, 1);
  s.label.assign(n, 2);
  s.subpop.assign(n, 0);
  Rng rng = TestRng(1);
  PlantDefects(s, DefectOptions{1.0, 0.0, 1.0}, classes, rng);
  std::vector<double> hits(classes, 0.0);
  for (int y : s.label) hits[static_cast<std::size_t>(y)] += 1.0;
  CHECK(hits[2] == 0.0);
  const double p = 1.0 / 3.0;
  for (int y : {0, 1, 3}) CHECK(std::fabs(hits[static_cast<std::size_t>(y)] / n - p) < 6.0 * std::sqrt(p * (1 - p) / n));
}

TEST_CASE("RandomPermutation is a uniform permutation", "[unit]") {
  Rng rng = TestRng(2);
  const int n = 5, draws = 50000;
  std::vector<double> first(n, 0.0);
  for (int t = 0; t < draws; ++t) {
    const std::vector<std::int64_t> order = RandomPermutation(n, rng);
    REQUIRE(std::set<std::int64_t>(order.begin(), order.end()).size() == static_cast<std::size_t>(n));
    first[static_cast<std::size_t>(order[0])] += 1.0;
  }
  const double p = 1.0 / n;
  for (double h : first) CHECK(std::fabs(h / draws - p) < 6.0 * std::sqrt(p * (1 - p) / draws));
}

TEST_CASE("Class means shift every centre of a class by one vector and keep the labels", "[unit]") {
  SubpopulationOptions with = SmallDomain(), without = SmallDomain();
  without.class_mean_sd = 0.0;
  Rng a = TestRng(3), b = TestRng(3);
  const SubpopulationDomain shifted = DrawDomain(with, a), plain = DrawDomain(without, b);
  REQUIRE(shifted.label == plain.label);
  std::vector<Eigen::RowVectorXd> shift(static_cast<std::size_t>(with.classes));
  for (Eigen::Index k = 0; k < plain.centre.rows(); ++k) {
    const Eigen::RowVectorXd delta = shifted.centre.row(k) - plain.centre.row(k);
    auto& s = shift[static_cast<std::size_t>(plain.label[static_cast<std::size_t>(k)])];
    if (s.size() == 0) s = delta;
    CHECK((delta - s).norm() < 1e-12);
  }
}

}  // namespace
}  // namespace memgen::sim
