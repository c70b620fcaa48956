// Sampling the discrete long-tail model; memorizer and non-memorizer errors (long_tail_sample.h; §7).
#include "sim/mem/long_tail_sample.h"

#include <algorithm>

#include "sim/core/check.h"
#include "sim/random/distributions.h"

namespace memgen::sim {

std::vector<double> CumulativeSums(const std::vector<double>& f) {
  std::vector<double> c(f.size());
  double s = 0.0;
  for (std::size_t k = 0; k < f.size(); ++k) c[k] = (s += f[k]);
  return c;
}

std::int64_t DrawIndex(const std::vector<double>& cumulative, Rng& rng) {
  MEMGEN_CHECK(!cumulative.empty()) << "empty distribution";
  const double u = Uniform01(rng) * cumulative.back();
  const auto it = std::lower_bound(cumulative.begin(), cumulative.end(), u);
  return std::min<std::int64_t>(it - cumulative.begin(), static_cast<std::int64_t>(cumulative.size()) - 1);
}

int UniformClassIndex(Rng& rng, int classes) {
  MEMGEN_CHECK(classes >= 1) << classes;
  return static_cast<int>(UniformIndexBelow(rng, static_cast<std::uint64_t>(classes)));
}

std::vector<std::int64_t> SampleCounts(const std::vector<double>& cumulative, std::int64_t samples, Rng& rng) {
  std::vector<std::int64_t> counts(cumulative.size(), 0);
  for (std::int64_t s = 0; s < samples; ++s) ++counts[static_cast<std::size_t>(DrawIndex(cumulative, rng))];
  return counts;
}

LevelStats CollectLevel(const std::vector<double>& f, const std::vector<std::int64_t>& counts, std::int64_t level) {
  MEMGEN_CHECK(f.size() == counts.size()) << f.size() << " vs " << counts.size();
  LevelStats s;
  for (std::size_t k = 0; k < f.size(); ++k)
    if (counts[k] == level) { ++s.count; s.mass += f[k]; }
  return s;
}

MemorizerErrors CompareMemorizers(const std::vector<double>& f, const std::vector<std::int64_t>& counts, int classes, Rng& rng, std::int64_t guess_below) {
  MEMGEN_CHECK(f.size() == counts.size() && classes >= 2) << f.size() << " " << classes;
  MemorizerErrors e;
  for (std::size_t k = 0; k < f.size(); ++k) {
    const int label = UniformClassIndex(rng, classes);
    const bool guess_wrong = UniformClassIndex(rng, classes) != label;
    if (counts[k] == 0 && guess_wrong) e.memorizer += f[k];
    if (counts[k] < guess_below && guess_wrong) e.non_memorizer += f[k];
  }
  return e;
}

}  // namespace memgen::sim
