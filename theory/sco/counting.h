// The counting lemma of the tracing proofs (sco_traceability.md §6; VHADLR25 Lemma A.11 = ADHLR24
// Lemma A.4). For a ∈ R^n with A₁ = Σ_i a_i and A₂ = Σ_i a_i², and β ≥ 0:
//   |{i : a_i ≥ β/n}| ≥ (max{A₁ − β, 0})² / A₂.
// The quoted statement says "for every β ∈ R", but it fails for β < 0 (n = 2, a = (3, −1.5), β = −2:
// count 1 < 12.25/11.25), so the bound rejects β < 0.
#pragma once

#include <cstdint>

#include <Eigen/Core>

namespace memgen::theory {

// |{i : a_i ≥ β/n}| with n = a.size() ≥ 1; defined for every finite β (including β < 0).
std::int64_t CountingLemmaCount(const Eigen::Ref<const Eigen::VectorXd>& a, double beta);

// (max{A₁ − β, 0})² / A₂ for finite a with n ≥ 1 and finite β ≥ 0 (throws std::invalid_argument
// otherwise). Returns 0 when A₁ ≤ β (including a = 0).
double CountingLemmaBound(const Eigen::Ref<const Eigen::VectorXd>& a, double beta);

}  // namespace memgen::theory
