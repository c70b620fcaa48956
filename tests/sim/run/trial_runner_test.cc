// Tests for sim/run/trial_runner.h: results in trial order, independent of threads and blocks.
#include <catch2/catch.hpp>

#include "sim/random/distributions.h"
#include "sim/run/trial_runner.h"

using namespace memgen::sim;

TEST_CASE("results are identical for any thread count and block size", "[unit]") {
  auto trial = [](std::int64_t t) {
    Rng rng({99, 1, static_cast<std::uint64_t>(t), 0});
    double sum = 0.0;
    for (int k = 0; k < 100; ++k) sum += Normal(rng);
    return sum;
  };
  const auto serial = RunTrials<double>(257, {1, 64, "t"}, trial);
  const auto parallel = RunTrials<double>(257, {2, 7, "t"}, trial);
  REQUIRE(serial.size() == 257);
  CHECK(serial == parallel);  // bit-identical
}
