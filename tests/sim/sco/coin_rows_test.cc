// Tests for sim/random/philox_batch.h and sim/sco/coin_rows.h.
#include <catch2/catch.hpp>
#include <rapidcheck/catch.h>

#include <Random123/philox.h>

#include <cmath>

#include "sim/sco/coin_rows.h"

using namespace memgen::sim;

TEST_CASE("batched Philox4x32-10 equals Random123's philox4x32, lane-major", "[unit][golden]") {
  rc::prop("any key, row, trial, role and first block", [](std::uint64_t seed, std::uint64_t tag, std::uint32_t row,
                                                            std::uint32_t trial, std::uint32_t role, std::uint32_t block) {
    const BatchStream s = MakeBatchStream(seed, tag, trial, role);
    std::uint32_t out[64 * 5];
    FillRawU32(s, row, block, out, 5);  // one group of 4 and one single group
    r123::Philox4x32 engine;
    for (int b = 0; b < 5; ++b)
      for (int l = 0; l < 16; ++l) {
        const auto expected =
            engine({{block + static_cast<std::uint32_t>(16 * b + l), row, trial, role}}, {{s.key[0], s.key[1]}});
        for (int i = 0; i < 4; ++i) RC_ASSERT(out[64 * b + 16 * i + l] == expected[i]);
      }
  });
}

TEST_CASE("a row drawn alone equals the same row of a matrix drawn chunk by chunk", "[unit]") {
  std::vector<double> p(5000);
  for (std::size_t k = 0; k < p.size(); ++k) p[k] = std::sin(static_cast<double>(k));
  const CoinColumns cols = MakeCoinColumns(p);
  const BatchStream s = MakeBatchStream(3, 4, 5, 0);
  std::vector<std::int32_t> counts;
  const CoinMatrix m = DrawCoinMatrix(s, 10, 7, cols, &counts);
  std::vector<std::int32_t> recount(counts.size(), 0);
  for (std::int64_t r = 0; r < 7; ++r) {
    std::vector<std::uint64_t> alone(static_cast<std::size_t>(cols.words));
    DrawCoinRow(s, static_cast<std::uint32_t>(10 + r), cols, alone.data(), recount.data());
    for (std::int64_t w = 0; w < cols.words; ++w) CHECK(alone[w] == m.Row(r)[w]);
  }
  CHECK(recount == counts);
}

TEST_CASE("coins have the realised means (binomial 5 SE per column group)", "[unit][stat]") {
  const std::vector<double> p = {-1.0, -0.5, 0.0, 0.3, 0.9, 1.0};
  const CoinColumns cols = MakeCoinColumns(p);
  CHECK(cols.mean[0] == -1.0);
  CHECK(std::fabs(cols.mean[5] - 1.0) < 1e-9);
  std::vector<std::int32_t> counts;
  const std::int64_t rows = 200000;
  DrawCoinMatrix(MakeBatchStream(1, 1, 1, 0), 0, rows, cols, &counts);
  for (std::size_t k = 0; k < p.size(); ++k) {
    const double q = 0.5 * (1.0 + cols.mean[k]);
    const double se = std::sqrt(q * (1.0 - q) / rows);
    INFO("column " << k);
    CHECK(std::fabs(counts[k] / static_cast<double>(rows) - q) <= 5.0 * se + 1e-12);
  }
}
