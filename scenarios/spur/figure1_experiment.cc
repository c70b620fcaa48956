// The Figure-1 experiment, see figure1_experiment.h.
#include "scenarios/spur/figure1_experiment.h"

#include <Eigen/Core>

#include <algorithm>
#include <cmath>

#include "sim/core/config_error.h"
#include "sim/linalg/blas_backend.h"
#include "sim/linalg/columns_product.h"
#include "sim/random/distributions.h"
#include "sim/random/stream_tag.h"
#include "sim/spur/data.h"
#include "sim/spur/logistic_gd.h"
#include "sim/spur/mat_shift.h"
#include "sim/spur/self_influence.h"
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
  sim::Figure1SplitOptions g;
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

Eigen::VectorXd Logits(const Split& s, double sigma, const Eigen::VectorXd& w) {
  return s.features * w.head(2) + sigma * (s.noise * w.tail(s.noise.cols()));
}

// Gram pieces of a (row split, column split) pair: FFᵀ and EEᵀ, so K_σ = FF + σ² EE.
struct GramPieces {
  Eigen::MatrixXd ff, ee;
  Eigen::MatrixXd At(double sigma) const { return ff + sigma * sigma * ee; }
};

// On the selected BLAS (sim/linalg/blas_backend.h); a split against itself is one symmetric rank-k
// update (half a GEMM's flops).
GramPieces Pieces(const Split& rows, const Split& cols) {
  GramPieces g;
  const bool self = &rows == &cols;
  g.ff = self ? sim::GramMatrix(rows.features) : sim::MultiplyTransposed(rows.features, cols.features);
  g.ee = self ? sim::GramMatrix(rows.noise) : sim::MultiplyTransposed(rows.noise, cols.noise);
  return g;
}

// The data of one trial: both splits and their Gram pieces against the training split.
struct TrialData {
  TrialData(Split train_split, Split val_split)
      : train(std::move(train_split)), val(std::move(val_split)), k_train(Pieces(train, train)), k_val(Pieces(val, train)) {}
  Split train, val;
  GramPieces k_train, k_val;
};

// The initial weights of a trial, one independent sim::TorchLinearInit per model, drawn from the init
// stream in this order. The erm twins serve both ERM learners (erm_clean's twins start where erm's do,
// so the paired erm − erm_clean scores differ by the noise only); every other model has its own draw.
enum InitialWeight {
  kInitErmClean, kInitErm, kInitErmTwin0, kInitErmTwin1, kInitXrmTwin0, kInitXrmTwin1, kInitMat, kInitMatTwin0,
  kInitMatTwin1, kInitialWeights
};
using InitialWeights = std::array<Eigen::VectorXd, kInitialWeights>;

InitialWeights DrawInitialWeights(std::int64_t dim, sim::Rng& rng) {
  InitialWeights w;
  for (auto& v : w) v = sim::TorchLinearInit(dim, rng);
  return w;
}

// Flagged points against the true minority: counts, precision and recall.
struct FlagCounts {
  double true_positive = 0, flagged = 0, minority = 0;
  double Precision() const { return flagged > 0 ? true_positive / flagged : 0.0; }
  double Recall() const { return true_positive / minority; }
  bool Exact() const { return true_positive == flagged && true_positive == minority; }
};

FlagCounts CountFlags(const std::vector<char>& flags, const std::vector<char>& minority) {
  FlagCounts c;
  for (std::size_t i = 0; i < flags.size(); ++i) {
    c.true_positive += flags[i] && minority[i];
    c.flagged += flags[i];
    c.minority += minority[i];
  }
  return c;
}

// XRM on the memorizing training data (σ_ε = noise); its recovery of the true minority goes to `out`.
sim::XrmResult RunTwins(const Figure1Options& o, const Split& train, const Eigen::MatrixXd& gram_noisy,
                        const InitialWeights& w_init, sim::Rng& xrm_rng, Figure1Trial* out) {
  sim::XrmOptions xrm_options;
  xrm_options.learning_rate = 2.0 * o.learning_rate;
  xrm_options.epochs = o.epochs;
  xrm_options.class_balanced = o.class_balanced_xrm;
  xrm_options.flip = o.flip;
  const Eigen::VectorXd twins_init[2] = {w_init[kInitXrmTwin0], w_init[kInitXrmTwin1]};
  sim::XrmResult xrm = sim::RunXrm(Assemble(train, o.noise), gram_noisy, train.y, twins_init, xrm_options, xrm_rng,
                                   &train.minority);
  const FlagCounts flips = CountFlags(xrm.flipped, train.minority);
  out->xrm_precision = flips.Precision();
  out->xrm_recall = flips.Recall();
  out->xrm_exact = flips.Exact();
  out->xrm_first_exact_epoch = xrm.first_exact_epoch;
  return xrm;
}

// MAT's shift from the XRM held-out logits (times shift_sign); its calibration matrix and the mean
// margin shift y_i δ_i by true group go to `out`.
Eigen::VectorXd MatDelta(const Figure1Options& o, const Split& train, const sim::XrmResult& xrm, Figure1Trial* out) {
  const sim::MatShift shift = sim::ComputeMatShift(xrm.held_out_logits, train.y, o.temperature, o.calibrate);
  for (int a = 0; a < 2; ++a)
    for (int b = 0; b < 2; ++b) out->calibration[a][b] = shift.calibration(a, b);
  const Eigen::VectorXd delta = o.shift_sign * shift.delta;
  double sum[2] = {0, 0}, count[2] = {0, 0};
  for (Eigen::Index i = 0; i < train.y.size(); ++i) {
    const int g = train.minority[static_cast<std::size_t>(i)] ? 1 : 0;
    sum[g] += train.y(i) * delta(i);
    count[g] += 1.0;
  }
  out->margin_shift_majority = sum[0] / count[0];
  out->margin_shift_minority = sum[1] / count[1];
  return delta;
}

// XRM's inferred validation groups (cross-mistakes) and their recovery of the true minority.
std::vector<char> InferValidationGroups(const Figure1Options& o, const Split& val, const sim::XrmResult& xrm,
                                        Figure1Trial* out) {
  const std::vector<char> inferred = sim::CrossMistakes(Assemble(val, o.noise), val.y, xrm.weights);
  const FlagCounts c = CountFlags(inferred, val.minority);
  out->val_inferred_precision = c.Precision();
  out->val_inferred_recall = c.Recall();
  return inferred;
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

// The memorizing arms (σ_ε = noise, two-logit lr learning_rate), stepped in lockstep:
//   0 erm, 1 mat (shift δ), 2–3 erm's half-sample twins, 4–5 mat's (shift δ), on the XRM halves.
enum NoisyArm { kNoisyErm, kNoisyMat, kNoisyErmTwin0, kNoisyErmTwin1, kNoisyMatTwin0, kNoisyMatTwin1 };

std::vector<sim::LogisticArm> NoisyArms(const Figure1Options& o, const Split& train, const InitialWeights& w_init,
                                        const std::vector<char>& assign, const Eigen::VectorXd& delta) {
  const double lr = 2.0 * o.learning_rate, sigma = o.noise;
  std::vector<sim::LogisticArm> arms = {
      Arm(lr, Logits(train, sigma, w_init[kInitErm])),
      Arm(lr, Logits(train, sigma, w_init[kInitMat])),
      HalfArm(lr, Logits(train, sigma, w_init[kInitErmTwin0]), assign, true),
      HalfArm(lr, Logits(train, sigma, w_init[kInitErmTwin1]), assign, false),
      HalfArm(lr, Logits(train, sigma, w_init[kInitMatTwin0]), assign, true),
      HalfArm(lr, Logits(train, sigma, w_init[kInitMatTwin1]), assign, false)};
  for (int a : {kNoisyMat, kNoisyMatTwin0, kNoisyMatTwin1}) arms[static_cast<std::size_t>(a)].shift = delta;
  return arms;
}

// The clean arms (σ_ε = clean_noise, two-logit lr clean_learning_rate): 0 erm_clean, 1–2 its twins.
std::vector<sim::LogisticArm> CleanArms(const Figure1Options& o, const Split& train, const InitialWeights& w_init,
                                        const std::vector<char>& assign) {
  const double lr_clean = 2.0 * o.clean_learning_rate, sigma_clean = o.clean_noise;
  return {Arm(lr_clean, Logits(train, sigma_clean, w_init[kInitErmClean])),
          HalfArm(lr_clean, Logits(train, sigma_clean, w_init[kInitErmTwin0]), assign, true),
          HalfArm(lr_clean, Logits(train, sigma_clean, w_init[kInitErmTwin1]), assign, false)};
}

// Validation logits f_val = X_val w₀ + K_val c of erm_clean, erm and mat from their coefficients c,
// with K_val,σ = F_val F_trainᵀ + σ² E_val E_trainᵀ.
struct ValidationLogits {
  ValidationLogits(const Figure1Options& o, const TrialData& trial_data, const InitialWeights& w_init)
      : data(trial_data), sigma_clean(o.clean_noise), gram_noisy(data.k_val.At(o.noise)),
        gram_noisy_t(gram_noisy.transpose()), init(o.n, 3) {
    init << Logits(data.val, sigma_clean, w_init[kInitErmClean]), Logits(data.val, o.noise, w_init[kInitErm]),
        Logits(data.val, o.noise, w_init[kInitMat]);
    if (sigma_clean > 0.0) gram_clean = data.k_val.At(sigma_clean);
  }
  // K_val,clean = F_val F_trainᵀ has rank 2 at σ = 0: F_val (F_trainᵀ c) costs O(n), not O(n²).
  Eigen::VectorXd Clean(const Eigen::VectorXd& c) const {
    if (sigma_clean > 0.0) return init.col(0) + gram_clean * c;
    return init.col(0) + data.val.features * (data.train.features.transpose() * c);
  }
  const TrialData& data;
  double sigma_clean;
  Eigen::MatrixXd gram_noisy, gram_clean;  ///< K_val at noise and at clean_noise (empty at 0)
  Eigen::MatrixXd gram_noisy_t;            ///< K_valᵀ at noise: the per-epoch read-out in one pass (columns_product.h)
  Eigen::MatrixXd init;                    ///< columns erm_clean, erm, mat: X_val w₀
};

// One row of the trial-0 curves: (erm_clean, erm, mat) × (val majority, val minority, train
// majority, train minority).
std::array<double, 12> CurveRow(const TrialData& data, const ValidationLogits& v, const sim::DualLogisticGd& noisy,
                                const sim::DualLogisticGd& clean, const Eigen::MatrixXd& val_noisy) {
  const Eigen::VectorXd val[3] = {v.Clean(clean.coefficients().col(0)), val_noisy.col(0), val_noisy.col(1)};
  const Eigen::VectorXd train[3] = {clean.logits().col(0), noisy.logits().col(kNoisyErm), noisy.logits().col(kNoisyMat)};
  std::array<double, 12> row{};
  for (int a = 0; a < 3; ++a) {
    const sim::GroupAccuracy va = sim::AccuracyByGroup(val[a], data.val.y, data.val.minority);
    const sim::GroupAccuracy ta = sim::AccuracyByGroup(train[a], data.train.y, data.train.minority);
    row[static_cast<std::size_t>(4 * a)] = va.majority;
    row[static_cast<std::size_t>(4 * a + 1)] = va.minority;
    row[static_cast<std::size_t>(4 * a + 2)] = ta.majority;
    row[static_cast<std::size_t>(4 * a + 3)] = ta.minority;
  }
  return row;
}

// `epochs` full-batch steps of both learners. Before each step (and after the last) mat is read on
// validation: its coefficients at the last maximum of the worst-cell accuracy over (y, inferred
// group), as XRM's read_results, are returned (epoch to `out`); trial 0 also records the curves.
Eigen::VectorXd TrainWithCheckpoint(const Figure1Options& o, const TrialData& data, const ValidationLogits& v,
                                    const std::vector<char>& inferred, std::int64_t trial, sim::DualLogisticGd* noisy,
                                    sim::DualLogisticGd* clean, Figure1Trial* out) {
  double best = -1.0;
  Eigen::VectorXd selected = noisy->coefficients().col(kNoisyMat);
  for (std::int64_t epoch = 0;; ++epoch) {
    Eigen::MatrixXd val_noisy(o.n, 2);
    sim::TransposedTimes(v.gram_noisy_t, noisy->coefficients().leftCols(2), val_noisy);
    val_noisy += v.init.rightCols(2);
    const double worst_cell = sim::WorstCellAccuracy(val_noisy.col(1), data.val.y, inferred);
    if (worst_cell >= best) {
      best = worst_cell;
      out->selected_epoch = epoch;
      selected = noisy->coefficients().col(kNoisyMat);
    }
    if (trial == 0) out->curves.push_back(CurveRow(data, v, *noisy, *clean, val_noisy));
    if (epoch == o.epochs) break;
    noisy->Step();
    clean->Step();
  }
  return selected;
}

// Final group accuracies of every arm on the training and validation splits.
void RecordAccuracies(const TrialData& data, const ValidationLogits& v, const sim::DualLogisticGd& noisy,
                      const sim::DualLogisticGd& clean, const Eigen::VectorXd& train_selected,
                      const Eigen::VectorXd& selected, Figure1Trial* out) {
  const Split &train = data.train, &val = data.val;
  const Eigen::VectorXd val_clean = v.Clean(clean.coefficients().col(0));
  const Eigen::VectorXd val_erm = v.init.col(1) + v.gram_noisy * noisy.coefficients().col(kNoisyErm);
  const Eigen::VectorXd val_mat = v.init.col(2) + v.gram_noisy * noisy.coefficients().col(kNoisyMat);
  const Eigen::VectorXd val_sel = v.init.col(2) + v.gram_noisy * selected;
  out->val[kErmClean] = sim::AccuracyByGroup(val_clean, val.y, val.minority);
  out->val[kErm] = sim::AccuracyByGroup(val_erm, val.y, val.minority);
  out->val[kMatLast] = sim::AccuracyByGroup(val_mat, val.y, val.minority);
  out->val[kMatSelected] = sim::AccuracyByGroup(val_sel, val.y, val.minority);
  out->train[kErmClean] = sim::AccuracyByGroup(clean.logits().col(0), train.y, train.minority);
  out->train[kErm] = sim::AccuracyByGroup(noisy.logits().col(kNoisyErm), train.y, train.minority);
  out->train[kMatLast] = sim::AccuracyByGroup(noisy.logits().col(kNoisyMat), train.y, train.minority);
  out->train[kMatSelected] = sim::AccuracyByGroup(train_selected, train.y, train.minority);
}

// Final feature weights (w_y, w_a) = F-part of w₀ + F_trainᵀc per arm: the decision boundary at ε = 0.
void RecordFeatureWeights(const Split& train, const sim::DualLogisticGd& noisy, const sim::DualLogisticGd& clean,
                          const Eigen::VectorXd& selected, const InitialWeights& w_init, Figure1Trial* out) {
  const Eigen::VectorXd coefficients[kFigure1Arms] = {clean.coefficients().col(0), noisy.coefficients().col(kNoisyErm),
                                                      noisy.coefficients().col(kNoisyMat), selected};
  const Eigen::VectorXd* init_of[kFigure1Arms] = {&w_init[kInitErmClean], &w_init[kInitErm], &w_init[kInitMat],
                                                  &w_init[kInitMat]};
  for (int arm = 0; arm < kFigure1Arms; ++arm) {
    const Eigen::Vector2d w = init_of[arm]->head(2) + train.features.transpose() * coefficients[arm];
    out->weights[arm][0] = w(0);
    out->weights[arm][1] = w(1);
  }
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
MemorizationScores Scores(const Eigen::MatrixXd& gram, const Eigen::VectorXd& logits, const Eigen::VectorXd& twin0,
                          const Eigen::VectorXd& twin1, const Split& train, const std::vector<char>& assign, double lambda,
                          Eigen::VectorXd* influence_out, Eigen::VectorXd* heldout_out) {
  MemorizationScores s;
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

// Memorization scores of erm_clean, erm and mat (at its selected checkpoint; its twins are read at the
// last epoch), and on trial 0 the per-point scores.
void RecordScores(const Figure1Options& o, const Split& train, const sim::DualLogisticGd& noisy,
                  const sim::DualLogisticGd& clean, const Eigen::VectorXd& train_selected, const std::vector<char>& assign,
                  std::int64_t trial, Figure1Trial* out) {
  Eigen::VectorXd influence[3], heldout[3];
  out->scores[0] = Scores(clean.gram(), clean.logits().col(0), clean.logits().col(1), clean.logits().col(2), train,
                          assign, o.influence_lambda, &influence[0], &heldout[0]);
  out->scores[1] = Scores(noisy.gram(), noisy.logits().col(kNoisyErm), noisy.logits().col(kNoisyErmTwin0),
                          noisy.logits().col(kNoisyErmTwin1), train, assign, o.influence_lambda, &influence[1], &heldout[1]);
  out->scores[2] = Scores(noisy.gram(), train_selected, noisy.logits().col(kNoisyMatTwin0),
                          noisy.logits().col(kNoisyMatTwin1), train, assign, o.influence_lambda, &influence[2], &heldout[2]);
  if (trial != 0) return;
  for (Eigen::Index i = 0; i < train.y.size(); ++i)
    out->points.push_back({train.features(i, 0), train.features(i, 1), train.y(i),
                           static_cast<double>(train.minority[static_cast<std::size_t>(i)]), influence[0](i),
                           influence[1](i), influence[2](i), heldout[0](i), heldout[1](i), heldout[2](i)});
}

// ERM from erm's initial weights at each σ_ε of sweep_noise: validation accuracy by group and the
// worst-group training accuracy.
void RunNoiseSweep(const Figure1Options& o, const TrialData& data, const Eigen::VectorXd& w_erm, Figure1Trial* out) {
  const double lr = 2.0 * o.learning_rate;
  for (double s : o.sweep_noise) {
    const Eigen::MatrixXd gram = data.k_train.At(s);
    sim::DualLogisticGd erm(gram, data.train.y, {Arm(lr, Logits(data.train, s, w_erm))});
    erm.Run(o.epochs);
    const Eigen::VectorXd v = Logits(data.val, s, w_erm) + data.k_val.At(s) * erm.coefficients().col(0);
    const sim::GroupAccuracy va = sim::AccuracyByGroup(v, data.val.y, data.val.minority);
    out->sweep_val_minority.push_back(va.minority);
    out->sweep_val_majority.push_back(va.majority);
    out->sweep_train_worst.push_back(sim::AccuracyByGroup(erm.logits().col(0), data.train.y, data.train.minority).Worst());
  }
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
  const std::string at = FieldPrefix(field);
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
  const TrialData data(DrawSplit(o, o.majority_fraction, train_rng), DrawSplit(o, 0.5, val_rng));
  const InitialWeights w_init = DrawInitialWeights(o.d + 2, init_rng);
  Figure1Trial out;
  // XRM on the memorizing data, MAT's shift and the inferred validation groups.
  const Eigen::MatrixXd gram_noisy = data.k_train.At(o.noise), gram_clean = data.k_train.At(o.clean_noise);
  const sim::XrmResult xrm = RunTwins(o, data.train, gram_noisy, w_init, xrm_rng, &out);
  const Eigen::VectorXd delta = MatDelta(o, data.train, xrm, &out);
  const std::vector<char> inferred = InferValidationGroups(o, data.val, xrm, &out);
  // The models, trained in lockstep with mat's checkpoint selection.
  sim::DualLogisticGd noisy(gram_noisy, data.train.y, NoisyArms(o, data.train, w_init, xrm.assign, delta));
  sim::DualLogisticGd clean(gram_clean, data.train.y, CleanArms(o, data.train, w_init, xrm.assign));
  const ValidationLogits v(o, data, w_init);
  const Eigen::VectorXd selected = TrainWithCheckpoint(o, data, v, inferred, trial, &noisy, &clean, &out);
  const Eigen::VectorXd train_selected = Logits(data.train, o.noise, w_init[kInitMat]) + gram_noisy * selected;
  // Read-outs.
  RecordAccuracies(data, v, noisy, clean, train_selected, selected, &out);
  RecordFeatureWeights(data.train, noisy, clean, selected, w_init, &out);
  RecordScores(o, data.train, noisy, clean, train_selected, xrm.assign, trial, &out);
  RunNoiseSweep(o, data, w_init[kInitErm], &out);
  return out;
}

std::vector<Figure1Trial> RunFigure1(const Figure1Options& options, std::uint64_t seed,
                                     const sim::TrialRunnerOptions& runner) {
  sim::TrialRunnerOptions r = runner;
  r.label = "figure 1";
  r.block_size = 4;
  return sim::RunTrials<Figure1Trial>(options.trials, r, [&](std::int64_t t) { return RunFigure1Trial(options, seed, t); });
}

sim::MemoryEstimate Figure1Memory(const Figure1Options& o, int threads) {
  sim::MemoryEstimate memory;
  const auto n = static_cast<double>(o.n), dim = static_cast<double>(o.d + 2);
  memory.Working("n", threads * (sizeof(double) * (6 * n * dim + 12 * n * n + 20 * n) + 1e6));
  const double sweep = 3.0 * static_cast<double>(o.sweep_noise.size()) * sizeof(double);
  memory.Retained("trials", static_cast<double>(o.trials) * (sizeof(Figure1Trial) + sweep));
  return memory;
}

}  // namespace memgen::scenarios
