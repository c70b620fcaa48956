// A two-class regression sample with defects and repeated examples, see regression_sample.h.
#include "sim/mem/regression_sample.h"

#include "sim/core/check.h"

namespace memgen::sim {

const char* ExampleGroupName(ExampleGroup group) {
  switch (group) {
    case ExampleGroup::kClean: return "clean";
    case ExampleGroup::kNoisy: return "noisy";
    case ExampleGroup::kOutlier: return "outlier";
    case ExampleGroup::kRepeated: return "repeated";
  }
  return "?";
}

RegressionSample DrawRegressionSample(const RegressionSampleOptions& o, Rng& domain_rng, Rng& sample_rng) {
  MEMGEN_CHECK(o.data.classes == 2 && o.copies >= 1 && o.repeated >= 0) << o.data.classes << ", " << o.copies;
  const SubpopulationDomain domain = DrawDomain(o.data, domain_rng);
  LabelledSample s = DrawSample(domain, o.data, o.examples, sample_rng);
  const std::vector<PointGroup> planted = PlantDefects(s, o.defects, o.data.classes, sample_rng);
  RegressionSample r;
  std::vector<int> source;  // the sample row of every output row
  int still_to_repeat = o.repeated;
  for (std::int64_t i = 0; i < o.examples; ++i) {
    const auto g = static_cast<ExampleGroup>(planted[static_cast<std::size_t>(i)]);
    const bool repeat = g == ExampleGroup::kClean && still_to_repeat > 0;
    still_to_repeat -= repeat ? 1 : 0;
    r.group.push_back(repeat ? ExampleGroup::kRepeated : g);
    r.rows.emplace_back();
    for (int c = 0; c < (repeat ? o.copies : 1); ++c) {
      r.rows.back().push_back(static_cast<int>(source.size()));
      source.push_back(static_cast<int>(i));
    }
  }
  MEMGEN_CHECK(still_to_repeat == 0) << "fewer than " << o.repeated << " clean examples";
  const auto rows = static_cast<Eigen::Index>(source.size());
  r.x.resize(rows, s.x.cols());
  r.y.resize(rows);
  for (Eigen::Index j = 0; j < rows; ++j) {
    const auto i = static_cast<Eigen::Index>(source[static_cast<std::size_t>(j)]);
    r.x.row(j) = s.x.row(i);
    r.y(j) = s.label[static_cast<std::size_t>(i)] == 1 ? 1.0 : -1.0;
  }
  return r;
}

}  // namespace memgen::sim
