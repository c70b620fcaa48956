// Verdict names, see claim.h.
#include "theory/verdict/claim.h"

namespace memgen::theory {

std::string VerdictToString(Verdict verdict) {
  switch (verdict) {
    case Verdict::kPass: return "PASS";
    case Verdict::kFail: return "FAIL";
    case Verdict::kInconclusive: return "INCONCLUSIVE";
  }
  return "INCONCLUSIVE";
}

}  // namespace memgen::theory
