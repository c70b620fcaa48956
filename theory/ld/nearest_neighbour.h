// The 1-nearest-neighbour rule against its Bayes risk (Cover and Hart 1967; learning_dynamics.md §5).
// M classes, Bayes risk R*, η_k(x) = P(y = k | x).
//   constant η (every label correct with probability 1 − ρ, otherwise uniform over the other M − 1,
//   independently of x): the neighbour's label and the test label are i.i.d., so at every n ≥ 1
//       R_1NN(n) = 1 − (1 − ρ)² − ρ²/(M − 1) = ρ(2 − Mρ/(M − 1)),
//   which is the Cover–Hart bound at R* = ρ (for ρ ≤ (M − 1)/M);
//   Cover–Hart: R* ≤ R_∞ ≤ R*(2 − M R*/(M − 1)); binary (M = 2): 2R*(1 − R*);
//   the 1-D mixture N(±μ, 1) with equal priors: η(x) = 1/(1 + e^{−2μx}), R* = Φ(−μ) and
//       R_∞ = E[2η(1 − η)] = ∫ φ(x − μ)(1 − η(x)) dx      (f·η = φ(x − μ)/2), by Gauss–Kronrod;
//   the pure memorizer of a noiseless task (R* = 0) with training labels corrupted at rate ρ (§5 (d)):
//   uniformly over all M classes (pluskid's corruption) its clean-test error tends to ρ(M − 1)/M,
//   uniformly over the other M − 1 (always wrong) to ρ.
// Memorizer at finite n (docs/learning_dynamics.md): for x uniform on (0, 1) and the clean class
// ⌊Mx⌋, the error is the limit plus q_n times (1 − ρ) (any class) or (1 − Mρ/(M − 1)) (always
// wrong), where q_n, the probability that a test point's nearest training point lies in another
// class's interval, is at most 2(M − 1)/(n + 1).
#pragma once

#include <cstdint>

namespace memgen::theory {

double ConstantEtaNearestNeighbourRisk(int classes, double rho);
double CoverHartBound(int classes, double bayes_risk);  ///< R*(2 − M R*/(M − 1))
double BinaryCoverHartBound(double bayes_risk);         ///< 2R*(1 − R*)

double MixtureBayesRisk(double separation);                ///< Φ(−μ) for N(±μ, 1), equal priors
double MixtureNearestNeighbourLimit(double separation);    ///< E[2η(1 − η)], by quadrature

// How the training labels of the memorizer are corrupted (§5 (d)).
enum class Corruption {
  kAnyClass,    ///< with probability ρ a uniform class out of all M (may equal the clean one)
  kOtherClass,  ///< with probability ρ a uniform class out of the other M − 1 (always wrong)
};
double MemorizerLimit(int classes, double rho, Corruption corruption);  ///< ρ(M − 1)/M or ρ
// The factor of q_n in the finite-n clean-test error: (1 − ρ) or (1 − Mρ/(M − 1)).
double MemorizerBoundaryFactor(int classes, double rho, Corruption corruption);
// The bound 2(M − 1)/(n + 1) on q_n for x uniform on (0, 1) and M equal class intervals.
double MemorizerBoundaryBound(int classes, std::int64_t train_size);

}  // namespace memgen::theory
