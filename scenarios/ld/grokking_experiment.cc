// Trained grokking of modular addition, see grokking_experiment.h.
#include "scenarios/ld/grokking_experiment.h"

#include <algorithm>
#include <cmath>
#include <functional>

#include "sim/core/config_error.h"
#include "sim/ld/fourier_ipr.h"
#include "sim/ld/modular_data.h"
#include "sim/ld/quadratic_mlp.h"
#include "sim/random/stream_tag.h"
#include "theory/stats/sample_stats.h"
#include "theory/verdict/family_rules.h"
#include "theory/verdict/verdict_rules.h"

namespace memgen::scenarios {
namespace {

const char* kSource = "Doshi et al. (2024) configuration, learning_dynamics.md §2.4 (G2)";
constexpr double kGeneralized = 0.95;        // N_g: test accuracy ≥ 0.95 (spec G2)
constexpr double kFinalAccuracy = 0.99;      // spec G2
constexpr double kNoGeneralization = 0.20;   // spec G3 (f_tr = 0.1)
constexpr double kIprFinal = 0.5;            // spec G5 [calibrate]

sim::LossNorm Norm(const GrokkingCell& c) {
  return c.loss_sum_over_outputs ? sim::LossNorm::kSumOverOutputs : sim::LossNorm::kMeanOverOutputs;
}

std::int64_t FirstAtLeast(const std::vector<double>& series, double level) {
  for (std::size_t t = 0; t < series.size(); ++t)
    if (series[t] >= level) return static_cast<std::int64_t>(t);
  return -1;
}

// The patience rule replayed on the validation loss (Keras EarlyStopping: wait counts the steps since
// the last improvement by more than min_delta; stop once wait ≥ max(patience, 1)).
EarlyStopReplay Replay(const GrokkingTrial& r, std::int64_t patience, double min_delta) {
  double best = r.test_loss.front();
  std::int64_t wait = 0;
  const auto last = static_cast<std::int64_t>(r.test_loss.size()) - 1;
  for (std::int64_t t = 1; t <= last; ++t) {
    const double loss = r.test_loss[static_cast<std::size_t>(t)];
    if (loss < best - min_delta) {
      best = loss;
      wait = 0;
    } else if (++wait >= std::max<std::int64_t>(patience, 1)) {
      return {t, r.test_accuracy[static_cast<std::size_t>(t)]};
    }
  }
  return {last, r.test_accuracy.back()};
}

void Record(const sim::FitMeasure& m, std::vector<double>* accuracy, std::vector<double>* loss) {
  accuracy->push_back(m.accuracy);
  loss->push_back(m.loss);
}

theory::MeanSe Over(const GrokkingResult& r, const std::function<double(const GrokkingTrial&)>& f) {
  std::vector<double> v;
  for (const GrokkingTrial& t : r.trials) v.push_back(f(t));
  return theory::Summarize(v);
}

// A deterministic bound on the worst seed: the extreme value with SE 0.
theory::MeanSe Extreme(const GrokkingResult& r, const std::function<double(const GrokkingTrial&)>& f, bool largest) {
  double e = largest ? -INFINITY : INFINITY;
  for (const GrokkingTrial& t : r.trials) e = largest ? std::max(e, f(t)) : std::min(e, f(t));
  return {e, 0.0, 0.0, r.trials.size()};
}

double At(const std::vector<double>& series, std::int64_t t) {
  return t < 0 ? NAN : series[static_cast<std::size_t>(t)];
}

// The step at which the IPR rises most in one step.
std::int64_t FastestRise(const std::vector<double>& ipr) {
  std::int64_t best = 1;
  for (std::size_t t = 1; t < ipr.size(); ++t)
    if (ipr[t] - ipr[t - 1] > ipr[std::size_t(best)] - ipr[std::size_t(best) - 1]) best = static_cast<std::int64_t>(t);
  return best;
}

// The spec's "fastest rise during the train/test gap" (G5, [reconstructed: calibrate]), declared refuted
// for AdamW: in the Doshi configuration the largest one-step rise of the IPR comes after N_g in every
// seed (seeds 20261203 and 7). FAIL would mean every seed's fastest rise lies in the gap. Under plain GD
// the location is mixed across seeds (mostly before M at f = 0.9, mostly inside the gap at f = 0.7), so
// there it is only reported, in LD-G5.ipr_gap's note (docs/learning_dynamics.md).
struct FastestRiseCounts {
  double before = 0.0, after = 0.0;  ///< seeds whose fastest rise comes before M, after N_g
};

FastestRiseCounts CountFastestRise(const GrokkingResult& r) {
  FastestRiseCounts c;
  for (const GrokkingTrial& t : r.trials) {
    const std::int64_t fastest = FastestRise(t.ipr);
    c.before += fastest < t.memorized ? 1.0 : 0.0;
    c.after += fastest > t.generalized ? 1.0 : 0.0;
  }
  return c;
}

std::string FastestRiseNote(const GrokkingResult& r) {
  const FastestRiseCounts c = CountFastestRise(r);
  return "the fastest one-step rise of the IPR comes before M in " + theory::Num(c.before) + " and after N_g in " +
         theory::Num(c.after) + " of " + std::to_string(r.trials.size()) + " seeds";
}

theory::Claim FastestRiseClaim(const GrokkingResult& r, const std::string& unmet, bool all_generalized) {
  const FastestRiseCounts counts = CountFastestRise(r);
  theory::ClaimHeader h("LD-G5.fastest_in_gap." + r.cell.name,
                        "the IPR rises fastest during the train/test gap [M, N_g] in every seed (seeds outside the gap)",
                        "learning_dynamics.md §2.7 G5 [reconstructed: calibrate]");
  h.ExpectRefuted().Require(all_generalized, unmet);
  theory::Claim c = theory::ExactClaim(h, counts.before + counts.after, 0.0, 0.0);
  c.AddNote(FastestRiseNote(r));
  return c;
}

std::vector<theory::Claim> GeneralizingClaims(const GrokkingResult& r, theory::TestSize size) {
  const std::string id = "." + r.cell.name;
  std::vector<theory::Claim> claims;
  double violations = 0.0;
  for (const GrokkingTrial& t : r.trials) violations += (t.generalized >= 0 && t.memorized >= 0 && t.memorized < t.generalized) ? 0.0 : 1.0;
  claims.push_back(theory::ExactClaim({"LD-G2.memorize_first" + id, "every seed fits its training set (M) before it generalizes (N_g): seeds violating", kSource},
                                      violations, 0.0, 0.0));
  claims.push_back(theory::MeanBoundClaim(
      {"LD-G2.generalizes" + id, "every seed ends with test accuracy >= 0.99 (worst seed)", kSource},
      Extreme(r, [](const GrokkingTrial& t) { return t.test_accuracy.back(); }, false), kFinalAccuracy, theory::BoundSide::kAtLeast, 0.0, size));
  const auto memorized = [](const GrokkingTrial& t) { return static_cast<double>(t.memorized); };
  const auto generalized = [](const GrokkingTrial& t) { return static_cast<double>(t.generalized); };
  if (r.cell.memorize_range.size() == 2 && r.cell.generalize_range.size() == 2) {
    const theory::TestSize part = size.Split(4);
    const theory::MeanSe m = Over(r, memorized), g = Over(r, generalized);
    claims.push_back(theory::AllOfClaim(
        {"LD-G2.times" + id, "M and N_g fall in the spec's ballparks (M ~ 28, N_g ~ 40 from one seed of the source notebook)",
         "learning_dynamics.md §2.4, §2.7 G2 [calibrate]"},
        {theory::MeanBoundClaim({"", "M at least", ""}, m, r.cell.memorize_range[0], theory::BoundSide::kAtLeast, 0.0, part),
         theory::MeanBoundClaim({"", "M at most", ""}, m, r.cell.memorize_range[1], theory::BoundSide::kAtMost, 0.0, part),
         theory::MeanBoundClaim({"", "N_g at least", ""}, g, r.cell.generalize_range[0], theory::BoundSide::kAtLeast, 0.0, part),
         theory::MeanBoundClaim({"", "N_g at most", ""}, g, r.cell.generalize_range[1], theory::BoundSide::kAtMost, 0.0, part)}));
    claims.back().AddNote("mean M " + theory::Num(m.mean) + " (SE " + theory::Num(m.se) + "), mean N_g " + theory::Num(g.mean) +
                          " (SE " + theory::Num(g.se) + ")");
  }
  bool all_generalized = true;
  for (const GrokkingTrial& t : r.trials) all_generalized = all_generalized && t.generalized > 0 && t.memorized > 0;
  const std::string unmet = "a seed did not fit or generalize within the budget";
  claims.push_back(theory::SideOfLevelClaim(
      theory::ClaimHeader("LD-G2.delay" + id, "generalization lags memorization: the ratio N_g/M exceeds 1", kSource).Require(all_generalized, unmet),
      Over(r, [](const GrokkingTrial& t) { return static_cast<double>(t.generalized) / static_cast<double>(t.memorized); }), 1.0, size));
  for (std::size_t k = 0; k < r.cell.patience.size(); ++k) {
    const theory::MeanSe cost = Over(r, [&](const GrokkingTrial& t) { return t.stops[k].test_accuracy - t.test_accuracy.back(); });
    double before = 0.0;
    for (const GrokkingTrial& t : r.trials) before += (t.generalized < 0 || t.stops[k].step < t.generalized) ? 1.0 : 0.0;
    claims.push_back(theory::PairedOrderingClaim(
        {"LD-TRAP" + id + ".patience" + std::to_string(r.cell.patience[k]),
         "early stopping on the validation loss (patience " + std::to_string(r.cell.patience[k]) +
             ") is a crutch here: it costs test accuracy against training through the budget",
         "the grokking essay's practitioner (Keras EarlyStopping semantics); issue 12"},
        cost, size));
    claims.back().AddNote("stopped before N_g in " + theory::Num(before) + " of " + std::to_string(r.trials.size()) +
                          " seeds; mean stop step " + theory::Num(Over(r, [&](const GrokkingTrial& t) { return double(t.stops[k].step); }).mean) +
                          ", test accuracy there " + theory::Num(Over(r, [&](const GrokkingTrial& t) { return t.stops[k].test_accuracy; }).mean));
  }
  claims.push_back(theory::MeanBoundClaim(
      {"LD-G5.ipr_final" + id, "the per-neuron Fourier IPR ends at least 0.5 (from about 2/(p/2+1) at initialisation)",
       "Gromov (2023) eqs. 20-21, Doshi et al. (2024) eq. 4; learning_dynamics.md §2.7 G5 [calibrate]"},
      Over(r, [](const GrokkingTrial& t) { return t.ipr.back(); }), kIprFinal, theory::BoundSide::kAtLeast, 0.0, size));
  claims.push_back(theory::PairedOrderingClaim(
      theory::ClaimHeader("LD-G5.ipr_gap" + id, "the IPR rises between memorization (M) and generalization (N_g)", "learning_dynamics.md §2.3, §2.7 G5")
          .Require(all_generalized, unmet),
      Over(r, [](const GrokkingTrial& t) { return At(t.ipr, t.memorized) - At(t.ipr, t.generalized); }), size));
  if (!r.cell.plain_gd) {
    claims.push_back(FastestRiseClaim(r, unmet, all_generalized));
  } else {  // mixed across seeds under plain GD (docs/learning_dynamics.md): reported, not claimed
    claims.back().AddNote(FastestRiseNote(r));
  }
  return claims;
}

std::vector<theory::Claim> NonGeneralizingClaims(const GrokkingResult& r, theory::TestSize size) {
  return {theory::MeanBoundClaim(
      {"LD-G2.no_generalization." + r.cell.name, "with too little training data the test accuracy stays below 0.2 through the budget (best step, worst seed)",
       "Gromov (2023); learning_dynamics.md §2.7 G3"},
      Extreme(r, [](const GrokkingTrial& t) { return *std::max_element(t.test_accuracy.begin(), t.test_accuracy.end()); }, true),
      kNoGeneralization, theory::BoundSide::kAtMost, 0.0, size)};
}

// The delay N_g/M over the generalizing cells of a series, ordered by training fraction, decreases:
// the closer to the critical fraction, the longer the wait (Gromov 2023; spec G3).
theory::Claim DelayTrendClaim(const std::vector<GrokkingResult>& cells, const std::string& series, theory::TestSize size) {
  std::vector<const GrokkingResult*> members;
  for (const GrokkingResult& r : cells)
    if (r.cell.series == series && r.cell.expect_generalization) members.push_back(&r);
  std::sort(members.begin(), members.end(), [](const GrokkingResult* a, const GrokkingResult* b) {
    return a->cell.train_fraction < b->cell.train_fraction;
  });
  std::vector<double> x;
  std::vector<theory::MeanSe> delay;
  bool all_generalized = true;
  for (const GrokkingResult* r : members) {
    x.push_back(r->cell.train_fraction);
    delay.push_back(Over(*r, [](const GrokkingTrial& t) { return static_cast<double>(t.generalized) / static_cast<double>(t.memorized); }));
    for (const GrokkingTrial& t : r->trials) all_generalized = all_generalized && t.generalized > 0 && t.memorized > 0;
  }
  theory::ClaimHeader h("LD-G3.delay_trend." + series, "the delay N_g/M grows as the training fraction falls toward the critical one",
                        "Gromov (2023); Kumar et al. (2023); learning_dynamics.md §2.7 G3");
  h.Require(all_generalized, "a seed did not fit or generalize within the budget").Require(members.size() >= 2, "fewer than two fractions");
  return theory::DecreasingClaim(h, x, delay, size);
}

// N_g, a run that never generalizes counted at steps + 1 (a lower bound on its time).
double CensoredGeneralization(const GrokkingResult& r, const GrokkingTrial& t) {
  return static_cast<double>(t.generalized >= 0 ? t.generalized : r.cell.steps + 1);
}

// A regularized cell against its baseline (same split and initialisation per seed): N_g is shorter.
theory::Claim RegularizerClaim(const GrokkingResult& r, const std::vector<GrokkingResult>& cells, theory::TestSize size) {
  const auto base = std::find_if(cells.begin(), cells.end(), [&](const GrokkingResult& b) { return b.cell.name == r.cell.baseline; });
  theory::ClaimHeader h("LD-G2.regularizer_helps." + r.cell.name,
                        "the regularized cell generalizes sooner than its baseline " + r.cell.baseline + " (N_g paired over seeds)",
                        "the grokking essay: regularization raises the cost of memorization; Doshi et al. (2024) phase_diagrams_dropout.py");
  h.Require(base != cells.end() && base->trials.size() == r.trials.size(), "the baseline cell is missing or has another number of seeds");
  std::vector<double> d;
  if (base != cells.end() && base->trials.size() == r.trials.size())
    for (std::size_t i = 0; i < r.trials.size(); ++i) d.push_back(CensoredGeneralization(r, r.trials[i]) - CensoredGeneralization(*base, base->trials[i]));
  return theory::PairedOrderingClaim(h, theory::Summarize(d), size);
}

}  // namespace

double GrokkingCell::InitSd() const { return init_sd > 0.0 ? init_sd : std::sqrt(0.25) / std::cbrt(2.0 * neurons); }
double GrokkingCell::Scale() const { return mean_field ? 1.0 / (2.0 * p * neurons) : scale; }

void GrokkingCell::Validate(const std::string& field) const {
  Require(!name.empty() && name.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_") == std::string::npos, field + ".name", name,
          "must be a non-empty [a-z0-9_] name");
  Require(series.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_") == std::string::npos, field + ".series", series,
          "must be a [a-z0-9_] name (or empty)");
  Require(p >= 3 && p <= 211, field + ".p", p, "must be in [3, 211]");
  Require(neurons >= 1 && neurons <= 4000, field + ".neurons", neurons, "must be in [1, 4000]");
  Require(train_fraction > 0.0 && train_fraction < 1.0 && std::floor(train_fraction * p * p) >= 1.0 &&
              std::floor(train_fraction * p * p) < double(p) * p,
          field + ".train_fraction", train_fraction, "must leave both a training and a test set (0 < f < 1)");
  Require(init_sd >= 0.0 && init_sd <= 10.0, field + ".init_sd", init_sd, "must be in [0, 10] (0: Doshi's default)");
  Require(scale > 0.0 && scale <= 1e6, field + ".scale", scale, "must be in (0, 1e6]");
  const double max_rate = plain_gd ? 1e4 : 10.0;
  Require(adamw.learning_rate > 0.0 && adamw.learning_rate <= max_rate, field + ".learning_rate", adamw.learning_rate,
          plain_gd ? "must be in (0, 1e4] (plain GD)" : "must be in (0, 10] (AdamW)");
  Require(adamw.weight_decay >= 0.0 && adamw.learning_rate * adamw.weight_decay < 1.0, field + ".weight_decay", adamw.weight_decay,
          "must be >= 0 with learning_rate * weight_decay < 1");
  Require(adamw.beta1 >= 0.0 && adamw.beta1 < 1.0, field + ".beta1", adamw.beta1, "must be in [0, 1)");
  Require(adamw.beta2 >= 0.0 && adamw.beta2 < 1.0, field + ".beta2", adamw.beta2, "must be in [0, 1)");
  Require(adamw.epsilon > 0.0 && adamw.epsilon <= 1.0, field + ".epsilon", adamw.epsilon, "must be in (0, 1]");
  Require(steps >= 2 && steps <= 1000000, field + ".steps", steps, "must be in [2, 1e6]");
  Require(dropout >= 0.0 && dropout <= 0.95, field + ".dropout", dropout, "must be in [0, 0.95]");
  Require(baseline.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_") == std::string::npos && baseline != name, field + ".baseline",
          baseline, "must be another cell's [a-z0-9_] name (or empty)");
  Require(!patience.empty(), field + ".patience", std::string("[]"), "must list at least one patience");
  for (std::int64_t k : patience) Require(k >= 0 && k <= steps, field + ".patience", k, "must be in [0, steps]");
  Require(min_delta >= 0.0, field + ".min_delta", min_delta, "must be >= 0");
  for (const std::vector<double>* range : {&memorize_range, &generalize_range})
    Require(range->empty() || (range->size() == 2 && (*range)[0] <= (*range)[1]), field + (range == &memorize_range ? ".memorize_range" : ".generalize_range"),
            static_cast<std::int64_t>(range->size()), "must be empty or [low, high] with low <= high");
  Require(trials >= 2 && trials <= 10000, trials_field, trials, "must be in [2, 1e4]");
}

void AddGrokkingMemory(const GrokkingCell& c, int threads, sim::MemoryEstimate* memory) {
  const double samples = double(c.p) * c.p, weights = 3.0 * c.p * c.neurons;
  memory->Working(c.name + ".neurons", threads * sizeof(double) * ((c.dropout > 0.0 ? 6.0 : 5.0) * samples * c.neurons + 2.0 * samples * c.p + 8.0 * weights));
  memory->Retained(c.trials_field, double(c.trials) * sizeof(double) * (5.0 * double(c.steps + 1) + 2.0 * c.patience.size() + 2.0));
}

GrokkingTrial RunGrokkingTrial(const GrokkingCell& c, std::uint64_t seed, std::int64_t trial) {
  const std::uint64_t tag = sim::StreamTag("ld/grokking/" + c.StreamName()), t = static_cast<std::uint64_t>(trial);
  sim::Rng split_rng({seed, tag, t, 0}), init_rng({seed, tag, t, 1}), dropout_rng({seed, tag, t, 2});
  const sim::ModularSplit data = sim::SplitModularAddition(c.p, c.train_fraction, split_rng);
  sim::QuadraticMlp net = sim::InitQuadraticMlp(c.p, c.neurons, c.InitSd(), c.Scale(), init_rng), gradient;
  sim::AdamWMoments input_moments, output_moments;
  sim::MlpWorkspace train_work, test_work;
  sim::RowMatrix mask;
  GrokkingTrial r;
  Record(sim::Evaluate(net, data.test, Norm(c), &test_work), &r.test_accuracy, &r.test_loss);
  r.ipr.push_back(sim::NetworkIpr(net));
  for (std::int64_t step = 1; step <= c.steps; ++step) {
    if (c.dropout > 0.0) {  // the record is the full network's (torch's eval mode), the step the thinned one's
      Record(sim::Evaluate(net, data.train, Norm(c), &train_work), &r.train_accuracy, &r.train_loss);
      sim::DrawDropoutMask(c.dropout, data.train.size(), net.neurons(), dropout_rng, &mask);
      sim::Gradient(net, data.train, Norm(c), &gradient, &train_work, &mask);
    } else {
      Record(sim::Gradient(net, data.train, Norm(c), &gradient, &train_work), &r.train_accuracy, &r.train_loss);  // weights of step − 1
    }
    const auto inputs = static_cast<std::size_t>(net.input.size()), outputs = static_cast<std::size_t>(net.output.size());
    if (c.plain_gd) {
      sim::GradientDescentStep(c.adamw.learning_rate, c.adamw.weight_decay, net.input.data(), gradient.input.data(), inputs);
      sim::GradientDescentStep(c.adamw.learning_rate, c.adamw.weight_decay, net.output.data(), gradient.output.data(), outputs);
    } else {
      sim::AdamWStep(c.adamw, step, net.input.data(), gradient.input.data(), inputs, &input_moments);
      sim::AdamWStep(c.adamw, step, net.output.data(), gradient.output.data(), outputs, &output_moments);
    }
    Record(sim::Evaluate(net, data.test, Norm(c), &test_work), &r.test_accuracy, &r.test_loss);
    r.ipr.push_back(sim::NetworkIpr(net));
  }
  Record(sim::Evaluate(net, data.train, Norm(c), &train_work), &r.train_accuracy, &r.train_loss);
  r.memorized = FirstAtLeast(r.train_accuracy, 1.0);
  r.generalized = FirstAtLeast(r.test_accuracy, kGeneralized);
  for (std::int64_t k : c.patience) r.stops.push_back(Replay(r, k, c.min_delta));
  return r;
}

GrokkingResult RunGrokkingCell(const GrokkingCell& c, std::uint64_t seed, const sim::TrialRunnerOptions& runner) {
  sim::TrialRunnerOptions r = runner;
  r.label = "grokking " + c.name;
  return {c, sim::RunTrials<GrokkingTrial>(c.trials, r, [&](std::int64_t t) { return RunGrokkingTrial(c, seed, t); })};
}

std::vector<theory::Claim> BuildGrokkingClaims(const std::vector<GrokkingResult>& cells, theory::TestSize size) {
  std::vector<theory::Claim> claims;
  for (const GrokkingResult& r : cells)
    for (theory::Claim& c : r.cell.expect_generalization ? GeneralizingClaims(r, size) : NonGeneralizingClaims(r, size))
      claims.push_back(std::move(c));
  std::vector<std::string> series;
  for (const GrokkingResult& r : cells)
    if (!r.cell.series.empty() && std::find(series.begin(), series.end(), r.cell.series) == series.end()) series.push_back(r.cell.series);
  for (const std::string& s : series) claims.push_back(DelayTrendClaim(cells, s, size));
  for (const GrokkingResult& r : cells)
    if (!r.cell.baseline.empty()) claims.push_back(RegularizerClaim(r, cells, size));
  return claims;
}

sim::CsvTable GrokkingCurveTable(const std::vector<GrokkingResult>& cells) {
  sim::CsvTable table({"cell", "trial", "step", "train_accuracy", "train_loss", "test_accuracy", "test_loss", "ipr"});
  for (const GrokkingResult& r : cells)
    for (std::size_t i = 0; i < r.trials.size(); ++i) {
      const GrokkingTrial& t = r.trials[i];
      for (std::size_t s = 0; s < t.test_accuracy.size(); ++s) {
        table.Add(r.cell.name).Add(static_cast<std::int64_t>(i)).Add(static_cast<std::int64_t>(s)).Add(t.train_accuracy[s]);
        table.Add(t.train_loss[s]).Add(t.test_accuracy[s]).Add(t.test_loss[s]).Add(t.ipr[s]);
        table.EndRow();
      }
    }
  return table;
}

sim::CsvTable GrokkingRunTable(const std::vector<GrokkingResult>& cells) {
  sim::CsvTable table({"cell", "trial", "memorized", "generalized", "patience", "stop_step", "stop_test_accuracy", "final_test_accuracy", "final_ipr"});
  for (const GrokkingResult& r : cells)
    for (std::size_t i = 0; i < r.trials.size(); ++i) {
      const GrokkingTrial& t = r.trials[i];
      for (std::size_t k = 0; k < t.stops.size(); ++k) {
        table.Add(r.cell.name).Add(static_cast<std::int64_t>(i)).Add(t.memorized).Add(t.generalized).Add(r.cell.patience[k]);
        table.Add(t.stops[k].step).Add(t.stops[k].test_accuracy).Add(t.test_accuracy.back()).Add(t.ipr.back());
        table.EndRow();
      }
    }
  return table;
}

}  // namespace memgen::scenarios
