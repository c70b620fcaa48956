// Long-tailed synthetic data with Zipf subpopulation sizes (subpopulation_data.h; §7, §10).
#include "sim/mem/subpopulation_data.h"

#include "sim/core/check.h"
#include "sim/mem/long_tail_sample.h"
#include "sim/random/distributions.h"
#include "theory/mem/long_tail.h"

namespace memgen::sim {
namespace {

// c_k += μ_{f(k)}, μ_y ∼ N(0, σ_μ² I_d), drawn class by class.
void AddClassMeans(SubpopulationDomain& d, const SubpopulationOptions& o, Rng& rng) {
  RowMatrix mean(o.classes, o.dimension);
  FillNormal(rng, mean.data(), static_cast<std::size_t>(mean.size()));
  mean *= o.class_mean_sd;
  for (Eigen::Index k = 0; k < d.centre.rows(); ++k) d.centre.row(k) += mean.row(d.label[static_cast<std::size_t>(k)]);
}

}  // namespace

SubpopulationDomain DrawDomain(const SubpopulationOptions& o, Rng& rng) {
  MEMGEN_CHECK(o.subpopulations >= 1 && o.classes >= 2 && o.dimension >= 1 && o.class_mean_sd >= 0.0)
      << o.subpopulations << " " << o.classes << " " << o.class_mean_sd;
  SubpopulationDomain d;
  d.frequency = theory::ZipfFrequencies(o.subpopulations, o.zipf_exponent);
  d.cumulative = CumulativeSums(d.frequency);
  d.centre.resize(o.subpopulations, o.dimension);
  FillNormal(rng, d.centre.data(), static_cast<std::size_t>(d.centre.size()));
  d.centre *= o.centre_sd;
  d.label.resize(static_cast<std::size_t>(o.subpopulations));
  for (int& y : d.label) y = UniformClassIndex(rng, o.classes);
  if (o.class_mean_sd > 0.0) AddClassMeans(d, o, rng);
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
