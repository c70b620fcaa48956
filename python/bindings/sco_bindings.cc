// SCO traceability kernels for Python: the analytic Gaussian mechanism, the tracer's Hoeffding and
// Bernstein thresholds, and one trial of a tracing cell (learners, scores, thresholds, fingerprint
// sums) exactly as scn_sco_tracing computes it (theory/sco/gaussian_mechanism.h, theory/sco/thresholds.h,
// scenarios/sco/tracing_experiment.h; Balle and Wang 2018; Attias et al. 2024).
#include <pybind11/stl.h>

#include "python/bindings/bindings.h"
#include "scenarios/sco/tracing_experiment.h"
#include "theory/sco/gaussian_mechanism.h"
#include "theory/sco/thresholds.h"

namespace memgen::python {
namespace {

// A learner from a dict {"kind": ..., "name": ..., and any ScoLearnerOptions field}; unknown keys are errors.
sim::ScoLearnerOptions LearnerFromDict(const py::dict& spec, const std::string& field) {
  sim::ScoLearnerOptions o;
  for (const auto& [key_object, value] : spec) {
    const std::string key = py::str(key_object);
    if (key == "kind") o.kind = sim::StringToScoLearnerKind(value.cast<std::string>(), field + ".kind");
    else if (key == "name") o.name = value.cast<std::string>();
    else if (key == "fraction") o.fraction = value.cast<double>();
    else if (key == "reg_lambda") o.reg_lambda = value.cast<double>();
    else if (key == "step") o.step = value.cast<double>();
    else if (key == "dp_epsilon") o.dp_epsilon = value.cast<double>();
    else if (key == "dp_delta") o.dp_delta = value.cast<double>();
    else if (key == "noise") o.noise = value.cast<double>();
    else if (key == "projection_dim") o.projection_dim = value.cast<std::int64_t>();
    else if (key == "quantizer_step") o.quantizer_step = value.cast<double>();
    else throw py::value_error(field + "." + key + ": not a learner option");
  }
  if (!spec.contains("name")) o.name = sim::ScoLearnerKindToString(o.kind);
  return o;
}

py::dict LearnerRecord(const scenarios::ScoLearnerTrial& r) {
  py::dict d;
  d["excess"] = r.excess, d["gap"] = r.gap, d["theta_mu"] = r.theta_mu, d["a1"] = r.a1, d["a2"] = r.a2;
  d["weight_norm"] = r.weight_norm, d["used_rows"] = r.used_rows;
  d["recall_fw"] = r.recall_fw, d["recall_pp"] = r.recall_pp, d["recall_used"] = r.recall_used;
  d["fresh_fw"] = r.fresh_fw, d["fresh_pp"] = r.fresh_pp, d["recall_cal"] = r.recall_cal, d["fresh_cal"] = r.fresh_cal;
  d["recall_sim"] = r.recall_sim, d["fresh_sim"] = r.fresh_sim, d["recall_bern"] = r.recall_bern, d["fresh_bern"] = r.fresh_bern;
  d["decode_errors"] = r.decode_errors, d["counting_count"] = r.counting_count, d["counting_bound"] = r.counting_bound;
  d["predicted_recall_fw"] = r.predicted_recall_fw, d["predicted_recall_pp"] = r.predicted_recall_pp;
  return d;
}

py::dict ScoTrial(std::int64_t n, std::int64_t d, const py::list& learners, double eps, double beta, double xi, std::int64_t null_draws,
                  std::uint64_t seed, const std::string& cell_name, std::int64_t trial) {
  scenarios::ScoCellOptions cell;
  cell.name = cell_name, cell.n = n, cell.d = d, cell.eps = eps, cell.beta = beta, cell.xi = xi, cell.null_draws = null_draws;
  cell.trials = 10;  // only trial `trial` runs; Validate's lower bound on the count does not apply
  for (std::size_t i = 0; i < learners.size(); ++i) {
    const std::string field = "learners[" + std::to_string(i) + "]";
    const py::handle spec = learners[i];
    cell.learners.push_back(py::isinstance<py::str>(spec) ? LearnerFromDict(py::dict(py::arg("kind") = spec), field)
                                                          : LearnerFromDict(spec.cast<py::dict>(), field));
  }
  cell.Validate("sco_trial");
  if (trial < 0) throw py::value_error("trial: " + std::to_string(trial) + " must be >= 0");
  scenarios::ScoTrial result;
  {
    py::gil_scoped_release release;
    result = scenarios::RunScoTrial(cell, seed, trial);
  }
  py::dict out;
  out["mu_norm2"] = result.mu_norm2;
  py::dict per_learner;
  for (std::size_t l = 0; l < cell.learners.size(); ++l) per_learner[py::str(cell.learners[l].name)] = LearnerRecord(result.learners[l]);
  out["learners"] = per_learner;
  return out;
}

double Bernstein(const py::array& weights, const py::array& means, double level) {
  const std::vector<double> w = Vector(weights, "weights");
  const std::vector<double> p = Vector(means, "means", static_cast<py::ssize_t>(w.size()));
  const auto d = static_cast<Eigen::Index>(w.size());
  return theory::BernsteinThreshold(theory::MakeBernsteinParameters(Eigen::Map<const Eigen::VectorXd>(w.data(), d),
                                                                     Eigen::Map<const Eigen::VectorXd>(p.data(), d)),
                                    level);
}

}  // namespace

void AddScoBindings(py::module_& m) {
  m.def("analytic_gaussian_sigma", &theory::AnalyticGaussianSigma, py::arg("sensitivity"), py::arg("epsilon"), py::arg("delta"),
        R"(The smallest noise sigma of the Gaussian mechanism that is (epsilon, delta)-DP for l2 sensitivity Delta
(Balle and Wang 2018, Thm 8): Phi(Delta/(2 sigma) - epsilon sigma/Delta) - e^epsilon Phi(-Delta/(2 sigma) - epsilon sigma/Delta) <= delta,
any epsilon > 0, solved by TOMS 748.)");
  m.def("hoeffding_threshold", &theory::HoeffdingThreshold, py::arg("weight_norm"), py::arg("d"), py::arg("level"),
        "The SCO tracer's Hoeffding threshold ||v|| sqrt(2 ln(1/level) / d): a fresh point's score exceeds it with probability at most level.");
  m.def("bernstein_threshold", &Bernstein, py::arg("weights"), py::arg("means"), py::arg("level"),
        R"(The tracer's Bernstein threshold for the score <w, z - mu>, z = x/sqrt(d), x in {+-1}^d with E x_k = means[k]
(theory/sco/thresholds.h): v = sum_k w_k^2 (1 - p_k^2)/d, b = 2 max|w_k|/sqrt(d), L = ln(1/level),
tau = bL/3 + sqrt((bL/3)^2 + 2vL), so P(score >= tau) <= level for a fresh point.)");
  m.def("sco_trial", &ScoTrial, py::arg("n"), py::arg("d"), py::arg("learners") = py::list(py::make_tuple("erm")), py::arg("eps") = 0.1,
        py::arg("beta") = 0.0, py::arg("xi") = 0.01, py::arg("null_draws") = 0, py::arg("seed") = 0, py::arg("cell") = "cell",
        py::arg("trial") = 0,
        R"(One trial of an SCO tracing cell, the same numbers as scn_sco_tracing for the same (seed, cell, trial)
(sco_traceability.md section 9; Attias, Dziugaite, Haghifam, Livni, Roy 2024). The trial draws the prior
p_k ~ s-beta(beta, beta) (beta = 0: 1/(8 eps^2)), n training and n fresh points z = x/sqrt(d) on {+-1/sqrt(d)}^d,
runs each learner (a kind name, or a dict {"kind", "name", "fraction", "reg_lambda", "step", "dp_epsilon",
"dp_delta", "noise", "projection_dim", "quantizer_step"}), scores s(z) = <v, z - mu> and counts the points at
the Hoeffding thresholds tau_fw = ||v|| sqrt(2 ln(n/xi)/d) and tau_pp = ||v|| sqrt(2 ln(1/xi)/d), the
calibrated, Bernstein and (null_draws > 0) simulated-null thresholds. Returns {"mu_norm2", "learners":
{name: {"excess", "gap", "theta_mu", "a1", "a2" (the fingerprint sums sum_i s(z_i), sum_i s(z_i)^2),
"weight_norm", "recall_fw", "fresh_fw", "recall_pp", ...}}}. Runs without the GIL.)");
}

}  // namespace memgen::python
