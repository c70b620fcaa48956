// Provenance recorded in every run's JSON sidecar (STYLE.md R3): git SHA and dirty flag, compiler,
// library versions, thread counts, and wall-clock times.
#pragma once

#include <nlohmann/json.hpp>

#include <string>

namespace memgen::scenarios {

struct GitState {
  std::string sha = "unknown";
  bool dirty = false;
};

GitState ReadGitState();         // of the source tree memgen was built from
nlohmann::json BuildInfo();      // compiler, flags, Eigen/Boost/Ceres versions, OpenMP
std::string UtcTimestamp();      // ISO 8601, seconds
std::size_t AvailableMemoryBytes();  // MemAvailable from /proc/meminfo (0 if unknown)

}  // namespace memgen::scenarios
