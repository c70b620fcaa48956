// Feldman's long-tail model: τ_ℓ, level counts and masses in log space (see long_tail.h; §7).
#include "theory/mem/long_tail.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace memgen::theory {
namespace {

void CheckArguments(const std::vector<double>& f, std::int64_t n, std::int64_t level) {
  if (f.empty()) throw std::invalid_argument("long tail: empty frequency list");
  if (n < 1 || level < 0 || level > n) throw std::invalid_argument("long tail: need n >= 1 and 0 <= level <= n");
  for (double p : f)
    if (!(p > 0.0 && p < 1.0)) throw std::invalid_argument("long tail: frequencies must lie in (0, 1)");
}

// log Σ_k p_k^a (1 − p_k)^b, by a max-shifted sum.
double LogMoment(const std::vector<double>& f, double a, double b) {
  std::vector<double> terms(f.size());
  for (std::size_t k = 0; k < f.size(); ++k) terms[k] = a * std::log(f[k]) + b * std::log1p(-f[k]);
  const double top = *std::max_element(terms.begin(), terms.end());
  double sum = 0.0;
  for (double t : terms) sum += std::exp(t - top);
  return top + std::log(sum);
}

double LogChoose(std::int64_t n, std::int64_t k) {
  return std::lgamma(n + 1.0) - std::lgamma(k + 1.0) - std::lgamma(static_cast<double>(n - k) + 1.0);
}

}  // namespace

std::vector<double> ZipfFrequencies(std::int64_t domain_size, double exponent) {
  if (domain_size < 1 || !(exponent >= 0.0) || !std::isfinite(exponent))
    throw std::invalid_argument("ZipfFrequencies: need N >= 1 and a finite exponent >= 0");
  std::vector<double> p(static_cast<std::size_t>(domain_size));
  double total = 0.0;
  for (std::int64_t k = domain_size; k >= 1; --k) {  // smallest first: a more accurate sum
    p[static_cast<std::size_t>(k - 1)] = std::pow(static_cast<double>(k), -exponent);
    total += p[static_cast<std::size_t>(k - 1)];
  }
  for (double& v : p) v /= total;
  return p;
}

double Tau(const std::vector<double>& f, std::int64_t n, std::int64_t level) {
  CheckArguments(f, n, level);
  const double l = static_cast<double>(level);
  const double rest = static_cast<double>(n - level);
  return std::exp(LogMoment(f, l + 1.0, rest) - LogMoment(f, l, rest));
}

double ExpectedLevelCount(const std::vector<double>& f, std::int64_t n, std::int64_t level) {
  CheckArguments(f, n, level);
  return std::exp(LogChoose(n, level) + LogMoment(f, static_cast<double>(level), static_cast<double>(n - level)));
}

double ExpectedLevelMass(const std::vector<double>& f, std::int64_t n, std::int64_t level) {
  CheckArguments(f, n, level);
  return std::exp(LogChoose(n, level) + LogMoment(f, static_cast<double>(level) + 1.0, static_cast<double>(n - level)));
}

double GuessingCost(double mass, int classes) {
  if (classes < 2) throw std::invalid_argument("GuessingCost: need m >= 2 classes");
  return mass * (1.0 - 1.0 / classes);
}

LongTailSummary SummariseLongTail(const std::vector<double>& f, std::int64_t n, int classes) {
  LongTailSummary s;
  for (int l = 0; l < 4; ++l) s.tau[l] = l <= n ? Tau(f, n, l) : std::numeric_limits<double>::quiet_NaN();
  s.expected_singletons = ExpectedLevelCount(f, n, 1);
  s.singleton_fraction = s.expected_singletons / static_cast<double>(n);
  s.singleton_mass = ExpectedLevelMass(f, n, 1);
  s.unseen_mass = ExpectedLevelMass(f, n, 0);
  s.cost_of_not_memorizing = GuessingCost(s.singleton_mass, classes);
  s.tau_bound = GuessingCost(s.tau[1] * s.expected_singletons, classes);
  s.optimal_error = GuessingCost(s.unseen_mass, classes);
  return s;
}

}  // namespace memgen::theory
