// CMI estimators and bounds, and the DP quantities of the traceability dichotomy
// (sco_traceability.md §3, §7, §8.6).
//   h_b(p) = −p log p − (1 − p) log(1 − p)                       (nats; bits = nats / ln 2)
//   Fano:  CMI ≥ n [log 2 − h_b(min(P̄_e, ½))]                      (nats; bits: n [1 − h_b,bits(·)])
//   CLB generalisation (Haghifam et al. ALT 2023):  gen ≤ L R √(8 CMI / n),  CMI in nats
//   Gaussian mechanism:  σ = Δ₂ √(2 ln(1.25/δ)) / ε_DP,  0 < ε_DP < 1,  δ ∈ (0, 1)
//   DP cap (VHADLR25 Prop A.5):  m/n ≤ e^ε ξ + δ
#pragma once

#include <cstdint>

namespace memgen::theory {

// Binary entropy of p ∈ [0, 1]; h_b(0) = h_b(1) = 0, h_b(½) = ln 2 nats = 1 bit.
double BinaryEntropyNats(double p);
double BinaryEntropyBits(double p);

// Fano lower bound on CMI from n decoded membership bits with average error rate P̄_e ∈ [0, 1]:
// n [log 2 − h_b(min(P̄_e, ½))]. Ranges from n log 2 (P̄_e = 0) down to 0 (P̄_e ≥ ½).
double FanoCmiLowerBoundNats(std::int64_t n, double error_rate);
double FanoCmiLowerBoundBits(std::int64_t n, double error_rate);

// CLB generalisation bound L R √(8 CMI / n) for L, R ≥ 0, CMI ≥ 0 in nats and n ≥ 1.
double ClbGeneralisationBound(double lipschitz, double radius, double cmi_nats, std::int64_t n);

// Classical Gaussian-mechanism noise scale σ = Δ₂ √(2 ln(1.25/δ)) / ε_DP, for ℓ₂ sensitivity Δ₂ ≥ 0,
// 0 < ε_DP < 1 and δ ∈ (0, 1): the comparison for the analytic calibration the learners use
// (gaussian_mechanism.h), which holds for every ε > 0 and is never larger.
double GaussianMechanismSigma(double l2_sensitivity, double epsilon_dp, double delta);

// Cap on the traced fraction m/n of an (ε, δ)-DP learner against any tracer with per-point
// false-positive rate ξ: e^ε ξ + δ (ε ≥ 0, δ ∈ [0, 1], ξ ∈ [0, 1]). Not clipped at 1.
double DpTracingCap(double epsilon_dp, double delta, double xi);

}  // namespace memgen::theory
