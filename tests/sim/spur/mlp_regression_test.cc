// Tests for sim/spur/mlp_regression.h: the hand-written gradient against finite differences and a
// direct forward pass, Adam on a small problem, determinism, the training inputs, and validation.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include "sim/core/config_error.h"
#include "sim/random/distributions.h"
#include "sim/spur/mlp_regression.h"
#include "support/tolerances.h"

using namespace memgen::sim;
using memgen::test::kZ;

namespace {

constexpr double kU = std::numeric_limits<double>::epsilon() / 2;  // unit roundoff 2⁻⁵³

// z-score of a mean square s² = (1/N) Σ e_i² of N i.i.d. N(0, σ²) draws: N s²/σ² ~ χ²_N exactly, and
// by Wilson–Hilferty (s²/σ²)^{1/3} ≈ N(1 − 2/(9N), 2/(9N)) (accurate to ~1e-3 in the tails' z at
// N ≥ 600, unlike the plain normal approximation, which misses the χ² skewness).
double ChiSquareZ(double mean_square, double sigma, double count) {
  const double v = 2.0 / (9.0 * count);
  return (std::cbrt(mean_square / (sigma * sigma)) - (1.0 - v)) / std::sqrt(v);
}

double Target(double x) { return std::tanh(x) + 0.5 * std::tanh(-5.0 * x); }

// The MSE from the documented flat layout [W1 (column-major), b1, W2 (column-major), b2, w3, b3],
// one point at a time with std::tanh.
double DirectMse(const Eigen::VectorXd& p, std::int64_t d, std::int64_t h, const Eigen::MatrixXd& x,
                 const Eigen::VectorXd& y) {
  const double* w1 = p.data();
  const double* b1 = w1 + h * d;
  const double* w2 = b1 + h;
  const double* b2 = w2 + h * h;
  const double* w3 = b2 + h;
  const double b3 = w3[h];
  double sum = 0.0;
  for (Eigen::Index i = 0; i < x.rows(); ++i) {
    std::vector<double> a1(static_cast<std::size_t>(h)), a2(static_cast<std::size_t>(h));
    for (std::int64_t r = 0; r < h; ++r) {
      double z = b1[r];
      for (std::int64_t c = 0; c < d; ++c) z += w1[c * h + r] * x(i, c);
      a1[static_cast<std::size_t>(r)] = std::tanh(z);
    }
    for (std::int64_t r = 0; r < h; ++r) {
      double z = b2[r];
      for (std::int64_t c = 0; c < h; ++c) z += w2[c * h + r] * a1[static_cast<std::size_t>(c)];
      a2[static_cast<std::size_t>(r)] = std::tanh(z);
    }
    double out = b3;
    for (std::int64_t r = 0; r < h; ++r) out += w3[r] * a2[static_cast<std::size_t>(r)];
    sum += (out - y[i]) * (out - y[i]);
  }
  return sum / static_cast<double>(x.rows());
}

MlpRegressionOptions SmallOptions() {
  MlpRegressionOptions options;
  options.hidden = 16;
  options.target_mse = 1e-4;
  options.max_steps = 20000;
  return options;
}

}  // namespace

TEST_CASE("TanhMlp: gradient equals central finite differences, loss equals a direct forward pass", "[unit]") {
  const std::int64_t noise_dims = 2, d = 1 + noise_dims, h = 5, n = 4;
  Rng rng({2026, 71, 0, 0});
  TanhMlp net(d, h);
  REQUIRE(net.parameter_count() == h * (d + h + 3) + 1);
  net.InitialiseLikePyTorch(rng);
  Eigen::MatrixXd x(n, d);
  Eigen::VectorXd y(n);
  FillNormal(rng, x.data(), static_cast<std::size_t>(n * d));
  FillNormal(rng, y.data(), static_cast<std::size_t>(n));

  Eigen::VectorXd gradient;
  const double loss = net.LossAndGradient(x, y, gradient);
  REQUIRE(gradient.size() == net.parameter_count());
  CHECK(std::abs(loss - DirectMse(net.parameters(), d, h, x, y)) <= 1e-14 * loss);
  CHECK(std::abs(loss - (net.Predict(x) - y).squaredNorm() / double(n)) <= 1e-14 * loss);

  // Central differences D(h) with step h = 1e-5, checked against an error bound, not a tolerance:
  //   truncation: D(h) - L' = h^2 L'''/6 + O(h^4) and D(2h) - D(h) = 3 h^2 L'''/6 + O(h^4), so
  //     |D(2h) - D(h)| bounds the truncation error of D(h) three times over (Richardson);
  //   rounding: each loss is evaluated to relative error <= 64u (a forward pass of ~20 flops per output,
  //     squared and summed over n = 4 points: gamma_44 <= 64u), so D(h) and D(2h) carry at most
  //     64u|L|/h and 64u|L|/(2h).
  const double step = 1e-5;
  const double u = std::numeric_limits<double>::epsilon() / 2.0;
  const auto loss_at = [&](Eigen::Index k, double value) {
    Eigen::VectorXd scratch;
    const double saved = net.parameters()[k];
    net.mutable_parameters()[k] = value;
    const double l = net.LossAndGradient(x, y, scratch);
    net.mutable_parameters()[k] = saved;
    return l;
  };
  double worst = 0.0;  // max |D(h) - analytic| / bound
  for (Eigen::Index k = 0; k < net.parameter_count(); ++k) {
    const double p = net.parameters()[k];
    const double d1 = (loss_at(k, p + step) - loss_at(k, p - step)) / (2.0 * step);
    const double d2 = (loss_at(k, p + 2.0 * step) - loss_at(k, p - 2.0 * step)) / (4.0 * step);
    const double rounding = 64.0 * u * loss / step;
    const double bound = std::abs(d2 - d1) + 2.0 * rounding;
    worst = std::max(worst, std::abs(d1 - gradient[k]) / bound);
  }
  INFO("worst gradient error in units of its bound " << worst);
  CHECK(worst <= 1.0);
  CHECK(gradient.cwiseAbs().minCoeff() > 0.0);  // every parameter is reached by the backward pass
}

TEST_CASE("TanhMlp: PyTorch-style initialisation within U(±1/sqrt(fan_in))", "[unit]") {
  const std::int64_t d = 31, h = 40;
  Rng rng({2026, 72, 0, 0});
  TanhMlp net(d, h);
  net.InitialiseLikePyTorch(rng);
  const Eigen::VectorXd& p = net.parameters();
  const auto check_block = [&p](Eigen::Index start, Eigen::Index size, double fan_in) {
    const double bound = 1.0 / std::sqrt(fan_in);
    const Eigen::VectorXd block = p.segment(start, size);
    CHECK(block.cwiseAbs().maxCoeff() <= bound);
    if (size >= 40) {
      // P(max |u_i| ≤ q·bound) = q^size for U(±bound): q = (5.7e-7)^{1/size} has the kZ false-failure
      // rate (q ≈ 0.70 for the 41-entry block); catches a scale too small by ≥ 1/0.7 (e.g. 1/fan_in).
      CHECK(block.cwiseAbs().maxCoeff() > std::pow(5.7e-7, 1.0 / double(size)) * bound);
      // The mean of U(±bound) draws has SE bound/√(3·size): kZ = 5 SE (≈ 5.7e-7 false failures).
      CHECK(std::abs(block.mean()) < kZ * bound / std::sqrt(3.0 * double(size)));
    }
  };
  check_block(0, h * d + h, double(d));                    // W1, b1
  check_block(h * (d + 1), h * h + h, double(h));          // W2, b2
  check_block(h * (d + h + 2), h + 1, double(h));          // w3, b3
}

TEST_CASE("RunMlpRegression: Adam on a small network reaches the target with a decreasing loss", "[unit]") {
  Rng rng({2026, 73, 0, 0});
  const MlpRegressionResult result = RunMlpRegression(SmallOptions(), rng);
  INFO("steps " << result.steps << ", final MSE " << result.final_mse);
  REQUIRE(result.reached_target);
  CHECK(result.steps < SmallOptions().max_steps);
  CHECK(result.mse_history_stride == 1);
  REQUIRE(result.mse_history.size() == static_cast<std::size_t>(result.steps));
  CHECK(result.mse_history.back() < 1e-4);
  CHECK(result.final_mse < 2e-4);
  CHECK(result.mse_history.front() > 1e-2);
  // Essentially decreasing: over 8 consecutive blocks of steps, the mean log-loss drops from block to
  // block, and no loss after the first block exceeds the first one.
  const std::size_t blocks = 8, size = result.mse_history.size() / blocks;
  REQUIRE(size >= 10);
  double previous = std::numeric_limits<double>::infinity();
  for (std::size_t b = 0; b < blocks; ++b) {
    double mean_log = 0.0;
    for (std::size_t i = b * size; i < (b + 1) * size; ++i) mean_log += std::log(result.mse_history[i]);
    mean_log /= double(size);
    INFO("block " << b << ": mean log-loss " << mean_log);
    CHECK(mean_log < previous);
    previous = mean_log;
  }
  CHECK(*std::max_element(result.mse_history.begin() + std::ptrdiff_t(size), result.mse_history.end()) <
        result.mse_history.front());
  // The reported errors are the sup and RMS of g([x*, 0]) − f over |x*| ≤ 1.2.
  double sup = 0.0, sum = 0.0;
  int count = 0;
  for (Eigen::Index i = 0; i < result.sweep_x.size(); ++i) {
    if (std::abs(result.sweep_x[i]) > 1.2) continue;
    const double e = std::abs(result.sweep_prediction[i] - Target(result.sweep_x[i]));
    sup = std::max(sup, e);
    sum += e * e;
    ++count;
  }
  CHECK(count == 800);
  // Both routes evaluate the same formula on the same g; f and e = |g − f| take ≤ 3 roundings each
  // (FMA contraction may differ), so each e is within 2·3u(|f| + e) ≤ 6u(1.5 + sup) of the other.
  const double e_tol = 6.0 * kU * (1.5 + sup);
  CHECK(std::abs(result.sup_error - sup) <= e_tol);
  // Two sums of 800 squares, each within γ_800 of exact (Higham Lemma 3.1), plus /800 and √ (2u), plus
  // the per-term difference e_tol.
  const double l2 = std::sqrt(sum / count), gamma = 801.0 * kU / (1.0 - 801.0 * kU);
  CHECK(std::abs(result.l2_error - l2) <= (gamma + 2.0 * kU) * l2 + e_tol);
}

TEST_CASE("RunMlpRegression: bit-identical for the same seed, seed-paired across noise levels", "[unit]") {
  MlpRegressionOptions options = SmallOptions();
  options.max_steps = 300;
  Rng rng_a({2026, 74, 5, 0}), rng_b({2026, 74, 5, 0}), rng_c({2026, 74, 6, 0});
  const MlpRegressionResult a = RunMlpRegression(options, rng_a);
  const MlpRegressionResult b = RunMlpRegression(options, rng_b);
  const MlpRegressionResult c = RunMlpRegression(options, rng_c);
  CHECK(a.steps == 300);
  CHECK(a.sweep_prediction == b.sweep_prediction);
  CHECK(a.train_inputs == b.train_inputs);
  CHECK(a.train_y == b.train_y);
  CHECK(a.mse_history == b.mse_history);
  CHECK(a.final_mse == b.final_mse);
  CHECK(a.sweep_prediction != c.sweep_prediction);
  CHECK(a.train_y != c.train_y);

  // Labels first, then ε, then the weights: the same seed gives the same labels, ε ∝ σ_ε, and the
  // same initial network (seen through max_steps = 0) at every σ_ε.
  options.max_steps = 0;
  options.input_noise = 1e-3;
  Rng rng_1({2026, 74, 7, 0}), rng_2({2026, 74, 7, 0}), rng_0({2026, 74, 7, 0});
  const MlpRegressionResult one = RunMlpRegression(options, rng_1);
  options.input_noise = 2e-3;
  const MlpRegressionResult two = RunMlpRegression(options, rng_2);
  options.input_noise = 0.0;
  const MlpRegressionResult zero = RunMlpRegression(options, rng_0);
  CHECK(one.steps == 0);
  CHECK(one.mse_history.empty());
  CHECK(one.train_y == two.train_y);
  CHECK(one.train_y == zero.train_y);
  CHECK(two.train_inputs.rightCols(30) == 2.0 * one.train_inputs.rightCols(30));
  CHECK(zero.train_inputs.rightCols(30).isZero(0.0));
  CHECK(one.sweep_prediction == zero.sweep_prediction);  // same weights, same inputs [x*, 0]
}

TEST_CASE("RunMlpRegression: training inputs, sweep and noise only on the training points", "[unit]") {
  MlpRegressionOptions options = SmallOptions();
  options.max_steps = 0;
  options.input_noise = 0.5;
  Rng rng({2026, 75, 0, 0});
  const MlpRegressionResult r = RunMlpRegression(options, rng);

  // The sweep: torch.linspace(−1.5, 1.5, 1000), symmetric, with both ends.
  REQUIRE(r.sweep_x.size() == 1000);
  CHECK(r.sweep_x[0] == -1.5);
  CHECK(r.sweep_x[999] == 1.5);
  for (Eigen::Index i = 0; i < 1000; ++i) {
    CHECK(r.sweep_x[i] == -r.sweep_x[999 - i]);
    // Each route (1.5 ∓ step·j, and −1.5 + 3i/999) rounds ≤ 3 times on values ≤ 3: ≤ 4.5u each.
    CHECK(std::abs(r.sweep_x[i] - (-1.5 + 3.0 * double(i) / 999.0)) <= 9.0 * kU);
  }
  // np.linspace(0, 999, 20).astype(int).
  const std::vector<std::int64_t> expected = {0,   52,  105, 157, 210, 262, 315, 368, 420, 473,
                                              525, 578, 630, 683, 736, 788, 841, 893, 946, 999};
  CHECK(r.train_indices == expected);
  REQUIRE(r.train_inputs.rows() == 20);
  REQUIRE(r.train_inputs.cols() == 31);
  for (std::size_t i = 0; i < 20; ++i) {
    CHECK(r.train_x[Eigen::Index(i)] == r.sweep_x[expected[i]]);
    CHECK(r.train_inputs(Eigen::Index(i), 0) == r.train_x[Eigen::Index(i)]);
  }
  // ε: σ_ε N(0, I_30) on the training points. Exactly: the stream's second bulk fill (600 normals, after
  // the 20 label normals), point after point, times σ_ε (one correctly rounded product, so equality).
  const Eigen::MatrixXd eps = r.train_inputs.rightCols(30);
  {
    Rng replay({2026, 75, 0, 0});
    std::vector<double> labels(20), draws(600);
    FillNormal(replay, labels.data(), labels.size());
    FillNormal(replay, draws.data(), draws.size());
    for (Eigen::Index i = 0; i < 20; ++i)
      for (Eigen::Index k = 0; k < 30; ++k) CHECK(eps(i, k) == 0.5 * draws[std::size_t(30 * i + k)]);
  }
  // And in distribution: the mean square of the 600 values is σ_ε² within kZ = 5 Wilson–Hilferty SE of
  // the χ²_600 law (≈ 5.7e-7 false failures); catches σ_ε applied wrongly (σ_ε², σ_ε/√2: z = 11 here;
  // scale errors ≳ 25% in general).
  CHECK(std::abs(ChiSquareZ(eps.squaredNorm() / double(eps.size()), 0.5, double(eps.size()))) <= kZ);
  // The mean of 600 N(0, σ_ε²) has SE σ_ε/√600: kZ = 5 SE (≈ 5.7e-7 false failures).
  CHECK(std::abs(eps.mean()) < kZ * 0.5 / std::sqrt(600.0));
  CHECK(eps.cwiseAbs().minCoeff() > 0.0);
  // The curve is g([x*, 0]): at the training x* it differs from g([x*, ε]) when σ_ε > 0 ...
  double largest = 0.0;
  for (std::size_t i = 0; i < 20; ++i)
    largest = std::max(largest, std::abs(r.sweep_prediction[expected[i]] - r.train_prediction[Eigen::Index(i)]));
  CHECK(largest > 1e-3);
  // ... and equals it when σ_ε = 0.
  options.input_noise = 0.0;
  Rng rng_0({2026, 75, 0, 0});
  const MlpRegressionResult r0 = RunMlpRegression(options, rng_0);
  for (std::size_t i = 0; i < 20; ++i)
    CHECK(r0.sweep_prediction[expected[i]] == Approx(r0.train_prediction[Eigen::Index(i)]).margin(1e-13));

  // Labels: f + label_noise·N(0, 1); with n = N = 2000 the residual mean square is 0.08² within kZ = 5
  // Wilson–Hilferty SE of χ²_2000 / 2000 (≈ 5.7e-7 false failures): catches a wrong label-noise scale
  // (0.08², √2·0.08, no noise; scale errors ≳ 13% in general, a 9% one gives z = 6.9 here). The residual's own rounding, ≤ 2u(|f| + |y|) ≈ 1e-15,
  // is negligible against the SE (0.08²·√(2/2000) ≈ 2e-4).
  options.sweep_points = 2000;
  options.train_points = 2000;
  Rng rng_l({2026, 75, 1, 0});
  const MlpRegressionResult big = RunMlpRegression(options, rng_l);
  for (Eigen::Index i = 0; i < 2000; ++i) REQUIRE(big.train_indices[std::size_t(i)] == i);
  const Eigen::VectorXd residual = big.train_y - big.train_x.unaryExpr(&Target);
  CHECK(std::abs(ChiSquareZ(residual.squaredNorm() / 2000.0, 0.08, 2000.0)) <= kZ);
}

TEST_CASE("MlpRegressionOptions::Validate rejects bad options", "[unit]") {
  const MlpRegressionOptions good;
  CHECK_NOTHROW(good.Validate("mlp"));
  const auto rejects = [](MlpRegressionOptions options, const std::string& field) {
    try {
      options.Validate("mlp");
    } catch (const memgen::ConfigError& error) {
      return error.field() == "mlp." + field;
    }
    return false;
  };
  MlpRegressionOptions o;
  o = good; o.hidden = 0;                   CHECK(rejects(o, "hidden"));
  o = good; o.input_noise = -1e-4;          CHECK(rejects(o, "input_noise"));
  o = good; o.label_noise = -0.1;           CHECK(rejects(o, "label_noise"));
  o = good; o.label_noise = std::nan("");   CHECK(rejects(o, "label_noise"));
  o = good; o.sweep_points = 2;             CHECK(rejects(o, "sweep_points"));
  o = good; o.train_points = 0;             CHECK(rejects(o, "train_points"));
  o = good; o.train_points = 1001;          CHECK(rejects(o, "train_points"));
  o = good; o.noise_dims = -1;              CHECK(rejects(o, "noise_dims"));
  o = good; o.learning_rate = 0.0;          CHECK(rejects(o, "learning_rate"));
  o = good; o.target_mse = -1.0;            CHECK(rejects(o, "target_mse"));
  o = good; o.max_steps = -1;               CHECK(rejects(o, "max_steps"));
  o = good; o.hidden = 0;
  Rng rng({1, 2, 3, 4});
  CHECK_THROWS_AS(RunMlpRegression(o, rng), memgen::ConfigError);
  o = good; o.noise_dims = 0; o.train_points = 1; o.hidden = 3; o.max_steps = 5;  // edge cases are fine
  CHECK_NOTHROW(o.Validate("mlp"));
  const MlpRegressionResult edge = RunMlpRegression(o, rng);
  CHECK(edge.steps == 5);
  CHECK(edge.train_inputs.cols() == 1);
  CHECK(edge.train_indices == std::vector<std::int64_t>{0});
}
