// The Figure-1 experiment, see spur_figure1.h.
#include "scenarios/spur/figure1_experiment.h"

#include <Eigen/Core>

#include <algorithm>
#include <cmath>

#include "sim/core/config_error.h"
#include "sim/random/distributions.h"
#include "sim/random/stream_tag.h"
#include "sim/spur/logistic_gd.h"
#include "sim/spur/mat_shift.h"
#include "sim/spur/self_influence.h"
#include "sim/spur/data.h"
#include "sim/spur/xrm.h"

namespace memgen::scenarios {
namespace {

constexpr std::uint64_t kTrainStream = 0, kValStream = 1, kInitStream = 2, kXrmStream = 3;

// A split as its feature block F (n×2), standard-normal noise E (n×d), labels and groups.
struct Split {
  Eigen::MatrixXd features, noise;
  Eigen::VectorXd y;
  std::vector<char> minority;
};

Split DrawSplit(const Figure1Options& o, double majority_fraction, sim::Rng& rng) {
  sim::Figure1Options g;
  g.n = o.n;
  g.d = o.d;
  g.majority_fraction = majority_fraction;
  g.noise_std = 1.0;
  sim::SpuriousSample s = sim::DrawFigure1Split(g, rng);
  Split out;
  out.features = s.x.leftCols(2);
  out.noise = s.x.rightCols(o.d);
  out.y = std::move(s.y);
  out.minority = std::move(s.minority);
  return out;
}

Eigen::MatrixXd Assemble(const Split& s, double sigma) {
  Eigen::MatrixXd x(s.features.rows(), s.features.cols() + s.noise.cols());
  x << s.features, sigma * s.noise;
  return x;
}

// Binary weights of a PyTorch Linear(D→2, bias=False) at its default initialisation: W₁ − W₀ with
// every entry U(±1/√D).
Eigen::VectorXd TorchInit(std::int64_t dim, sim::Rng& rng) {
  const double bound = 1.0 / std::sqrt(static_cast<double>(dim));
  Eigen::VectorXd w0(dim), w1(dim);
  for (std::int64_t k = 0; k < dim; ++k) w0(k) = bound * (2.0 * sim::Uniform01(rng) - 1.0);
  for (std::int64_t k = 0; k < dim; ++k) w1(k) = bound * (2.0 * sim::Uniform01(rng) - 1.0);
  return w1 - w0;
}

Eigen::VectorXd Logits(const Split& s, double sigma, const Eigen::VectorXd& w) {
  return s.features * w.head(2) + sigma * (s.noise * w.tail(s.noise.cols()));
}

// Gram pieces of a (row split, column split) pair: FFᵀ and EEᵀ, so K_σ = FF + σ² EE.
struct GramPieces {
  Eigen::MatrixXd ff, ee;
  Eigen::MatrixXd At(double sigma) const { return ff + sigma * sigma * ee; }
};

GramPieces Pieces(const Split& rows, const Split& cols) {
  GramPieces g;
  g.ff.noalias() = rows.features * cols.features.transpose();
  g.ee.noalias() = rows.noise * cols.noise.transpose();
  return g;
}

sim::LogisticArm Arm(double learning_rate, const Eigen::VectorXd& initial_logits) {
  sim::LogisticArm a;
  a.learning_rate = learning_rate;
  a.initial_logits = initial_logits;
  return a;
}

// Half-sample arm: ω = indicator of the points held in, normalised by n (plain mean CE, as XRM).
sim::LogisticArm HalfArm(double learning_rate, const Eigen::VectorXd& initial_logits, const std::vector<char>& assign,
                         bool first) {
  sim::LogisticArm a = Arm(learning_rate, initial_logits);
  a.weight.resize(static_cast<Eigen::Index>(assign.size()));
  for (std::size_t i = 0; i < assign.size(); ++i) a.weight(static_cast<Eigen::Index>(i)) = (assign[i] == 1) == first;
  a.normaliser = static_cast<double>(assign.size());
  return a;
}

double Median(std::vector<double> v) {
  if (v.empty()) return NAN;
  const auto mid = v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2);
  std::nth_element(v.begin(), mid, v.end());
  if (v.size() % 2 == 1) return *mid;
  return 0.5 * (*mid + *std::max_element(v.begin(), mid));
}

// Self-influence and held-in minus held-out scores of one learner, summarised by group; the raw
// per-point scores go to `influence_out` and `heldout_out`.
MemorisationScores Scores(const Eigen::MatrixXd& gram, const Eigen::VectorXd& logits, const Eigen::VectorXd& twin0,
                          const Eigen::VectorXd& twin1, const Split& train, const std::vector<char>& assign, double lambda,
                          Eigen::VectorXd* influence_out, Eigen::VectorXd* heldout_out) {
  MemorisationScores s;
  const Eigen::VectorXd influence = sim::SelfInfluenceDual(gram, logits, train.y, lambda);
  Eigen::VectorXd heldout(train.y.size());
  for (Eigen::Index i = 0; i < train.y.size(); ++i) {
    const bool first = assign[static_cast<std::size_t>(i)] == 1;
    const double in = first ? twin0(i) : twin1(i), out = first ? twin1(i) : twin0(i);
    heldout(i) = sim::Sigmoid(train.y(i) * in) - sim::Sigmoid(train.y(i) * out);
  }
  s.auroc_influence = sim::Auroc(influence, train.minority);
  s.auroc_heldout = sim::Auroc(heldout, train.minority);
  std::vector<double> minority_influence;
  double sums[2][2] = {{0, 0}, {0, 0}}, count[2] = {0, 0};
  for (Eigen::Index i = 0; i < train.y.size(); ++i) {
    const int g = train.minority[static_cast<std::size_t>(i)] ? 1 : 0;
    if (g) minority_influence.push_back(influence(i));
    sums[g][0] += influence(i);
    sums[g][1] += heldout(i);
    count[g] += 1.0;
  }
  s.minority_influence_median = Median(minority_influence);
  s.minority_influence_mean = sums[1][0] / count[1];
  s.majority_influence_mean = sums[0][0] / count[0];
  s.minority_heldout_mean = sums[1][1] / count[1];
  s.majority_heldout_mean = sums[0][1] / count[0];
  *influence_out = influence;
  *heldout_out = heldout;
  return s;
}

}  // namespace

const char* Figure1ArmName(int arm) {
  switch (arm) {
    case kErmClean: return "erm_clean";
    case kErm: return "erm";
    case kMatLast: return "mat_last";
    case kMatSelected: return "mat_selected";
  }
  return "?";
}

void Figure1Options::Validate(const std::string& field) const {
  const std::string at = field.empty() ? "" : at + "";  // root-level keys carry no prefix
  Require(n >= 20 && n <= 100000, at + "n", n, "must be in [20, 1e5]");
  Require(d >= 1 && d <= 1000000, at + "d", d, "must be in [1, 1e6]");
  Require(majority_fraction > 0.5 && majority_fraction < 1.0, at + "majority_fraction", majority_fraction,
          "must be in (0.5, 1)");
  Require(noise > 0.0 && noise <= 100.0, at + "noise", noise, "must be in (0, 100]");
  Require(clean_learning_rate > 0.0 && clean_learning_rate <= 10.0, at + "clean_learning_rate",
          clean_learning_rate, "must be in (0, 10]");
  Require(learning_rate > 0.0 && learning_rate <= 10.0, at + "learning_rate", learning_rate, "must be in (0, 10]");
  Require(epochs >= 1 && epochs <= 1000000, at + "epochs", epochs, "must be in [1, 1e6]");
  Require(temperature > 0.0 && temperature <= 100.0, at + "temperature", temperature, "must be in (0, 100]");
  Require(influence_lambda > 0.0 && influence_lambda <= 1e6, at + "influence_lambda", influence_lambda,
          "must be in (0, 1e6]");
  Require(trials >= 2 && trials <= 100000, at + "trials", trials, "must be in [2, 1e5]");
  for (std::size_t i = 0; i < sweep_noise.size(); ++i) {
    Require(sweep_noise[i] >= 0.0 && sweep_noise[i] <= 100.0, at + "sweep_noise", sweep_noise[i], "must be in [0, 100]");
    if (i > 0) Require(sweep_noise[i] > sweep_noise[i - 1], at + "sweep_noise", sweep_noise[i], "must be increasing");
  }
  Require(shift_sign == 1.0 || shift_sign == -1.0, at + "shift_sign", shift_sign, "must be 1 or -1");
}

Figure1Trial RunFigure1Trial(const Figure1Options& o, std::uint64_t seed, std::int64_t trial) {
  const std::uint64_t tag = sim::StreamTag("spur/figure1");
  const auto t = static_cast<std::uint64_t>(trial);
  sim::Rng train_rng({seed, tag, t, kTrainStream}), val_rng({seed, tag, t, kValStream});
  sim::Rng init_rng({seed, tag, t, kInitStream}), xrm_rng({seed, tag, t, kXrmStream});
  const Split train = DrawSplit(o, o.majority_fraction, train_rng);
  const Split val = DrawSplit(o, 0.5, val_rng);
  const GramPieces k_train = Pieces(train, train), k_val = Pieces(val, train);
  const std::int64_t dim = o.d + 2;
  // Initial weights, in a fixed order: erm_clean, erm, twins of erm, xrm twins, mat, twins of mat.
  Eigen::VectorXd w_init[8];
  for (auto& w : w_init) w = TorchInit(dim, init_rng);
  const double lr_clean = 2.0 * o.clean_learning_rate, lr = 2.0 * o.learning_rate;
  const double sigma = o.noise;
  Figure1Trial out;

  // XRM on the memorising data, then MAT's shift.
  const Eigen::MatrixXd x_noisy = Assemble(train, sigma);
  const double sigma_clean = o.clean_noise;  // 0 unless a negative control plants noise in the clean arm
  const Eigen::MatrixXd gram_noisy = k_train.At(sigma), gram_clean = k_train.At(sigma_clean);
  sim::XrmOptions xrm_options;
  xrm_options.learning_rate = lr;
  xrm_options.epochs = o.epochs;
  xrm_options.class_balanced = o.class_balanced_xrm;
  xrm_options.flip = o.flip;
  const Eigen::VectorXd twins_init[2] = {w_init[4], w_init[5]};
  const sim::XrmResult xrm = sim::RunXrm(x_noisy, gram_noisy, train.y, twins_init, xrm_options, xrm_rng, &train.minority);
  double true_positive = 0, flagged = 0, minority_count = 0;
  for (std::size_t i = 0; i < train.minority.size(); ++i) {
    true_positive += xrm.flipped[i] && train.minority[i];
    flagged += xrm.flipped[i];
    minority_count += train.minority[i];
  }
  out.xrm_precision = flagged > 0 ? true_positive / flagged : 0.0;
  out.xrm_recall = true_positive / minority_count;
  out.xrm_exact = true_positive == flagged && true_positive == minority_count;
  out.xrm_first_exact_epoch = xrm.first_exact_epoch;
  const sim::MatShift shift = sim::ComputeMatShift(xrm.held_out_logits, train.y, o.temperature, o.calibrate);
  for (int a = 0; a < 2; ++a)
    for (int b = 0; b < 2; ++b) out.calibration[a][b] = shift.calibration(a, b);
  const Eigen::VectorXd delta = o.shift_sign * shift.delta;
  {
    double sum[2] = {0, 0}, count[2] = {0, 0};
    for (Eigen::Index i = 0; i < train.y.size(); ++i) {
      const int g = train.minority[static_cast<std::size_t>(i)] ? 1 : 0;
      sum[g] += train.y(i) * delta(i);
      count[g] += 1.0;
    }
    out.margin_shift_majority = sum[0] / count[0];
    out.margin_shift_minority = sum[1] / count[1];
  }
  const Eigen::MatrixXd x_val_noisy = Assemble(val, sigma);
  const std::vector<char> inferred = sim::CrossMistakes(x_val_noisy, val.y, xrm.weights);
  {
    double tp = 0, flagged_val = 0, minority_val = 0;
    for (std::size_t i = 0; i < inferred.size(); ++i) {
      tp += inferred[i] && val.minority[i];
      flagged_val += inferred[i];
      minority_val += val.minority[i];
    }
    out.val_inferred_precision = flagged_val > 0 ? tp / flagged_val : 0.0;
    out.val_inferred_recall = tp / minority_val;
  }

  // Memorising data: erm, mat and their half-sample refits (the XRM halves), 6 arms in lockstep.
  std::vector<sim::LogisticArm> noisy_arms = {
      Arm(lr, Logits(train, sigma, w_init[1])),
      Arm(lr, Logits(train, sigma, w_init[6])),
      HalfArm(lr, Logits(train, sigma, w_init[2]), xrm.assign, true),
      HalfArm(lr, Logits(train, sigma, w_init[3]), xrm.assign, false),
      HalfArm(lr, Logits(train, sigma, w_init[6]), xrm.assign, true),
      HalfArm(lr, Logits(train, sigma, w_init[7]), xrm.assign, false)};
  for (int a : {1, 4, 5}) noisy_arms[static_cast<std::size_t>(a)].shift = delta;
  std::vector<sim::LogisticArm> clean_arms = {
      Arm(lr_clean, Logits(train, sigma_clean, w_init[0])),
      HalfArm(lr_clean, Logits(train, sigma_clean, w_init[2]), xrm.assign, true),
      HalfArm(lr_clean, Logits(train, sigma_clean, w_init[3]), xrm.assign, false)};
  sim::DualLogisticGd noisy(gram_noisy, train.y, noisy_arms), clean(gram_clean, train.y, clean_arms);
  const Eigen::MatrixXd gram_val_noisy = k_val.At(sigma);
  Eigen::MatrixXd val_init(o.n, 3);
  val_init << Logits(val, sigma_clean, w_init[0]), Logits(val, sigma, w_init[1]), Logits(val, sigma, w_init[6]);
  // K_val,clean = F_val F_trainᵀ has rank 2 at σ = 0: F_val (F_trainᵀ c) costs O(n), not O(n²).
  const Eigen::MatrixXd gram_val_clean = sigma_clean > 0.0 ? k_val.At(sigma_clean) : Eigen::MatrixXd();
  const auto clean_val_logits = [&](const Eigen::VectorXd& c) -> Eigen::VectorXd {
    if (sigma_clean > 0.0) return val_init.col(0) + gram_val_clean * c;
    return val_init.col(0) + val.features * (train.features.transpose() * c);
  };
  double best = -1.0;
  Eigen::VectorXd selected_coefficients = noisy.coefficients().col(1);
  for (std::int64_t epoch = 0;; ++epoch) {
    Eigen::VectorXd val_clean = clean_val_logits(clean.coefficients().col(0));
    Eigen::MatrixXd val_noisy = val_init.rightCols(2);
    for (Eigen::Index a = 0; a < 2; ++a) val_noisy.col(a).noalias() += gram_val_noisy * noisy.coefficients().col(a);
    const double worst_cell = sim::WorstCellAccuracy(val_noisy.col(1), val.y, inferred);
    if (worst_cell >= best) {  // the last maximum, as XRM's read_results
      best = worst_cell;
      out.selected_epoch = epoch;
      selected_coefficients = noisy.coefficients().col(1);
    }
    if (trial == 0) {
      const Eigen::VectorXd* v[3] = {&val_clean, nullptr, nullptr};
      const Eigen::VectorXd v1 = val_noisy.col(0), v2 = val_noisy.col(1);
      v[1] = &v1;
      v[2] = &v2;
      const Eigen::VectorXd t0 = clean.logits().col(0), t1 = noisy.logits().col(0), t2 = noisy.logits().col(1);
      const Eigen::VectorXd* tr[3] = {&t0, &t1, &t2};
      std::array<double, 12> row{};
      for (int a = 0; a < 3; ++a) {
        const sim::GroupAccuracy va = sim::AccuracyByGroup(*v[a], val.y, val.minority);
        const sim::GroupAccuracy ta = sim::AccuracyByGroup(*tr[a], train.y, train.minority);
        row[static_cast<std::size_t>(4 * a)] = va.majority;
        row[static_cast<std::size_t>(4 * a + 1)] = va.minority;
        row[static_cast<std::size_t>(4 * a + 2)] = ta.majority;
        row[static_cast<std::size_t>(4 * a + 3)] = ta.minority;
      }
      out.curves.push_back(row);
    }
    if (epoch == o.epochs) break;
    noisy.Step();
    clean.Step();
  }
  // Final accuracies.
  const Eigen::VectorXd val_clean = clean_val_logits(clean.coefficients().col(0));
  const Eigen::VectorXd val_erm = val_init.col(1) + gram_val_noisy * noisy.coefficients().col(0);
  const Eigen::VectorXd val_mat = val_init.col(2) + gram_val_noisy * noisy.coefficients().col(1);
  const Eigen::VectorXd val_sel = val_init.col(2) + gram_val_noisy * selected_coefficients;
  const Eigen::VectorXd train_mat_init = noisy_arms[1].initial_logits;
  const Eigen::VectorXd train_sel = train_mat_init + gram_noisy * selected_coefficients;
  out.val[kErmClean] = sim::AccuracyByGroup(val_clean, val.y, val.minority);
  out.val[kErm] = sim::AccuracyByGroup(val_erm, val.y, val.minority);
  out.val[kMatLast] = sim::AccuracyByGroup(val_mat, val.y, val.minority);
  out.val[kMatSelected] = sim::AccuracyByGroup(val_sel, val.y, val.minority);
  out.train[kErmClean] = sim::AccuracyByGroup(clean.logits().col(0), train.y, train.minority);
  out.train[kErm] = sim::AccuracyByGroup(noisy.logits().col(0), train.y, train.minority);
  out.train[kMatLast] = sim::AccuracyByGroup(noisy.logits().col(1), train.y, train.minority);
  out.train[kMatSelected] = sim::AccuracyByGroup(train_sel, train.y, train.minority);
  // Final feature weights (w_y, w_a) = F-part of w₀ + Xᵀc.
  const Eigen::VectorXd* coefficient_of[kFigure1Arms] = {nullptr, nullptr, nullptr, &selected_coefficients};
  const Eigen::VectorXd c_clean = clean.coefficients().col(0), c_erm = noisy.coefficients().col(0),
                        c_mat = noisy.coefficients().col(1);
  coefficient_of[kErmClean] = &c_clean;
  coefficient_of[kErm] = &c_erm;
  coefficient_of[kMatLast] = &c_mat;
  const Eigen::VectorXd* init_of[kFigure1Arms] = {&w_init[0], &w_init[1], &w_init[6], &w_init[6]};
  for (int arm = 0; arm < kFigure1Arms; ++arm) {
    const Eigen::Vector2d w = init_of[arm]->head(2) + train.features.transpose() * *coefficient_of[arm];
    out.weights[arm][0] = w(0);
    out.weights[arm][1] = w(1);
  }
  // Memorisation scores (MAT's twins are read at the last epoch).
  Eigen::VectorXd influence[3], heldout[3];
  out.scores[0] = Scores(gram_clean, clean.logits().col(0), clean.logits().col(1), clean.logits().col(2), train,
                         xrm.assign, o.influence_lambda, &influence[0], &heldout[0]);
  out.scores[1] = Scores(gram_noisy, noisy.logits().col(0), noisy.logits().col(2), noisy.logits().col(3), train,
                         xrm.assign, o.influence_lambda, &influence[1], &heldout[1]);
  out.scores[2] = Scores(gram_noisy, train_sel, noisy.logits().col(4), noisy.logits().col(5), train, xrm.assign,
                         o.influence_lambda, &influence[2], &heldout[2]);
  if (trial == 0)
    for (Eigen::Index i = 0; i < train.y.size(); ++i)
      out.points.push_back({train.features(i, 0), train.features(i, 1), train.y(i),
                            static_cast<double>(train.minority[static_cast<std::size_t>(i)]), influence[0](i),
                            influence[1](i), influence[2](i), heldout[0](i), heldout[1](i), heldout[2](i)});
  // σ_ε sweep of ERM.
  for (double s : o.sweep_noise) {
    const Eigen::MatrixXd gram = k_train.At(s);
    sim::DualLogisticGd erm(gram, train.y, {Arm(lr, Logits(train, s, w_init[1]))});
    erm.Run(o.epochs);
    const Eigen::VectorXd v = Logits(val, s, w_init[1]) + k_val.At(s) * erm.coefficients().col(0);
    const sim::GroupAccuracy va = sim::AccuracyByGroup(v, val.y, val.minority);
    out.sweep_val_minority.push_back(va.minority);
    out.sweep_val_majority.push_back(va.majority);
    out.sweep_train_worst.push_back(sim::AccuracyByGroup(erm.logits().col(0), train.y, train.minority).Worst());
  }
  return out;
}

std::vector<Figure1Trial> RunFigure1(const Figure1Options& options, std::uint64_t seed,
                                     const sim::TrialRunnerOptions& runner) {
  sim::TrialRunnerOptions r = runner;
  r.label = "figure 1";
  r.block_size = 4;
  return sim::RunTrials<Figure1Trial>(options.trials, r, [&](std::int64_t t) { return RunFigure1Trial(options, seed, t); });
}

std::size_t Figure1MemoryBytesPerThread(const Figure1Options& o) {
  const auto n = static_cast<std::size_t>(o.n), dim = static_cast<std::size_t>(o.d + 2);
  return sizeof(double) * (6 * n * dim + 12 * n * n + 20 * n) + 1000000;
}

}  // namespace memgen::scenarios
