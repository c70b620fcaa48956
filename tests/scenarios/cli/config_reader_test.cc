// Tests for scenarios/cli/config_reader.h: typed access, overrides and unknown-key rejection.
#include <catch2/catch.hpp>

#include <toml++/toml.h>

#include "scenarios/cli/config_reader.h"
#include "sim/core/config_error.h"

using namespace memgen;
using namespace memgen::scenarios;

TEST_CASE("typed getters read values and name the field on errors", "[unit]") {
  toml::table root = toml::parse(R"(
    trials = 20
    ratio = 0.5
    name = "x"
    [spectrum]
    kind = "power_law"
    alpha = 2
  )");
  const ConfigReader reader(root);
  CHECK(reader.Int("trials") == 20);
  CHECK(reader.Double("ratio") == 0.5);
  CHECK(reader.Table("spectrum").Double("alpha") == 2.0);  // integers are accepted as numbers
  CHECK(reader.String("name", "") == "x");
  CHECK_THROWS_WITH(reader.Int("ratio"), "ratio = 0.5: must be an integer");
  CHECK_THROWS_WITH(reader.Table("spectrum").Double("beta"), "spectrum.beta = (missing): is required");
}

TEST_CASE("unknown keys are rejected after reading", "[unit]") {
  toml::table root = toml::parse("trials = 20\ntrails = 3\n");
  const ConfigReader reader(root);
  reader.Int("trials");
  CHECK_THROWS_WITH(reader.RejectUnknownKeys(), "trails = (set): is not a known setting of this scenario");
}

TEST_CASE("unknown keys are rejected at any depth, also inside tables that were read", "[unit]") {
  toml::table root = toml::parse("[oracle]\ntrials = 20\ntrails = 3\n");
  const ConfigReader reader(root);
  reader.Table("oracle").Int("trials");
  CHECK_THROWS_WITH(reader.RejectUnknownKeys(), "oracle.trails = (set): is not a known setting of this scenario");
  toml::table nested = toml::parse("[[curve]]\n[curve.spectrum]\nd = 5\nbogus = 1\n");
  const ConfigReader second(nested);
  second.Tables("curve").front().Table("spectrum").Int("d");
  CHECK_THROWS_WITH(second.RejectUnknownKeys(),
                    "curve[0].spectrum.bogus = (set): is not a known setting of this scenario");
}

TEST_CASE("overrides (--set) parse TOML values and create nested keys", "[unit]") {
  toml::table root = toml::parse("trials = 20\n[spectrum]\nalpha = 1.0\n");
  ApplyOverride(root, "trials=5");
  ApplyOverride(root, "spectrum.alpha=1.5");
  ApplyOverride(root, "spectrum.kind=log_power");
  const ConfigReader reader(root);
  CHECK(reader.Int("trials") == 5);
  CHECK(reader.Table("spectrum").Double("alpha") == 1.5);
  CHECK(reader.Table("spectrum").String("kind", "") == "log_power");
  CHECK_THROWS_AS(ApplyOverride(root, "novalue"), ConfigError);
}

TEST_CASE("non-finite numbers are rejected", "[unit]") {
  toml::table root = toml::parse("x = nan\n");
  const ConfigReader reader(root);
  CHECK_THROWS_WITH(reader.Double("x"), "x = nan: must be finite");
}
