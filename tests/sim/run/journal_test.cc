// Tests for sim/run/journal.h and the trial runner's use of it: a resumed run recomputes only the
// blocks the journal lacks and returns the same results; a torn tail is dropped; another run's
// journal is refused.
#include <catch2/catch.hpp>

#include <atomic>
#include <filesystem>
#include <fstream>

#include "sim/core/config_error.h"
#include "sim/random/distributions.h"
#include "sim/run/journal.h"
#include "sim/run/trial_runner.h"

using namespace memgen::sim;
namespace fs = std::filesystem;

namespace {

fs::path FreshJournal(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / ("memgen_journal_test_" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir / "journal.bin";
}

std::vector<double> Run(std::int64_t trials, Journal* journal, std::atomic<int>* computed) {
  TrialRunnerOptions options{2, 8, "t", journal};
  return RunTrials<double>(trials, options, [computed](std::int64_t t) {
    ++*computed;
    Rng rng({7, 3, static_cast<std::uint64_t>(t), 0});
    return Normal(rng);
  });
}

}  // namespace

TEST_CASE("a resumed run reuses the journaled blocks and returns the same results", "[unit][journal]") {
  const fs::path path = FreshJournal("resume");
  std::atomic<int> computed{0};
  const std::vector<double> reference = Run(50, nullptr, &computed);
  {
    Journal journal(path, "run A", false);
    Run(50, &journal, &computed);
  }
  // Keep only the first three blocks (24 trials) and half of the fourth: a kill mid-write.
  Journal probe(path, "run A", true);
  REQUIRE(probe.recovered_blocks() == 7);  // ⌈50 / 8⌉
  std::uintmax_t size = fs::file_size(path);
  fs::resize_file(path, size * 4 / 7 - 5);
  computed = 0;
  Journal resumed(path, "run A", true);
  CHECK(resumed.recovered_blocks() == 3);
  CHECK(Run(50, &resumed, &computed) == reference);
  CHECK(computed == 50 - 24);  // only the blocks the journal lacked
  Journal complete(path, "run A", true);
  CHECK(complete.recovered_blocks() == 7);
}

TEST_CASE("a journal from another run is refused, a fresh journal starts empty", "[unit][journal]") {
  const fs::path path = FreshJournal("other");
  std::atomic<int> computed{0};
  {
    Journal journal(path, "run A", false);
    Run(20, &journal, &computed);
  }
  CHECK_THROWS_AS(Journal(path, "run B", true), memgen::ConfigError);
  Journal fresh(path, "run A", false);  // without resume the old records are discarded
  CHECK(fresh.recovered_blocks() == 0);
  CHECK(fresh.Recovered(0, 0, 8) == nullptr);
}

TEST_CASE("a record with a flipped bit is dropped with everything after it", "[unit][journal]") {
  const fs::path path = FreshJournal("corrupt");
  std::atomic<int> computed{0};
  {
    Journal journal(path, "run A", false);
    Run(40, &journal, &computed);  // 5 blocks
  }
  std::fstream file(path, std::ios::in | std::ios::out | std::ios::binary);
  file.seekg(-20, std::ios::end);  // inside the last record's payload
  char byte = 0;
  file.read(&byte, 1);
  file.seekp(-20, std::ios::end);
  byte ^= 0x01;
  file.write(&byte, 1);
  file.close();
  Journal resumed(path, "run A", true);
  CHECK(resumed.recovered_blocks() == 4);
}
