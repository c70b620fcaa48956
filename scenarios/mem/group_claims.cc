// The group claims of the §9 unlearning experiments, see group_claims.h.
#include "scenarios/mem/group_claims.h"

#include "theory/stats/sample_stats.h"
#include "theory/verdict/verdict_rules.h"

namespace memgen::scenarios {
namespace {

constexpr auto kClean = static_cast<std::size_t>(sim::ExampleGroup::kClean), kNoisy = static_cast<std::size_t>(sim::ExampleGroup::kNoisy),
               kOutlier = static_cast<std::size_t>(sim::ExampleGroup::kOutlier), kRepeated = static_cast<std::size_t>(sim::ExampleGroup::kRepeated);

template <typename Get>
theory::MeanSe Over(const std::vector<GroupMeans>& trials, Get get) {
  std::vector<double> v;
  for (const GroupMeans& g : trials)
    if (const double x = get(g); std::isfinite(x)) v.push_back(x);
  return theory::Summarize(v);
}

// a − b of the loss or of the steps, per data set.
theory::MeanSe LossGap(const std::vector<GroupMeans>& t, std::size_t a, std::size_t b) {
  return Over(t, [=](const GroupMeans& g) { return g.log_privacy[a] - g.log_privacy[b]; });
}
theory::MeanSe StepGap(const std::vector<GroupMeans>& t, std::size_t a, std::size_t b) {
  return Over(t, [=](const GroupMeans& g) { return g.steps[a] - g.steps[b]; });
}

}  // namespace

void AddGroupClaims(const std::vector<GroupMeans>& t, const GroupClaimText& text, const std::string& where, theory::TestSize size,
                    std::vector<theory::Claim>* out) {
  const std::string& f = text.family;
  const std::string src = "Sepahvand et al. (2025); learning_dynamics.md §9 (a) [reconstructed]";
  const std::string essay = "the essay's reading of Baluta et al. (2024); learning_dynamics.md §9 [reconstructed]";
  out->push_back(theory::PairedOrderingClaim(
      theory::ClaimHeader(f + ".outlier", "outliers have a larger " + text.loss + " than clean examples: mean ln P, paired per data set" + where, src),
      LossGap(t, kClean, kOutlier), size));
  out->push_back(theory::PairedOrderingClaim(
      theory::ClaimHeader(f + ".noisy", "mislabeled examples have a larger " + text.loss + " than clean ones: mean ln P, paired per data set" + where, src),
      LossGap(t, kClean, kNoisy), size));
  out->push_back(theory::PairedOrderingClaim(
      theory::ClaimHeader(f + ".repeated", "repeated examples (every copy removed) need more " + text.steps + " than clean ones, paired per data set" + where, essay),
      StepGap(t, kClean, kRepeated), size));
  out->push_back(theory::PairedOrderingClaim(
      theory::ClaimHeader(f + ".essay_outlier", "outliers are easier to unlearn than in-distribution examples: fewer " + text.steps +
                                                    " than clean ones, paired per data set; expected refuted: " + text.refutation + where, essay)
          .ExpectRefuted(),
      StepGap(t, kOutlier, kClean), size));
  if (text.against_repeated)
    out->push_back(theory::PairedOrderingClaim(
        theory::ClaimHeader(f + ".essay_repeated", "outliers are easier to unlearn than repeated examples: fewer " + text.steps +
                                                       " than repeated ones (every copy removed), paired per data set; expected refuted: " +
                                                       text.repeated_refutation + where, essay)
            .ExpectRefuted(),
        StepGap(t, kOutlier, kRepeated), size));
  std::string means = "mean " + text.steps + ":";
  for (std::size_t g = 0; g < kExampleGroups; ++g)
    means += std::string(g ? ", " : " ") + sim::ExampleGroupName(static_cast<sim::ExampleGroup>(g)) + " " +
             theory::Num(Over(t, [=](const GroupMeans& m) { return m.steps[g]; }).mean);
  out->back().AddNote(means);
}

}  // namespace memgen::scenarios
