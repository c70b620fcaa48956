// Claims as the front end writes them: one JSON object per claim for summary.json, the Markdown
// table of claims.md, and the one-line console brief (counts and the failed ids).
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "theory/verdict/claim.h"

namespace memgen::scenarios {

nlohmann::json ClaimToJson(const theory::Claim& claim);
std::string ClaimsMarkdownTable(const std::vector<theory::Claim>& claims);
std::string BriefReport(const std::vector<theory::Claim>& claims);

}  // namespace memgen::scenarios
