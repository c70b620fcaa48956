// libFuzzer target (c): the overlay merge. The input is written as overlay.toml into a private
// temporary directory that also holds every shipped base config as <scenario>.toml, and read by
// LoadConfigFile (parse, [overlay] table, MergeOverlay onto the base it names, chains up to 8);
// a config that loads is validated by every scenario's reader (scenario_readers.h). Only
// memgen::ConfigError may escape; anything else is a finding. Seeds: the shipped smoke and paper
// overlays, rebased by scripts/fuzz.sh onto <scenario>.toml.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "scenarios/cli/config_overlay.h"
#include "tests/fuzz/scenario_readers.h"

namespace {

namespace fs = std::filesystem;

// The directory, made once per process and removed at exit.
const fs::path& WorkDir() {
  static const fs::path dir = [] {
    std::string pattern = (fs::temp_directory_path() / "memgen_fuzz_overlay.XXXXXX").string();
    if (!mkdtemp(pattern.data())) std::abort();
    for (std::size_t i = 0; i < memgen::fuzz::kScenarios.size(); ++i)
      fs::copy_file(memgen::fuzz::ConfigDir(i) + "/default.toml",
                    fs::path(pattern) / (std::string(memgen::fuzz::kScenarios[i]) + ".toml"));
    std::atexit([] { std::error_code ignored; fs::remove_all(WorkDir(), ignored); });
    return fs::path(pattern);
  }();
  return dir;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const fs::path overlay = WorkDir() / "overlay.toml";
  std::ofstream(overlay, std::ios::binary | std::ios::trunc).write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  toml::table config;
  try {
    config = memgen::scenarios::LoadConfigFile(overlay);
  } catch (const memgen::ConfigError&) {
    return 0;
  }
  for (std::size_t i = 0; i < memgen::fuzz::kScenarios.size(); ++i) memgen::fuzz::ValidateAs(i, config);
  return 0;
}
