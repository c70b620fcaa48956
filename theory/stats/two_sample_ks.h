// The two-sample Kolmogorov–Smirnov test (Smirnov 1939): for samples a (size n) and b (size m) with
// empirical distribution functions F_a, F_b,
//   D = sup_t |F_a(t) − F_b(t)|,    p = P(D' ≥ D) under H0: a and b come from one continuous law.
// The exact null law counts the C(n + m, n) equally likely interleavings of the two sorted samples
// whose path (i, j) stays inside |i/n − j/m| < D (Hodges 1957, lattice paths); it is used while the
// count fits a double (n + m ≤ 1000). Beyond that the asymptotic law
//   p ≈ Q_KS(λ) = 2 Σ_{k≥1} (−1)^{k−1} e^{−2k²λ²},  λ = (√N_e + 0.12 + 0.11/√N_e) D,  N_e = nm/(n + m)
// (Kolmogorov 1933; the finite-size correction of Stephens 1970) is used.
#pragma once

#include <vector>

namespace memgen::theory {

struct TwoSampleKs {
  double statistic = 0.0;  ///< D
  double p_value = 1.0;
};

// D alone.
double TwoSampleKsStatistic(std::vector<double> a, std::vector<double> b);

// Ties between the samples are allowed (D is then computed at each distinct value); the p-value
// assumes a continuous law.
TwoSampleKs TwoSampleKsTest(std::vector<double> a, std::vector<double> b);

// P(D' ≥ d) under H0, exact for n + m ≤ 1000, asymptotic beyond.
double TwoSampleKsPValue(double d, int n, int m);

// For two samples of size n each: the smallest attainable distance j/n whose p-value is at most
// `level` (p decreases in D), less 1e-9, so that a computed D < it means "indistinguishable at that
// level" even when D = i/n − k/n rounds just below (i − k)/n; 2 if no distance rejects.
double TwoSampleKsCriticalDistance(int n, double level);

}  // namespace memgen::theory
