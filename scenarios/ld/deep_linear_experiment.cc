// Deep linear networks learn mode by mode, see deep_linear_experiment.h.
#include "scenarios/ld/deep_linear_experiment.h"

#include <Eigen/SVD>

#include <algorithm>
#include <cmath>
#include <functional>

#include "sim/core/config_error.h"
#include "sim/ld/deep_linear_net.h"
#include "sim/ld/teacher_data.h"
#include "sim/random/stream_tag.h"
#include "theory/ld/mode_dynamics.h"
#include "theory/ld/spiked_spectrum.h"
#include "theory/stats/sample_stats.h"
#include "theory/verdict/family_rules.h"
#include "theory/verdict/verdict_rules.h"

namespace memgen::scenarios {
namespace {

const char* kSource = "Saxe et al. (2014); Lampinen & Ganguli (2019); learning_dynamics.md §3";
constexpr double kTrackTolerance = 0.01;  // spec §3 (a): within 1 % of ŝ_i, t_half within 1 %
constexpr double kLagLimit = 0.2;         // spec §3 (b) [calibrate]
constexpr int kCurvePoints = 150;         // per run and mode in the figure's table

struct Spectrum {
  Eigen::MatrixXd u, v;
  Eigen::VectorXd s;
};

Spectrum Svd(const Eigen::MatrixXd& m) {
  const Eigen::JacobiSVD<Eigen::MatrixXd> svd(m, Eigen::ComputeThinU | Eigen::ComputeThinV);
  return {svd.matrixU(), svd.matrixV(), svd.singularValues()};
}

theory::SpikedModel Model(const ModeOptions& o) { return {static_cast<double>(o.outputs) / o.inputs, o.noise_sd}; }

std::int64_t Steps(double t_over_tau, double learning_rate) {
  return static_cast<std::int64_t>(std::ceil(t_over_tau / learning_rate));
}

// Appends trial 0's signal-mode trajectory of `run` (s/ŝ, at most kCurvePoints rows per mode).
void AppendCurve(int run, const sim::ModeTrajectory& traj, const Eigen::VectorXd& s, int signal, std::vector<double>* curve) {
  const Eigen::Index rows = traj.strength.rows(), stride = std::max<Eigen::Index>(1, rows / kCurvePoints);
  for (int i = 0; i < signal; ++i)
    for (Eigen::Index r = 0; r < rows; r += stride)
      curve->insert(curve->end(), {double(run), traj.step_time * double(r), double(i), traj.strength(r, i) / s(i)});
}

double Discordant(const std::vector<double>& t_half) {  // ŝ decreasing: t_half must increase
  double count = 0.0;
  for (std::size_t i = 0; i < t_half.size(); ++i)
    for (std::size_t j = i + 1; j < t_half.size(); ++j) count += t_half[i] >= t_half[j] ? 1.0 : 0.0;
  return count;
}

// The one-hidden-layer TA run at λŝ_max = step_scale: tracking error, t_half error, order, fit time.
void TrackOneHidden(const ModeOptions& o, const Eigen::MatrixXd& sigma31, const Spectrum& sp, int signal, bool keep_curve,
                    ModeTrial* r) {
  const double lr = o.step_scale / sp.s(0), weakest = sp.s(signal - 1);
  sim::DeepLinearNet net = sim::AlignedInit(sp.u, sp.v, o.hidden, 2, o.epsilon);
  const double end = theory::ModeTime(0.99 * weakest, weakest, o.epsilon, 2);
  const sim::ModeTrajectory traj = sim::TrainModes(&net, sigma31, lr, Steps(end, lr), o.record_every, sp.u, sp.v);
  for (Eigen::Index row = 0; row < traj.strength.rows(); ++row)
    for (Eigen::Index i = 0; i < sp.s.size(); ++i) {
      const double cf = theory::ModeStrength(traj.step_time * double(row), sp.s(i), o.epsilon, 2);
      r->track_l2 = std::max(r->track_l2, std::fabs(traj.strength(row, i) - cf) / sp.s(i));
    }
  std::vector<double> t_half;
  for (int i = 0; i < signal; ++i) {
    t_half.push_back(traj.CrossingTime(i, 0.5 * sp.s(i)));
    const double cf = theory::ModeTime(0.5 * sp.s(i), sp.s(i), o.epsilon, 2);
    r->t_half_l2 = std::max(r->t_half_l2, std::isnan(t_half.back()) ? INFINITY : std::fabs(t_half.back() / cf - 1.0));
    r->fit_signal_time = std::max(r->fit_signal_time, traj.CrossingTime(i, 0.9 * sp.s(i)));
  }
  r->discordant += Discordant(t_half);
  if (keep_curve) AppendCurve(0, traj, sp.s, signal, &r->curve);
}

// The three-hidden-layer TA run: t10, t50, t90 against the deep t(u), and the order.
void TrackThreeHidden(const ModeOptions& o, const Eigen::MatrixXd& sigma31, const Spectrum& sp, int signal, ModeTrial* r) {
  const double lr = o.step_scale / sp.s(0), weakest = sp.s(signal - 1), eps = o.deep_epsilon;
  sim::DeepLinearNet net = sim::AlignedInit(sp.u, sp.v, o.hidden, 4, eps);
  const double end = 1.02 * theory::ModeTime(0.95 * weakest, weakest, eps, 4);
  const sim::ModeTrajectory traj = sim::TrainModes(&net, sigma31, lr, Steps(end, lr), o.record_every, sp.u, sp.v);
  std::vector<double> t_half;
  for (int i = 0; i < signal; ++i)
    for (double level : {0.1, 0.5, 0.9}) {
      const double t = traj.CrossingTime(i, level * sp.s(i)), cf = theory::ModeTime(level * sp.s(i), sp.s(i), eps, 4);
      r->track_l4 = std::max(r->track_l4, std::isnan(t) ? INFINITY : std::fabs(t / cf - 1.0));
      if (level == 0.5) t_half.push_back(t);
    }
  r->discordant += Discordant(t_half);
}

// Paired runs at λŝ_max = lag_step_scale from the TA and from a random orthogonal start: the mean
// relative lag of t_half over the signal modes.
double Lag(const ModeOptions& o, const Eigen::MatrixXd& sigma31, const Spectrum& sp, int signal, int layers, sim::Rng& rng,
           std::vector<double>* curve) {
  const double lr = o.lag_step_scale / sp.s(0), eps = layers == 2 ? o.epsilon : o.deep_epsilon;
  const double end = 2.5 * theory::ModeTime(0.5 * sp.s(signal - 1), sp.s(signal - 1), eps, layers);
  sim::DeepLinearNet aligned = sim::AlignedInit(sp.u, sp.v, o.hidden, layers, eps);
  sim::DeepLinearNet random = sim::RandomOrthogonalInit(o.inputs, o.hidden, o.outputs, layers, eps, rng);
  const sim::ModeTrajectory a = sim::TrainModes(&aligned, sigma31, lr, Steps(end, lr), o.record_every, sp.u, sp.v);
  const sim::ModeTrajectory b = sim::TrainModes(&random, sigma31, lr, Steps(end, lr), o.record_every, sp.u, sp.v);
  double lag = 0.0;
  for (int i = 0; i < signal; ++i) lag += b.CrossingTime(i, 0.5 * sp.s(i)) / a.CrossingTime(i, 0.5 * sp.s(i)) - 1.0;
  if (curve) {
    AppendCurve(layers == 2 ? 1 : 3, b, sp.s, signal, curve);
    if (layers == 4) AppendCurve(2, a, sp.s, signal, curve);
  }
  return lag / signal;
}

// Fresh i.i.d. outputs of the teacher data's per-entry variance, TA start: the time every mode reaches 90 %.
void FitAll(const ModeOptions& o, sim::Rng& rng, ModeTrial* r) {
  const double sigma_r = theory::RandomOutputScale(o.teacher, o.outputs, Model(o));
  const Eigen::MatrixXd outputs = sim::GaussianMatrix(o.outputs, o.inputs, sigma_r / std::sqrt(double(o.inputs)), rng);
  const Spectrum sp = Svd(outputs);
  const double lr = o.step_scale / sp.s(0), s_min = sp.s(sp.s.size() - 1);
  const double predicted = theory::ModeTime(0.9 * s_min, s_min, o.epsilon, 2);
  sim::DeepLinearNet net = sim::AlignedInit(sp.u, sp.v, o.hidden, 2, o.epsilon);
  const sim::ModeTrajectory traj = sim::TrainModes(&net, outputs, lr, Steps(1.05 * predicted, lr), o.record_every, sp.u, sp.v);
  double all = 0.0;
  for (Eigen::Index i = 0; i < sp.s.size(); ++i) all = std::max(all, traj.CrossingTime(int(i), 0.9 * sp.s(i)));
  r->fit_all_time = all;
  r->fit_all = std::isnan(all) ? INFINITY : std::fabs(all / predicted - 1.0);
}

theory::MeanSe Over(const std::vector<ModeTrial>& trials, const std::function<double(const ModeTrial&)>& f) {
  std::vector<double> v;
  for (const ModeTrial& t : trials) v.push_back(f(t));
  return theory::Summarize(v);
}

double Worst(const std::vector<ModeTrial>& trials, const std::function<double(const ModeTrial&)>& f) {
  double worst = 0.0;
  for (const ModeTrial& t : trials) worst = std::max(worst, std::isnan(f(t)) ? INFINITY : f(t));
  return worst;
}

}  // namespace

void ModeOptions::Validate(const std::string& field) const {
  Require(inputs >= 4 && inputs <= 2000, field + ".inputs", inputs, "must be in [4, 2000]");
  Require(outputs >= 2 && outputs <= 0.75 * inputs, field + ".outputs", outputs,
          "must be in [2, 0.75 inputs] (the time to fit every mode diverges as N3/N1 -> 1)");
  Require(hidden >= outputs && hidden <= 2000, field + ".hidden", hidden, "must be in [outputs, 2000] (aligned start)");
  Require(noise_sd > 0.0 && noise_sd <= 100.0, field + ".noise_sd", noise_sd, "must be in (0, 100]");
  Require(!teacher.empty() && teacher.size() <= static_cast<std::size_t>(outputs), field + ".teacher",
          static_cast<std::int64_t>(teacher.size()), "must list 1 to outputs singular values");
  const theory::SpikedModel model{static_cast<double>(outputs) / inputs, noise_sd};
  for (std::size_t i = 0; i < teacher.size(); ++i) {
    Require(teacher[i] > 0.0 && teacher[i] <= 100.0 * noise_sd, field + ".teacher", teacher[i], "must be in (0, 100 noise_sd]");
    Require(theory::TrainingSingularValue(teacher[i], model) > 1.05 * theory::NoiseEdgeUpper(model), field + ".teacher",
            teacher[i], "must give a mode above the noise edge (s_hat > 1.05 noise_sd (1 + sqrt(outputs/inputs)))");
    if (i > 0) Require(teacher[i] < teacher[i - 1], field + ".teacher", teacher[i], "must be decreasing");
  }
  Require(epsilon > 0.0 && epsilon <= 0.01 * noise_sd, field + ".epsilon", epsilon, "must be in (0, 0.01 noise_sd]");
  Require(deep_epsilon > 0.0 && deep_epsilon <= 0.1 * noise_sd, field + ".deep_epsilon", deep_epsilon,
          "must be in (0, 0.1 noise_sd]");
  Require(step_scale >= 1e-4 && step_scale <= 0.1, field + ".step_scale", step_scale, "must be in [1e-4, 0.1]");
  Require(lag_step_scale >= 1e-4 && lag_step_scale <= 0.1, field + ".lag_step_scale", lag_step_scale, "must be in [1e-4, 0.1]");
  Require(record_every >= 1 && record_every <= 10000, field + ".record_every", record_every, "must be in [1, 1e4]");
  Require(trials >= 2 && trials <= 10000, trials_field, trials, "must be in [2, 1e4]");
}

void AddModeMemory(const ModeOptions& o, int threads, sim::MemoryEstimate* memory) {
  // The longest run is the fit-all run: t(0.9 s_min) with s_min near σ_r(1 − √A), λ = step_scale/ŝ_max.
  const theory::SpikedModel model{static_cast<double>(o.outputs) / o.inputs, o.noise_sd};
  const double sigma_r = theory::RandomOutputScale(o.teacher, o.outputs, model);
  const double s_min = 0.5 * sigma_r * (1.0 - std::sqrt(model.aspect)), s_max = 1.2 * sigma_r * (1.0 + std::sqrt(model.aspect));
  const double steps = theory::ModeTime(0.9 * s_min, s_min, std::min(o.epsilon, 0.5 * s_min), 2) * s_max / o.step_scale;
  const double records = steps / double(o.record_every) + 2.0;
  const double matrices = 24.0 * double(o.inputs + o.outputs) * double(o.hidden);
  memory->Working("modes.record_every", threads * sizeof(double) * (records * o.outputs + matrices));
  memory->Retained(o.trials_field, double(o.trials) * sizeof(double) * (16.0 + o.teacher.size()) +
                                       sizeof(double) * 4.0 * 4.0 * kCurvePoints * o.teacher.size());
}

ModeTrial RunModeTrial(const ModeOptions& o, std::uint64_t seed, std::int64_t trial) {
  const std::uint64_t tag = sim::StreamTag("ld/modes"), t = static_cast<std::uint64_t>(trial);
  sim::Rng data_rng({seed, tag, t, 0}), init_rng({seed, tag, t, 1}), output_rng({seed, tag, t, 2});
  const sim::TeacherData data = sim::DrawTeacherData({o.inputs, o.outputs, o.teacher, o.noise_sd}, data_rng);
  const Spectrum sp = Svd(data.sigma31);
  const int signal = static_cast<int>(o.teacher.size());
  ModeTrial r;
  r.s_hat.assign(sp.s.data(), sp.s.data() + signal);
  std::vector<double>* curve = trial == 0 ? &r.curve : nullptr;
  TrackOneHidden(o, data.sigma31, sp, signal, curve != nullptr, &r);
  TrackThreeHidden(o, data.sigma31, sp, signal, &r);
  r.lag_l2 = Lag(o, data.sigma31, sp, signal, 2, init_rng, curve);
  r.lag_l4 = Lag(o, data.sigma31, sp, signal, 4, init_rng, curve);
  FitAll(o, output_rng, &r);
  return r;
}

std::vector<ModeTrial> RunModes(const ModeOptions& o, std::uint64_t seed, const sim::TrialRunnerOptions& runner) {
  sim::TrialRunnerOptions r = runner;
  r.label = "deep linear modes";
  return sim::RunTrials<ModeTrial>(o.trials, r, [&](std::int64_t t) { return RunModeTrial(o, seed, t); });
}

std::vector<theory::Claim> BuildModeClaims(const ModeOptions& o, const std::vector<ModeTrial>& trials, theory::TestSize size) {
  std::vector<theory::Claim> claims;
  const std::string tol = theory::Num(kTrackTolerance);
  const theory::Claim track = theory::ExactClaim({"", "max over trials, modes and t of |s_GD - s_CF|/s_hat", kSource},
                                                 Worst(trials, [](const ModeTrial& t) { return t.track_l2; }), 0.0, kTrackTolerance);
  const theory::Claim half = theory::ExactClaim({"", "max over trials and signal modes of |t_half/t_half_CF - 1|", kSource},
                                                Worst(trials, [](const ModeTrial& t) { return t.t_half_l2; }), 0.0, kTrackTolerance);
  claims.push_back(theory::AllOfClaim(
      {"LD-DLN.track.L2", "one hidden layer, aligned start: every mode follows the closed-form sigmoid within " + tol +
                              " of s_hat, t_half within " + tol + " (lambda s_hat_max = " + theory::Num(o.step_scale) + ")",
       kSource},
      {track, half}));
  claims.push_back(theory::ExactClaim(
      {"LD-DLN.track.L4", "three hidden layers, aligned start: t10, t50, t90 of every signal mode follow the deep t(u) within " + tol,
       "Saxe et al. (2014) deep ODE as integrated in learning_dynamics.md §3"},
      Worst(trials, [](const ModeTrial& t) { return t.track_l4; }), 0.0, kTrackTolerance));
  claims.push_back(theory::ExactClaim(
      {"LD-DLN.order", "modes are learned in order of their strength (Spearman(s_hat, t_half) = -1; discordant pairs, L = 2 and 4)",
       kSource},
      Worst(trials, [](const ModeTrial& t) { return t.discordant; }), 0.0, 0.0));
  claims.push_back(theory::MeanBoundClaim(
      {"LD-DLN.lag.L2", "a random orthogonal start lags the aligned one by less than 20 % in t_half (one hidden layer)",
       "learning_dynamics.md §3 (b) [calibrate]"},
      Over(trials, [](const ModeTrial& t) { return t.lag_l2; }), kLagLimit, theory::BoundSide::kAtMost, 0.0, size));
  claims.push_back(theory::PairedOrderingClaim(
      {"LD-DLN.lag_grows", "the alignment lag of a random start grows with depth (one vs three hidden layers)",
       "Lampinen & Ganguli (2019) poster via learning_dynamics.md §3 (b)"},
      Over(trials, [](const ModeTrial& t) { return t.lag_l2 - t.lag_l4; }), size));
  claims.push_back(theory::ExactClaim(
      {"LD-RAND.fit_all", "fresh i.i.d. outputs: the time to fit every mode to 90 % is set by the smallest singular value, "
                          "t(0.9 s_min, s_min), within " + tol,
       "learning_dynamics.md §4 (d)"},
      Worst(trials, [](const ModeTrial& t) { return t.fit_all; }), 0.0, kTrackTolerance));
  claims.back().AddNote("mean time to fit every random mode " +
                        theory::Num(Over(trials, [](const ModeTrial& t) { return t.fit_all_time; }).mean) +
                        " tau against " + theory::Num(Over(trials, [](const ModeTrial& t) { return t.fit_signal_time; }).mean) +
                        " tau for the teacher's signal modes");
  return claims;
}

sim::CsvTable ModeTable(const std::vector<ModeTrial>& trials) {
  sim::CsvTable table({"trial", "track_l2", "t_half_l2", "track_l4", "discordant", "lag_l2", "lag_l4", "fit_all",
                       "fit_all_time", "fit_signal_time", "s_hat_1"});
  for (std::size_t i = 0; i < trials.size(); ++i) {
    const ModeTrial& t = trials[i];
    table.Add(static_cast<std::int64_t>(i)).Add(t.track_l2).Add(t.t_half_l2).Add(t.track_l4).Add(t.discordant);
    table.Add(t.lag_l2).Add(t.lag_l4).Add(t.fit_all).Add(t.fit_all_time).Add(t.fit_signal_time).Add(t.s_hat.at(0));
    table.EndRow();
  }
  return table;
}

sim::CsvTable ModeCurveTable(const ModeOptions& o, const std::vector<ModeTrial>& trials) {
  static const char* kRuns[] = {"aligned", "random", "aligned", "random"};
  sim::CsvTable table({"init", "weight_layers", "t_over_tau", "mode", "s_hat", "s_over_s_hat", "closed_form_over_s_hat"});
  if (trials.empty()) return table;
  const ModeTrial& t0 = trials.front();
  for (std::size_t k = 0; k + 3 < t0.curve.size(); k += 4) {
    const int run = static_cast<int>(t0.curve[k]), mode = static_cast<int>(t0.curve[k + 2]), layers = run < 2 ? 2 : 4;
    const double s = t0.s_hat.at(static_cast<std::size_t>(mode)), eps = layers == 2 ? o.epsilon : o.deep_epsilon;
    table.Add(kRuns[run]).Add(layers).Add(t0.curve[k + 1]).Add(mode).Add(s).Add(t0.curve[k + 3]);
    table.Add(theory::ModeStrength(t0.curve[k + 1], s, eps, layers) / s);
    table.EndRow();
  }
  return table;
}

}  // namespace memgen::scenarios
