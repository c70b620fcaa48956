// Tests for sim/sco/bit_scores.h and sim/sco/learners.h against direct formulas.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

#include "sim/sco/bit_scores.h"
#include "sim/sco/learners.h"

using namespace memgen::sim;
using Catch::Matchers::WithinAbs;

namespace {

struct Data {
  std::int64_t n = 37, d = 200;
  CoinColumns cols;
  CoinMatrix train;
  std::vector<std::int32_t> counts;
  std::vector<double> mu;
  double X(std::int64_t r, std::int64_t k) const { return ((train.Row(r)[k >> 6] >> (k & 63)) & 1U) ? 1.0 : -1.0; }
};

Data MakeData() {
  Data data;
  std::vector<double> p(static_cast<std::size_t>(data.d));
  for (std::int64_t k = 0; k < data.d; ++k) p[k] = 0.4 * std::cos(0.3 * static_cast<double>(k));
  data.cols = MakeCoinColumns(p);
  data.train = DrawCoinMatrix(MakeBatchStream(9, 9, 0, 0), 0, data.n, data.cols, &data.counts);
  for (std::int64_t k = 0; k < data.d; ++k) data.mu.push_back(data.cols.mean[k] / std::sqrt(double(data.d)));
  return data;
}

}  // namespace

TEST_CASE("bit-row scores equal direct inner products", "[unit]") {
  const Data data = MakeData();
  WeightBank bank = MakeWeightBank(64 * data.cols.words);
  std::vector<double> w1(static_cast<std::size_t>(data.d)), w2(static_cast<std::size_t>(data.d));
  for (std::int64_t k = 0; k < data.d; ++k) {
    w1[k] = std::sin(double(k));
    w2[k] = 1.0 / (1.0 + k);
  }
  SetWeights(&bank, 0, w1);
  SetWeights(&bank, 3, w2);
  const std::vector<double> scores = ScoreRows(data.train, bank);
  for (std::int64_t r = 0; r < data.n; ++r) {
    double s1 = 0.0, s2 = 0.0, a1 = 0.0, a2 = 0.0;
    for (std::int64_t k = 0; k < data.d; ++k) {
      s1 += w1[k] * data.X(r, k);
      s2 += w2[k] * data.X(r, k);
      a1 += std::abs(w1[k] * data.X(r, k));
      a2 += std::abs(w2[k] * data.X(r, k));
    }
    // Two summation orders of the same d products: each within gamma_d sum|w_k x_k| (gamma_d <= 1.01 d u)
    // of the exact sum, so within twice that of each other.
    const double gamma = 1.01 * static_cast<double>(data.d) * std::numeric_limits<double>::epsilon() / 2.0;
    CHECK_THAT(scores[kScoreLanes * r + 0], WithinAbs(s1, 2.0 * gamma * a1));
    CHECK_THAT(scores[kScoreLanes * r + 3], WithinAbs(s2, 2.0 * gamma * a2));
    CHECK(scores[kScoreLanes * r + 5] == 0.0);
  }
}

TEST_CASE("projected SGD (last and average iterate) equals the step-by-step definition", "[unit]") {
  const Data data = MakeData();
  ScoLearnerOptions o;
  o.step = 0.3;
  Rng noise({1, 1, 1, 0});
  std::vector<double> theta(static_cast<std::size_t>(data.d), 0.0), sum(theta.size(), 0.0);
  for (std::int64_t r = 0; r < data.n; ++r) {
    double norm2 = 0.0;
    for (std::int64_t k = 0; k < data.d; ++k) {
      theta[k] += o.step * data.X(r, k) / std::sqrt(double(data.d));
      norm2 += theta[k] * theta[k];
    }
    if (norm2 > 1.0)
      for (double& v : theta) v /= std::sqrt(norm2);
    for (std::int64_t k = 0; k < data.d; ++k) sum[k] += theta[k] / double(data.n);
  }
  o.kind = ScoLearnerKind::kSgdGreedy;
  const ScoLearnerOutput last = RunScoLearner(o, data.train, data.counts, data.mu, data.d, noise);
  o.kind = ScoLearnerKind::kSgdAverage;
  const ScoLearnerOutput avg = RunScoLearner(o, data.train, data.counts, data.mu, data.d, noise);
  for (std::int64_t k = 0; k < data.d; ++k) {
    CHECK_THAT(last.theta[k], WithinAbs(theta[k], 1e-12));
    CHECK_THAT(avg.theta[k], WithinAbs(sum[k], 1e-12));
  }
}

TEST_CASE("ERM, subsample and CSL ERM are the closed forms of the sample mean", "[unit]") {
  const Data data = MakeData();
  Rng noise({1, 1, 1, 0});
  ScoLearnerOptions o;
  o.kind = ScoLearnerKind::kSubsample;
  o.fraction = 0.3;
  const ScoLearnerOutput sub = RunScoLearner(o, data.train, data.counts, data.mu, data.d, noise);
  const auto m = static_cast<std::int64_t>(std::ceil(0.3 * double(data.n)));
  CHECK(sub.used_rows == m);
  std::vector<double> mean(static_cast<std::size_t>(data.d), 0.0);
  double norm2 = 0.0;
  for (std::int64_t k = 0; k < data.d; ++k) {
    for (std::int64_t r = 0; r < m; ++r) mean[k] += data.X(r, k);
    norm2 += mean[k] * mean[k];
  }
  for (std::int64_t k = 0; k < data.d; ++k) CHECK_THAT(sub.theta[k], WithinAbs(mean[k] / std::sqrt(norm2), 1e-12));
  o.kind = ScoLearnerKind::kCslErm;
  const ScoLearnerOutput csl = RunScoLearner(o, data.train, data.counts, data.mu, data.d, noise);
  for (std::int64_t k = 0; k < data.d; ++k) {
    const double zbar = (2.0 * data.counts[k] - double(data.n)) / (double(data.n) * std::sqrt(double(data.d)));
    CHECK_THAT(csl.theta[k], WithinAbs(zbar, 1e-14));
    CHECK_THAT(csl.weight[k], WithinAbs(zbar - data.mu[k], 1e-14));
  }
}
