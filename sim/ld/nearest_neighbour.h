// 1-nearest neighbour in one dimension and the label-noise models of learning_dynamics.md §5.
//
// Order of neighbours (the tie rule): by distance |x_i − q|; at equal distance the smaller x_i (the
// left neighbour of a query exactly midway); at equal x_i the smaller training index. NearestNeighbour1d
// sorts the training inputs once (std::sort of (x_i, i), O(n log n)) and answers a query by binary
// search (std::lower_bound, O(log n)) and a walk outwards; NearestByScan gives the same answers by a
// linear scan, for a single query against a fresh training set (O(n), no sort).
//
// Labels: classes 0 … M − 1.
//   constant η (kOtherClass): the label is the clean class with probability 1 − ρ, otherwise uniform
//   over the other M − 1 classes (always wrong);
//   pluskid's corruption (kAnyClass): with probability ρ a uniform class out of all M (it may equal
//   the clean one), as `pluskid/fitting-random-labels` does;
//   the two-Gaussian mixture: y = ±1 with equal priors (class 1 for +1, 0 for −1), x = yμ + N(0, 1).
#pragma once

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

#include "sim/random/rng.h"

namespace memgen::sim {

class NearestNeighbour1d {
 public:
  explicit NearestNeighbour1d(const std::vector<double>& x);

  std::size_t size() const { return sorted_.size(); }
  // The training index of the query's nearest neighbour (n ≥ 1).
  std::size_t Nearest(double query) const;
  // The k nearest training indices, nearest first (k ≤ n).
  std::vector<std::size_t> Neighbours(double query, std::size_t k) const;
  // The training indices whose input equals another training point's (their own nearest neighbour is
  // not unique); in increasing order.
  std::vector<std::size_t> Duplicates() const;

 private:
  std::vector<std::pair<double, std::size_t>> sorted_;  ///< (x_i, i), increasing
};

// The nearest of `x` to `query` by the same rule, by a linear scan.
std::size_t NearestByScan(const std::vector<double>& x, double query);
// The k nearest by the same rule, nearest first, by a linear scan (k ≤ x.size(), small k).
std::vector<std::size_t> NeighboursByScan(const std::vector<double>& x, double query, std::size_t k);

enum class LabelNoise {
  kOtherClass,  ///< constant η: with probability ρ uniform over the other M − 1 classes
  kAnyClass,    ///< pluskid: with probability ρ uniform over all M classes
};
// A noisy label of a point whose clean class is `clean`: one Bernoulli(ρ) draw, then (if it fires)
// one uniform class.
int NoisyLabel(int clean, int classes, double rho, LabelNoise noise, Rng& rng);

struct MixturePoint {
  double x = 0.0;
  int label = 0;  ///< 1 for the component at +μ, 0 for −μ
};
MixturePoint DrawTwoGaussians(double separation, Rng& rng);

}  // namespace memgen::sim
