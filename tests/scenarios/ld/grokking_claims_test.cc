// Claims of scn_ld_grokking at p = 23 (scenarios/ld/gromov_experiment.h, grokking_experiment.h) and
// their negative controls: every output phase shifted by π/2 (eq. 12 broken by a constant) fails
// LD-G1.accuracy; a run with 10 % of the data claimed to generalize fails LD-G2.generalizes and, with
// no Fourier structure to find, LD-G5.ipr_final; a patience as long as the budget never stops early, so
// the paired accuracy cost is exactly 0 and LD-TRAP fails; a "regularizer" that changes nothing (dropout
// 0 against its own baseline) ties in every seed and fails LD-G2.regularizer_helps.
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

namespace {

// A cell of a series whose seeds fit at step 100 and generalize at 100·delay (+ a little jitter).
GrokkingResult PlantedCell(double fraction, double delay) {
  GrokkingResult r;
  r.cell.name = "planted" + std::to_string(static_cast<int>(fraction * 100));
  r.cell.series = "planted";
  r.cell.train_fraction = fraction;
  for (int seed = 0; seed < 8; ++seed) {
    GrokkingTrial t;
    t.memorized = 100;
    t.generalized = static_cast<std::int64_t>(100 * delay) + seed % 3;
    for (int step = 0; step <= 300; ++step) {  // curves consistent with M and N_g, for the per-cell claims
      t.train_accuracy.push_back(step >= t.memorized ? 1.0 : 0.5);
      t.test_accuracy.push_back(step >= t.generalized ? 1.0 : 0.0);
      t.train_loss.push_back(0.0);
      t.test_loss.push_back(0.0);
      t.ipr.push_back(0.04 + 0.003 * step);
    }
    t.stops = {{1, 0.0}, {1, 0.0}};
    r.trials.push_back(t);
  }
  return r;
}

}  // namespace

TEST_CASE("negative control: a delay that grows with the training fraction fails the trend", "[unit][control:LD-G3]") {
  const auto claims = BuildGrokkingClaims({PlantedCell(0.5, 1.2), PlantedCell(0.9, 2.0)});
  CHECK(test::CountClaims(claims, "LD-G3.delay_trend.planted", Verdict::kFail) == 1);
}

namespace {

// A cell paired with `baseline` (its seeds' splits and initialisations), short and cheap.
GrokkingCell Paired(const std::string& name, const std::string& baseline, double dropout) {
  GrokkingCell c = Small();
  c.name = name;
  c.baseline = baseline;
  c.dropout = dropout;
  c.adamw.weight_decay = 0.0;
  return c;
}

std::vector<theory::Claim> RegularizerClaims(double dropout, std::int64_t steps, std::int64_t trials) {
  GrokkingCell base = Paired("base", "", 0.0), thinned = Paired("thinned", "base", dropout);
  base.steps = thinned.steps = steps;
  base.trials = thinned.trials = trials;
  return BuildGrokkingClaims({RunGrokkingCell(base, 5, test::TwoThreads()), RunGrokkingCell(thinned, 5, test::TwoThreads())});
}

}  // namespace

TEST_CASE("a paired cell shares its baseline's split and initialisation", "[unit]") {
  GrokkingCell base = Paired("base", "", 0.0), twin = Paired("twin", "base", 0.0);
  base.steps = twin.steps = 5;
  const GrokkingTrial a = RunGrokkingTrial(base, 5, 1), b = RunGrokkingTrial(twin, 5, 1);
  CHECK(a.test_loss == b.test_loss);
  CHECK(a.train_loss == b.train_loss);
}

TEST_CASE("negative control: a 'regularizer' that changes nothing does not help", "[unit][control:LD-G2]") {
  // dropout 0: the cell is its baseline, N_g is the same in every seed (a deterministic tie)
  CHECK(test::CountClaims(RegularizerClaims(0.0, 60, 3), "LD-G2.regularizer_helps", Verdict::kFail) == 1);
}
