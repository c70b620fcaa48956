// The exact law of a sum of binomial counts, see binomial_sum.h.
#include "theory/stats/binomial_sum.h"

#include <boost/math/distributions/binomial.hpp>

#include <algorithm>
#include <cmath>
#include <limits>

namespace memgen::theory {
namespace {

constexpr double kNegligible = 1e-18;

// One binomial pmf on [lo, hi], the range outside which each tail holds less than kNegligible.
void BinomialPmf(const BinomialPart& part, std::int64_t* lo, std::vector<double>* pmf) {
  pmf->clear();
  if (part.trials <= 0 || part.probability <= 0.0) {
    *lo = 0;
    pmf->push_back(1.0);
    return;
  }
  if (part.probability >= 1.0) {
    *lo = part.trials;
    pmf->push_back(1.0);
    return;
  }
  const boost::math::binomial law(static_cast<double>(part.trials), part.probability);
  const auto first = static_cast<std::int64_t>(boost::math::quantile(law, kNegligible));
  const auto last = static_cast<std::int64_t>(boost::math::quantile(boost::math::complement(law, kNegligible)));
  *lo = std::max<std::int64_t>(0, first);
  const std::int64_t hi = std::min<std::int64_t>(part.trials, std::max(last, *lo));
  for (std::int64_t k = *lo; k <= hi; ++k) pmf->push_back(boost::math::pdf(law, static_cast<double>(k)));
}

}  // namespace

BinomialSumLaw::BinomialSumLaw(const std::vector<BinomialPart>& parts) : pmf_{1.0} {
  std::vector<double> part_pmf, next;
  for (const BinomialPart& part : parts) {
    std::int64_t lo = 0;
    BinomialPmf(part, &lo, &part_pmf);
    next.assign(pmf_.size() + part_pmf.size() - 1, 0.0);
    for (std::size_t i = 0; i < pmf_.size(); ++i)
      for (std::size_t j = 0; j < part_pmf.size(); ++j) next[i + j] += pmf_[i] * part_pmf[j];
    pmf_.swap(next);
    offset_ += lo;
    mean_ += static_cast<double>(part.trials) * part.probability;
  }
}

double BinomialSumLaw::Cdf(std::int64_t k) const {
  if (k < offset_) return 0.0;
  const auto last = std::min<std::int64_t>(k - offset_, static_cast<std::int64_t>(pmf_.size()) - 1);
  double sum = 0.0;
  for (std::int64_t i = 0; i <= last; ++i) sum += pmf_[static_cast<std::size_t>(i)];
  return std::min(1.0, sum);
}

double BinomialSumLaw::Upper(std::int64_t k) const {
  if (k <= offset_) return 1.0;
  double sum = 0.0;
  for (auto i = static_cast<std::size_t>(std::max<std::int64_t>(0, k - offset_)); i < pmf_.size(); ++i) sum += pmf_[i];
  return std::min(1.0, sum);
}

std::int64_t BinomialSumLaw::Quantile(double q) const {
  double sum = 0.0;
  for (std::size_t i = 0; i < pmf_.size(); ++i) {
    sum += pmf_[i];
    if (sum >= q) return offset_ + static_cast<std::int64_t>(i);
  }
  return offset_ + static_cast<std::int64_t>(pmf_.size()) - 1;
}

double BinomialSumLaw::TwoSidedPValue(std::int64_t observed) const {
  return std::min(1.0, 2.0 * std::min(Cdf(observed), Upper(observed)));
}

double BinomialSumLaw::DetectableShift(double alpha) const {
  const auto end = offset_ + static_cast<std::int64_t>(pmf_.size());
  std::int64_t k_hi = Quantile(0.5);
  while (k_hi < end && Upper(k_hi) > 0.5 * alpha) ++k_hi;  // beyond the support: P = 0 ≤ α/2
  double shift = static_cast<double>(k_hi - Quantile(0.1));
  std::int64_t k_lo = Quantile(0.5);
  while (k_lo >= offset_ && Cdf(k_lo) > 0.5 * alpha) --k_lo;
  if (k_lo >= offset_) shift = std::min(shift, static_cast<double>(Quantile(0.9) - k_lo));
  return shift;
}

}  // namespace memgen::theory
