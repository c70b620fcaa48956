// Tests for sim/random/box_muller_batch.h: the polynomial transform against long-double libm on the
// same uniforms (bound: 16 u of the radius, u = 2⁻⁵³, from the few-ulp errors of ln, √ and the
// octant polynomials, each below 4 u, compounded through r·cos), the batch against the scalar pair
// bit for bit (the layout), prefixes and block offsets, and the law: a chi-square test against N(0,1)
// (p-value threshold 1e-6), moments and tails within 5 standard errors (false failure 5.7e-7 each).
#include <catch2/catch.hpp>

#include <boost/math/distributions/chi_squared.hpp>
#include <boost/math/distributions/normal.hpp>

#include <cmath>
#include <cstdint>
#include <vector>

#include "sim/random/box_muller_batch.h"
#include "sim/random/philox_batch.h"

using namespace memgen::sim;

namespace {

constexpr double kU = 0x1p-53;

// The same pair by long-double libm.
void ReferencePair(std::uint32_t a0, std::uint32_t a1, std::uint32_t a2, std::uint32_t a3, long double* c, long double* s) {
  const long double u1 = (static_cast<long double>((static_cast<std::uint64_t>(a0 >> 6) << 26) | (a1 >> 6)) + 0.5L) * 0x1p-52L;
  const long double u2 = static_cast<long double>((static_cast<std::uint64_t>(a2 >> 5) << 26) | (a3 >> 6)) * 0x1p-53L;
  const long double r = std::sqrt(-2.0L * std::log(u1)), angle = 2.0L * 3.14159265358979323846264338327950288L * u2;
  *c = r * std::cos(angle);
  *s = r * std::sin(angle);
}

std::vector<double> Normals(std::size_t count, std::uint32_t first_block = 0, std::uint64_t tag = 7) {
  std::vector<double> out(count);
  FillBoxMullerNormals(MakeBatchStream(2026, tag, 3, 1), 5, first_block, out.data(), count);
  return out;
}

}  // namespace

TEST_CASE("box-muller: the polynomial transform is within 16 u of the radius of long-double libm", "[unit]") {
  std::vector<std::uint32_t> words(64 * 4096);
  FillRawU32(MakeBatchStream(1, 2, 3, 4), 0, 0, words.data(), 4096);
  // The octant edges and the extreme uniforms too: u2 = o/8 exactly, u1 at its smallest and largest.
  for (std::uint32_t o = 0; o < 8; ++o) words.insert(words.end(), {0xFFFFFFFFu, 0xFFFFFFFFu, o << 29, 0u});
  words.insert(words.end(), {0u, 0u, 0x12345678u, 0x9ABCDEF0u});
  double worst = 0.0;
  for (std::size_t i = 0; i + 4 <= words.size(); i += 4) {
    double c, s;
    long double rc, rs;
    BoxMullerPair(words[i], words[i + 1], words[i + 2], words[i + 3], &c, &s);
    ReferencePair(words[i], words[i + 1], words[i + 2], words[i + 3], &rc, &rs);
    const double radius = static_cast<double>(std::hypot(rc, rs));
    const double error = std::max(std::fabs(static_cast<double>(c - rc)), std::fabs(static_cast<double>(s - rs))) / (radius * kU);
    worst = std::max(worst, error);
  }
  INFO("worst error in units of u times the radius: " << worst);
  CHECK(worst <= 16.0);
}

TEST_CASE("box-muller: the batch is the scalar pair of each counter, in the documented layout", "[unit]") {
  const BatchStream stream = MakeBatchStream(2026, 7, 3, 1);
  std::vector<std::uint32_t> words(64 * 3);
  FillRawU32(stream, 5, 0, words.data(), 3);
  const std::vector<double> batch = Normals(3 * kNormalsPerGroup);
  for (std::size_t g = 0; g < 3; ++g)
    for (std::size_t l = 0; l < 16; ++l) {
      const std::uint32_t* w = words.data() + 64 * g;
      double c, s;
      BoxMullerPair(w[l], w[16 + l], w[32 + l], w[48 + l], &c, &s);
      CHECK(batch[32 * g + l] == c);
      CHECK(batch[32 * g + 16 + l] == s);
    }
}

TEST_CASE("box-muller: a shorter fill is a prefix, and a later first block a suffix, of a longer one", "[unit]") {
  const std::vector<double> long_fill = Normals(10000);
  const std::vector<double> short_fill = Normals(777);
  CHECK(std::vector<double>(long_fill.begin(), long_fill.begin() + 777) == short_fill);
  const std::vector<double> later = Normals(1000, 16 * 20);  // starts at group 20
  CHECK(std::vector<double>(long_fill.begin() + 32 * 20, long_fill.begin() + 32 * 20 + 1000) == later);
  CHECK(Normals(100, 0, 8) != std::vector<double>(long_fill.begin(), long_fill.begin() + 100));  // another stream differs
}

TEST_CASE("box-muller: the normals pass a chi-square test and their moments and tails are N(0,1)'s", "[unit][stat]") {
  const std::size_t n = std::size_t{1} << 22;
  const std::vector<double> z = Normals(n, 0, 11);
  const auto count = static_cast<double>(n);
  const int bins = static_cast<int>(2.0 * std::pow(count, 0.4));
  std::vector<double> hist(static_cast<std::size_t>(bins), 0.0);
  double sum = 0.0, sum2 = 0.0, sum4 = 0.0, beyond4 = 0.0;
  const boost::math::normal normal;
  for (double v : z) {
    sum += v, sum2 += v * v, sum4 += v * v * v * v, beyond4 += std::fabs(v) > 4.0 ? 1.0 : 0.0;
    const int b = static_cast<int>(boost::math::cdf(normal, v) * bins);
    hist[static_cast<std::size_t>(std::min(std::max(b, 0), bins - 1))] += 1.0;
  }
  double stat = 0.0;
  for (double h : hist) stat += (h - count / bins) * (h - count / bins) / (count / bins);
  CHECK(boost::math::cdf(boost::math::complement(boost::math::chi_squared(bins - 1), stat)) > 1e-6);
  CHECK(std::fabs(sum / count) <= 5.0 / std::sqrt(count));                   // SE of the mean: 1/√N
  CHECK(std::fabs(sum2 / count - 1.0) <= 5.0 * std::sqrt(2.0 / count));      // Var z² = 2
  CHECK(std::fabs(sum4 / count - 3.0) <= 5.0 * std::sqrt(96.0 / count));     // Var z⁴ = 105 − 9 = 96
  const double p4 = 2.0 * boost::math::cdf(boost::math::complement(normal, 4.0));
  CHECK(std::fabs(beyond4 - count * p4) <= 5.0 * std::sqrt(count * p4 * (1.0 - p4)));
}
