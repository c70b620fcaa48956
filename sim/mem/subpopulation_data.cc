// Long-tailed synthetic data with Zipf subpopulation sizes (subpopulation_data.h; §7, §10).
#include "sim/mem/subpopulation_data.h"

#include "sim/core/check.h"
#include "sim/mem/long_tail_sample.h"
#include "sim/random/distributions.h"
#include "theory/mem/long_tail.h"

namespace memgen::sim {

SubpopulationDomain DrawDomain(const SubpopulationOptions& o, Rng& rng) {
  MEMGEN_CHECK(o.subpopulations >= 1 && o.classes >= 2 && o.dimension >= 1) << o.subpopulations << " " << o.classes;
  SubpopulationDomain d;
  d.frequency = theory::ZipfFrequencies(o.subpopulations, o.zipf_exponent);
  d.cumulative = CumulativeSums(d.frequency);
  d.centre.resize(o.subpopulations, o.dimension);
  FillNormal(rng, d.centre.data(), static_cast<std::size_t>(d.centre.size()));
  d.centre *= o.centre_sd;
  d.label.resize(static_cast<std::size_t>(o.subpopulations));
  for (int& y : d.label) y = UniformClassIndex(rng, o.classes);
  return d;
}

LabelledSample DrawSample(const SubpopulationDomain& domain, const SubpopulationOptions& o, std::int64_t samples, Rng& rng) {
  LabelledSample s;
  s.x.resize(samples, o.dimension);
  FillNormal(rng, s.x.data(), static_cast<std::size_t>(s.x.size()));
  s.x *= o.within_sd;
  for (std::int64_t i = 0; i < samples; ++i) {
    const std::int64_t k = DrawIndex(domain.cumulative, rng);
    s.x.row(i) += domain.centre.row(k);
    s.label.push_back(domain.label[static_cast<std::size_t>(k)]);
    s.subpop.push_back(k);
  }
  return s;
}

}  // namespace memgen::sim
