// libFuzzer target (b): the --set parser. The input's first byte picks a scenario (index mod 6 in
// registry order, so the text seeds '0'..'5' name bo_isotropic .. spur_regression); the rest is one
// assignment "key=value", applied by ApplyOverride to a copy of that scenario's shipped
// default.toml, which the scenario's reader then validates (scenario_readers.h). Only
// memgen::ConfigError may escape; anything else is a finding. Seeds: tests/fuzz/set_override_seeds.txt.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "scenarios/cli/config_overlay.h"
#include "tests/fuzz/scenario_readers.h"

namespace {

const std::vector<toml::table>& Bases() {
  static const std::vector<toml::table> bases = [] {
    std::vector<toml::table> out;
    for (std::size_t i = 0; i < memgen::fuzz::kScenarios.size(); ++i)
      out.push_back(memgen::scenarios::LoadConfigFile(memgen::fuzz::ConfigDir(i) + "/default.toml"));
    return out;
  }();
  return bases;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::size_t index = data[0] % memgen::fuzz::kScenarios.size();
  toml::table config = Bases()[index];
  try {
    memgen::scenarios::ApplyOverride(config, std::string(reinterpret_cast<const char*>(data) + 1, size - 1));
  } catch (const memgen::ConfigError&) {
    return 0;
  }
  memgen::fuzz::ValidateAs(index, config);
  return 0;
}
