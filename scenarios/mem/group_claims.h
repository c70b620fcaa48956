// The group claims of the §9 unlearning experiments (learning_dynamics.md §9 (a); the essay's reading
// of Baluta et al. 2024), shared by the ridge and logistic models. Per data set the experiment gives
// the group means of ln P (the privacy loss or score) and of the unlearning steps; over the data sets:
//   <family>.outlier, .noisy     mean ln P of the group above the clean examples'        PAIRED ORDER
//   <family>.repeated            steps of repeated examples above clean ones'             PAIRED ORDER
//   <family>.essay_outlier       steps of outliers below clean ones' (expected REFUTED)    PAIRED ORDER
//   <family>.essay_repeated      steps of outliers below repeated ones' (expected REFUTED;
//                                only when `against_repeated`)                             PAIRED ORDER
#pragma once

#include <array>
#include <string>
#include <vector>

#include "scenarios/mem/example_groups.h"
#include "theory/verdict/claim.h"
#include "theory/verdict/test_size.h"

namespace memgen::scenarios {

struct GroupMeans {
  std::array<double, kExampleGroups> log_privacy{}, steps{};  ///< per sim::ExampleGroup (NaN when empty)
};

struct GroupClaimText {
  std::string family;            ///< "UNL-GROUP", "UNL-LOGIT"
  std::string loss;              ///< "privacy loss", "privacy score"
  std::string steps;             ///< e.g. "exact unlearning steps k*"
  std::string refutation;        ///< why the essay's "outliers are easier" is expected refuted
  bool against_repeated = false;
  std::string repeated_refutation;
};

void AddGroupClaims(const std::vector<GroupMeans>& trials, const GroupClaimText& text, const std::string& where, theory::TestSize size,
                    std::vector<theory::Claim>* out);

}  // namespace memgen::scenarios
