// Run provenance, see run_metadata.h.
#include "scenarios/cli/run_metadata.h"

#include <Eigen/Core>
#include <boost/version.hpp>
#include <ceres/version.h>

#include <array>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <sstream>

#ifndef MEMGEN_SOURCE_DIR
#define MEMGEN_SOURCE_DIR "."
#endif

namespace memgen::scenarios {
namespace {

std::string RunCommand(const std::string& command) {
  std::string output;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return output;
  std::array<char, 256> buffer{};
  while (fgets(buffer.data(), buffer.size(), pipe)) output += buffer.data();
  pclose(pipe);
  while (!output.empty() && (output.back() == '\n' || output.back() == '\r')) output.pop_back();
  return output;
}

}  // namespace

GitState ReadGitState() {
  GitState state;
  const std::string dir = MEMGEN_SOURCE_DIR;
  const std::string sha = RunCommand("git -C '" + dir + "' rev-parse HEAD 2>/dev/null");
  if (!sha.empty()) state.sha = sha;
  state.dirty =
      !RunCommand("git -C '" + dir + "' status --porcelain --untracked-files=no 2>/dev/null").empty();
  return state;
}

nlohmann::json BuildInfo() {
  nlohmann::json info;
#if defined(__clang__)
  info["compiler"] = std::string("clang ") + __clang_version__;
#elif defined(__GNUC__)
  info["compiler"] = std::string("gcc ") + __VERSION__;
#endif
#ifdef MEMGEN_CXX_FLAGS
  info["flags"] = MEMGEN_CXX_FLAGS;
#endif
#ifdef MEMGEN_ARCH_FLAGS
  info["arch_flags"] = MEMGEN_ARCH_FLAGS;  // "" when built without -march=native (MEMGEN_NATIVE=OFF)
#endif
  info["eigen"] = std::to_string(EIGEN_WORLD_VERSION) + "." + std::to_string(EIGEN_MAJOR_VERSION) + "." +
                  std::to_string(EIGEN_MINOR_VERSION);
  info["boost"] = BOOST_LIB_VERSION;
  info["ceres"] = CERES_VERSION_STRING;
#ifdef _OPENMP
  info["openmp"] = _OPENMP;
#else
  info["openmp"] = nullptr;
#endif
  return info;
}

std::string UtcTimestamp() {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char buffer[32];
  std::strftime(buffer, sizeof(buffer), "%Y-%m-%dT%H:%M:%SZ", &utc);
  return buffer;
}

std::size_t AvailableMemoryBytes() {
  std::ifstream meminfo("/proc/meminfo");
  std::string key;
  std::size_t kib = 0;
  std::string unit;
  while (meminfo >> key >> kib >> unit) {
    if (key == "MemAvailable:") return kib * 1024;
  }
  return 0;
}

}  // namespace memgen::scenarios
