// Claims of scn_ld_random_labels (scenarios/ld/random_labels_experiment.h) on a small mixture
// (300 points, 64 units, ρ ∈ {0, 0.2, 1}) and their negative controls:
//  - corrupted labels that are the true class shifted by one (a relabelling, not a randomization): the
//    network learns the shifted map and is wrong on clean labels, LD-RL.chance fails;
//  - corruption never applied: ρ = 1 trains on the true labels, ties ρ = 0 in every seed, and
//    LD-RL.random_slower fails;
//  - one hidden unit cannot memorize random labels: LD-RL.fits_all fails.
#include <catch2/catch.hpp>

#include "support/claim_counts.h"

#include "scenarios/ld/random_labels_experiment.h"

using namespace memgen;
using namespace memgen::scenarios;
using theory::Verdict;

namespace {

RandomLabelCell Small() {
  RandomLabelCell c;
  c.name = "small";
  c.train_size = 300;
  c.test_size = 1000;
  c.width = 64;
  c.rhos = {0.0, 0.2, 1.0};
  c.budget = 3000;
  c.trials = 8;
  return c;
}

// At a test size of 1e-3 (the run's is smaller), eight seeds decide these claims.
std::vector<theory::Claim> Claims(const RandomLabelCell& c) {
  return BuildRandomLabelClaims(RunRandomLabelCell(c, 3, test::TwoThreads()), theory::TestSize{1e-3});
}

}  // namespace

TEST_CASE("random labels are fitted, later, and predict at chance", "[unit]") {
  const auto claims = Claims(Small());
  CHECK(test::CountClaims(claims, "LD-RL.fits_all", Verdict::kPass) == 1);
  CHECK(test::CountClaims(claims, "LD-RL.chance", Verdict::kPass) == 1);
  CHECK(test::CountClaims(claims, "LD-RL.random_slower", Verdict::kPass) == 1);
  CHECK(test::CountClaims(claims, "LD-RL", Verdict::kFail) == 0);
}

TEST_CASE("negative control: relabelled classes are not random labels", "[unit][control:LD-RL]") {
  RandomLabelCell c = Small();
  c.planted = RandomLabelCell::Planted::kShifted;
  CHECK(test::CountClaims(Claims(c), "LD-RL.chance", Verdict::kFail) == 1);
}

TEST_CASE("negative control: labels never corrupted fit as fast at rho = 1", "[unit][control:LD-RL]") {
  RandomLabelCell c = Small();
  c.planted = RandomLabelCell::Planted::kUnchanged;
  c.trials = 3;
  CHECK(test::CountClaims(Claims(c), "LD-RL.random_slower", Verdict::kFail) == 1);
}

TEST_CASE("negative control: one hidden unit cannot memorize random labels", "[unit][control:LD-RL]") {
  RandomLabelCell c = Small();
  c.width = 1;
  c.budget = 300;
  c.trials = 2;
  CHECK(test::CountClaims(Claims(c), "LD-RL.fits_all", Verdict::kFail) == 1);
}
