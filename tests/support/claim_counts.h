// Shared helpers of the negative-control tests: counting claims by id prefix and verdict, and the
// two-thread runner options they use.
#pragma once

#include <algorithm>
#include <string>
#include <vector>

#include "theory/verdict/claim.h"
#include "sim/run/trial_runner.h"

namespace memgen::test {

inline int CountClaims(const std::vector<theory::Claim>& claims, const std::string& prefix, theory::Verdict verdict) {
  return static_cast<int>(std::count_if(claims.begin(), claims.end(), [&](const theory::Claim& c) {
    return c.id().rfind(prefix, 0) == 0 && c.verdict() == verdict;
  }));
}

inline sim::TrialRunnerOptions TwoThreads() {
  sim::TrialRunnerOptions runner;
  runner.threads = 2;
  return runner;
}

}  // namespace memgen::test
