// Tests for theory/stats/sample_stats.h.
#include <catch2/catch.hpp>
#include <rapidcheck/catch.h>

#include <cmath>

#include "theory/stats/sample_stats.h"

using namespace memgen::theory;
using Catch::Matchers::WithinRel;

TEST_CASE("mean, sd and SE on a hand-computed sample", "[unit]") {
  const MeanSe s = Summarize({1.0, 2.0, 3.0, 4.0});
  CHECK_THAT(s.mean, WithinRel(2.5, 1e-15));
  CHECK_THAT(s.sd, WithinRel(std::sqrt(5.0 / 3.0), 1e-15));
  CHECK_THAT(s.se, WithinRel(std::sqrt(5.0 / 3.0) / 2.0, 1e-15));
  // t_{3, 0.975} = 3.182446305284263
  const Interval ci = StudentTInterval(s, 0.95);
  CHECK_THAT(ci.hi - s.mean, WithinRel(3.182446305284263 * s.se, 1e-12));
}

TEST_CASE("the ratio SE matches the delta method on a constant ratio", "[property]") {
  rc::prop("x = c y gives ratio c with SE 0", [](std::vector<std::uint8_t> raw) {
    RC_PRE(raw.size() >= 3);
    std::vector<double> x, y;
    for (auto r : raw) {
      y.push_back(1.0 + r);
      x.push_back(3.0 * (1.0 + r));
    }
    const MeanSe ratio = SummarizeRatio(x, y);
    RC_ASSERT(std::fabs(ratio.mean - 3.0) < 1e-12);
    RC_ASSERT(ratio.se < 1e-6);
  });
}
