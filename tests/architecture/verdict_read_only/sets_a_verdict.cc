// Must not compile (tests/architecture/verdict_read_only.cmake): a verdict set outside a rule.
#include "theory/verdict/verdict_rules.h"

int main() {
  memgen::theory::Claim claim = memgen::theory::ExactClaim({"id", "statement", "source"}, 1.0, 2.0, 0.0);
  claim.verdict_ = memgen::theory::Verdict::kPass;  // FAIL turned into PASS by hand
  return 0;
}
