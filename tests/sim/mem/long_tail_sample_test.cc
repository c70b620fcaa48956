// Tests for sim/mem/: the inverse-CDF draw and uniform class are unbiased (chi-square-free checks with
// fixed binomial tolerances of 6 SD), level statistics add up, the memorizer's errors follow their
// definitions on a hand-made domain, the masks are point-balanced as stated (Feldman's choice masks
// are not), and the 1-NN refits fit every IN point and agree with a direct scan.
#include <catch2/catch.hpp>

#include <cmath>

#include "sim/mem/balanced_masks.h"
#include "sim/mem/long_tail_sample.h"
#include "sim/mem/nearest_neighbour_runs.h"
#include "sim/random/stream_tag.h"

namespace memgen::sim {
namespace {

Rng TestRng(std::uint64_t substream = 0) { return Rng(StreamId{1, StreamTag("tests/mem"), 0, substream}); }

TEST_CASE("DrawIndex and UniformClassIndex are unbiased", "[unit]") {
  Rng rng = TestRng();
  const std::vector<double> f{0.5, 0.3, 0.2};
  const std::vector<double> c = CumulativeSums(f);
  std::vector<double> hits(3, 0.0), classes(7, 0.0);
  const int draws = 200000;
  for (int s = 0; s < draws; ++s) {
    hits[static_cast<std::size_t>(DrawIndex(c, rng))] += 1.0;
    classes[static_cast<std::size_t>(UniformClassIndex(rng, 7))] += 1.0;
  }
  for (std::size_t k = 0; k < 3; ++k) CHECK(std::fabs(hits[k] / draws - f[k]) < 6.0 * std::sqrt(f[k] * (1 - f[k]) / draws));
  for (double h : classes) CHECK(std::fabs(h / draws - 1.0 / 7) < 6.0 * std::sqrt((1.0 / 7) * (6.0 / 7) / draws));
}

TEST_CASE("sample counts add up to n, level statistics", "[unit]") {
  Rng rng = TestRng(1);
  const std::vector<double> f{0.4, 0.3, 0.2, 0.1};
  const auto counts = SampleCounts(CumulativeSums(f), 50, rng);
  std::int64_t total = 0;
  for (auto k : counts) total += k;
  CHECK(total == 50);
  const std::vector<std::int64_t> hand{1, 0, 1, 2};
  CHECK(CollectLevel(f, hand, 1).count == 2);
  CHECK(CollectLevel(f, hand, 1).mass == Approx(0.6).margin(1e-15));
}

TEST_CASE("memorizer and non-memorizer: errors only where they guess", "[unit]") {
  Rng rng = TestRng(2);
  const std::vector<double> f{0.25, 0.25, 0.25, 0.25};
  const std::vector<std::int64_t> counts{0, 1, 2, 5};
  double mem = 0.0, non = 0.0;
  const int reps = 20000;
  for (int r = 0; r < reps; ++r) {
    const MemorizerErrors e = CompareMemorizers(f, counts, 4, rng);
    CHECK(e.memorizer <= e.non_memorizer);
    mem += e.memorizer;
    non += e.non_memorizer;
  }
  CHECK(mem / reps == Approx(0.25 * 0.75).margin(6.0 * 0.25 * std::sqrt(0.1875 / reps)));
  CHECK(non / reps == Approx(0.5 * 0.75).margin(6.0 * 0.25 * std::sqrt(2 * 0.1875 / reps)));
}

TEST_CASE("LiRA and cyclic masks are point-balanced, choice masks are not", "[unit]") {
  Rng rng = TestRng(3);
  const auto lira = LiraArgsortMask(20, 50, 14, rng);
  CHECK(theory::IsPointBalanced(lira));
  CHECK(lira.col(3).cast<int>().sum() == 14);
  const auto cyclic = ShuffledCyclicMask(10, 100, 7, rng);
  CHECK(theory::IsPointBalanced(cyclic));
  CHECK(theory::HasEqualRunSizes(cyclic));
  const auto choice = SubsetChoiceMask(20, 50, 35, rng);
  CHECK(theory::HasEqualRunSizes(choice));
  CHECK_FALSE(theory::IsPointBalanced(choice));
}

TEST_CASE("1-NN refits fit every IN point and match a direct scan", "[unit]") {
  RowMatrix x(6, 1), tx(2, 1);
  x << 0.0, 1.0, 2.0, 3.0, 4.0, 5.0;
  tx << 0.9, 4.4;
  const std::vector<int> y{0, 1, 0, 1, 0, 1}, ty{1, 1};
  theory::MaskMatrix in(2, 6);
  in << true, false, true, false, true, false,
        false, true, false, true, false, true;
  const NearestNeighbourRuns r = RunNearestNeighbour(x, y, tx, ty, in);
  for (int j = 0; j < 2; ++j)
    for (int i = 0; i < 6; ++i)
      if (in(j, i)) CHECK(r.correct(j, i) == 1.0);
  // run 0 holds {0, 2, 4} (labels 0): every OUT point (label 1) is wrong, both test points wrong.
  CHECK(r.correct(0, 1) == 0.0);
  CHECK(r.test_accuracy[0] == 0.0);
  // run 1 holds {1, 3, 5} (labels 1): OUT point 0 -> neighbour 1, wrong; test 0.9 -> 1, 4.4 -> 5 (ties none): both right.
  CHECK(r.correct(1, 0) == 0.0);
  CHECK(r.test_accuracy[1] == 1.0);
}

}  // namespace
}  // namespace memgen::sim
