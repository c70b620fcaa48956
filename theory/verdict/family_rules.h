// Decision rules over families of measurements (verdict_rules.h has the single-mean rules):
//   WORST-Z    max_i |x̄_i − p_i| / SE_i ≤ z over a family of exact predictions, z at size / cells
//              per cell (the union bound)
//   BRACKET    a sign change predicted at t: PASS needs a point below t significantly on the negative
//              side and one above t significantly on the positive side; FAIL when a point sits
//              significantly on the wrong side of t; otherwise INCONCLUSIVE (no evidence, never a
//              PASS from 0 < t < ∞)
//   BINOMIAL   a count k of T against a rate p₀ by the exact Clopper–Pearson interval whose ends
//              have the claim's size: "at most p₀" FAILs when the lower end exceeds p₀, "at least p₀"
//              when the upper end is below it, "equal" when p₀ is outside the interval
//   EXACT-TEST an exact test of the prediction (e.g. a Poisson-binomial count): PASS when its p-value
//              is at least α, FAIL below; false-failure rate α (the caller sets α to the claim's size)
//   ALL-OF     a conjunction: FAIL if a part fails, INCONCLUSIVE if a part is undecided, else PASS;
//              false-failure rate Σ of the parts' (union bound)
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "theory/stats/sample_stats.h"
#include "theory/verdict/claim.h"
#include "theory/verdict/verdict_rules.h"

namespace memgen::theory {

struct PredictedMean {
  double x = 0.0;          ///< where (n, d, ...), for the reason
  MeanSe measured;
  double predicted = 0.0;  ///< exact prediction
};
Claim WorstZClaim(const ClaimHeader& header, const std::vector<PredictedMean>& family, TestSize size);

struct SignedPoint {
  double x = 0.0;  ///< the control parameter (e.g. n/s)
  MeanSe value;    ///< the quantity whose sign changes from − (x < threshold) to + (x > threshold)
};
// A threshold of ±∞ (no sign change possible) asks for the sign everywhere: PASS when every point is
// significantly on the predicted side (negative for +∞, positive for −∞), FAIL when one is
// significantly on the other side, otherwise INCONCLUSIVE.
Claim BracketClaim(const ClaimHeader& header, const std::vector<SignedPoint>& points, double threshold, TestSize size);

enum class RateSide { kAtMost, kAtLeast, kEqual };
Claim BinomialBoundClaim(const ClaimHeader& header, std::int64_t count, std::int64_t trials, double rate,
                         RateSide side, TestSize size);

// `measured`/`predicted` are the tested statistic and its expectation under the prediction;
// `detectable_deviation` is the shift of the statistic the test detects with probability 0.9 (the
// caller computes it from the test's null law).
struct ExactTest {
  double measured = 0.0, predicted = 0.0;
  double p_value = 1.0;
  double alpha = 1e-4;
  double detectable_deviation = 0.0;
  std::string description;  ///< e.g. "two-sided Poisson-binomial p of the error count"
};
Claim ExactTestClaim(const ClaimHeader& header, const ExactTest& test);

// The parts keep their own verdicts; the conjunction is decided from them. The parts' expectations
// must be kHolds (a refutation is its own claim).
Claim AllOfClaim(const ClaimHeader& header, const std::vector<Claim>& parts);

}  // namespace memgen::theory
