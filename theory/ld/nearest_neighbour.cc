// The 1-NN rule against the Bayes risk, see nearest_neighbour.h.
#include "theory/ld/nearest_neighbour.h"

#include <boost/math/distributions/normal.hpp>
#include <boost/math/quadrature/gauss_kronrod.hpp>

#include <cmath>
#include <limits>

#include "sim/core/check.h"

namespace memgen::theory {
namespace {

void CheckClasses(int classes, double rate) {
  MEMGEN_CHECK(classes >= 2) << "classes " << classes;
  MEMGEN_CHECK(rate >= 0.0 && rate <= 1.0) << "rate " << rate;
}

}  // namespace

double ConstantEtaNearestNeighbourRisk(int classes, double rho) {
  CheckClasses(classes, rho);
  return rho * (2.0 - classes * rho / (classes - 1.0));
}

double CoverHartBound(int classes, double bayes_risk) {
  CheckClasses(classes, bayes_risk);
  return bayes_risk * (2.0 - classes * bayes_risk / (classes - 1.0));
}

double BinaryCoverHartBound(double bayes_risk) { return CoverHartBound(2, bayes_risk); }

double MixtureBayesRisk(double separation) {
  MEMGEN_CHECK(separation >= 0.0) << "separation " << separation;
  return boost::math::cdf(boost::math::normal_distribution<double>(), -separation);
}

double MixtureNearestNeighbourLimit(double separation) {
  MEMGEN_CHECK(separation >= 0.0) << "separation " << separation;
  const double mu = separation;
  // φ(x − μ)(1 − η(x)) with 1 − η(x) = 1/(1 + e^{2μx}), written to stay finite for any x.
  const auto integrand = [mu](double x) {
    const double z = x - mu;
    const double density = std::exp(-0.5 * z * z) / std::sqrt(2.0 * M_PI);
    const double a = 2.0 * mu * x;
    const double one_minus_eta = a > 0.0 ? std::exp(-a) / (1.0 + std::exp(-a)) : 1.0 / (1.0 + std::exp(a));
    return density * one_minus_eta;
  };
  const double inf = std::numeric_limits<double>::infinity();
  double error = 0.0;
  const double value = boost::math::quadrature::gauss_kronrod<double, 61>::integrate(integrand, -inf, inf, 15, 1e-14, &error);
  MEMGEN_CHECK(error < 1e-10) << "quadrature error " << error;
  return value;
}

double MemorizerLimit(int classes, double rho, Corruption corruption) {
  CheckClasses(classes, rho);
  return corruption == Corruption::kAnyClass ? rho * (classes - 1.0) / classes : rho;
}

double MemorizerBoundaryFactor(int classes, double rho, Corruption corruption) {
  CheckClasses(classes, rho);
  return corruption == Corruption::kAnyClass ? 1.0 - rho : 1.0 - classes * rho / (classes - 1.0);
}

double MemorizerBoundaryBound(int classes, std::int64_t train_size) {
  MEMGEN_CHECK(classes >= 2 && train_size >= 1) << classes << " " << train_size;
  return 2.0 * (classes - 1.0) / (static_cast<double>(train_size) + 1.0);
}

}  // namespace memgen::theory
