// Gaussian-mixture data with fixed label corruption, see label_noise_data.h.
#include "sim/ld/label_noise_data.h"

#include "sim/core/check.h"
#include "sim/random/distributions.h"

namespace memgen::sim {
namespace {

int UniformClass(Rng& rng, int classes) { return static_cast<int>(Uniform01(rng) * classes) % classes; }

}  // namespace

RowMatrix DrawClassMeans(const MixtureOptions& o, Rng& rng) {
  MEMGEN_CHECK(o.classes >= 2 && o.dimension >= 1) << o.classes << " " << o.dimension;
  RowMatrix means(o.classes, o.dimension);
  FillNormal(rng, means.data(), static_cast<std::size_t>(means.size()));
  return means * o.mean_sd;
}

LabelledData DrawMixture(const MixtureOptions& o, const RowMatrix& means, int samples, Rng& rng) {
  LabelledData d;
  d.x.resize(samples, o.dimension);
  FillNormal(rng, d.x.data(), static_cast<std::size_t>(d.x.size()));
  for (int i = 0; i < samples; ++i) {
    d.label.push_back(UniformClass(rng, o.classes));
    d.x.row(i) += means.row(d.label.back());
    d.u.push_back(Uniform01(rng));
    d.random.push_back(UniformClass(rng, o.classes));
  }
  return d;
}

std::vector<int> CorruptLabels(const LabelledData& d, double rho) {
  std::vector<int> labels(d.label.size());
  for (std::size_t i = 0; i < labels.size(); ++i) labels[i] = d.u[i] <= rho ? d.random[i] : d.label[i];
  return labels;
}

}  // namespace memgen::sim
