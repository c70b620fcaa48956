// Counting lemma, sco_traceability.md §6 [VS: VHADLR25 Lemma A.11 = ADHLR24 Lemma A.4, quoted verbatim].
// For a ∈ R^n, A₁ = Σ_i a_i, A₂ = Σ_i a_i² and β ≥ 0:
//   |I| ≥ (max{A₁ − β, 0})² / A₂,   I = {i : a_i ≥ β/n}.
// Proof (needs β ≥ 0): Σ_{i∉I} a_i < |I^c| β/n ≤ β, so Σ_{i∈I} a_i > A₁ − β; Cauchy–Schwarz gives
// (Σ_{i∈I} a_i)² ≤ |I| Σ_{i∈I} a_i² ≤ |I| A₂. For β < 0 the step |I^c| β/n ≤ β fails; the spec's
// counterexample is n = 2, a = (3, −1.5), β = −2 (count 1 < 12.25/11.25), so the bound throws for β < 0.
// The application (§6 F5) uses a_i = ⟨θ̂, z_i − µ⟩ and β = τn ≥ 0. A₁ and A₂ are summed in long double.
#include "theory/sco/counting.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

#include "sim/core/argument_error.h"

namespace memgen::theory {
namespace {

void CheckVector(const char* function, const Eigen::Ref<const Eigen::VectorXd>& a) {
  if (a.size() < 1) FailArgument(function, "a.size()", a.size(), ">= 1");
  for (Eigen::Index i = 0; i < a.size(); ++i)
    if (!std::isfinite(a[i])) FailArgument(function, "a[" + std::to_string(i) + "]", a[i], "finite");
}

}  // namespace

std::int64_t CountingLemmaCount(const Eigen::Ref<const Eigen::VectorXd>& a, double beta) {
  CheckVector("CountingLemmaCount", a);
  if (!std::isfinite(beta)) FailArgument("CountingLemmaCount", "beta", beta, "finite");
  const double threshold = beta / static_cast<double>(a.size());
  std::int64_t count = 0;
  for (Eigen::Index i = 0; i < a.size(); ++i)
    if (a[i] >= threshold) ++count;
  return count;
}

double CountingLemmaBound(const Eigen::Ref<const Eigen::VectorXd>& a, double beta) {
  CheckVector("CountingLemmaBound", a);
  if (!std::isfinite(beta)) FailArgument("CountingLemmaBound", "beta", beta, "finite");
  if (beta < 0.0) FailArgument("CountingLemmaBound", "beta", beta, ">= 0");  // the lemma fails for β < 0
  long double a1 = 0.0L, a2 = 0.0L;
  for (Eigen::Index i = 0; i < a.size(); ++i) {
    const long double v = a[i];
    a1 += v;
    a2 += v * v;
  }
  const long double excess = std::max(a1 - static_cast<long double>(beta), 0.0L);
  if (excess == 0.0L) return 0.0;  // also covers a = 0 (A₂ = 0 forces A₁ = 0 ≤ β)
  return static_cast<double>(excess * excess / a2);
}

}  // namespace memgen::theory
