// 1-NN in one dimension and the label-noise models, see nearest_neighbour.h.
#include "sim/ld/nearest_neighbour.h"

#include <algorithm>
#include <cmath>

#include "sim/core/check.h"
#include "sim/random/distributions.h"

namespace memgen::sim {
namespace {

// Whether training point (xa, a) comes before (xb, b) for `query`: distance, then x, then index.
bool Before(double query, double xa, std::size_t a, double xb, std::size_t b) {
  const double da = std::fabs(xa - query), db = std::fabs(xb - query);
  if (da != db) return da < db;
  if (xa != xb) return xa < xb;
  return a < b;
}

int UniformClass(Rng& rng, int classes) { return static_cast<int>(Uniform01(rng) * classes) % classes; }

}  // namespace

NearestNeighbour1d::NearestNeighbour1d(const std::vector<double>& x) {
  MEMGEN_CHECK(!x.empty()) << "1-NN needs a training point";
  sorted_.reserve(x.size());
  for (std::size_t i = 0; i < x.size(); ++i) {
    MEMGEN_CHECK(std::isfinite(x[i])) << "training input " << i << " = " << x[i];
    sorted_.emplace_back(x[i], i);
  }
  std::sort(sorted_.begin(), sorted_.end());
}

std::size_t NearestNeighbour1d::Nearest(double query) const {
  // right: the first point with x ≥ query (among equal x, the smallest index);
  // left: the first point of the run of equal x just below the query.
  const auto right = std::lower_bound(sorted_.begin(), sorted_.end(), std::make_pair(query, std::size_t{0}));
  if (right == sorted_.begin()) return right->second;
  const double left_x = std::prev(right)->first;
  const auto left = std::lower_bound(sorted_.begin(), right, std::make_pair(left_x, std::size_t{0}));
  if (right == sorted_.end()) return left->second;
  return Before(query, left->first, left->second, right->first, right->second) ? left->second : right->second;
}

std::vector<std::size_t> NearestNeighbour1d::Neighbours(double query, std::size_t k) const {
  MEMGEN_CHECK(k <= sorted_.size()) << k << " neighbours of " << sorted_.size();
  using Iterator = std::vector<std::pair<double, std::size_t>>::const_iterator;
  Iterator right = std::lower_bound(sorted_.begin(), sorted_.end(), std::make_pair(query, std::size_t{0}));
  Iterator left_end = right;              // the left side is [begin, left_end), walked run by run
  Iterator run = left_end, run_end = left_end;  // the pending run of equal x on the left, in index order
  std::vector<std::size_t> out;
  while (out.size() < k) {
    if (run == run_end && left_end != sorted_.begin()) {
      run_end = left_end;
      run = std::lower_bound(sorted_.begin(), left_end, std::make_pair(std::prev(left_end)->first, std::size_t{0}));
      left_end = run;
    }
    const bool has_left = run != run_end, has_right = right != sorted_.end();
    if (has_left && (!has_right || Before(query, run->first, run->second, right->first, right->second))) {
      out.push_back(run->second);
      ++run;
    } else {
      out.push_back(right->second);
      ++right;
    }
  }
  return out;
}

std::vector<std::size_t> NearestNeighbour1d::Duplicates() const {
  std::vector<std::size_t> out;
  for (std::size_t j = 0; j < sorted_.size(); ++j) {
    const bool same_before = j > 0 && sorted_[j - 1].first == sorted_[j].first;
    const bool same_after = j + 1 < sorted_.size() && sorted_[j + 1].first == sorted_[j].first;
    if (same_before || same_after) out.push_back(sorted_[j].second);
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::size_t NearestByScan(const std::vector<double>& x, double query) {
  MEMGEN_CHECK(!x.empty()) << "1-NN needs a training point";
  std::size_t best = 0;
  for (std::size_t i = 1; i < x.size(); ++i)
    if (Before(query, x[i], i, x[best], best)) best = i;
  return best;
}

std::vector<std::size_t> NeighboursByScan(const std::vector<double>& x, double query, std::size_t k) {
  MEMGEN_CHECK(k <= x.size()) << k << " neighbours of " << x.size();
  std::vector<std::size_t> best;  // sorted, at most k
  for (std::size_t i = 0; i < x.size(); ++i) {
    auto at = best.begin();
    while (at != best.end() && Before(query, x[*at], *at, x[i], i)) ++at;
    if (static_cast<std::size_t>(at - best.begin()) >= k) continue;
    best.insert(at, i);
    if (best.size() > k) best.pop_back();
  }
  return best;
}

int NoisyLabel(int clean, int classes, double rho, LabelNoise noise, Rng& rng) {
  MEMGEN_CHECK(classes >= 2 && clean >= 0 && clean < classes) << clean << " of " << classes;
  if (!Bernoulli(rng, rho)) return clean;
  if (noise == LabelNoise::kAnyClass) return UniformClass(rng, classes);
  const int other = UniformClass(rng, classes - 1);  // 0 … M − 2, skipping the clean class
  return other < clean ? other : other + 1;
}

MixturePoint DrawTwoGaussians(double separation, Rng& rng) {
  MixturePoint p;
  p.label = Rademacher(rng) > 0.0 ? 1 : 0;
  p.x = (p.label == 1 ? separation : -separation) + Normal(rng);
  return p;
}

}  // namespace memgen::sim
