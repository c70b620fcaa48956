// Tests for scenarios/cli/config_overlay.h: the merge rule of config overlays, layered loading, and
// that every registered scenario's smoke, default and paper configs resolve.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <toml++/toml.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "scenarios/cli/config_overlay.h"
#include "sim/core/config_error.h"

using namespace memgen;
using namespace memgen::scenarios;

namespace {

std::string Dump(const toml::table& table) {
  std::ostringstream out;
  out << toml::json_formatter{table};
  return out.str();
}

// The merge of `overlay` onto `base`, as JSON text (types kept: 1 and 1.0 differ).
std::string Merged(const std::string& base, const std::string& overlay, const std::set<std::string>& replace = {}) {
  toml::table merged = toml::parse(base);
  MergeOverlay(merged, toml::parse(overlay), replace);
  return Dump(merged);
}

std::string Json(const std::string& toml_text) { return Dump(toml::parse(toml_text)); }

std::filesystem::path TempDir(const std::string& name) {
  const std::filesystem::path dir = std::filesystem::path(MEMGEN_BINARY_DIR) / "test_tmp" / name;
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

void Write(const std::filesystem::path& path, const std::string& text) { std::ofstream(path) << text; }

}  // namespace

TEST_CASE("overlay tables merge key by key, recursively", "[unit][overlay]") {
  const std::string base = R"(
    seed = 1
    trials = 100
    [oracle]
    n = [50, 100]
    trials = 1000
    [oracle.grid]
    kind = "log"
    points = 10
    [curve]
    spectrum = { kind = "power_law", alpha = 1.5, d = 40000 }
  )";
  const std::string overlay = R"(
    trials = 8
    [oracle]
    trials = 20
    [oracle.grid]
    points = 3
    [curve]
    spectrum = { d = 4000 }
  )";
  CHECK(Merged(base, overlay) == Json(R"(
    seed = 1
    trials = 8
    [oracle]
    n = [50, 100]
    trials = 20
    [oracle.grid]
    kind = "log"
    points = 3
    [curve]
    spectrum = { kind = "power_law", alpha = 1.5, d = 4000 }
  )"));
  CHECK(Merged(base, "") == Json(base));  // an empty overlay changes nothing
}

TEST_CASE("overlay values replace the base's, arrays of values as a whole", "[unit][overlay]") {
  const std::string base = R"(
    eps = [0.2, 0.1, 0.07, 0.05]
    ratio = 0.5
    name = "x"
    flag = true
  )";
  CHECK(Merged(base, R"(
    eps = [0.2]
    ratio = 2
    name = "y"
    flag = false
  )") == Json(R"(
    eps = [0.2]
    ratio = 2
    name = "y"
    flag = false
  )"));  // the overlay's value is taken as written, also its type
  CHECK_THROWS_WITH(Merged("[oracle]\nn = 1", "oracle = 3"),
                    "oracle = (in overlay): must be a table as in the base base "
                    "(list it in overlay.replace to replace it as a whole)");
  CHECK_THROWS_WITH(Merged("oracle = 3", "[oracle]\nn = 1"), Catch::StartsWith("oracle = (in overlay): must be a value"));
  CHECK_THROWS_WITH(Merged("[[curve]]\nn = 1", "curve = [1]"), Catch::StartsWith("curve = (in overlay): must be an array of tables"));
}

TEST_CASE("overlay arrays of tables merge element by element and must keep the length", "[unit][overlay]") {
  const std::string base = R"(
    [[curve]]
    name = "a"
    n = [100, 200]
    trials = 20
    spectrum = { kind = "power_law", d = 40000 }
    [[curve]]
    name = "b"
    n = [100, 300]
  )";
  CHECK(Merged(base, R"(
    [[curve]]
    trials = 8
    spectrum = { d = 4000 }
    [[curve]]
    n = [100]
  )") == Json(R"(
    [[curve]]
    name = "a"
    n = [100, 200]
    trials = 8
    spectrum = { kind = "power_law", d = 4000 }
    [[curve]]
    name = "b"
    n = [100]
  )"));
  CHECK_THROWS_WITH(Merged(base, "[[curve]]\ntrials = 8"),
                    "curve = 1 tables (in overlay): must have as many tables as the base base (2) "
                    "(list it in overlay.replace to replace it as a whole)");
  // each element's keys must exist in the base's element of the same index
  CHECK_THROWS_WITH(Merged(base, "[[curve]]\n[[curve]]\ntrials = 8"),
                    "curve[1].trials = (set in overlay): is not a key of the base base");
}

TEST_CASE("an overlay key the base does not have is rejected, naming the key", "[unit][overlay]") {
  const std::string base = R"(
    trials = 10
    [oracle]
    trials = 1000
    [[curve]]
    spectrum = { kind = "power_law", d = 40000 }
  )";
  CHECK_THROWS_WITH(Merged(base, "trails = 3"), "trails = (set in overlay): is not a key of the base base");
  CHECK_THROWS_WITH(Merged(base, "[oracle]\ntrails = 3"), "oracle.trails = (set in overlay): is not a key of the base base");
  CHECK_THROWS_WITH(Merged(base, "[[curve]]\nspectrum = { dd = 4 }"),
                    "curve[0].spectrum.dd = (set in overlay): is not a key of the base base");
  CHECK_THROWS_WITH(Merged(base, "[wishart]\nn = 3"), "wishart = (set in overlay): is not a key of the base base");
  toml::table merged = toml::parse(base);
  CHECK_THROWS_WITH(MergeOverlay(merged, toml::parse("[oracle]\ntrails = 3"), {}, "smoke.toml", "default.toml"),
                    "oracle.trails = (set in smoke.toml): is not a key of the base default.toml");
}

TEST_CASE("overlay.replace replaces a table or an array of tables as a whole", "[unit][overlay]") {
  const std::string base = R"(
    [phase]
    eps = 0.1
    trials = 100
    [[margins]]
    series = "main"
    trials = 12
    [[margins]]
    series = "gamma"
    trials = 12
  )";
  CHECK(Merged(base, R"(
    [phase]
    eps = 0.2
    noise = [1.0]
    [[margins]]
    series = "main"
  )", {"phase", "margins"}) == Json(R"(
    [phase]
    eps = 0.2
    noise = [1.0]
    [[margins]]
    series = "main"
  )"));
  // a key inside an element of an array of tables, spelled as the reader spells it
  CHECK(Merged("[[curve]]\nspectrum = { kind = \"power_law\", d = 10 }\n",
               "[[curve]]\nspectrum = { kind = \"exp_floor\", tau = 2.0 }\n", {"curve[0].spectrum"}) ==
        Json("[[curve]]\nspectrum = { kind = \"exp_floor\", tau = 2.0 }\n"));
  CHECK_THROWS_WITH(Merged(base, "[phase]\neps = 0.2", {"phse"}),
                    "overlay.replace = phse (in overlay): must name a key set in the overlay and present in the base base");
  CHECK_THROWS_WITH(Merged(base, "[phse]\neps = 0.2", {"phse"}), "phse = (set in overlay): is not a key of the base base");
}

TEST_CASE("LoadConfigFile resolves an overlay file onto the base it names", "[unit][overlay]") {
  const std::filesystem::path dir = TempDir("config_overlay");
  Write(dir / "default.toml", "scenario = \"s\"\ntrials = 10\n[oracle]\nn = [1, 2]\ntrials = 100\n");
  Write(dir / "smoke.toml", "overlay.base = \"default.toml\"\ntrials = 2\n[oracle]\ntrials = 5\n");
  Write(dir / "tiny.toml", "overlay.base = \"smoke.toml\"\n[oracle]\nn = [1]\n");  // a chain

  std::vector<std::filesystem::path> files;
  CHECK(Dump(LoadConfigFile(dir / "default.toml", &files)) ==
        Json("scenario = \"s\"\ntrials = 10\n[oracle]\nn = [1, 2]\ntrials = 100\n"));
  CHECK(files == std::vector<std::filesystem::path>{dir / "default.toml"});
  files.clear();
  CHECK(Dump(LoadConfigFile(dir / "smoke.toml", &files)) ==
        Json("scenario = \"s\"\ntrials = 2\n[oracle]\nn = [1, 2]\ntrials = 5\n"));  // no [overlay] left
  CHECK(files == std::vector<std::filesystem::path>{dir / "default.toml", dir / "smoke.toml"});
  files.clear();
  CHECK(Dump(LoadConfigFile(dir / "tiny.toml", &files)) ==
        Json("scenario = \"s\"\ntrials = 2\n[oracle]\nn = [1]\ntrials = 5\n"));
  CHECK(files.size() == 3);

  Write(dir / "typo.toml", "overlay.base = \"default.toml\"\n[oracle]\ntrails = 5\n");
  CHECK_THROWS_WITH(LoadConfigFile(dir / "typo.toml"),
                    "oracle.trails = (set in typo.toml): is not a key of the base default.toml");
  Write(dir / "nobase.toml", "overlay.replace = [\"oracle\"]\n");
  CHECK_THROWS_WITH(LoadConfigFile(dir / "nobase.toml"),
                    "overlay.base = (missing in nobase.toml): is required in an overlay");
  Write(dir / "badmeta.toml", "overlay.base = \"default.toml\"\noverlay.replce = [\"oracle\"]\n");
  CHECK_THROWS_WITH(LoadConfigFile(dir / "badmeta.toml"),
                    "overlay.replce = (set in badmeta.toml): is not a setting of an overlay (base, replace)");
  Write(dir / "lost.toml", "overlay.base = \"nothere.toml\"\n");
  CHECK_THROWS_WITH(LoadConfigFile(dir / "lost.toml"),
                    Catch::StartsWith("overlay.base (in lost.toml) = ") && Catch::Contains("is not a readable TOML file"));
  Write(dir / "loop.toml", "overlay.base = \"loop.toml\"\n");
  CHECK_THROWS_WITH(LoadConfigFile(dir / "loop.toml"), Catch::Contains("must not chain more than 8 overlays"));
  CHECK_THROWS_WITH(LoadConfigFile(dir / "absent.toml"), Catch::StartsWith("--config = ") &&
                                                             Catch::Contains("is not a readable TOML file"));
  // Nothing to read is refused, not taken as "all defaults" (issue 11).
  CHECK_THROWS_WITH(LoadConfigFile(""), "--config = \"\": must name a TOML file");
  CHECK_THROWS_WITH(LoadConfigFile(dir), Catch::Contains("(not a regular file)"));
  Write(dir / "empty.toml", "");
  CHECK_THROWS_WITH(LoadConfigFile(dir / "empty.toml"), Catch::Contains("is empty: a config must set at least one key"));
  Write(dir / "comments.toml", "# nothing but a comment\n\n");
  CHECK_THROWS_WITH(LoadConfigFile(dir / "comments.toml"), Catch::Contains("is empty"));
}

TEST_CASE("every registered scenario's smoke, default and paper configs resolve", "[unit][overlay]") {
  const std::filesystem::path source(MEMGEN_SOURCE_DIR);
  const nlohmann::json registry = nlohmann::json::parse(std::ifstream(source / "scenarios" / "registry.json"));
  REQUIRE(registry["scenarios"].size() >= 6);
  for (const auto& entry : registry["scenarios"]) {
    const std::string name = entry["name"];
    const std::filesystem::path dir =
        source / "scenarios" / entry["simulator"].get<std::string>() / "configs" / name;
    for (const std::string scale : {"smoke", "default", "paper"}) {
      INFO(name << " at " << scale);
      std::vector<std::filesystem::path> files;
      toml::table config;
      REQUIRE_NOTHROW(config = LoadConfigFile(dir / (scale + ".toml"), &files));
      CHECK(config.get("overlay") == nullptr);
      CHECK(config["scenario"].value_or(std::string()) == name);
      // default.toml is the base; smoke and paper are overlays of it
      REQUIRE(files.size() == (scale == "default" ? 1u : 2u));
      CHECK(files.front().filename() == "default.toml");
    }
  }
}
