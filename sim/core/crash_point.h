// Deterministic crash points for the crash-safety tests: when the environment variable
// MEMGEN_CRASH_AT names `point`, the process kills itself there with SIGKILL (no destructor, no
// flush: exactly what a dead node or `kill -9` does). Unset, a crash point costs one getenv.
// The points: "publish-start" (results and journal complete in the staging directory, nothing
// published; scenarios/cli/scenario_main.cc) and "publish-exchanged" (the new run in place, the old
// one not yet removed; sim/io/atomic_file.cc).
#pragma once

#include <csignal>
#include <cstdlib>
#include <cstring>

namespace memgen::sim {

inline void CrashPoint(const char* point) {
  const char* wanted = std::getenv("MEMGEN_CRASH_AT");
  if (wanted != nullptr && std::strcmp(wanted, point) == 0) std::raise(SIGKILL);
}

}  // namespace memgen::sim
