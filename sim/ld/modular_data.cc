// Modular-addition data, see modular_data.h.
#include "sim/ld/modular_data.h"

#include <cmath>
#include <numeric>
#include <utility>

#include "sim/core/check.h"
#include "sim/random/distributions.h"

namespace memgen::sim {
namespace {

void Append(int p, int index, ModularData* d) {
  const int n = index / p, m = index % p;
  d->first.push_back(n);
  d->second.push_back(m);
  d->label.push_back((n + m) % p);
}

}  // namespace

ModularData AllModularPairs(int p) {
  MEMGEN_CHECK(p >= 2) << p;
  ModularData d;
  d.p = p;
  for (int i = 0; i < p * p; ++i) Append(p, i, &d);
  return d;
}

ModularSplit SplitModularAddition(int p, double train_fraction, Rng& rng) {
  MEMGEN_CHECK(p >= 2 && train_fraction > 0.0 && train_fraction < 1.0) << p << " " << train_fraction;
  std::vector<int> order(static_cast<std::size_t>(p * p));
  std::iota(order.begin(), order.end(), 0);
  for (std::size_t i = order.size() - 1; i > 0; --i) {
    auto j = static_cast<std::size_t>(Uniform01(rng) * static_cast<double>(i + 1));
    if (j > i) j = i;  // Uniform01 may return 1
    std::swap(order[i], order[j]);
  }
  const auto train_size = static_cast<std::size_t>(std::floor(train_fraction * static_cast<double>(order.size())));
  ModularSplit s;
  s.train.p = s.test.p = p;
  for (std::size_t i = 0; i < order.size(); ++i) Append(p, order[i], i < train_size ? &s.train : &s.test);
  return s;
}

}  // namespace memgen::sim
