// Benign overfitting kernels for Python: effective ranks and the deterministic equivalent
// (theory/bo/effective_ranks.h, theory/bo/deterministic_equivalent.h; BLLT 2020; Hastie et al. 2022).
#include <limits>

#include "python/bindings/bindings.h"
#include "sim/bo/exact_risk.h"
#include "sim/random/stream_tag.h"
#include "theory/bo/deterministic_equivalent.h"
#include "theory/bo/effective_ranks.h"
#include "theory/bo/isotropic_oracle.h"

namespace memgen::python {
namespace {

theory::Spectrum FromEigenvalues(const py::array& eigenvalues) {
  theory::Spectrum s;
  s.head = Vector(eigenvalues, "eigenvalues");
  if (s.head.empty()) throw py::value_error("eigenvalues: expected at least one eigenvalue");
  for (std::size_t i = 0; i < s.head.size(); ++i)
    if (!(s.head[i] >= 0.0) || (i > 0 && s.head[i] > s.head[i - 1]))
      throw py::value_error("eigenvalues: expected non-negative values in non-increasing order (index " + std::to_string(i) + ")");
  return s;
}

py::dict EffectiveRanks(const py::array& eigenvalues, std::int64_t k_max) {
  const theory::Spectrum s = FromEigenvalues(eigenvalues);
  const theory::EffectiveRanks ranks(s, k_max);
  std::vector<double> small, large, tail;
  for (std::int64_t k = 0; k <= ranks.k_max(); ++k) {
    small.push_back(ranks.SmallR(k));
    large.push_back(ranks.LargeR(k));
    tail.push_back(ranks.TailSum(k));
  }
  py::dict out;
  out["r"] = ToArray(small);
  out["R"] = ToArray(large);
  out["tail_sum"] = ToArray(tail);
  return out;
}

py::object KStar(const py::array& eigenvalues, double b, std::int64_t n) {
  const theory::Spectrum s = FromEigenvalues(eigenvalues);
  const std::int64_t k = theory::EffectiveRanks(s, s.dimension() - 1).KStar(b, n);
  return k == theory::kInfiniteK ? py::object(py::none()) : py::object(py::int_(k));
}

py::dict DeterministicEquivalent(const py::array& eigenvalues, std::int64_t n, double ridge, double sigma2, const py::object& theta) {
  const theory::Spectrum s = FromEigenvalues(eigenvalues);
  const theory::DeOptions o{n, ridge, sigma2};
  const std::vector<double> t = theta.is_none() ? std::vector<double>() : Vector(theta.cast<py::array>(), "theta");
  const theory::DeResult r = theory::DeterministicEquivalent(s, t, o);
  if (!r.ok) throw py::value_error("deterministic_equivalent: " + r.message);
  py::dict out;
  out["kappa"] = r.kappa, out["df1"] = r.df1, out["df2"] = r.df2, out["bias"] = r.bias, out["variance"] = r.variance;
  return out;
}

// One draw of the design, as a scenario's risk cell computes it (scenarios/bo/risk_cell.cc).
py::dict ExactRiskDraw(std::int64_t n, const py::dict& spectrum, const py::array& theta, double ridge, double sigma2, std::uint64_t seed,
                       const std::string& stream, std::uint64_t trial, const std::string& design, bool noise_draw, bool wishart) {
  theory::SpectrumOptions so;
  so.kind = theory::StringToSpectrumKind(spectrum.contains("kind") ? spectrum["kind"].cast<std::string>() : "isotropic", "spectrum.kind");
  so.d = spectrum.contains("d") ? spectrum["d"].cast<std::int64_t>() : so.d;
  so.alpha = spectrum.contains("alpha") ? spectrum["alpha"].cast<double>() : so.alpha;
  so.beta = spectrum.contains("beta") ? spectrum["beta"].cast<double>() : so.beta;
  so.tau = spectrum.contains("tau") ? spectrum["tau"].cast<double>() : so.tau;
  so.eps = spectrum.contains("eps") ? spectrum["eps"].cast<double>() : so.eps;
  so.scale = spectrum.contains("scale") ? spectrum["scale"].cast<double>() : so.scale;
  so.spike_count = spectrum.contains("spike_count") ? spectrum["spike_count"].cast<std::int64_t>() : so.spike_count;
  so.Validate("spectrum");
  sim::ExactRiskOptions o;
  o.gram.n = n;
  o.gram.design = sim::StringToDesignKind(design);
  o.ridge = ridge;
  o.sigma2 = sigma2;
  o.noise_draw = noise_draw;
  o.wishart_tail = wishart;
  const theory::Spectrum spec = theory::MakeSpectrum(so);
  const std::vector<double> t = Vector(theta, "theta");
  sim::ExactRisk r;
  {
    py::gil_scoped_release release;  // a large draw takes seconds
    r = sim::ComputeExactRisk(spec, t, o, sim::StreamId{seed, sim::StreamTag(stream), trial, 0});
  }
  py::dict out;
  out["bias"] = r.bias, out["variance"] = r.variance, out["risk_one_draw"] = r.risk_one_draw, out["rcond"] = r.rcond;
  out["method"] = r.method == sim::RiskMethod::kCholesky ? "cholesky" : r.method == sim::RiskMethod::kQrFallback ? "qr" : "ill_conditioned";
  return out;
}

}  // namespace

void AddBoBindings(py::module_& m) {
  m.def("exact_risk_draw", &ExactRiskDraw, py::arg("n"), py::arg("spectrum"), py::arg("theta"), py::arg("ridge") = 0.0, py::arg("sigma2") = 1.0,
        py::arg("seed"), py::arg("stream"), py::arg("trial"), py::arg("design") = "gaussian", py::arg("noise_draw") = false,
        py::arg("wishart") = false,
        R"(The exact conditional bias and variance of one design draw (Tsigler and Bartlett 2023, eq. (2); sim/bo/exact_risk.h).

With A = X X^T + n ridge I and w = A^-1 X theta: bias = sum_j lambda_j (theta_j - (X^T w)_j)^2,
variance = sigma2 tr(A^-1 X Sigma X^T A^-1). The draw is the one a scenario makes for (seed, stream, trial):
stream is the risk cell's stream name (e.g. "bo/isotropic/oracle/gaussian/n50/d100"), so the numbers
are the scenario's bit for bit. spectrum: {"kind": "isotropic"|"power_law"|"log_power"|"exp_floor"|"spiked",
"d", "alpha", "beta", "tau", "eps", "scale", "spike_count"}. Returns {"bias", "variance", "risk_one_draw",
"rcond", "method"}. Releases the GIL while it runs.)");
  m.def("isotropic_expected_bias", &theory::IsotropicExpectedBias, py::arg("n"), py::arg("d"), py::arg("theta_norm2"),
        "E bias of the min-norm interpolant with isotropic Gaussian design: ||theta||^2 (1 - n/d) for d >= n + 2, 0 for least squares (theory/bo/isotropic_oracle.h).");
  m.def("isotropic_expected_variance", &theory::IsotropicExpectedVariance, py::arg("n"), py::arg("d"), py::arg("sigma2"),
        "E variance of the min-norm interpolant with isotropic Gaussian design: sigma2 n/(d - n - 1) for d >= n + 2, sigma2 d/(n - d - 1) for n >= d + 2; NaN where undefined (theory/bo/isotropic_oracle.h).");
  m.def("effective_ranks", &EffectiveRanks, py::arg("eigenvalues"), py::arg("k_max"),
        R"(Effective ranks of a covariance spectrum (BLLT 2020, Definition 3; theory/bo/effective_ranks.h).

S_k = sum_{i>k} lambda_i, r_k = S_k / lambda_{k+1}, R_k = S_k^2 / sum_{i>k} lambda_i^2, for k = 0..k_max
(clamped to d - 1), tail sums accumulated in long double.
eigenvalues: 1-D float64, non-increasing, non-negative. Returns {"r", "R", "tail_sum"} arrays.)");
  m.def("k_star", &KStar, py::arg("eigenvalues"), py::arg("b"), py::arg("n"),
        "k*(b) = min{k >= 0 : r_k >= b n} (BLLT 2020); None when no k < d qualifies.");
  m.def("deterministic_equivalent", &DeterministicEquivalent, py::arg("eigenvalues"), py::arg("n"), py::arg("ridge") = 0.0,
        py::arg("sigma2") = 1.0, py::arg("theta") = py::none(),
        R"(Deterministic equivalent of ridge(less) regression (Hastie, Montanari, Rosset, Tibshirani 2022).

kappa solves n - df1(kappa) - n ridge / kappa = 0 with df1 = sum lambda/(lambda + kappa), df2 = sum lambda^2/(lambda + kappa)^2;
bias = kappa^2 sum lambda theta^2/(lambda + kappa)^2 / (1 - df2/n), variance = sigma2 df2 / (n - df2).
ridge = 0 needs more than n positive eigenvalues. Returns {"kappa", "df1", "df2", "bias", "variance"}.)");
}

}  // namespace memgen::python
