// Tests for sim/io/trial_codec.h: results round-trip bit for bit, and damaged records are refused.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

#include "sim/io/trial_codec.h"

using namespace memgen::sim;

namespace {

struct Plain {  // trivially copyable: copied as bytes
  double a;
  std::int64_t b;
};

struct Nested {
  double x = 0.0;
  std::vector<Plain> plains;
  std::vector<std::vector<double>> rows;
  Eigen::VectorXd v;
  std::array<double, 3> fixed{};
  double grid[2][2] = {};
  bool flag = false;
};

template <typename Codec>
void Fields(Codec& c, Nested& r) {
  c(r.x, r.plains, r.rows, r.v, r.fixed, r.grid, r.flag);
}

bool SameBits(double a, double b) { return std::memcmp(&a, &b, sizeof(double)) == 0; }

}  // namespace

TEST_CASE("trial results round-trip bit for bit", "[unit][io]") {
  Nested in;
  in.x = -0.0;
  in.plains = {{1.0 / 3.0, -7}, {std::numeric_limits<double>::denorm_min(), 1LL << 62}};
  in.rows = {{}, {std::nan(""), std::numeric_limits<double>::infinity(), 0.1}};
  in.v = Eigen::VectorXd::LinSpaced(5, -1.0, 1.0);
  in.fixed = {1e300, -1e-300, 2.5};
  in.grid[1][0] = 6.02214076e23;
  in.flag = true;
  const std::string bytes = EncodeTrial(in);
  const Nested out = DecodeTrial<Nested>(bytes);
  CHECK(SameBits(out.x, in.x));
  REQUIRE(out.plains.size() == 2);
  CHECK(SameBits(out.plains[1].a, in.plains[1].a));
  CHECK(out.plains[1].b == in.plains[1].b);
  REQUIRE(out.rows.size() == 2);
  CHECK(out.rows[0].empty());
  CHECK(std::isnan(out.rows[1][0]));
  CHECK(out.rows[1][2] == 0.1);
  CHECK(out.v == in.v);
  CHECK(out.fixed == in.fixed);
  CHECK(out.grid[1][0] == in.grid[1][0]);
  CHECK(out.flag);
  CHECK(EncodeTrial(out) == bytes);  // the encoding is a function of the value
}

TEST_CASE("a truncated, padded or inflated record is refused", "[unit][io]") {
  Nested in;
  in.rows = {{1.0, 2.0}};
  const std::string bytes = EncodeTrial(in);
  CHECK_THROWS_WITH(DecodeTrial<Nested>(bytes.substr(0, bytes.size() - 1)), Catch::Contains("truncated"));
  CHECK_THROWS_WITH(DecodeTrial<Nested>(bytes + "x"), Catch::Contains("longer than its type"));
  std::string inflated = bytes;
  const std::uint64_t huge = 1ULL << 60;
  std::memcpy(&inflated[sizeof(double)], &huge, sizeof(huge));  // the plains count
  CHECK_THROWS_WITH(DecodeTrial<Nested>(inflated), Catch::Contains("count too large"));
}
