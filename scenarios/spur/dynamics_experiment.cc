// GD dynamics in the idealized model, see dynamics_experiment.h.
#include "scenarios/spur/dynamics_experiment.h"

#include <Eigen/Core>

#include <algorithm>
#include <cmath>
#include <functional>

#include "sim/core/config_error.h"
#include "sim/random/stream_tag.h"
#include "sim/spur/hard_margin_svm.h"
#include "sim/spur/logistic_gd.h"
#include "sim/spur/mat_shift.h"
#include "sim/spur/data.h"
#include "sim/spur/xrm.h"
#include "theory/stats/sample_stats.h"
#include "theory/spur/closed_form.h"
#include "theory/verdict/family_rules.h"
#include "theory/verdict/verdict_rules.h"

namespace memgen::scenarios {
namespace {

const char* kSource = "spurious_memorization.md §6 (Figure-5 analogue); Soudry et al. (2018)";


// Read-outs of w = Xᵀc for the idealized layout (x_y, x_a, ε).
DynamicsPoint ReadOut(const Eigen::MatrixXd& x, const Eigen::MatrixXd& noise_gram, const Eigen::VectorXd& c,
                      const DynamicsOptions& o, double sigma_eps) {
  const double w_y = x.col(0).dot(c), w_a = x.col(1).dot(c);
  const double weps2 = std::max(0.0, c.dot(noise_gram * c));
  const double norm = std::sqrt(w_y * w_y + w_a * w_a + weps2);
  DynamicsPoint p;
  const double u = w_y + o.gamma * w_a, v = w_y - o.gamma * w_a;
  p.ratio = v / u;
  p.core = w_y / norm;
  p.spurious = o.gamma * w_a / norm;
  const theory::GaussianFeatures features{o.gamma, 0.0, 0.0, sigma_eps};
  p.acc_majority = theory::GroupAccuracy(w_y, w_a, weps2, features, true);
  p.acc_minority = theory::GroupAccuracy(w_y, w_a, weps2, features, false);
  return p;
}

// v/u of the hard-margin SVM; its normalised (w_y, γw_a) go to `core`, `spurious` when given.
double SvmRatio(const Eigen::MatrixXd& x, const Eigen::MatrixXd& gram, const Eigen::VectorXd& y, double gamma,
                double* core = nullptr, double* spurious = nullptr) {
  const sim::SvmResult svm = sim::SolveHardMarginSvm(gram, y);
  const double w_y = x.col(0).dot(svm.coefficients), w_a = x.col(1).dot(svm.coefficients);
  const double norm = (x.transpose() * svm.coefficients).norm();
  if (core) *core = w_y / norm;
  if (spurious) *spurious = gamma * w_a / norm;
  return (w_y - gamma * w_a) / (w_y + gamma * w_a);
}

theory::MeanSe Over(const std::vector<DynamicsTrial>& trials, const std::function<double(const DynamicsTrial&)>& f) {
  std::vector<double> v;
  for (const DynamicsTrial& t : trials) v.push_back(f(t));
  return theory::Summarize(v);
}

}  // namespace

const char* DynamicsArmName(int arm) {
  switch (arm) {
    case kDynErm: return "erm";
    case kDynReweight: return "reweight";
    case kDynShift: return "shift";
    case kDynMat: return "mat";
    case kDynOversized: return "oversized";
    case kDynClean: return "erm_clean";
  }
  return "?";
}

void DynamicsOptions::Validate(const std::string& field) const {
  sim::IdealizedOptions o;
  o.n = n;
  o.rho = rho;
  o.gamma = gamma;
  o.d = d;
  o.sigma_eps = sigma_eps;
  o.Validate(field);
  Require(sigma_eps > 0.0, field + ".sigma_eps", sigma_eps, "must be > 0 (the memorizing sample)");
  Require(learning_rate > 0.0 && learning_rate <= 100.0, field + ".learning_rate", learning_rate, "must be in (0, 100]");
  Require(max_power >= 3 && max_power <= 7, field + ".max_power", max_power, "must be in [3, 7]");
  Require(oversized_shift > 0.0 && oversized_shift <= 50.0, field + ".oversized_shift", oversized_shift, "must be in (0, 50]");
  Require(shift_scale >= 0.0 && shift_scale <= 10.0, field + ".shift_scale", shift_scale, "must be in [0, 10]");
  Require(temperature > 0.0 && temperature <= 100.0, field + ".temperature", temperature, "must be in (0, 100]");
  Require(xrm_epochs >= 1 && xrm_epochs <= 1000000, field + ".xrm_epochs", xrm_epochs, "must be in [1, 1e6]");
  Require(trials >= 2 && trials <= 100000, field + ".trials", trials, "must be in [2, 1e5]");
}

void AddDynamicsMemory(const DynamicsOptions& o, int threads, sim::MemoryEstimate* memory) {
  const auto n = static_cast<double>(o.n), dim = static_cast<double>(o.d + 2);
  memory->Working("dynamics.n", threads * (sizeof(double) * (6 * n * dim + 12 * n * n) + 1e6));
  const double points = kDynamicsArms * static_cast<double>(o.max_power + 1);
  memory->Retained("dynamics.trials", static_cast<double>(o.trials) * (sizeof(DynamicsTrial) + points * sizeof(DynamicsPoint)));
}

DynamicsTrial RunDynamicsTrial(const DynamicsOptions& o, std::uint64_t seed, std::int64_t trial) {
  const std::uint64_t tag = sim::StreamTag("spur/dynamics");
  const auto t = static_cast<std::uint64_t>(trial);
  sim::Rng data_rng({seed, tag, t, 0}), xrm_rng({seed, tag, t, 1});
  sim::IdealizedOptions data;
  data.n = o.n;
  data.rho = o.rho;
  data.gamma = o.gamma;
  data.d = o.d;
  data.sigma_eps = 1.0;  // standard normals; scaled per sample below
  const sim::SpuriousSample base = sim::DrawIdealized(data, data_rng);
  Eigen::MatrixXd x = base.x;
  x.rightCols(o.d) *= o.sigma_eps;
  Eigen::MatrixXd clean = base.x;
  clean.rightCols(o.d).setZero();
  const Eigen::MatrixXd gram = x * x.transpose(), clean_gram = clean * clean.transpose();
  const Eigen::MatrixXd noise_gram = x.rightCols(o.d) * x.rightCols(o.d).transpose();
  const Eigen::MatrixXd clean_noise_gram = Eigen::MatrixXd::Zero(o.n, o.n);
  const Eigen::Index n = o.n;
  const double rho = static_cast<double>(base.MinorityCount()) / static_cast<double>(n);
  const double log_odds = std::log((1.0 - rho) / rho);
  Eigen::VectorXd attribute(n);
  for (Eigen::Index i = 0; i < n; ++i) attribute(i) = base.minority[static_cast<std::size_t>(i)] ? -base.y(i) : base.y(i);
  // MAT's shift from XRM on the same sample (zero initial weights, the same η).
  sim::XrmOptions xrm_options;
  xrm_options.learning_rate = o.learning_rate;
  xrm_options.epochs = o.xrm_epochs;
  const Eigen::VectorXd zero = Eigen::VectorXd::Zero(x.cols());
  const Eigen::VectorXd init[2] = {zero, zero};
  const sim::XrmResult xrm = sim::RunXrm(x, gram, base.y, init, xrm_options, xrm_rng);
  const sim::MatShift mat = sim::ComputeMatShift(xrm.held_out_logits, base.y, o.temperature);
  std::vector<sim::LogisticArm> arms(5);
  for (auto& a : arms) a.learning_rate = o.learning_rate;
  arms[kDynReweight].weight = Eigen::VectorXd::Ones(n);
  for (Eigen::Index i = 0; i < n; ++i)
    if (base.minority[static_cast<std::size_t>(i)]) arms[kDynReweight].weight(i) = (1.0 - rho) / rho;
  arms[kDynShift].shift = o.shift_scale * log_odds * attribute;
  arms[kDynMat].shift = mat.delta;
  arms[kDynOversized].shift = o.oversized_shift * attribute;
  sim::DualLogisticGd gd(gram, base.y, arms);
  sim::LogisticArm clean_arm;
  clean_arm.learning_rate = o.learning_rate;
  sim::DualLogisticGd clean_gd(clean_gram, base.y, {clean_arm});
  DynamicsTrial out;
  out.svm_ratio = SvmRatio(x, gram, base.y, o.gamma, &out.svm_core, &out.svm_spurious);
  out.clean_svm_ratio = SvmRatio(clean, clean_gram, base.y, o.gamma);
  out.points.assign(kDynamicsArms, {});
  std::int64_t next = 1;
  for (std::int64_t k = 0; k <= o.max_power; ++k) {
    while (gd.steps() < next) {
      gd.Step();
      clean_gd.Step();
    }
    for (int a = 0; a < 5; ++a)
      out.points[static_cast<std::size_t>(a)].push_back(ReadOut(x, noise_gram, gd.coefficients().col(a), o, o.sigma_eps));
    out.points[kDynClean].push_back(ReadOut(clean, clean_noise_gram, clean_gd.coefficients().col(0), o, 0.0));
    next *= 10;
  }
  return out;
}

std::vector<DynamicsTrial> RunDynamics(const DynamicsOptions& options, std::uint64_t seed, const sim::TrialRunnerOptions& runner) {
  sim::TrialRunnerOptions r = runner;
  r.label = "dynamics";
  r.block_size = 4;
  return sim::RunTrials<DynamicsTrial>(options.trials, r, [&](std::int64_t t) { return RunDynamicsTrial(options, seed, t); });
}

namespace {

// The recorded times t = 10^k, k = 0 … max_power, and the trials' per-arm read-outs at them.
struct Trajectories {
  const std::vector<DynamicsTrial>& trials;
  std::vector<double> times;
  std::size_t Count() const { return times.size(); }
  theory::MeanSe At(int arm, std::size_t k, double DynamicsPoint::*field) const {
    return Over(trials, [=](const DynamicsTrial& t) { return t.points[static_cast<std::size_t>(arm)][k].*field; });
  }
};

// SPUR-E3.converge: ERM's distance to the SVM direction shrinks.
theory::Claim ConvergeClaim(const Trajectories& tr, theory::TestSize size) {
  std::vector<theory::MeanSe> distance;
  for (std::size_t k = 0; k < tr.Count(); ++k)
    distance.push_back(Over(tr.trials, [k](const DynamicsTrial& t) { return std::fabs(t.points[kDynErm][k].ratio - t.svm_ratio); }));
  theory::Claim c = theory::DecreasingClaim({"SPUR-E3.converge", "ERM approaches the max-margin direction: |v/u - (v/u)_SVM| falls with log t",
                                  kSource},
                                 tr.times, distance, size);
  c.details = {{"svm_ratio", Over(tr.trials, [](const DynamicsTrial& t) { return t.svm_ratio; }).mean},
               {"last_distance", distance.back().mean}};
  return c;
}

// SPUR-E3.clean: at σ_ε = 0 ERM heads to the core direction and classifies the minority (ALL-OF of
// two one-sided bounds with margin 0, the levels being well short of the limits 1; v/u first).
theory::Claim CleanClaim(const Trajectories& tr, theory::TestSize size) {
  const std::size_t k_count = tr.Count();
  const theory::MeanSe last = tr.At(kDynClean, k_count - 1, &DynamicsPoint::ratio);
  const theory::Claim ratio =
      theory::MeanBoundClaim({"", "", kSource}, last, 0.7, theory::BoundSide::kAtLeast, 0.0, size.Split(2));
  std::vector<double> late_t;
  std::vector<theory::MeanSe> late_minority;
  for (std::size_t k = 2; k < k_count; ++k) {
    late_t.push_back(tr.times[k]);
    late_minority.push_back(tr.At(kDynClean, k, &DynamicsPoint::acc_minority));
  }
  const theory::Claim minority = theory::SeriesBoundClaim({"", "", kSource}, late_t, late_minority, 0.99,
                                                          theory::BoundSide::kAtLeast, 0.0, size.Split(2));
  theory::Claim c = theory::AllOfClaim(
      {"SPUR-E3.clean", "without noise ERM heads to the core direction: v/u at the last t >= 0.7", kSource}, {ratio, minority});
  c.AddNote("parts: v/u at the last t, then the minority accuracy for t >= 100");
  return c;
}

// SPUR-E4.reweight: reweighting sits at the SVM direction from t = 1e3: at every t >= 1e3 the paired
// difference d = (v/u)_reweight − (v/u)_SVM has |mean| <= 0.02 + z SE (TOLERANCE; 0.02 is the
// statement's tolerance). ALL-OF over t (the size split over t), the worst t (largest (|mean| − 0.02)/SE)
// first, so the claim's numbers are the worst t's.
theory::Claim ReweightClaim(const Trajectories& tr, theory::TestSize size) {
  const std::size_t k_count = tr.Count();
  std::vector<theory::Claim> parts;
  std::vector<double> times;
  double worst_excess = -INFINITY;
  std::size_t worst = 0;
  const theory::TestSize each = size.Split(k_count > 3 ? k_count - 3 : 1);
  for (std::size_t k = 3; k < k_count; ++k) {
    const theory::MeanSe d =
        Over(tr.trials, [k](const DynamicsTrial& t) { return t.points[kDynReweight][k].ratio - t.svm_ratio; });
    const double excess = (std::fabs(d.mean) - 0.02) / std::max(d.se, 1e-300);
    if (excess > worst_excess) {
      worst_excess = excess;
      worst = parts.size();
    }
    parts.push_back(theory::ToleranceClaim({"", "", kSource}, d, 0.0, 0.02, each));
    times.push_back(tr.times[k]);
  }
  if (!parts.empty()) {
    std::swap(parts[0], parts[worst]);
    std::swap(times[0], times[worst]);
  }
  std::string order;
  for (double t : times) order += (order.empty() ? "t = " : ", ") + theory::Num(t);
  theory::Claim c = theory::AllOfClaim(
      {"SPUR-E4.reweight", "group reweighting goes straight to the max-margin direction (|v/u - (v/u)_SVM| <= 0.02 from t = 1e3)",
       kSource},
      parts);
  c.AddNote("parts: " + order + " (worst first)");
  return c;
}

// SPUR-E4.shift_wins and SPUR-E4.transient: the shift's advantage over ERM from t = 10, and its decay.
// shift_wins is a PAIRED-ORDER at every t >= 10 on d = acc_ERM − acc_shift (minority, per trial):
// PASS when every d is significantly negative, FAIL when one is significantly positive, otherwise
// INCONCLUSIVE (a zero advantage is no evidence either way). ALL-OF over t (the size split over t),
// the weakest t (largest mean/SE) first.
void AddShiftClaims(const Trajectories& tr, theory::TestSize size, std::vector<theory::Claim>* claims) {
  std::vector<double> x;
  std::vector<theory::MeanSe> shift_minority;
  std::vector<theory::Claim> parts;
  double weakest_upper = -INFINITY;
  std::size_t weakest = 0;
  const theory::TestSize each = size.Split(tr.Count() > 1 ? tr.Count() - 1 : 1);
  for (std::size_t k = 1; k < tr.Count(); ++k) {
    x.push_back(tr.times[k]);
    const theory::MeanSe d = Over(tr.trials, [k](const DynamicsTrial& t) {
      return t.points[kDynErm][k].acc_minority - t.points[kDynShift][k].acc_minority;
    });
    const double t_stat = d.mean / std::max(d.se, 1e-300);
    if (t_stat > weakest_upper) {
      weakest_upper = t_stat;
      weakest = parts.size();
    }
    parts.push_back(theory::PairedOrderingClaim({"", "", kSource}, d, each));
    shift_minority.push_back(tr.At(kDynShift, k, &DynamicsPoint::acc_minority));
  }
  std::vector<double> order_t = x;
  if (!parts.empty()) {
    std::swap(parts[0], parts[weakest]);
    std::swap(order_t[0], order_t[weakest]);
  }
  std::string order;
  for (double t : order_t) order += (order.empty() ? "t = " : ", ") + theory::Num(t);
  theory::Claim wins = theory::AllOfClaim(
      {"SPUR-E4.shift_wins", "the logit shift's minority accuracy exceeds ERM's at every t >= 10", kSource}, parts);
  wins.AddNote("paired d = ERM - shift; parts: " + order + " (weakest first)");
  claims->push_back(wins);
  claims->push_back(theory::DecreasingClaim({"SPUR-E4.transient", "and that accuracy decays with t: the advantage is transient",
                                    kSource + std::string("; Kini et al. (2021)")},
                                   x, shift_minority, size));
}

// SPUR-E4.oversized: an over-sized shift over-corrects early (at most 0.01 at every t <= 100, margin 0).
theory::Claim OversizedClaim(const Trajectories& tr, theory::TestSize size) {
  std::vector<double> x;
  std::vector<theory::MeanSe> majority;
  for (std::size_t k = 0; k <= 2 && k < tr.Count(); ++k) {
    x.push_back(tr.times[k]);
    majority.push_back(tr.At(kDynOversized, k, &DynamicsPoint::acc_majority));
  }
  return theory::SeriesBoundClaim({"SPUR-E4.oversized",
                                   "an over-sized shift (delta = 6) sacrifices the majority early (accuracy <= 0.01 for t <= 100)",
                                   kSource},
                                  x, majority, 0.01, theory::BoundSide::kAtMost, 0.0, size);
}

}  // namespace

std::vector<theory::Claim> BuildDynamicsClaims(const DynamicsOptions& o, const std::vector<DynamicsTrial>& trials,
                                               theory::TestSize size) {
  Trajectories tr{trials, {}};
  for (std::int64_t k = 0; k <= o.max_power; ++k) tr.times.push_back(std::pow(10.0, static_cast<double>(k)));
  std::vector<theory::Claim> claims = {ConvergeClaim(tr, size), CleanClaim(tr, size), ReweightClaim(tr, size)};
  AddShiftClaims(tr, size, &claims);
  claims.push_back(OversizedClaim(tr, size));
  return claims;
}

sim::CsvTable DynamicsTable(const DynamicsOptions& o, const std::vector<DynamicsTrial>& trials) {
  sim::CsvTable t({"arm", "t", "trials", "ratio", "ratio_se", "core", "spurious", "acc_majority", "acc_majority_se",
                   "acc_minority", "acc_minority_se", "svm_ratio", "svm_core", "svm_spurious"});
  for (int arm = 0; arm < kDynamicsArms; ++arm)
    for (std::int64_t k = 0; k <= o.max_power; ++k) {
      const auto field = [&](double DynamicsPoint::*f) {
        return Over(trials, [=](const DynamicsTrial& r) { return r.points[static_cast<std::size_t>(arm)][static_cast<std::size_t>(k)].*f; });
      };
      const theory::MeanSe ratio = field(&DynamicsPoint::ratio), maj = field(&DynamicsPoint::acc_majority),
                        mi = field(&DynamicsPoint::acc_minority);
      const theory::MeanSe svm =
          Over(trials, [arm](const DynamicsTrial& r) { return arm == kDynClean ? r.clean_svm_ratio : r.svm_ratio; });
      t.Add(std::string(DynamicsArmName(arm))).Add(std::pow(10.0, k)).Add(static_cast<std::int64_t>(trials.size()));
      t.Add(ratio.mean).Add(ratio.se).Add(field(&DynamicsPoint::core).mean).Add(field(&DynamicsPoint::spurious).mean);
      t.Add(maj.mean).Add(maj.se).Add(mi.mean).Add(mi.se).Add(svm.mean);
      t.Add(Over(trials, [](const DynamicsTrial& r) { return r.svm_core; }).mean);
      t.Add(Over(trials, [](const DynamicsTrial& r) { return r.svm_spurious; }).mean);
      t.EndRow();
    }
  return t;
}

}  // namespace memgen::scenarios
