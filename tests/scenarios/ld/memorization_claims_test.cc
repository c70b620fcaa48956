// Claims of scn_ld_memorization (scenarios/ld/perceptron_experiment.h, nearest_neighbour_experiment.h)
// at a small scale, and their negative controls:
//  - LD-PERC: the spec's two controls, N(0.3, 1) weights and an added N(0, 1) bias, claimed uniform,
//    fail with p < 1e-6; counting w·x ≥ 0 (t on {1, …, 2^n}) fails the uniform law and the bijection;
//    equal magnitudes (not generic) fail the bijection;
//  - LD-1NN: the majority of the two nearest labels with a tie to the smaller class (a biased
//    neighbour rule) fails the constant-η cells and the memorizer's fit; the second-nearest neighbour
//    ('nearest but one') has the 1-NN's error whenever labels do not depend on x, but does not
//    memorize: it fails LD-1NN.memorizer.fits; the binary formula 2ρ(1 − ρ) used for M = 10 fails the
//    constant-η cells.
#include <catch2/catch.hpp>

#include "support/claim_counts.h"

#include "scenarios/ld/nearest_neighbour_experiment.h"
#include "scenarios/ld/perceptron_experiment.h"

using namespace memgen;
using namespace memgen::scenarios;
using theory::Verdict;

namespace {

// At a test size of 1e-3 (the run's is smaller) these sizes decide the claims.
constexpr theory::TestSize kSize{1e-3};

PerceptronOptions SmallPerceptron() {
  PerceptronOptions o;
  o.dimensions = {5};
  o.controls = {};
  o.trials = 20;
  o.draws_per_trial = 1000;
  o.bijection_dimensions = {3, 4, 5, 6};
  o.magnitude_vectors = 5;
  return o;
}

std::vector<theory::Claim> PerceptronClaims(const PerceptronOptions& o) { return BuildPerceptronClaims(RunPerceptron(o, 7, test::TwoThreads()), kSize); }

double PValue(const std::vector<theory::Claim>& claims, const std::string& id) {
  for (const theory::Claim& c : claims)
    if (c.id() == id) return c.details.at("p_value").get<double>();
  return -1.0;
}

ConstantEtaOptions SmallConstantEta() {
  ConstantEtaOptions o;
  o.classes = {2, 10};
  o.rhos = {0.4};
  o.train_sizes = {10, 100};
  o.trials = 20;
  o.pairs_per_trial = 200;
  return o;
}

std::vector<theory::Claim> ConstantEtaClaims(const ConstantEtaOptions& o) {
  return BuildConstantEtaClaims(o, RunConstantEta(o, 7, test::TwoThreads()), kSize);
}

MemorizerOptions SmallMemorizer() {
  MemorizerOptions o;
  o.rhos = {0.2};
  o.train_size = 5000;
  o.test_size = 5000;
  o.trials = 6;
  return o;
}

std::vector<theory::Claim> MemorizerClaims(const MemorizerOptions& o) { return BuildMemorizerClaims(RunMemorizer(o, 7, test::TwoThreads()), kSize); }

}  // namespace

TEST_CASE("the random perceptron's count is uniform and the sign patterns are a bijection", "[unit]") {
  const auto claims = PerceptronClaims(SmallPerceptron());
  CHECK(test::CountClaims(claims, "LD-PERC.bijection", Verdict::kPass) == 4);
  CHECK(test::CountClaims(claims, "LD-PERC.uniform.gaussian.n5", Verdict::kPass) == 1);
}

TEST_CASE("other sign-symmetric laws give the uniform count too", "[unit]") {
  PerceptronOptions o = SmallPerceptron();
  o.laws = {sim::WeightLaw::kUniform, sim::WeightLaw::kLaplace};
  o.bijection_dimensions = {};
  const auto claims = PerceptronClaims(o);
  CHECK(test::CountClaims(claims, "LD-PERC.uniform", Verdict::kPass) == 2);
}

TEST_CASE("negative control: N(0.3, 1) weights are not uniform (p < 1e-6)", "[unit][control:LD-PERC]") {
  PerceptronOptions o = SmallPerceptron();
  o.laws = {sim::WeightLaw::kShifted};
  o.trials = 100;  // the spec's 1e5 draws
  const auto claims = PerceptronClaims(o);
  CHECK(test::CountClaims(claims, "LD-PERC.uniform.shifted.n5", Verdict::kFail) == 1);
  CHECK(PValue(claims, "LD-PERC.uniform.shifted.n5") < 1e-6);
}

TEST_CASE("negative control: a bias term breaks the uniform law (p < 1e-6)", "[unit][control:LD-PERC]") {
  PerceptronOptions o = SmallPerceptron();
  o.laws = {sim::WeightLaw::kBias};
  o.trials = 100;
  const auto claims = PerceptronClaims(o);
  CHECK(test::CountClaims(claims, "LD-PERC.uniform.bias.n5", Verdict::kFail) == 1);
  CHECK(PValue(claims, "LD-PERC.uniform.bias.n5") < 1e-6);
}

TEST_CASE("negative control: counting w.x >= 0 shifts t to {1, ..., 2^n}", "[unit][control:LD-PERC]") {
  PerceptronOptions o = SmallPerceptron();
  o.planted = PerceptronOptions::Planted::kAtLeastZero;
  const auto claims = PerceptronClaims(o);
  CHECK(test::CountClaims(claims, "LD-PERC.uniform.gaussian.n5", Verdict::kFail) == 1);
  CHECK(test::CountClaims(claims, "LD-PERC.bijection", Verdict::kFail) == 4);
}

TEST_CASE("negative control: equal magnitudes are not generic", "[unit][control:LD-PERC]") {
  PerceptronOptions o = SmallPerceptron();
  o.planted = PerceptronOptions::Planted::kEqualMagnitudes;
  CHECK(test::CountClaims(PerceptronClaims(o), "LD-PERC.bijection", Verdict::kFail) == 4);
}

TEST_CASE("1-NN: the constant-eta formula, the smooth limit and bounds, the memorizer", "[unit]") {
  CHECK(test::CountClaims(ConstantEtaClaims(SmallConstantEta()), "LD-1NN.constant_eta", Verdict::kPass) == 4);
  SmoothOptions s;
  s.train_size = 20000;
  s.test_size = 20000;
  s.trials = 10;
  const auto smooth = BuildSmoothClaims(RunSmooth(s, 7, test::TwoThreads()), kSize);
  CHECK(test::CountClaims(smooth, "LD-1NN.smooth", Verdict::kPass) == 3);
  const auto memorizer = MemorizerClaims(SmallMemorizer());
  CHECK(test::CountClaims(memorizer, "LD-1NN.memorizer", Verdict::kPass) == 3);
}

TEST_CASE("negative control: a 2-NN majority with ties to the smaller class is biased", "[unit][control:LD-1NN]") {
  ConstantEtaOptions o = SmallConstantEta();
  o.rule = NeighbourRule::kTwoNearestMajority;
  CHECK(test::CountClaims(ConstantEtaClaims(o), "LD-1NN.constant_eta", Verdict::kFail) == 4);
  MemorizerOptions m = SmallMemorizer();
  m.rule = NeighbourRule::kTwoNearestMajority;
  CHECK(test::CountClaims(MemorizerClaims(m), "LD-1NN.memorizer.fits", Verdict::kFail) == 1);
}

TEST_CASE("negative control: the nearest-but-one neighbour does not memorize", "[unit][control:LD-1NN]") {
  MemorizerOptions m = SmallMemorizer();
  m.rule = NeighbourRule::kNearestButOne;
  const auto claims = MemorizerClaims(m);
  CHECK(test::CountClaims(claims, "LD-1NN.memorizer.fits", Verdict::kFail) == 1);
  // Its test error is the 1-NN's in the limit (the second neighbour also converges to x): no other
  // claim can tell them apart, and none should fail.
  CHECK(test::CountClaims(claims, "LD-1NN.memorizer", Verdict::kFail) == 1);
}

TEST_CASE("negative control: the binary formula 2 rho (1 - rho) for ten classes", "[unit][control:LD-1NN]") {
  ConstantEtaOptions o = SmallConstantEta();
  o.planted_binary_formula = true;
  const auto claims = ConstantEtaClaims(o);
  CHECK(test::CountClaims(claims, "LD-1NN.constant_eta.M10", Verdict::kFail) == 2);
  CHECK(test::CountClaims(claims, "LD-1NN.constant_eta.M2", Verdict::kPass) == 2);  // the formula is right for M = 2
}
