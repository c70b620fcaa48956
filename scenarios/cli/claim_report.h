// Claims as the front end writes them: one JSON object per claim for summary.json and the one-line
// console brief (counts and the failed ids). Tables of claims are rendered from summary.json by one
// Python module, scripts/claims_table.py (the verification summary and the paper both use it).
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "theory/verdict/claim.h"

namespace memgen::scenarios {

nlohmann::json ClaimToJson(const theory::Claim& claim);
// "N claims: a PASS, b FAIL, c INCONCLUSIVE, d REFUTED; failed: <ids>".
std::string BriefReport(const std::vector<theory::Claim>& claims);
// The run's family-wise false-failure rate: the union bound min(1, Σ rates) over its claims.
double FamilyWiseRate(const std::vector<theory::Claim>& claims);
// The ids of the claims whose verdict is not as expected (FAIL: a violated claim, or a refutation
// that held).
std::vector<std::string> UnexpectedClaims(const std::vector<theory::Claim>& claims);

}  // namespace memgen::scenarios
