// libFuzzer target (a): the config reader. The input is a TOML document; if toml++ parses it, every
// registered scenario's reader validates it as scn_<name> would (scenario_readers.h: common
// settings, option reader, RejectUnknownKeys, memory estimate). toml::parse_error and
// memgen::ConfigError are the expected outcomes; any other exception, crash, hang, leak or
// sanitizer report is a finding. Seeds: tests/fuzz/corpus/ and the shipped configs (scripts/fuzz.sh).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "tests/fuzz/scenario_readers.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  toml::table config;
  try {
    config = toml::parse(std::string_view(reinterpret_cast<const char*>(data), size));
  } catch (const toml::parse_error&) {
    return 0;
  }
  for (std::size_t i = 0; i < memgen::fuzz::kScenarios.size(); ++i) memgen::fuzz::ValidateAs(i, config);
  return 0;
}
