// Claims of scn_ld_grokking at p = 23 (scenarios/ld/gromov_experiment.h, grokking_experiment.h) and
// their negative controls: every output phase shifted by π/2 (eq. 12 broken by a constant) fails
// LD-G1.accuracy; a run with 10 % of the data claimed to generalize fails LD-G2.generalizes and, with
// no Fourier structure to find, LD-G5.ipr_final; a patience as long as the budget never stops early, so
// the paired accuracy cost is exactly 0 and LD-TRAP fails.
#include <catch2/catch.hpp>

#include <cmath>

#include "support/claim_counts.h"

#include "scenarios/ld/gromov_experiment.h"
#include "scenarios/ld/grokking_experiment.h"

using namespace memgen;
using namespace memgen::scenarios;
using theory::Verdict;

namespace {

GrokkingCell Small() {
  GrokkingCell c;
  c.name = "small";
  c.p = 23;
  c.neurons = 100;
  c.steps = 300;
  c.trials = 6;
  return c;
}

std::vector<theory::Claim> Claims(const GrokkingCell& c) { return BuildGrokkingClaims({RunGrokkingCell(c, 5, test::TwoThreads())}); }

std::vector<theory::Claim> GromovClaims(double shift) {
  GromovCell c;
  c.trials = 4;
  c.planted_phase_shift = shift;
  return BuildGromovClaims({RunGromovCell(c, 5, test::TwoThreads())});
}

}  // namespace

TEST_CASE("the analytic solution classifies every sum", "[unit]") {
  const auto claims = GromovClaims(0.0);
  CHECK(test::CountClaims(claims, "LD-G1", Verdict::kPass) == 3);
}

TEST_CASE("negative control: output phases shifted by pi/2 fail the analytic solution", "[unit][control:LD-G1]") {
  const auto claims = GromovClaims(M_PI / 2);
  CHECK(test::CountClaims(claims, "LD-G1.accuracy", Verdict::kFail) == 1);
  CHECK(test::CountClaims(claims, "LD-G1.peak", Verdict::kFail) == 1);
}

TEST_CASE("a small modulus groks: memorization first, the trap, the IPR", "[unit][stat]") {
  const auto claims = Claims(Small());
  CHECK(test::CountClaims(claims, "LD", Verdict::kFail) == 0);
  CHECK(test::CountClaims(claims, "LD-G2.memorize_first", Verdict::kPass) == 1);
  CHECK(test::CountClaims(claims, "LD-G2.generalizes", Verdict::kPass) == 1);
  CHECK(test::CountClaims(claims, "LD-TRAP", Verdict::kPass) == 2);
  CHECK(test::CountClaims(claims, "LD-G5.ipr_final", Verdict::kPass) == 1);
}

TEST_CASE("negative control: 10 % of the data claimed to generalize", "[unit][control:LD-G2]") {
  GrokkingCell c = Small();
  c.train_fraction = 0.1;
  CHECK(test::CountClaims(Claims(c), "LD-G2.generalizes", Verdict::kFail) == 1);
}

TEST_CASE("negative control: no Fourier structure without generalization", "[unit][stat][control:LD-G5]") {
  GrokkingCell c = Small();
  c.train_fraction = 0.1;
  CHECK(test::CountClaims(Claims(c), "LD-G5.ipr_final", Verdict::kFail) == 1);
}

TEST_CASE("negative control: a patience as long as the budget never stops early", "[unit][control:LD-TRAP]") {
  GrokkingCell c = Small();
  c.patience = {c.steps};
  CHECK(test::CountClaims(Claims(c), "LD-TRAP", Verdict::kFail) == 1);
}
