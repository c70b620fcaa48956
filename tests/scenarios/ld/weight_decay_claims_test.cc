// Claims of scn_ld_weight_decay (scenarios/ld/weight_decay_experiment.h) on a short version of the
// default cell (γ ∈ {0, 0.1, 0.3, 1, 3}: the lower branch is {0.1, 0.3, 1} below γ* = 3; the γ = 0 arm
// runs 2000 steps), and their negative controls:
//  - every run secretly trains without decay: t95_test does not depend on γ (slope 0), LD-G4.slope
//    and LD-G4.decay_helps fail;
//  - every run secretly trains with decay 1, the γ = 0 arm included: it generalizes, LD-G4.no_decay
//    fails;
//  - the learning rate grows with γ (× (1 + 10γ)): t95_train depends on γ, LD-G4.train_time_flat fails.
#include <catch2/catch.hpp>

#include "support/claim_counts.h"

#include "scenarios/ld/weight_decay_experiment.h"

using namespace memgen;
using namespace memgen::scenarios;
using theory::Verdict;

namespace {

WeightDecayCell Short() {
  WeightDecayCell c;
  c.name = "short";
  c.weight_decays = {0.0, 0.1, 0.3, 1.0, 3.0};
  c.budget = 25000;
  c.no_decay_budget = 2000;
  c.trials = 6;
  return c;
}

// At a test size of 1e-3 (the run's is smaller), six seeds decide every claim on this cell.
std::vector<theory::Claim> Claims(const WeightDecayCell& c) {
  return BuildWeightDecayClaims(RunWeightDecayCell(c, 11, test::TwoThreads()), theory::TestSize{1e-3});
}

}  // namespace

TEST_CASE("the weight-decay law holds on the short cell", "[unit]") {
  const auto claims = Claims(Short());
  CHECK(test::CountClaims(claims, "LD-G4", Verdict::kPass) == 4);
}

TEST_CASE("negative control: runs that secretly never decay fail the law", "[unit][control:LD-G4]") {
  WeightDecayCell c = Short();
  c.planted_decay = 0.0;
  c.budget = c.no_decay_budget = 500;
  c.trials = 3;
  const auto claims = Claims(c);
  CHECK(test::CountClaims(claims, "LD-G4.decay_helps", Verdict::kFail) == 1);
}

TEST_CASE("negative control: a decaying no-decay arm generalizes", "[unit][control:LD-G4]") {
  WeightDecayCell c = Short();
  c.planted_decay = 1.0;
  c.trials = 3;
  const auto claims = Claims(c);
  CHECK(test::CountClaims(claims, "LD-G4.no_decay", Verdict::kFail) == 1);
  CHECK(test::CountClaims(claims, "LD-G4.decay_helps", Verdict::kFail) == 1);
}

TEST_CASE("negative control: a learning rate that scales with the decay fails the flat fitting time", "[unit][control:LD-G4]") {
  WeightDecayCell c = Short();
  c.planted_rate_scales_with_decay = true;
  // Sized by the rule's power: on six seeds the planted CV (about 0.37 against the level 0.2) lies within
  // the AT MOST rule's detectable deviation (t₅ at 1e-3 is 5.9 SE), so the claim can only be INCONCLUSIVE;
  // twelve seeds halve the SE's weight (t₁₁ = 4.0, SE / √2).
  c.trials = 12;
  const auto claims = Claims(c);
  CHECK(test::CountClaims(claims, "LD-G4.train_time_flat", Verdict::kFail) == 1);
}
