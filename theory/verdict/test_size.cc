// Critical values of a test size, see test_size.h.
#include "theory/verdict/test_size.h"

#include <boost/math/distributions/normal.hpp>
#include <boost/math/distributions/students_t.hpp>

namespace memgen::theory {

double CriticalValue(TestSize size, std::size_t count, Tails tails) {
  const double tail = tails == Tails::kTwo ? 0.5 * size.rate : size.rate;
  if (count >= 2) {
    const boost::math::students_t t(static_cast<double>(count - 1));
    return boost::math::quantile(boost::math::complement(t, tail));
  }
  return boost::math::quantile(boost::math::complement(boost::math::normal(), tail));
}

double TailProbability(double z, std::size_t count, Tails tails) {
  double one = 0.0;
  if (count >= 2) {
    const boost::math::students_t t(static_cast<double>(count - 1));
    one = boost::math::cdf(boost::math::complement(t, z));
  } else {
    one = boost::math::cdf(boost::math::complement(boost::math::normal(), z));
  }
  return tails == Tails::kTwo ? 2.0 * one : one;
}

}  // namespace memgen::theory
