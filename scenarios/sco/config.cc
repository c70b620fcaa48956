// TOML reader for the SCO traceability scenario, see config.h.
#include "scenarios/sco/config.h"

#include <cmath>
#include <set>

#include "sim/core/config_error.h"
#include "sim/core/derived_size.h"

namespace memgen::scenarios {
namespace {

sim::ScoLearnerOptions ReadLearner(const scenarios::ConfigReader& t) {
  sim::ScoLearnerOptions o;
  o.kind = sim::StringToScoLearnerKind(t.String("kind", "erm"), t.Path("kind"));
  o.name = t.String("name", sim::ScoLearnerKindToString(o.kind));
  o.fraction = t.Double("fraction", o.fraction);
  o.reg_lambda = t.Double("reg_lambda", o.reg_lambda);
  o.step = t.Double("step", o.step);
  o.dp_epsilon = t.Double("dp_epsilon", o.dp_epsilon);
  o.dp_delta = t.Double("dp_delta", o.dp_delta);
  o.noise = t.Double("noise", o.noise);
  o.projection_dim = t.Int("projection_dim", o.projection_dim);
  o.quantizer_step = t.Double("quantizer_step", o.quantizer_step);
  o.Validate(t.prefix());
  Require(o.kind != sim::ScoLearnerKind::kCslErm, t.Path("kind"), "csl_erm",
          "belongs to the [csl] cells, not the CLB learner list");
  return o;
}

std::string Label(const char* prefix, double value) {
  char b[32];
  std::snprintf(b, sizeof(b), "%s%g", prefix, value);
  return b;
}

// The top-level keys every cell family starts from.
struct GridKeys {
  double xi;
  std::int64_t trials;
  double c_n, c_d;  ///< sample_constant C and dimension_constant c
};

// A CLB cell at ε: n = ⌈C/ε²⌉, d = ⌈c ε² n² ln(n/ξ)⌉.
scenarios::ScoCellOptions ClbCell(double eps, std::int64_t trials, const GridKeys& g) {
  scenarios::ScoCellOptions c;
  c.eps = eps;
  c.xi = g.xi;
  c.trials = trials;
  c.n = DerivedSize(g.c_n / (eps * eps), Rounding::kCeil, Label("eps(", eps) + ").n", "sample_constant / eps^2");
  c.d = DerivedSize(g.c_d * eps * eps * double(c.n) * double(c.n) * std::log(double(c.n) / g.xi), Rounding::kCeil,
                    Label("eps(", eps) + ").d", "dimension_constant eps^2 n^2 ln(n / xi)");
  return c;
}

// A CLB cell at one ε read from table `t` (keys eps, trials).
scenarios::ScoCellOptions ClbCellAtEps(const scenarios::ConfigReader& t, const GridKeys& g) {
  const double eps = t.Double("eps", 0.1);
  Require(eps > 0.0 && eps < 0.5, t.Path("eps"), eps, "must be in (0, 0.5)");
  scenarios::ScoCellOptions c = ClbCell(eps, t.Int("trials", g.trials), g);
  if (t.Has("trials")) c.trials_field = t.Path("trials");
  return c;
}

// [[learner]]: the CLB learners of every ε-grid cell, with distinct names.
std::vector<sim::ScoLearnerOptions> ReadLearners(const scenarios::ConfigReader& root) {
  std::vector<sim::ScoLearnerOptions> learners;
  std::set<std::string> names;
  for (const scenarios::ConfigReader& t : root.Tables("learner")) {
    learners.push_back(ReadLearner(t));
    Require(names.insert(learners.back().name).second, t.Path("name"), learners.back().name, "must be unique");
  }
  return learners;
}

// eps = [...]: one CLB cell per ε, all with the same learners.
void AddEpsGrid(const scenarios::ConfigReader& root, const GridKeys& g, std::int64_t null_draws,
                std::vector<scenarios::ScoCellOptions>* cells) {
  const std::vector<sim::ScoLearnerOptions> learners = ReadLearners(root);
  std::set<std::string> cell_names;  // names are stream tags and claim ids: they must differ
  for (double eps : root.Doubles("eps")) {
    Require(eps > 0.0 && eps < 0.5, root.Path("eps"), eps, "every eps must be in (0, 0.5)");
    scenarios::ScoCellOptions c = ClbCell(eps, g.trials, g);
    c.name = Label("clb_eps", eps);
    c.learners = learners;
    c.null_draws = null_draws;
    c.Validate(root.Path("eps") + "(" + Label("", eps) + ")");
    Require(cell_names.insert(c.name).second, root.Path("eps"), eps, "must list distinct values (to 6 digits)");
    cells->push_back(c);
  }
}

// [phase]: recall against the noise of a noisy mean, at one ε (SCO-E4 analogue).
scenarios::ScoCellOptions ReadPhaseCell(const scenarios::ConfigReader& t, const GridKeys& g) {
  scenarios::ScoCellOptions c = ClbCellAtEps(t, g);
  c.name = Label("phase_eps", c.eps);
  std::set<std::string> noise_names;
  for (double noise : t.Doubles("noise")) {
    sim::ScoLearnerOptions o;
    o.kind = sim::ScoLearnerKind::kNoisyMean;
    o.noise = noise;
    o.name = Label("noise", noise);
    o.Validate(t.Path("noise"));
    Require(noise_names.insert(o.name).second, t.Path("noise"), noise, "must list distinct values (to 6 digits)");
    c.learners.push_back(o);
  }
  c.Validate(t.prefix());
  return c;
}

// Every value of `v` above the one before.
template <typename T>
void RequireIncreasing(const std::vector<T>& v, const scenarios::ConfigReader& t, const char* key) {
  for (std::size_t i = 1; i < v.size(); ++i) Require(v[i] > v[i - 1], t.Path(key), v[i], "must be increasing");
}

// [csl]: the strongly convex cells, one per n: d = ⌈c n ln(n/ξ)⌉, fixed β, the CSL ERM.
void AddCslCells(const scenarios::ConfigReader& t, const GridKeys& g, std::vector<scenarios::ScoCellOptions>* cells) {
  const double beta = t.Double("beta", 12.5);
  Require(beta >= 0.05, t.Path("beta"), beta, "must be >= 0.05");
  const std::int64_t csl_trials = t.Int("trials", g.trials);
  const double csl_c_d = t.Double("dimension_constant", g.c_d);
  sim::ScoLearnerOptions erm;
  erm.kind = sim::ScoLearnerKind::kCslErm;
  erm.name = "csl_erm";
  const std::vector<std::int64_t> sizes = t.Ints("n");
  RequireIncreasing(sizes, t, "n");
  for (std::int64_t n : sizes) {
    scenarios::ScoCellOptions c;
    c.n = n;
    c.beta = beta;
    c.eps = 1.0 / (2.0 * static_cast<double>(n));  // nominal: the CSL ERM's excess is (1 − ‖µ‖²)/(2n)
    c.xi = g.xi;
    c.trials = csl_trials;
    if (t.Has("trials")) c.trials_field = t.Path("trials");
    Require(n >= 2, t.Path("n"), n, "must be >= 2");
    c.d = DerivedSize(csl_c_d * double(n) * std::log(double(n) / g.xi), Rounding::kCeil,
                      t.Path("n") + "(" + std::to_string(n) + ").d", "dimension_constant n ln(n / xi)");
    c.name = Label("csl_n", static_cast<double>(n));
    c.learners = {erm};
    c.Validate(t.Path("n") + "(" + std::to_string(n) + ")");
    cells->push_back(c);
  }
}

// [projection] (SCO-E6): ERM and its stochastic projections at increasing d′, and with quantizer_step
// > 0 the largest d′ again with Q = rounding.
scenarios::ScoCellOptions ReadProjectionCell(const scenarios::ConfigReader& t, const GridKeys& g) {
  scenarios::ScoCellOptions c = ClbCellAtEps(t, g);
  c.d = t.Int("d", c.d);
  c.name = Label("snz_eps", c.eps);
  sim::ScoLearnerOptions erm;
  erm.name = "erm_full";
  c.learners.push_back(erm);
  const double step = t.Double("quantizer_step", 0.0);
  std::int64_t previous = 0;
  for (std::int64_t dim : t.Ints("dims")) {
    Require(dim > previous, t.Path("dims"), dim, "must be increasing");
    previous = dim;
    sim::ScoLearnerOptions o;
    o.kind = sim::ScoLearnerKind::kProjectedErm;
    o.projection_dim = dim;
    o.name = "proj_d" + std::to_string(dim);
    o.Validate(t.Path("dims"));
    c.learners.push_back(o);
  }
  if (step > 0.0) {
    sim::ScoLearnerOptions o = c.learners.back();
    o.quantizer_step = step;
    o.name += "_q";
    o.Validate(t.Path("quantizer_step"));
    c.learners.push_back(o);
  }
  c.Validate(t.prefix());
  return c;
}

// [fingerprint]: the scalar identities' grids (n, p, β increasing).
scenarios::FingerprintMcOptions ReadFingerprint(const scenarios::ConfigReader& t) {
  scenarios::FingerprintMcOptions f;
  if (t.Has("n")) f.n = t.Ints("n");
  if (t.Has("p")) f.p = t.Doubles("p");
  if (t.Has("beta")) f.beta = t.Doubles("beta");
  f.gamma = t.Double("gamma", f.gamma);
  f.runs = t.Int("runs", f.runs);
  f.Validate(t.prefix());
  RequireIncreasing(f.n, t, "n");
  RequireIncreasing(f.p, t, "p");
  RequireIncreasing(f.beta, t, "beta");
  return f;
}

std::string CubeName(const scenarios::CubeCellOptions& c) {
  return "cube_n" + std::to_string(c.n) + "_d" + std::to_string(c.d) + Label("_a", c.alpha0);
}

// [[cube]]: ℓ₂-cube cells, each a distinct (n, d, α₀).
void AddCubes(const scenarios::ConfigReader& root, const GridKeys& g, std::vector<scenarios::CubeCellOptions>* cubes) {
  std::set<std::string> cube_names;
  for (const scenarios::ConfigReader& t : root.Tables("cube")) {
    scenarios::CubeCellOptions c;
    c.alpha0 = t.Double("alpha0", c.alpha0);
    c.n = t.Int("n", c.n);
    c.d = t.Int("d", c.d);
    c.xi = g.xi;
    c.trials = t.Int("trials", g.trials);
    if (t.Has("trials")) c.trials_field = t.Path("trials");
    if (t.Has("sigmas")) c.sigmas = t.Doubles("sigmas");
    c.dp_epsilon = t.Double("dp_epsilon", c.dp_epsilon);
    c.dp_delta = t.Double("dp_delta", c.dp_delta);
    c.name = CubeName(c);
    c.Validate(t.prefix());
    Require(cube_names.insert(c.name).second, t.prefix(), c.name, "must be a distinct (n, d, alpha0)");
    cubes->push_back(c);
  }
}

// [cube_sweep]: noiseless cube cells on a (d, α₀ = f · threshold(d)) grid (SCO-E4 (b), (d)), none
// repeating a [[cube]] cell.
void AddCubeSweep(const scenarios::ConfigReader& t, const GridKeys& g, std::vector<scenarios::CubeCellOptions>* cubes) {
  std::set<std::string> names;
  for (const auto& c : *cubes) names.insert(c.name);
  const std::int64_t n = t.Int("n", 250);
  const std::int64_t sweep_trials = t.Int("trials", g.trials);
  const std::vector<std::int64_t> dims = t.Ints("d");
  const std::vector<double> fractions = t.Doubles("fractions");
  RequireIncreasing(dims, t, "d");
  RequireIncreasing(fractions, t, "fractions");
  for (std::int64_t d : dims)
    for (double f : fractions) {
      scenarios::CubeCellOptions c;
      c.n = n;
      c.d = d;
      c.xi = g.xi;
      c.trials = sweep_trials;
      if (t.Has("trials")) c.trials_field = t.Path("trials");
      c.sigmas = {0.0};
      Require(f > 0.0, t.Path("fractions"), f, "must be > 0");
      c.alpha0 = f * c.Threshold();
      c.name = CubeName(c);
      c.Validate(t.Path("fractions") + "(" + Label("", f) + ", d = " + std::to_string(d) + ")");
      Require(names.insert(c.name).second, t.prefix(), c.name, "must not repeat a [[cube]] cell");
      cubes->push_back(c);
    }
}

}  // namespace

ScoScenarioOptions ReadScoScenario(const scenarios::ConfigReader& root) {
  GridKeys g;
  g.xi = root.Double("xi", 0.01);
  g.trials = root.Int("trials", 100);
  g.c_n = root.Double("sample_constant", 1.0);
  g.c_d = root.Double("dimension_constant", 128.0);
  const std::int64_t null_draws = root.Int("null_draws", 0);
  Require(g.xi > 0.0 && g.xi < 1.0, root.Path("xi"), g.xi, "must be in (0, 1)");  // before any size derived from it
  Require(g.c_n > 0.0, root.Path("sample_constant"), g.c_n, "must be > 0");
  Require(g.c_d > 0.0, root.Path("dimension_constant"), g.c_d, "must be > 0");
  ScoScenarioOptions out;
  AddEpsGrid(root, g, null_draws, &out.cells);
  if (root.Has("phase")) out.cells.push_back(ReadPhaseCell(root.Table("phase"), g));
  if (root.Has("csl")) AddCslCells(root.Table("csl"), g, &out.cells);
  if (root.Has("projection")) out.cells.push_back(ReadProjectionCell(root.Table("projection"), g));
  if (root.Has("fingerprint")) {
    out.fingerprint = true;
    out.fingerprint_options = ReadFingerprint(root.Table("fingerprint"));
  }
  if (root.Has("cube")) AddCubes(root, g, &out.cubes);
  if (root.Has("cube_sweep")) AddCubeSweep(root.Table("cube_sweep"), g, &out.cubes);
  return out;
}

}  // namespace memgen::scenarios
