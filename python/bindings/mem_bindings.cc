// Memorization and privacy kernels for Python: Gaussian Rényi divergences, the exact ridge-Langevin
// unlearning model, the two-sample KS test and the membership-inference closed forms
// (theory/mem/gaussian_renyi.h, theory/mem/ridge_noisy_gd.h, theory/stats/two_sample_ks.h,
// theory/mem/membership.h; Sepahvand et al. 2025; Carlini et al. 2022).
#include <pybind11/stl.h>

#include "python/bindings/bindings.h"
#include "theory/mem/gaussian_renyi.h"
#include "theory/mem/membership.h"
#include "theory/mem/ridge_noisy_gd.h"
#include "theory/stats/two_sample_ks.h"

namespace memgen::python {
namespace {

double Renyi(double alpha, const py::array& m1, const py::array& s1, const py::array& m2, const py::array& s2) {
  const std::vector<double> a = Vector(m1, "m1");
  const auto d = static_cast<py::ssize_t>(a.size());
  const std::vector<double> b = Vector(m2, "m2", d);
  return theory::GaussianRenyi(alpha, Eigen::Map<const Eigen::VectorXd>(a.data(), d), Matrix(s1, "s1", d, d),
                               Eigen::Map<const Eigen::VectorXd>(b.data(), d), Matrix(s2, "s2", d, d));
}

// The with/without problems and ν_S of the ridge-Langevin model.
struct Model {
  theory::RidgeProblem full, retain;
  theory::NoisyGdParams params;
};

Model MakeModel(const py::array& x, const py::array& y, double ridge, double eta, double temperature, const std::vector<int>& remove) {
  const Eigen::MatrixXd xm = Matrix(x, "x");
  const std::vector<double> yv = Vector(y, "y", xm.rows());
  const Eigen::VectorXd ym = Eigen::Map<const Eigen::VectorXd>(yv.data(), static_cast<Eigen::Index>(yv.size()));
  return {theory::MakeRidgeProblem(xm, ym, ridge), theory::MakeRidgeProblem(xm, ym, ridge, remove), {eta, temperature}};
}

py::dict Unlearning(const py::array& x, const py::array& y, const std::vector<int>& remove, double ridge, double eta, double temperature,
                    double alpha, int k_max) {
  const Model m = MakeModel(x, y, ridge, eta, temperature, remove);
  const theory::GaussianState with = theory::Stationary(m.full, m.params), without = theory::Stationary(m.retain, m.params);
  py::dict out;
  out["privacy_loss"] = theory::GaussianRenyi(alpha, with.mean, with.cov, without.mean, without.cov);
  out["curve"] = ToArray(theory::UnlearningCurve(m.retain, m.params, with, alpha, k_max));
  out["asymptotic_log_rate"] = theory::AsymptoticLogRate(m.retain, m.params);
  out["stationary_mean"] = ToArray(std::vector<double>(with.mean.data(), with.mean.data() + with.mean.size()));
  out["stationary_cov"] = ToArray(with.cov);
  return out;
}

py::tuple KsTest(const py::array& a, const py::array& b) {
  const theory::TwoSampleKs t = theory::TwoSampleKsTest(Vector(a, "a"), Vector(b, "b"));
  return py::make_tuple(t.statistic, t.p_value);
}

}  // namespace

void AddMemBindings(py::module_& m) {
  m.def("gaussian_renyi", &Renyi, py::arg("alpha"), py::arg("m1"), py::arg("s1"), py::arg("m2"), py::arg("s2"),
        R"(Renyi divergence D_alpha(N(m1, s1) || N(m2, s2)) in closed form, alpha > 1 (theory/mem/gaussian_renyi.h).

D = (alpha/2) dm^T S_a^-1 dm - [ln det S_a - (1 - alpha) ln det s1 - alpha ln det s2] / (2(alpha - 1)),
S_a = alpha s2 + (1 - alpha) s1; +inf when S_a is not positive definite. Unequal covariances are handled
exactly (the equal-covariance shortcut is wrong for a removal, learning_dynamics.md section 9).)");
  m.def("ridge_unlearning", &Unlearning, py::arg("x"), py::arg("y"), py::arg("remove"), py::arg("ridge") = 0.1, py::arg("eta") = 0.05,
        py::arg("temperature") = 0.01, py::arg("alpha") = 2.0, py::arg("k_max") = 200,
        R"(The exact ridge-Langevin unlearning model (learning_dynamics.md section 9; Chien et al. 2024; Sepahvand et al. 2025).

Noisy GD w <- (I - eta H) w + eta b + sqrt(2 eta temperature) xi on ridge regression over rows x (n x d, float64)
and labels y has Gaussian iterates; removing the rows `remove` gives the per-instance privacy loss
D_alpha(nu_S || nu_S\i) and the divergence D_k left after k = 0..k_max noisy-GD steps on S\i from nu_S.
Returns {"privacy_loss", "curve", "asymptotic_log_rate", "stationary_mean", "stationary_cov"}.)");
  m.def("two_sample_ks", &KsTest, py::arg("a"), py::arg("b"),
        "Two-sample Kolmogorov-Smirnov test: (D, p), p exact (lattice paths) for n + m <= 1000 (theory/stats/two_sample_ks.h).");
  m.def("one_sided_tpr",
        [](double fpr, double mu_in, double sd_in, double mu_out, double sd_out) {
          return theory::OneSidedTpr(fpr, theory::GaussianScores{mu_in, sd_in, mu_out, sd_out});
        },
        py::arg("fpr"), py::arg("mu_in"), py::arg("sd_in"), py::arg("mu_out"), py::arg("sd_out"),
        "TPR of the one-sided threshold test on Gaussian IN/OUT scores: Phi(Phi^-1(fpr) sd_out/sd_in + (mu_in - mu_out)/sd_in).");
  m.def("dp_power_cap", &theory::DpPowerCap, py::arg("fpr"), py::arg("epsilon"), py::arg("delta"),
        "The (epsilon, delta)-DP cap on membership inference: min(1, e^epsilon fpr + delta) (Kairouz, Oh, Viswanath 2015).");
}

}  // namespace memgen::python
