// Theorem-2.2 check on the idealized generator, see margins_experiment.h.
#include "scenarios/spur/margins_experiment.h"

#include <Eigen/Core>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <tuple>

#include "sim/core/config_error.h"
#include "sim/linalg/blas_backend.h"
#include "sim/random/distributions.h"
#include "sim/random/stream_tag.h"
#include "sim/spur/hard_margin_svm.h"
#include "sim/spur/min_norm_interpolant.h"
#include "sim/spur/data.h"
#include "theory/spur/closed_form.h"
#include "theory/verdict/family_rules.h"
#include "theory/verdict/verdict_rules.h"

namespace memgen::scenarios {
namespace {

constexpr double kClosedFormTolerance = 0.03;  // spec E2 (prototype maximum 0.015 at d/n = 20)
// s_eff: the tolerance of the closed form at s_eff, from a calibration on another master seed than the
// configs' (20261121): scn_spur_theory, default config restricted to d/n in {5, 20} (30 noisy cells of
// the five series, 12 trials each), --seed 7: the largest |mean - closed form at s_eff| over the 60
// (u, v) read-outs of the interpolant was 0.0085 (u, main n200 d/n 5 n/s 1, SE 0.0041), and every gap
// was within 4 SE of 0. 0.01 covers it (the earlier figure 0.006 was measured on the configs' seed).
constexpr double kEffTolerance = 0.01;
const char* kSource = "Bayat et al. (2024) Thm 2.2 as reconstructed in spurious_memorization.md §4";


struct MarginTrial {
  double u_svm, v_svm, u_mn, v_mn, core, weps_share, support, gap_major, gap_minor, acc_major, acc_minor, max_cos;
  double kkt, residual;
  double errors_major, errors_minor;  // Monte Carlo test errors (of test_points per group)
};

sim::IdealizedOptions DataOptions(const MarginCell& c) {
  sim::IdealizedOptions o;
  o.n = c.n;
  o.rho = c.rho;
  o.gamma = c.gamma;
  o.sigma_y = o.sigma_a = c.sigma_feature;
  o.d = c.D();
  const double s = std::isinf(c.n_over_s) ? 0.0 : static_cast<double>(c.n) / c.n_over_s;
  o.sigma_eps = o.d > 0 ? std::sqrt(s / static_cast<double>(o.d)) : 0.0;
  return o;
}

// Monte Carlo accuracy of w on `m` fresh points of one group (majority: a = y).
double MonteCarloAccuracy(const Eigen::VectorXd& w, const sim::IdealizedOptions& o, bool majority, std::int64_t m,
                          sim::Rng& rng) {
  std::vector<double> eps(static_cast<std::size_t>(o.d));
  double right = 0.0;
  for (std::int64_t j = 0; j < m; ++j) {
    const double y = sim::Uniform01(rng) <= 0.5 ? 1.0 : -1.0;
    const double a = majority ? y : -y;
    double f = (y + o.sigma_y * sim::Normal(rng)) * w(0) + o.gamma * (a + o.sigma_a * sim::Normal(rng)) * w(1);
    sim::FillNormal(rng, eps.data(), eps.size());
    double noise = 0.0;
    for (std::int64_t k = 0; k < o.d; ++k) noise += eps[static_cast<std::size_t>(k)] * w(2 + k);
    f += o.sigma_eps * noise;
    right += (f > 0.0) == (y > 0.0) ? 1.0 : 0.0;
  }
  return right / static_cast<double>(m);
}

MarginTrial RunTrial(const MarginCell& c, std::uint64_t seed, std::int64_t trial) {
  const std::uint64_t tag = sim::StreamTag("spur/margins/" + c.Name());
  sim::Rng data_rng({seed, tag, static_cast<std::uint64_t>(trial), 0}), test_rng({seed, tag, static_cast<std::uint64_t>(trial), 1});
  const sim::IdealizedOptions o = DataOptions(c);
  const sim::SpuriousSample s = sim::DrawIdealized(o, data_rng);
  const Eigen::MatrixXd gram = sim::GramMatrix(s.x);
  MarginTrial r{};
  const sim::SvmResult svm = sim::SolveHardMarginSvm(gram, s.y);
  const Eigen::VectorXd w = s.x.transpose() * svm.coefficients;
  r.u_svm = w(0) + c.gamma * w(1);
  r.v_svm = w(0) - c.gamma * w(1);
  r.core = w(0) / w.norm();
  const double weps2 = w.tail(o.d).squaredNorm();
  r.weps_share = std::sqrt(weps2) / w.norm();
  r.support = static_cast<double>(svm.support_vectors);
  r.kkt = svm.kkt_violation;
  const sim::InterpolantResult mn = sim::MinNormInterpolant(s.x, s.y);
  r.u_mn = mn.weights(0) + c.gamma * mn.weights(1);
  r.v_mn = mn.weights(0) - c.gamma * mn.weights(1);
  r.residual = mn.max_residual;
  const theory::GaussianFeatures features{c.gamma, o.sigma_y, o.sigma_a, o.sigma_eps};
  r.acc_major = theory::GroupAccuracy(w(0), w(1), weps2, features, true);
  r.acc_minor = theory::GroupAccuracy(w(0), w(1), weps2, features, false);
  const double mc_major = MonteCarloAccuracy(w, o, true, c.test_points, test_rng);
  const double mc_minor = MonteCarloAccuracy(w, o, false, c.test_points, test_rng);
  r.gap_major = mc_major - r.acc_major;
  r.gap_minor = mc_minor - r.acc_minor;
  r.errors_major = std::round((1.0 - mc_major) * static_cast<double>(c.test_points));
  r.errors_minor = std::round((1.0 - mc_minor) * static_cast<double>(c.test_points));
  r.max_cos = 0.0;
  if (o.d > 0 && o.sigma_eps > 0.0) {
    const Eigen::MatrixXd noise_gram = sim::GramMatrix(s.x.rightCols(o.d));
    for (Eigen::Index i = 0; i < noise_gram.rows(); ++i)
      for (Eigen::Index j = 0; j < i; ++j)
        r.max_cos = std::max(r.max_cos, std::fabs(noise_gram(i, j)) / std::sqrt(noise_gram(i, i) * noise_gram(j, j)));
  }
  return r;
}

template <typename F>
theory::MeanSe Over(const std::vector<MarginTrial>& trials, F f) {
  std::vector<double> v;
  for (const MarginTrial& t : trials) v.push_back(f(t));
  return theory::Summarize(v);
}

// The spec's E2 agreement condition (d/n = 20 in its grid); §4.5's "d ≳ 5n" is too loose for 0.03
// (docs/spurious_memorization.md).
bool ClosedFormApplies(const MarginCell& c) { return c.d_over_n >= 20.0 && !std::isinf(c.n_over_s) && c.sigma_feature == 0.0; }

// One group's pooled error count against its exact law, the sum over trials of Binomial(test points,
// 1 − Φ accuracy) (theory/stats/binomial_sum.h; ExactTestClaim at the size).
theory::Claim ErrorCountClaim(const MarginCellResult& r, int group, theory::TestSize size) {
  const char* name = group == 0 ? "majority" : "minority";
  const theory::BinomialSumLaw law(r.error_law[group]);
  theory::ExactTest test;
  test.measured = r.errors[group];
  test.predicted = law.Mean();
  test.p_value = law.TwoSidedPValue(static_cast<std::int64_t>(r.errors[group]));
  test.alpha = size.rate;
  test.detectable_deviation = law.DetectableShift(size.rate);
  test.description = std::string("two-sided exact p of the ") + name +
                     " error count (a sum of binomials from the Phi probabilities)";
  return theory::ExactTestClaim({"", "", "spurious_memorization.md §4.4 (exact given w)"}, test);
}

// Both groups' exact tests must pass (ALL-OF; the minority's count is the claim's measured value).
theory::Claim PhiClaim(const MarginCellResult& r, theory::TestSize size) {
  const theory::Claim minority = ErrorCountClaim(r, 1, size.Split(2)), majority = ErrorCountClaim(r, 0, size.Split(2));
  theory::Claim c = theory::AllOfClaim({"SPUR-E2.phi." + r.cell.Name(),
                                        "the Phi formula gives the Monte Carlo test accuracy of the SVM (pooled test errors)",
                                        "spurious_memorization.md §4.4 (exact given w)"},
                                       {minority, majority});
  c.AddNote("minority " + theory::Num(r.errors[1]) + " errors vs " + theory::Num(theory::BinomialSumLaw(r.error_law[1]).Mean()) + " expected (p " +
            theory::Num(minority.details.at("p_value").get<double>()) + "); majority " + theory::Num(r.errors[0]) + " vs " +
            theory::Num(theory::BinomialSumLaw(r.error_law[0]).Mean()) + " (p " + theory::Num(majority.details.at("p_value").get<double>()) + ")");
  c.details = {{"p_majority", majority.details.at("p_value")}, {"p_minority", minority.details.at("p_value")},
               {"errors_majority", r.errors[0]}, {"expected_majority", theory::BinomialSumLaw(r.error_law[0]).Mean()}};
  return c;
}

// |mean - closed form| <= tolerance + z SE (TOLERANCE); the tolerances are the spec's (E2) and a
// calibration on another seed (kEffTolerance).
theory::Claim CloseTo(const theory::ClaimHeader& h, const theory::MeanSe& m, double prediction, double tolerance,
                      theory::TestSize size) {
  return theory::ToleranceClaim(h, m, prediction, tolerance, size);
}

}  // namespace

std::string MarginCell::Name() const {
  char b[160];
  std::snprintf(b, sizeof(b), "%s_n%lld_rho%g_g%g_dn%g_ns%g", series.c_str(), static_cast<long long>(n), rho, gamma,
                d_over_n, n_over_s);
  return b;
}

void MarginCell::Validate(const std::string& field) const {
  sim::IdealizedOptions o = DataOptions(*this);
  o.Validate(field);
  Require(d_over_n > 0.0 && d_over_n <= 1000.0, field + ".d_over_n", d_over_n, "must be in (0, 1000]");
  Require(n_over_s > 0.0, field + ".n_over_s", n_over_s, "must be > 0 (inf: no noise)");
  Require(trials >= 2 && trials <= 100000, field + ".trials", trials, "must be in [2, 1e5]");
  Require(test_points >= 100 && test_points <= 10000000, field + ".test_points", test_points, "must be in [100, 1e7]");
}

void AddMarginCellMemory(const MarginCell& cell, int threads, sim::MemoryEstimate* memory) {
  const auto n = static_cast<double>(cell.n), dim = static_cast<double>(cell.D() + 2);
  memory->Working(cell.Name() + ".n", threads * (sizeof(double) * (4 * n * dim + 6 * n * n) + 1e6));
  memory->Retained(cell.trials_field, static_cast<double>(cell.trials) * sizeof(MarginTrial));
}

MarginCellResult RunMarginCell(const MarginCell& cell, std::uint64_t seed, const sim::TrialRunnerOptions& runner) {
  sim::TrialRunnerOptions r = runner;
  r.label = "margins " + cell.Name();
  const std::vector<MarginTrial> trials =
      sim::RunTrials<MarginTrial>(cell.trials, r, [&](std::int64_t t) { return RunTrial(cell, seed, t); });
  MarginCellResult out;
  out.cell = cell;
  if (!std::isinf(cell.n_over_s)) {
    theory::MarginProblem p;
    p.n = static_cast<double>(cell.n);
    p.rho = std::floor(cell.rho * p.n) / p.n;  // the realised minority fraction
    p.gamma = cell.gamma;
    p.s = p.n / cell.n_over_s;
    const theory::FeatureMargins m = theory::ClosedFormMargins(p);
    out.u_cf = m.u;
    out.v_cf = m.v + cell.v_planted_offset;
    const double d = static_cast<double>(cell.D());
    if (d > p.n + 1.0) {  // s_eff = σ_ε²(d − n − 1) = s (d − n − 1)/d
      p.s *= (d - p.n - 1.0) / d;
      const theory::FeatureMargins e = theory::ClosedFormMargins(p);
      out.u_cf_eff = e.u;
      out.v_cf_eff = e.v + cell.v_planted_offset;
    }
  }
  out.u_svm = Over(trials, [](const MarginTrial& t) { return t.u_svm; });
  out.v_svm = Over(trials, [](const MarginTrial& t) { return t.v_svm; });
  out.u_mn = Over(trials, [](const MarginTrial& t) { return t.u_mn; });
  out.v_mn = Over(trials, [](const MarginTrial& t) { return t.v_mn; });
  const double v_cf = out.v_cf;
  out.drift_svm = Over(trials, [v_cf](const MarginTrial& t) { return std::fabs(t.v_svm - v_cf); });
  out.core_direction = Over(trials, [](const MarginTrial& t) { return t.core; });
  out.weps_share = Over(trials, [](const MarginTrial& t) { return t.weps_share; });
  out.support = Over(trials, [](const MarginTrial& t) { return t.support; });
  out.phi_gap_majority = Over(trials, [](const MarginTrial& t) { return t.gap_major; });
  out.phi_gap_minority = Over(trials, [](const MarginTrial& t) { return t.gap_minor; });
  out.acc_majority = Over(trials, [](const MarginTrial& t) { return t.acc_major; });
  out.acc_minority = Over(trials, [](const MarginTrial& t) { return t.acc_minor; });
  out.max_cos = Over(trials, [](const MarginTrial& t) { return t.max_cos; });
  for (const MarginTrial& t : trials) {
    const double p_error[2] = {1.0 - t.acc_major, 1.0 - t.acc_minor};
    const double observed[2] = {t.errors_major, t.errors_minor};
    for (int g = 0; g < 2; ++g) {
      out.errors[g] += observed[g];
      out.error_law[g].push_back({cell.test_points, std::clamp(p_error[g], 0.0, 1.0)});
    }
    out.max_kkt = std::max(out.max_kkt, t.kkt);
    out.max_residual = std::max(out.max_residual, t.residual);
  }
  return out;
}

namespace {

// SPUR-E2.closed_form.<learner>.<cell>: the SVM's and the interpolant's (u, v) against §4.2, both
// within the tolerance (ALL-OF; v first, so the claim's numbers are v's).
void AddClosedFormClaims(const MarginCellResult& r, theory::TestSize size, std::vector<theory::Claim>* claims) {
  const MarginCell& c = r.cell;
  for (const auto& [name, m_u, m_v] : {std::tuple{"svm", r.u_svm, r.v_svm}, std::tuple{"interpolant", r.u_mn, r.v_mn}}) {
    const theory::Claim cv = CloseTo({"", "", kSource}, m_v, r.v_cf, kClosedFormTolerance, size.Split(2));
    const theory::Claim cu = CloseTo({"", "", kSource}, m_u, r.u_cf, kClosedFormTolerance, size.Split(2));
    theory::Claim both = theory::AllOfClaim({std::string("SPUR-E2.closed_form.") + name + "." + c.Name(),
                                             std::string("the ") + name + "'s feature margins (u, v) match the closed form (d >= 5n)",
                                             kSource},
                                            {cv, cu});
    both.AddNote("parts: v, then u");
    both.details["u"] = m_u.mean;
    both.details["u_closed_form"] = r.u_cf;
    claims->push_back(both);
  }
}

bool ClosedFormEffApplies(const MarginCellResult& r) {
  const MarginCell& c = r.cell;
  return c.d_over_n >= 5.0 && std::isfinite(r.v_cf_eff) && !std::isinf(c.n_over_s) && c.sigma_feature == 0.0;
}

// SPUR-E2.closed_form_eff.<cell>: the interpolant's (u, v) against the closed form at s_eff (ALL-OF, v first).
theory::Claim ClosedFormEffClaim(const MarginCellResult& r, theory::TestSize size) {
  const char* source = "spurious_memorization.md §4.2 with the inverse-Wishart finite-d correction";
  const theory::Claim cv = CloseTo({"", "", source}, r.v_mn, r.v_cf_eff, kEffTolerance, size.Split(2));
  const theory::Claim cu = CloseTo({"", "", source}, r.u_mn, r.u_cf_eff, kEffTolerance, size.Split(2));
  theory::Claim both = theory::AllOfClaim({"SPUR-E2.closed_form_eff." + r.cell.Name(),
                                           "the interpolant's (u, v) match the closed form at s_eff = sigma^2 (d - n - 1) (d >= 5n)",
                                           source},
                                          {cv, cu});
  both.AddNote("parts: v, then u");
  both.details["u"] = r.u_mn.mean;
  both.details["u_closed_form_eff"] = r.u_cf_eff;
  return both;
}

bool CoreApplies(const MarginCell& c) { return std::isinf(c.n_over_s) && c.sigma_feature == 0.0; }

// SPUR-E2.core.<cell>: without noise the SVM is the core direction and the minority is classified
// (ALL-OF of two one-sided bounds, margin 0: the level 0.99 already allows for the finite-d error;
// the core direction first).
theory::Claim CoreClaim(const MarginCellResult& r, theory::TestSize size) {
  const std::string source = kSource + std::string(" (i)");
  const theory::Claim core =
      theory::MeanBoundClaim({"", "", source}, r.core_direction, 0.99, theory::BoundSide::kAtLeast, 0.0, size.Split(2));
  const theory::Claim minority =
      theory::MeanBoundClaim({"", "", source}, r.acc_minority, 0.99, theory::BoundSide::kAtLeast, 0.0, size.Split(2));
  theory::Claim both = theory::AllOfClaim({"SPUR-E2.core." + r.cell.Name(),
                                           "without noise the max-margin solution is the core feature: w_y/|w| >= 0.99",
                                           source},
                                          {core, minority});
  both.AddNote("parts: w_y/|w|, then the minority accuracy " + theory::Num(r.acc_minority.mean));
  return both;
}

// The per-cell claims, in this order: phi, closed_form (svm, interpolant), closed_form_eff, core.
void AddCellClaims(const MarginCellResult& r, theory::TestSize size, std::vector<theory::Claim>* claims) {
  claims->push_back(PhiClaim(r, size));
  if (ClosedFormApplies(r.cell)) AddClosedFormClaims(r, size, claims);
  if (ClosedFormEffApplies(r)) claims->push_back(ClosedFormEffClaim(r, size));
  if (CoreApplies(r.cell)) claims->push_back(CoreClaim(r, size));
}

using SeriesMap = std::map<std::string, std::vector<const MarginCellResult*>>;

// The σ_f = 0 cells by (series, n, ρ, γ): d/n sweeps at fixed n/s (`by_ns`, noisy cells only) and
// n/s sweeps at fixed d/n (`by_dn`).
void GroupSeries(const std::vector<MarginCellResult>& cells, SeriesMap* by_ns, SeriesMap* by_dn) {
  for (const MarginCellResult& r : cells) {
    const MarginCell& c = r.cell;
    char key[200];
    std::snprintf(key, sizeof(key), "%s_n%lld_rho%g_g%g", c.series.c_str(), static_cast<long long>(c.n), c.rho, c.gamma);
    if (c.sigma_feature != 0.0) continue;
    if (!std::isinf(c.n_over_s)) (*by_ns)[std::string(key) + "_ns" + theory::Num(c.n_over_s)].push_back(&r);
    (*by_dn)[std::string(key) + "_dn" + theory::Num(c.d_over_n)].push_back(&r);
  }
}

// SPUR-E2.drift.<series>: |v_svm − v_cf| shrinks along a d/n sweep (cells sorted by d/n).
theory::Claim DriftClaim(const std::string& key, const std::vector<const MarginCellResult*>& series, theory::TestSize size) {
  std::vector<double> x;
  std::vector<theory::MeanSe> drift;
  for (const auto* r : series) {
    x.push_back(r->cell.d_over_n);
    drift.push_back(r->drift_svm);
  }
  theory::Claim c = theory::DecreasingClaim({"SPUR-E2.drift." + key, "the SVM's distance to the closed-form v shrinks as d/n grows",
                                  "spurious_memorization.md §4.5 (the closed form needs d >~ 5n)"},
                                 x, drift, size);
  for (const auto* r : series) c.details["drift_dn" + theory::Num(r->cell.d_over_n)] = r->drift_svm.mean;
  return c;
}

// SPUR-E2.support.<series>: the support-vector count does not fall along an n/s sweep (cells sorted
// by decreasing n/s, i.e. increasing σ_ε, ∞ first).
theory::Claim SupportClaim(const std::string& key, const std::vector<const MarginCellResult*>& series, theory::TestSize size) {
  std::vector<double> x;
  std::vector<theory::MeanSe> negative_support;
  for (const auto* r : series) {
    x.push_back(1.0 / r->cell.n_over_s);
    theory::MeanSe m = r->support;
    m.mean = -m.mean;
    negative_support.push_back(m);
  }
  return theory::NonIncreasingClaim({"SPUR-E2.support." + key,
                                  "the support-vector count does not fall as sigma_eps grows (support-vector proliferation)",
                                  "spurious_memorization.md §4.5, E2"},
                                 x, negative_support, size);
}

// SPUR-E2.flip.<series>: the measured sign change of v along an n/s sweep against the closed-form
// threshold [B(1 − ρ) − Aρ]/(2ρ(1 − ρ)) (BRACKET: v significantly negative at some n/s below it and
// significantly positive at some n/s above it, none on the wrong side; no evidence on a side is
// INCONCLUSIVE). When no flip is possible (threshold −∞) the claim is that v stays positive: the
// bracket's sign-everywhere form (PASS when v is significantly positive at every n/s, FAIL when it is
// significantly negative at one). The σ_ε = 0 cell (n/s = ∞) is not part of the sweep.
theory::Claim FlipClaim(const std::string& key, const std::vector<const MarginCellResult*>& series, theory::TestSize size) {
  const MarginCell& first = series.front()->cell;
  const double threshold = theory::FlipThreshold(std::floor(first.rho * static_cast<double>(first.n)) / static_cast<double>(first.n),
                                         first.gamma);
  const theory::ClaimHeader header{"SPUR-E2.flip." + key, "the minority flips (v < 0) exactly below the closed-form threshold on n/s",
                                   kSource + std::string(" §4.3")};
  std::vector<theory::SignedPoint> points;
  for (const auto* r : series)
    if (!std::isinf(r->cell.n_over_s)) points.push_back({r->cell.n_over_s, r->v_svm});
  return theory::BracketClaim(header, points, threshold, size);
}

}  // namespace

std::vector<theory::Claim> BuildMarginClaims(const std::vector<MarginCellResult>& cells, theory::TestSize size) {
  std::vector<theory::Claim> claims;
  for (const MarginCellResult& r : cells) AddCellClaims(r, size, &claims);
  SeriesMap by_ns, by_dn;
  GroupSeries(cells, &by_ns, &by_dn);
  for (auto& [key, series] : by_ns) {  // drift against d/n
    if (series.size() < 3) continue;
    std::sort(series.begin(), series.end(), [](auto* a, auto* b) { return a->cell.d_over_n < b->cell.d_over_n; });
    claims.push_back(DriftClaim(key, series, size));
  }
  for (auto& [key, series] : by_dn) {  // n/s sweeps at fixed d/n
    if (series.size() < 3) continue;
    std::sort(series.begin(), series.end(), [](auto* a, auto* b) { return a->cell.n_over_s > b->cell.n_over_s; });
    claims.push_back(SupportClaim(key, series, size));
    if (series.front()->cell.d_over_n >= 20.0) claims.push_back(FlipClaim(key, series, size));
  }
  return claims;
}

sim::CsvTable MarginTable(const std::vector<MarginCellResult>& cells) {
  sim::CsvTable t({"series", "n", "rho", "gamma", "sigma_feature", "d_over_n", "n_over_s", "trials", "u_cf", "v_cf",
                   "u_cf_eff", "v_cf_eff",
                   "u_svm", "u_svm_se", "v_svm", "v_svm_se", "u_mn", "u_mn_se", "v_mn", "v_mn_se", "drift", "drift_se",
                   "core_direction", "weps_share", "support", "support_se", "acc_majority", "acc_minority",
                   "phi_gap_majority", "phi_gap_majority_se", "phi_gap_minority", "phi_gap_minority_se", "max_cos",
                   "cos_scale", "max_kkt", "max_residual"});
  for (const MarginCellResult& r : cells) {
    const MarginCell& c = r.cell;
    t.Add(c.series).Add(c.n).Add(c.rho).Add(c.gamma).Add(c.sigma_feature).Add(c.d_over_n).Add(c.n_over_s).Add(c.trials);
    t.Add(r.u_cf).Add(r.v_cf).Add(r.u_cf_eff).Add(r.v_cf_eff).Add(r.u_svm.mean).Add(r.u_svm.se).Add(r.v_svm.mean).Add(r.v_svm.se);
    t.Add(r.u_mn.mean).Add(r.u_mn.se).Add(r.v_mn.mean).Add(r.v_mn.se).Add(r.drift_svm.mean).Add(r.drift_svm.se);
    t.Add(r.core_direction.mean).Add(r.weps_share.mean).Add(r.support.mean).Add(r.support.se);
    t.Add(r.acc_majority.mean).Add(r.acc_minority.mean).Add(r.phi_gap_majority.mean).Add(r.phi_gap_majority.se);
    t.Add(r.phi_gap_minority.mean).Add(r.phi_gap_minority.se).Add(r.max_cos.mean);
    t.Add(2.0 * std::sqrt(std::log(static_cast<double>(c.n)) / static_cast<double>(c.D())));
    t.Add(r.max_kkt).Add(r.max_residual);
    t.EndRow();
  }
  return t;
}

sim::CsvTable ClosedFormCurveTable(const std::vector<MarginCellResult>& cells) {
  sim::CsvTable t({"series", "n", "rho", "gamma", "d_over_n", "n_over_s", "u", "v", "u_eff", "v_eff", "threshold"});
  std::map<std::string, const MarginCell*> distinct;
  for (const MarginCellResult& r : cells) {
    char key[200];
    std::snprintf(key, sizeof(key), "%s_%lld_%g_%g_%g", r.cell.series.c_str(), static_cast<long long>(r.cell.n), r.cell.rho,
                  r.cell.gamma, r.cell.d_over_n);
    distinct.emplace(key, &r.cell);
  }
  constexpr int kPoints = 61;
  for (const auto& [key, c] : distinct) {
    theory::MarginProblem p;
    p.n = static_cast<double>(c->n);
    p.rho = std::floor(c->rho * p.n) / p.n;
    p.gamma = c->gamma;
    const double d = static_cast<double>(c->D());
    const double threshold = theory::FlipThreshold(p.rho, p.gamma);
    for (int k = 0; k < kPoints; ++k) {
      const double ns = std::pow(10.0, -1.0 + 3.0 * k / (kPoints - 1));
      p.s = p.n / ns;
      const theory::FeatureMargins m = theory::ClosedFormMargins(p);
      double u_eff = NAN, v_eff = NAN;
      if (d > p.n + 1.0) {
        theory::MarginProblem e = p;
        e.s *= (d - p.n - 1.0) / d;
        const theory::FeatureMargins me = theory::ClosedFormMargins(e);
        u_eff = me.u;
        v_eff = me.v;
      }
      t.Add(c->series).Add(c->n).Add(c->rho).Add(c->gamma).Add(c->d_over_n).Add(ns).Add(m.u).Add(m.v).Add(u_eff).Add(v_eff);
      t.Add(threshold);
      t.EndRow();
    }
  }
  return t;
}

}  // namespace memgen::scenarios
