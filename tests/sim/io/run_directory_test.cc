// Tests for sim/io/run_directory.h and sim/io/atomic_file.h: a claimed run is locked, an existing run
// is kept unless overwritten, replacement is complete or absent, and a killed run's leftovers are
// cleaned by the next claim.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "sim/core/config_error.h"
#include "sim/io/atomic_file.h"
#include "sim/io/run_directory.h"

using namespace memgen::sim;
namespace fs = std::filesystem;

namespace {

fs::path FreshDir(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / ("memgen_run_directory_test_" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

std::string Read(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// The names in `dir` (hidden ones included), except the run's lock file.
std::set<std::string> Entries(const fs::path& dir) {
  std::set<std::string> names;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().extension() != ".lock") names.insert(e.path().filename().string());
  return names;
}

RunDirectoryOptions Options(const fs::path& parent, const std::string& id, bool overwrite,
                            const std::string& resume_file = "") {
  RunDirectoryOptions options;
  options.parent = parent;
  options.run_id = id;
  options.overwrite = overwrite;
  options.resume_file = resume_file;
  return options;
}

void PublishOne(const fs::path& parent, const std::string& id, const std::string& text, bool overwrite) {
  RunDirectory run = RunDirectory::Claim(Options(parent, id, overwrite));
  WriteFileAtomic(run.staging() / "a.txt", text);
  run.Publish();
}

}  // namespace

TEST_CASE("a published run holds exactly its files, with no temporary leftovers", "[unit][io]") {
  const fs::path parent = FreshDir("publish");
  PublishOne(parent, "run", "hello\n", false);
  CHECK(Read(parent / "run" / "a.txt") == "hello\n");
  CHECK(Entries(parent) == std::set<std::string>{"run"});
  CHECK(Entries(parent / "run") == std::set<std::string>{"a.txt"});
}

TEST_CASE("an existing run is refused without overwrite and replaced whole with it", "[unit][io]") {
  const fs::path parent = FreshDir("overwrite");
  PublishOne(parent, "run", "first\n", false);
  std::ofstream(parent / "run" / "note.txt") << "the user's file\n";
  CHECK_THROWS_AS(PublishOne(parent, "run", "second\n", false), memgen::ConfigError);
  CHECK_THROWS_WITH(PublishOne(parent, "run", "second\n", false), Catch::Contains("pass --overwrite"));
  CHECK(Read(parent / "run" / "a.txt") == "first\n");
  PublishOne(parent, "run", "second\n", true);
  CHECK(Read(parent / "run" / "a.txt") == "second\n");
  CHECK(Entries(parent / "run") == std::set<std::string>{"a.txt"});
  CHECK(Entries(parent) == std::set<std::string>{"run"});
}

TEST_CASE("a run-id held by a live run is refused, released, it can be claimed again", "[unit][io]") {
  const fs::path parent = FreshDir("lock");
  {
    RunDirectory first = RunDirectory::Claim(Options(parent, "run", false));
    CHECK_THROWS_WITH(RunDirectory::Claim(Options(parent, "run", true)), Catch::Contains("is in use by a running process"));
    RunDirectory other = RunDirectory::Claim(Options(parent, "other", false));  // another run-id is independent
  }
  CHECK(Entries(parent).empty());  // unpublished claims leave no staging directory
  RunDirectory again = RunDirectory::Claim(Options(parent, "run", false));
  CHECK(fs::is_directory(again.staging()));
}

TEST_CASE("a killed run's staging directory is removed and a run moved aside is restored", "[unit][io]") {
  const fs::path parent = FreshDir("leftovers");
  fs::create_directories(parent / ".run.staging");
  std::ofstream(parent / ".run.staging" / ".a.txt.tmp-1") << "trunc";
  fs::create_directories(parent / ".run.old");  // a fallback publish died between its two renames
  std::ofstream(parent / ".run.old" / "a.txt") << "old\n";
  CHECK_THROWS_WITH(RunDirectory::Claim(Options(parent, "run", false)), Catch::Contains("exists"));
  CHECK(Read(parent / "run" / "a.txt") == "old\n");
  CHECK(Entries(parent) == std::set<std::string>{"run"});
}

TEST_CASE("run-ids are plain names", "[unit][io]") {
  CHECK(RunIdProblem("default").empty());
  CHECK(RunIdProblem("seed-12_v1.2").empty());
  CHECK_FALSE(RunIdProblem("").empty());
  CHECK_FALSE(RunIdProblem("a/b").empty());
  CHECK_FALSE(RunIdProblem(".hidden").empty());
  CHECK_FALSE(RunIdProblem("-flag").empty());
  CHECK_FALSE(RunIdProblem("tab\there").empty());
  CHECK_FALSE(RunIdProblem(std::string(300, 'a')).empty());
  const fs::path parent = FreshDir("bad_id");
  CHECK_THROWS_WITH(RunDirectory::Claim(Options(parent, "..", false)), Catch::StartsWith("--run-id = ..: "));
}

TEST_CASE("an output root that cannot be a directory is a config error", "[unit][io]") {
  const fs::path file = FreshDir("not_a_dir") / "file";
  std::ofstream(file) << "x";
  CHECK_THROWS_WITH(RunDirectory::Claim(Options(file / "scenario", "run", false)), Catch::StartsWith("--out = "));
}

TEST_CASE("a killed run's staging directory is kept for a resume only when it holds a journal", "[unit][io]") {
  const fs::path parent = FreshDir("resume");
  fs::create_directories(parent / ".run.staging");
  std::ofstream(parent / ".run.staging" / "journal.bin") << "records";
  {
    RunDirectory run = RunDirectory::Claim(Options(parent, "run", false, "journal.bin"));
    CHECK(Read(run.staging() / "journal.bin") == "records");
  }
  fs::create_directories(parent / ".run.staging");
  std::ofstream(parent / ".run.staging" / "a.txt") << "an old run moved aside, no journal";
  RunDirectory run = RunDirectory::Claim(Options(parent, "run", false, "journal.bin"));
  CHECK(fs::is_empty(run.staging()));
}
