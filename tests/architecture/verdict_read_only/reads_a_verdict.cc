// Control for tests/architecture/verdict_read_only.cmake: reading a claim made by a rule compiles.
#include "theory/verdict/verdict_rules.h"

int main() {
  const memgen::theory::Claim claim = memgen::theory::ExactClaim({"id", "statement", "source"}, 1.0, 1.0, 0.0);
  return claim.verdict() == memgen::theory::Verdict::kPass ? 0 : 1;
}
