// Tests for sim/random/rng.h: the Philox stream as a contract (STYLE.md G9).
#include <catch2/catch.hpp>
#include <rapidcheck/catch.h>

#include <Random123/philox.h>

#include <array>
#include <cstdint>

#include "sim/random/rng.h"
#include "sim/random/stream_tag.h"

using memgen::sim::Rng;
using memgen::sim::StreamId;
using memgen::sim::StreamTag;

namespace {

// An independent transcription of Philox4x64-10 (Salmon, Moraes, Dror, Shaw, SC'11, §4):
// round: (hi0, lo0) = M0·c0, (hi1, lo1) = M1·c2; c' = {hi1 ^ c1 ^ k0, lo1, hi0 ^ c3 ^ k1, lo0};
// the key is bumped by the Weyl constants between rounds.
std::array<std::uint64_t, 4> ReferencePhilox(std::array<std::uint64_t, 4> c, std::array<std::uint64_t, 2> k) {
  constexpr std::uint64_t kM0 = 0xD2E7470EE14C6C93ULL, kM1 = 0xCA5A826395121157ULL;
  constexpr std::uint64_t kW0 = 0x9E3779B97F4A7C15ULL, kW1 = 0xBB67AE8584CAA73BULL;
  for (int round = 0; round < 10; ++round) {
    if (round > 0) {
      k[0] += kW0;
      k[1] += kW1;
    }
    __extension__ typedef unsigned __int128 U128;
    const U128 p0 = static_cast<U128>(kM0) * c[0];
    const U128 p1 = static_cast<U128>(kM1) * c[2];
    const auto hi0 = static_cast<std::uint64_t>(p0 >> 64), lo0 = static_cast<std::uint64_t>(p0);
    const auto hi1 = static_cast<std::uint64_t>(p1 >> 64), lo1 = static_cast<std::uint64_t>(p1);
    c = {hi1 ^ c[1] ^ k[0], lo1, hi0 ^ c[3] ^ k[1], lo0};
  }
  return c;
}

}  // namespace

TEST_CASE("Random123's Philox4x64-10 agrees with an independent transcription", "[unit][golden]") {
  rc::prop("all counters and keys", [](std::uint64_t c0, std::uint64_t c1, std::uint64_t c2, std::uint64_t c3,
                                       std::uint64_t k0, std::uint64_t k1) {
    r123::Philox4x64 engine;
    const auto out = engine({{c0, c1, c2, c3}}, {{k0, k1}});
    const auto expected = ReferencePhilox({c0, c1, c2, c3}, {k0, k1});
    for (int i = 0; i < 4; ++i) RC_ASSERT(out[i] == expected[i]);
  });
}

TEST_CASE("Philox4x64-10 golden first outputs", "[unit][golden]") {
  // Pinned outputs of this build; a change means every stored result changes.
  r123::Philox4x64 engine;
  const auto zero = engine({{0, 0, 0, 0}}, {{0, 0}});
  const auto ref = ReferencePhilox({0, 0, 0, 0}, {0, 0});
  for (int i = 0; i < 4; ++i) CHECK(zero[i] == ref[i]);
  CHECK(zero[0] == 0x16554d9eca36314cULL);
  CHECK(zero[1] == 0xdb20fe9d672d0fdcULL);
  CHECK(zero[2] == 0xd7e772cee186176bULL);
  CHECK(zero[3] == 0x7e68b68aec7ba23bULL);
}

TEST_CASE("Rng lays out key {seed, tag} and counter {block, trial, substream, 0}", "[unit][golden]") {
  const StreamId id{7, StreamTag("bo/test"), 3, 2};
  Rng rng(id);
  r123::Philox4x64 engine;
  for (std::uint64_t block = 0; block < 3; ++block) {
    const auto expected = engine({{block, 3, 2, 0}}, {{7, StreamTag("bo/test")}});
    for (int i = 0; i < 4; ++i) CHECK(rng() == expected[i]);
  }
}

TEST_CASE("StreamTag is FNV-1a 64", "[unit][golden]") {
  STATIC_REQUIRE(StreamTag("") == 0xcbf29ce484222325ULL);
  STATIC_REQUIRE(StreamTag("a") == 0xaf63dc4c8601ec8cULL);
  CHECK(StreamTag("bo/a") != StreamTag("bo/b"));
}

TEST_CASE("a stream does not depend on draws made before it", "[property]") {
  rc::prop("Rng({s,t,i}) is the same whether or not other trials were drawn first",
           [](std::uint64_t seed, std::uint64_t tag, std::uint8_t trial) {
             for (std::uint64_t other = 0; other < trial; ++other) {
               Rng before({seed, tag, other, 0});
               for (int k = 0; k < 5; ++k) before();
             }
             Rng a({seed, tag, trial, 0});
             Rng b({seed, tag, trial, 0});
             for (int k = 0; k < 9; ++k) RC_ASSERT(a() == b());
           });
}

TEST_CASE("changing seed, tag, trial or substream changes the stream", "[property]") {
  rc::prop("first outputs differ", [](std::uint64_t seed, std::uint64_t tag, std::uint64_t trial) {
    const StreamId base{seed, tag, trial, 0};
    Rng reference(base);
    const auto first = reference();
    for (int field = 0; field < 4; ++field) {
      StreamId changed = base;
      if (field == 0) changed.master_seed += 1;
      if (field == 1) changed.tag += 1;
      if (field == 2) changed.trial += 1;
      if (field == 3) changed.substream += 1;
      Rng other(changed);
      RC_ASSERT(other() != first);
    }
  });
  Rng zero({0, 0, 0, 0});
  CHECK(zero() != 0);  // seed 0 is not special
}

TEST_CASE("copy() continues identically and independently", "[unit]") {
  Rng rng({1, 2, 3, 4});
  rng();
  Rng twin = rng.copy();
  for (int k = 0; k < 10; ++k) CHECK(rng() == twin());
  rng();
  const auto next_original = rng();
  twin();
  CHECK(twin() == next_original);
}
