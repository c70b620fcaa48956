// The Omnigrok weight-decay law, see weight_decay_experiment.h.
#include "scenarios/ld/weight_decay_experiment.h"

#include <algorithm>
#include <cmath>

#include "sim/core/config_error.h"
#include "sim/random/distributions.h"
#include "sim/random/stream_tag.h"
#include "theory/stats/sample_stats.h"
#include "theory/verdict/verdict_rules.h"

namespace memgen::scenarios {
namespace {

const char* kSource = "Liu, Michaud, Tegmark (2022) §2-3, Omnigrok teacher-student; learning_dynamics.md §2.6, §2.7 G4";
constexpr double kFitted = 0.95;  // t95: 95 % of the samples under θ (the paper's "95% accuracy")
constexpr double kRecordGrowth = 1.05;

struct TeacherSet {
  sim::RowMatrix train_x, train_y, test_x, test_y;
};

sim::RowMatrix NormalInputs(int rows, int columns, sim::Rng& rng) {
  sim::RowMatrix x(rows, columns);
  sim::FillNormal(rng, x.data(), static_cast<std::size_t>(x.size()));
  return x;
}

// The teacher (a0 = 1) and its labels on N(0, I) inputs; the same for every γ of a seed.
TeacherSet DrawTeacherSet(const WeightDecayCell& c, std::uint64_t seed, std::int64_t trial) {
  const std::uint64_t tag = sim::StreamTag("ld/weight_decay/" + c.name), t = static_cast<std::uint64_t>(trial);
  sim::Rng teacher_rng({seed, tag, t, 0}), data_rng({seed, tag, t, 1});
  const sim::DeepTanhMlp teacher = sim::InitDeepTanhMlp(c.shape, 1.0, teacher_rng);
  TeacherSet d;
  d.train_x = NormalInputs(c.train_size, c.shape.inputs, data_rng);
  d.test_x = NormalInputs(c.test_size, c.shape.inputs, data_rng);
  sim::DeepTanhWorkspace ws;
  sim::Forward(teacher, d.train_x, &ws);
  d.train_y = ws.output;
  sim::Forward(teacher, d.test_x, &ws);
  d.test_y = ws.output;
  return d;
}

void Record(std::int64_t step, const sim::RegressionFit& train, const sim::RegressionFit& test, double norm, DecayRun* r) {
  r->step.push_back(step);
  r->train_accuracy.push_back(train.accuracy);
  r->test_accuracy.push_back(test.accuracy);
  r->norm.push_back(norm);
}

theory::MeanSe OverSeeds(const WeightDecayResult& r, std::size_t g, std::int64_t DecayRun::*field) {
  std::vector<double> v;
  for (const WeightDecayTrial& t : r.trials) v.push_back(static_cast<double>(t.runs[g].*field));
  return theory::Summarize(v);
}

bool AllReached(const WeightDecayResult& r, std::size_t g) {
  for (const WeightDecayTrial& t : r.trials)
    if (t.runs[g].fitted < 0 || t.runs[g].generalized < 0) return false;
  return true;
}

// The γ of the fit (spec G4): below γ*, the decay-only time within [3 t95_train, budget/3], all seeds
// fitted and generalized.
struct LowerBranch {
  std::vector<std::size_t> members;
  double gamma_star = 0.0;
  std::string excluded;
};

LowerBranch SelectLowerBranch(const WeightDecayResult& r) {
  const WeightDecayCell& c = r.cell;
  LowerBranch b;
  double best = INFINITY;
  for (std::size_t g = 0; g < c.weight_decays.size(); ++g) {
    if (c.weight_decays[g] <= 0.0 || !AllReached(r, g)) continue;
    const double t = OverSeeds(r, g, &DecayRun::generalized).mean;
    if (t < best) best = t, b.gamma_star = c.weight_decays[g];
  }
  for (std::size_t g = 0; g < c.weight_decays.size(); ++g) {
    const double gamma = c.weight_decays[g];
    if (gamma <= 0.0) continue;
    const double decay_only = c.DecayOnlySteps(gamma), fitted = OverSeeds(r, g, &DecayRun::fitted).mean;
    std::string why;
    if (!AllReached(r, g)) why = "a seed did not fit or generalize within the budget";
    else if (gamma >= b.gamma_star) why = "not below gamma* = " + theory::Num(b.gamma_star);
    else if (decay_only > static_cast<double>(c.budget) / 3.0) why = "decay-only time " + theory::Num(decay_only) + " > budget/3";
    else if (decay_only < 3.0 * fitted) why = "decay-only time " + theory::Num(decay_only) + " < 3 t95_train";
    if (why.empty()) b.members.push_back(g);
    else b.excluded += " gamma " + theory::Num(gamma) + ": " + why + ";";
  }
  return b;
}

// Per seed, the coefficient of variation of t95_train over γ = 0 and the lower branch (the weight
// decays the law is claimed for; above γ* strong decay also speeds up the fit).
theory::MeanSe TrainTimeCv(const WeightDecayResult& r, const std::vector<std::size_t>& grid) {
  std::vector<double> cv;
  for (const WeightDecayTrial& t : r.trials) {
    std::vector<double> times;
    for (std::size_t g : grid) times.push_back(static_cast<double>(t.runs[g].fitted >= 0 ? t.runs[g].fitted : r.cell.Budget(r.cell.weight_decays[g])));
    const theory::MeanSe s = theory::Summarize(times);
    cv.push_back(s.sd / s.mean);
  }
  return theory::Summarize(cv);
}

theory::Claim TrainTimeClaim(const WeightDecayResult& r, theory::TestSize size) {
  std::vector<std::size_t> grid = SelectLowerBranch(r).members;
  const auto zero = std::find(r.cell.weight_decays.begin(), r.cell.weight_decays.end(), 0.0);
  if (zero != r.cell.weight_decays.end()) grid.insert(grid.begin(), static_cast<std::size_t>(zero - r.cell.weight_decays.begin()));
  theory::ClaimHeader h("LD-G4.train_time_flat." + r.cell.name,
                        "the time to fit 95 % of the training set does not depend on the weight decay: per-seed CV of t95_train over "
                        "gamma = 0 and the lower branch at most " + theory::Num(r.cell.max_train_cv),
                        std::string(kSource) + " [calibrate]");
  h.Require(grid.size() >= 2, "fewer than two weight decays to compare");
  theory::Claim c = theory::MeanBoundClaim(h, TrainTimeCv(r, grid), r.cell.max_train_cv, theory::BoundSide::kAtMost, 0.0, size);
  std::string note = "mean t95_train per weight decay:";
  for (std::size_t g = 0; g < r.cell.weight_decays.size(); ++g)
    note += " " + theory::Num(r.cell.weight_decays[g]) + ": " + theory::Num(OverSeeds(r, g, &DecayRun::fitted).mean);
  c.AddNote(note);
  return c;
}

theory::Claim SlopeLawClaim(const WeightDecayResult& r, theory::TestSize size) {
  const LowerBranch branch = SelectLowerBranch(r);
  std::vector<double> gamma;
  std::vector<theory::MeanSe> t_test, t_gap;
  for (std::size_t g : branch.members) {
    gamma.push_back(r.cell.weight_decays[g]);
    t_test.push_back(OverSeeds(r, g, &DecayRun::generalized));
    t_gap.push_back({t_test.back().mean - OverSeeds(r, g, &DecayRun::fitted).mean, 0.0, 0.0, r.trials.size()});
  }
  theory::ClaimHeader h("LD-G4.slope." + r.cell.name,
                        "on the lower branch the time to generalize scales like 1/(weight decay): log-log slope of t95_test against gamma in [" +
                            theory::Num(r.cell.slope_lo) + ", " + theory::Num(r.cell.slope_hi) + "]",
                        std::string(kSource) + " [calibrate]");
  h.Require(branch.members.size() >= 3, "fewer than three weight decays on the lower branch (extend the grid downward with a larger budget)");
  theory::Claim c = theory::SlopeClaim(h, gamma, t_test, {r.cell.slope_lo, r.cell.slope_hi}, size);
  if (!branch.excluded.empty()) c.AddNote("excluded from the fit:" + branch.excluded);
  std::string law = "ln(w0/w_c) estimated as eta*gamma*(t95_test - t95_train):";
  for (std::size_t i = 0; i < gamma.size(); ++i) law += " " + theory::Num(r.cell.adamw.learning_rate * gamma[i] * t_gap[i].mean);
  c.AddNote(law + " (ln a0 = " + theory::Num(std::log(r.cell.a0)) + ")");
  return c;
}

std::ptrdiff_t NoDecayIndex(const WeightDecayCell& c) {
  const auto zero = std::find(c.weight_decays.begin(), c.weight_decays.end(), 0.0);
  return zero == c.weight_decays.end() ? -1 : zero - c.weight_decays.begin();
}

// t95_test, a run that never generalizes counted at its budget (a lower bound on its time).
double CensoredTime(const WeightDecayCell& c, const DecayRun& run, double gamma) {
  return static_cast<double>(run.generalized >= 0 ? run.generalized : c.Budget(gamma));
}

theory::Claim DecayHelpsClaim(const WeightDecayResult& r, theory::TestSize size) {
  const std::ptrdiff_t zero = NoDecayIndex(r.cell);
  const auto smallest = static_cast<std::size_t>(zero + 1);
  theory::ClaimHeader h("LD-G4.decay_helps." + r.cell.name,
                        "weight decay makes the general solution cheaper: the smallest weight decay of the grid generalizes sooner than none",
                        kSource);
  h.Require(zero >= 0 && smallest < r.cell.weight_decays.size(), "the grid needs weight decay 0 and a positive one");
  std::vector<double> d;
  if (zero >= 0 && smallest < r.cell.weight_decays.size())
    for (const WeightDecayTrial& t : r.trials)
      d.push_back(CensoredTime(r.cell, t.runs[smallest], r.cell.weight_decays[smallest]) - CensoredTime(r.cell, t.runs[std::size_t(zero)], 0.0));
  return theory::PairedOrderingClaim(h, theory::Summarize(d), size);
}

theory::Claim NoDecayClaim(const WeightDecayResult& r) {
  const std::ptrdiff_t zero = NoDecayIndex(r.cell);
  theory::ClaimHeader h("LD-G4.no_decay." + r.cell.name,
                        "without weight decay no seed reaches 95 % test accuracy within " + theory::Num(double(r.cell.no_decay_budget)) +
                            " steps: seeds that do",
                        kSource);
  h.Require(zero >= 0, "the grid has no weight decay 0");
  double generalized = 0.0, best = 0.0;
  if (zero >= 0)
    for (const WeightDecayTrial& t : r.trials) {
      generalized += t.runs[std::size_t(zero)].generalized >= 0 ? 1.0 : 0.0;
      best = std::max(best, t.runs[std::size_t(zero)].best_test_accuracy);
    }
  theory::Claim c = theory::ExactClaim(h, generalized, 0.0, 0.0);
  c.AddNote("best test accuracy without decay " + theory::Num(best));
  return c;
}

}  // namespace

double WeightDecayCell::DecayOnlySteps(double gamma) const { return std::log(a0) / (adamw.learning_rate * gamma); }

void WeightDecayCell::Validate(const std::string& field) const {
  Require(!name.empty() && name.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_") == std::string::npos, field + ".name", name,
          "must be a non-empty [a-z0-9_] name");
  Require(shape.inputs >= 1 && shape.inputs <= 1000, field + ".inputs", shape.inputs, "must be in [1, 1000]");
  Require(shape.width >= 1 && shape.width <= 4000, field + ".width", shape.width, "must be in [1, 4000]");
  Require(shape.outputs >= 1 && shape.outputs <= 1000, field + ".outputs", shape.outputs, "must be in [1, 1000]");
  Require(train_size >= 1 && train_size <= 100000, field + ".train_size", train_size, "must be in [1, 1e5]");
  Require(test_size >= 1 && test_size <= 100000, field + ".test_size", test_size, "must be in [1, 1e5]");
  Require(a0 > 1.0 && a0 <= 100.0, field + ".a0", a0, "must be in (1, 100] (the law needs an initialisation above the default)");
  Require(threshold > 0.0 && threshold <= 10.0, field + ".threshold", threshold, "must be in (0, 10]");
  Require(adamw.learning_rate > 0.0 && adamw.learning_rate <= 1.0, field + ".learning_rate", adamw.learning_rate, "must be in (0, 1]");
  Require(adamw.beta1 >= 0.0 && adamw.beta1 < 1.0, field + ".beta1", adamw.beta1, "must be in [0, 1)");
  Require(adamw.beta2 >= 0.0 && adamw.beta2 < 1.0, field + ".beta2", adamw.beta2, "must be in [0, 1)");
  Require(adamw.epsilon > 0.0 && adamw.epsilon <= 1.0, field + ".epsilon", adamw.epsilon, "must be in (0, 1]");
  Require(!weight_decays.empty() && weight_decays.size() <= 64, field + ".weight_decays", static_cast<std::int64_t>(weight_decays.size()),
          "must list 1 to 64 weight decays");
  for (std::size_t i = 0; i < weight_decays.size(); ++i) {
    Require(weight_decays[i] >= 0.0 && adamw.learning_rate * weight_decays[i] < 1.0, field + ".weight_decays", weight_decays[i],
            "must be >= 0 with learning_rate * weight_decay < 1");
    Require(i == 0 || weight_decays[i] > weight_decays[i - 1], field + ".weight_decays", weight_decays[i], "must increase strictly");
  }
  Require(budget >= 1 && budget <= 10000000, field + ".budget", budget, "must be in [1, 1e7]");
  Require(no_decay_budget >= 1 && no_decay_budget <= 10000000, field + ".no_decay_budget", no_decay_budget, "must be in [1, 1e7]");
  Require(slope_lo < slope_hi, field + ".slope_hi", slope_hi, "must exceed slope_lo");
  Require(max_train_cv > 0.0, field + ".max_train_cv", max_train_cv, "must be > 0");
  Require(!planted_rate_scales_with_decay || adamw.learning_rate * (1.0 + 10.0 * weight_decays.back()) * weight_decays.back() < 1.0,
          field + ".weight_decays", weight_decays.back(), "must keep the planted learning rate times weight_decay < 1");
  Require(planted_decay < 0.0 || adamw.learning_rate * planted_decay < 1.0, field + ".planted_decay", planted_decay,
          "must keep learning_rate * weight_decay < 1");
  Require(trials >= 2 && trials <= 10000, trials_field, trials, "must be in [2, 1e4]");
}

void AddWeightDecayMemory(const WeightDecayCell& c, int threads, sim::MemoryEstimate* memory) {
  const double samples = double(c.train_size) + c.test_size, parameters = static_cast<double>(c.shape.ParameterCount());
  memory->Working(c.name + ".width", threads * sizeof(double) * (samples * (3.0 * c.shape.width + 2.0 * c.shape.outputs + c.shape.inputs) + 5.0 * parameters));
  const double records = 4.0 * (std::log(double(std::max(c.budget, c.no_decay_budget)) + 1.0) / std::log(kRecordGrowth) + 100.0);
  memory->Retained(c.trials_field, double(c.trials) * c.weight_decays.size() * sizeof(double) * (records + 6.0));
}

DecayRun TrainStudent(const WeightDecayCell& c, double gamma, std::uint64_t seed, std::int64_t trial) {
  const TeacherSet d = DrawTeacherSet(c, seed, trial);
  sim::Rng student_rng({seed, sim::StreamTag("ld/weight_decay/" + c.name), static_cast<std::uint64_t>(trial), 2});
  sim::DeepTanhMlp student = sim::InitDeepTanhMlp(c.shape, c.a0, student_rng);
  sim::AdamWOptions adamw = c.adamw;
  adamw.weight_decay = c.planted_decay >= 0.0 ? c.planted_decay : gamma;
  if (c.planted_rate_scales_with_decay) adamw.learning_rate *= 1.0 + 10.0 * gamma;
  sim::AdamWMoments moments;
  sim::DeepTanhWorkspace train_ws, test_ws;
  Eigen::VectorXd gradient;
  DecayRun r;
  std::int64_t next_record = 0;
  for (std::int64_t step = 0;; ++step) {
    const sim::RegressionFit train = sim::Gradient(student, d.train_x, d.train_y, c.threshold, &gradient, &train_ws);
    const sim::RegressionFit test = sim::Evaluate(student, d.test_x, d.test_y, c.threshold, &test_ws);
    if (r.fitted < 0 && train.accuracy >= kFitted) r.fitted = step;
    if (r.generalized < 0 && test.accuracy >= kFitted) r.generalized = step;
    r.best_test_accuracy = std::max(r.best_test_accuracy, test.accuracy);
    const bool done = (r.fitted >= 0 && r.generalized >= 0) || step == c.Budget(gamma);
    if (step == next_record || done) {
      Record(step, train, test, sim::ParameterNorm(student), &r);
      next_record = std::max(step + 1, static_cast<std::int64_t>(std::ceil(static_cast<double>(step) * kRecordGrowth)));
    }
    if (done) {
      r.steps = step;
      r.final_test_accuracy = test.accuracy;
      return r;
    }
    sim::AdamWStep(adamw, step + 1, student.parameters.data(), gradient.data(), static_cast<std::size_t>(gradient.size()), &moments);
  }
}

WeightDecayTrial RunWeightDecayTrial(const WeightDecayCell& c, std::uint64_t seed, std::int64_t trial) {
  WeightDecayTrial t;
  for (double gamma : c.weight_decays) t.runs.push_back(TrainStudent(c, gamma, seed, trial));
  return t;
}

WeightDecayResult RunWeightDecayCell(const WeightDecayCell& c, std::uint64_t seed, const sim::TrialRunnerOptions& runner) {
  sim::TrialRunnerOptions r = runner;
  r.label = "weight decay " + c.name;
  return {c, sim::RunTrials<WeightDecayTrial>(c.trials, r, [&](std::int64_t t) { return RunWeightDecayTrial(c, seed, t); })};
}

std::vector<theory::Claim> BuildWeightDecayClaims(const WeightDecayResult& r, theory::TestSize size) {
  return {TrainTimeClaim(r, size), SlopeLawClaim(r, size), DecayHelpsClaim(r, size), NoDecayClaim(r)};
}

sim::CsvTable WeightDecayRunTable(const WeightDecayResult& r) {
  sim::CsvTable table({"cell", "trial", "weight_decay", "t95_train", "t95_test", "steps", "best_test_accuracy", "final_test_accuracy",
                       "decay_only_steps"});
  for (std::size_t i = 0; i < r.trials.size(); ++i)
    for (std::size_t g = 0; g < r.cell.weight_decays.size(); ++g) {
      const DecayRun& run = r.trials[i].runs[g];
      const double gamma = r.cell.weight_decays[g];
      table.Add(r.cell.name).Add(static_cast<std::int64_t>(i)).Add(gamma).Add(run.fitted).Add(run.generalized).Add(run.steps);
      table.Add(run.best_test_accuracy).Add(run.final_test_accuracy).Add(gamma > 0.0 ? r.cell.DecayOnlySteps(gamma) : INFINITY);
      table.EndRow();
    }
  return table;
}

sim::CsvTable WeightDecayCurveTable(const WeightDecayResult& r) {
  sim::CsvTable table({"cell", "trial", "weight_decay", "step", "train_accuracy", "test_accuracy", "norm"});
  for (std::size_t i = 0; i < r.trials.size(); ++i)
    for (std::size_t g = 0; g < r.cell.weight_decays.size(); ++g) {
      const DecayRun& run = r.trials[i].runs[g];
      for (std::size_t k = 0; k < run.step.size(); ++k) {
        table.Add(r.cell.name).Add(static_cast<std::int64_t>(i)).Add(r.cell.weight_decays[g]).Add(run.step[k]);
        table.Add(run.train_accuracy[k]).Add(run.test_accuracy[k]).Add(run.norm[k]);
        table.EndRow();
      }
    }
  return table;
}

}  // namespace memgen::scenarios
