// Must not compile (tests/architecture/verdict_read_only.cmake): a claim built without a rule.
#include "theory/verdict/claim.h"

int main() {
  memgen::theory::Claim claim;  // only the rules (theory/verdict/decide.h) can make one
  return claim.verdict() == memgen::theory::Verdict::kPass ? 0 : 1;
}
