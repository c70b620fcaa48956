// Counting claims by id prefix and verdict: the shared helper of the negative-control tests.
#pragma once

#include <algorithm>
#include <string>
#include <vector>

#include "sim/report/claim.h"

namespace memgen::test {

inline int CountClaims(const std::vector<sim::Claim>& claims, const std::string& prefix, sim::Verdict verdict) {
  return static_cast<int>(std::count_if(claims.begin(), claims.end(), [&](const sim::Claim& c) {
    return c.id.rfind(prefix, 0) == 0 && c.verdict == verdict;
  }));
}

}  // namespace memgen::test
