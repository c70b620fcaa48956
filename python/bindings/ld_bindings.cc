// Learning-dynamics kernels for Python: the deep linear network's mode dynamics and early stopping, the
// spiked training spectrum of a noisy teacher, the 1-NN rule against its Bayes risk, the random
// perceptron's a priori bias and Gromov's modular-addition solution (theory/ld/*.h; Saxe et al. 2014;
// Lampinen and Ganguli 2019; Cover and Hart 1967; Mingard et al. 2019; Gromov 2023).
#include <pybind11/stl.h>

#include "python/bindings/bindings.h"
#include "theory/ld/early_stopping.h"
#include "theory/ld/gromov_solution.h"
#include "theory/ld/mode_dynamics.h"
#include "theory/ld/nearest_neighbour.h"
#include "theory/ld/perceptron_bias.h"
#include "theory/ld/spiked_spectrum.h"

namespace memgen::python {
namespace {

// f applied to every entry of a 1-D float64 array.
template <typename F>
DoubleArray Map(const py::array& values, const std::string& name, F f) {
  std::vector<double> v = Vector(values, name);
  for (double& x : v) x = f(x);
  return ToArray(v);
}

void CheckMode(double s_hat, double epsilon, int layers) {
  Require(layers == 2 || layers == 4, "layers", layers, "must be 2 or 4 (the closed forms)");
  Require(s_hat > 0.0, "s_hat", s_hat, "must be > 0");
  Require(epsilon > 0.0 && epsilon < s_hat, "epsilon", epsilon, "must be in (0, s_hat): the mode must grow");
}

void CheckSpiked(double teacher_value, double aspect, double noise_sd) {
  Require(teacher_value > 0.0, "teacher_value", teacher_value, "must be > 0");
  Require(aspect > 0.0 && aspect <= 1.0, "aspect", aspect, "must be in (0, 1]");
  Require(noise_sd > 0.0, "noise_sd", noise_sd, "must be > 0");
}

void CheckClasses(int classes, double rate, const std::string& name) {
  Require(classes >= 2, "classes", classes, "must be >= 2");
  Require(rate >= 0.0 && rate <= 1.0, name, rate, "must be in [0, 1]");
}

theory::AlignedStudent Student(const py::array& s_hat, const py::array& alignment, double teacher_norm2, double epsilon) {
  theory::AlignedStudent s;
  s.s_hat = Vector(s_hat, "s_hat");
  s.alignment = Vector(alignment, "alignment", static_cast<py::ssize_t>(s.s_hat.size()));
  s.teacher_norm2 = teacher_norm2, s.epsilon = epsilon;
  Require(teacher_norm2 > 0.0, "teacher_norm2", teacher_norm2, "must be > 0");
  for (double v : s.s_hat) CheckMode(v, epsilon, 2);
  return s;
}

theory::Corruption ToCorruption(const std::string& text) {
  if (text == "any_class") return theory::Corruption::kAnyClass;
  if (text == "other_class") return theory::Corruption::kOtherClass;
  throw py::value_error("corruption: \"" + text + "\" must be \"any_class\" or \"other_class\"");
}

void AddDeepLinear(py::module_& m) {
  m.def("mode_strength",
        [](const py::array& t_over_tau, double s_hat, double epsilon, int layers) {
          CheckMode(s_hat, epsilon, layers);
          return Map(t_over_tau, "t_over_tau", [&](double t) { return theory::ModeStrength(t, s_hat, epsilon, layers); });
        },
        py::arg("t_over_tau"), py::arg("s_hat"), py::arg("epsilon"), py::arg("layers") = 2,
        R"(The strength u(t) of one mode of a deep linear network under gradient flow (Saxe, McClelland, Ganguli 2014;
learning_dynamics.md section 3): tau du/dt = L u^(2 - 2/L) (s_hat - u), u(0) = epsilon, for L = layers in {2, 4}
weight matrices. L = 2 is the logistic u = s_hat/(1 + e^(-2 s_hat t/tau)(s_hat/epsilon - 1)); L = 4 inverts the
closed-form t(u) by TOMS 748. t_over_tau is a float64 array; returns u at each time.)");
  m.def("mode_time",
        [](double u, double s_hat, double epsilon, int layers) {
          CheckMode(s_hat, epsilon, layers);
          Require(u >= epsilon && u < s_hat, "u", u, "must be in [epsilon, s_hat)");
          return theory::ModeTime(u, s_hat, epsilon, layers);
        }, py::arg("u"), py::arg("s_hat"), py::arg("epsilon"), py::arg("layers") = 2,
        "The time t/tau at which a deep linear network's mode reaches strength u in [epsilon, s_hat) (the inverse of mode_strength).");
  m.def("aligned_test_error",
        [](const py::array& t_over_tau, const py::array& s_hat, const py::array& alignment, double teacher_norm2, double epsilon) {
          const theory::AlignedStudent s = Student(s_hat, alignment, teacher_norm2, epsilon);
          return Map(t_over_tau, "t_over_tau", [&](double t) { return theory::AlignedTestError(s, t); });
        },
        py::arg("t_over_tau"), py::arg("s_hat"), py::arg("alignment"), py::arg("teacher_norm2") = 1.0, py::arg("epsilon") = 1e-6,
        R"(Relative test error of a training-aligned one-hidden-layer linear student along gradient flow (Lampinen and
Ganguli 2019; theory/ld/early_stopping.h): (||W||^2 - 2 sum_i s_i(t) c_i + sum_i s_i(t)^2)/||W||^2 with s_i(t) the
mode strengths for training singular values s_hat and alignments c_i = u_i^T W v_i.)");
  m.def("optimal_early_stop",
        [](const py::array& s_hat, const py::array& alignment, double teacher_norm2, double epsilon) {
          const theory::AlignedStudent s = Student(s_hat, alignment, teacher_norm2, epsilon);
          const theory::EarlyStop stop = theory::OptimalEarlyStop(s);
          py::dict out;
          out["t_over_tau"] = stop.t_over_tau, out["test_error"] = stop.test_error, out["memorized_error"] = theory::MemorizedTestError(s);
          return out;
        },
        py::arg("s_hat"), py::arg("alignment"), py::arg("teacher_norm2") = 1.0, py::arg("epsilon") = 1e-6,
        "The early-stopping optimum of aligned_test_error over t (grid, then Brent), and the error once every mode has memorized.");
}

void AddSpiked(py::module_& m) {
  const auto model = [](double aspect, double noise_sd) { return theory::SpikedModel{aspect, noise_sd}; };
  m.def("training_singular_value",
        [model](double teacher_value, double aspect, double noise_sd) {
          CheckSpiked(teacher_value, aspect, noise_sd);
          return theory::TrainingSingularValue(teacher_value, model(aspect, noise_sd));
        },
        py::arg("teacher_value"), py::arg("aspect") = 0.5, py::arg("noise_sd") = 1.0,
        R"(The training singular value of a spiked rectangular matrix (Lampinen and Ganguli 2019; learning_dynamics.md
section 3): s_hat = sigma sqrt((1 + x^2)(A + x^2))/x, x = s/sigma, above the detectability x > A^(1/4); the noise edge
sigma(1 + sqrt A) below it. A = N3/N1 = aspect.)");
  m.def("teacher_overlap",
        [model](double teacher_value, double aspect, double noise_sd) {
          CheckSpiked(teacher_value, aspect, noise_sd);
          return theory::TeacherOverlap(teacher_value, model(aspect, noise_sd));
        },
        py::arg("teacher_value"), py::arg("aspect") = 0.5, py::arg("noise_sd") = 1.0,
        "The overlap O(s) = (u_hat.u)(v_hat.v) of the top training mode with the teacher's (0 below detectability).");
  m.def("early_stopping_optimum",
        [model](double teacher_value, double aspect, double noise_sd) {
          CheckSpiked(teacher_value, aspect, noise_sd);
          return theory::EarlyStoppingOptimum(teacher_value, model(aspect, noise_sd));
        },
        py::arg("teacher_value"), py::arg("aspect") = 0.5, py::arg("noise_sd") = 1.0,
        "The rank-1 student's relative test error at its early-stopping optimum, 1 - O(s)^2.");
}

void AddNearestNeighbour(py::module_& m) {
  m.def("cover_hart_bound",
        [](int classes, double bayes_risk) {
          CheckClasses(classes, bayes_risk, "bayes_risk");
          return theory::CoverHartBound(classes, bayes_risk);
        }, py::arg("classes"), py::arg("bayes_risk"),
        "The Cover-Hart (1967) bound on the asymptotic 1-NN risk: R*(2 - M R*/(M - 1)) for M classes.");
  m.def("constant_eta_nn_risk",
        [](int classes, double rho) {
          CheckClasses(classes, rho, "rho");
          return theory::ConstantEtaNearestNeighbourRisk(classes, rho);
        }, py::arg("classes"), py::arg("rho"),
        "The 1-NN risk when every label is wrong with probability rho, uniformly over the other M - 1 classes: rho(2 - M rho/(M - 1)), any n.");
  m.def("mixture_bayes_risk",
        [](double mu) {
          Require(mu >= 0.0, "separation", mu, "must be >= 0");
          return theory::MixtureBayesRisk(mu);
        }, py::arg("separation"), "Bayes risk Phi(-mu) of the 1-D mixture N(+-mu, 1), equal priors.");
  m.def("mixture_nn_limit",
        [](double mu) {
          Require(mu >= 0.0 && mu <= 30.0, "separation", mu, "must be in [0, 30]");
          return theory::MixtureNearestNeighbourLimit(mu);
        }, py::arg("separation"),
        "The asymptotic 1-NN risk E[2 eta(1 - eta)] of the mixture N(+-mu, 1), by Gauss-Kronrod quadrature.");
  m.def("memorizer_limit",
        [](int classes, double rho, const std::string& c) {
          CheckClasses(classes, rho, "rho");
          return theory::MemorizerLimit(classes, rho, ToCorruption(c));
        },
        py::arg("classes"), py::arg("rho"), py::arg("corruption") = "any_class",
        "The clean-test error limit of a pure memorizer trained on labels corrupted at rate rho: rho(M - 1)/M (any_class) or rho (other_class).");
}

void AddPerceptronAndGromov(py::module_& m) {
  m.def("perceptron_bias",
        [](int inputs) {
          Require(inputs >= 1 && inputs <= 30, "inputs", inputs, "must be in [1, 30]");
          py::dict out;
          out["outcomes"] = theory::PerceptronOutcomes(inputs), out["probability"] = theory::PerceptronUniformProbability(inputs);
          out["mean"] = theory::PerceptronMeanCount(inputs), out["variance"] = theory::PerceptronCountVariance(inputs);
          return out;
        },
        py::arg("inputs"),
        R"(The a priori law of t = #{x in {0,1}^n : w.x > 0} for a random perceptron with a sign-symmetric weight law
(Mingard et al. 2019; theory/ld/perceptron_bias.h): uniform on {0, ..., 2^n - 1}, mean (2^n - 1)/2, variance (4^n - 1)/12.)");
  m.def("gromov_weights",
        [](int p, const py::array& phi1, const py::array& phi2, const py::array& phi3) {
          Require(p >= 3 && p % 2 == 1, "p", p, "must be odd and >= 3");
          theory::GromovPhases phases{Vector(phi1, "phi1"), Vector(phi2, "phi2", phi1.shape(0)), Vector(phi3, "phi3", phi1.shape(0))};
          return py::make_tuple(ToArray(theory::GromovInputWeights(p, phases)), ToArray(theory::GromovOutputWeights(p, phases)));
        },
        py::arg("p"), py::arg("phi1"), py::arg("phi2"), py::arg("phi3"),
        R"(Gromov's (2023) analytic solution of modular addition mod p by f(x) = W2 (W1 x)^2: returns (W1 (N x 2p), W2 (p x N))
with W1[k, n] = cos(2 pi s_k n/p + phi1_k), W1[k, p + m] = cos(2 pi s_k m/p + phi2_k), W2[q, k] = cos(-2 pi s_k q/p - phi3_k),
s_k = 1 + (k mod (p - 1)/2). With phi3 = phi1 + phi2 the argmax of f is n + m mod p for enough neurons.)");
  m.def("gromov_constructive_term",
        [](int p, int neurons, int residue) {
          Require(p >= 3 && p % 2 == 1, "p", p, "must be odd and >= 3");
          Require(neurons >= 1, "neurons", neurons, "must be >= 1");
          return theory::GromovConstructiveTerm(p, neurons, residue);
        }, py::arg("p"), py::arg("neurons"), py::arg("residue"),
        "(1/N) (1/2) sum_k cos(2 pi s_k r/p): 1/2 at r = 0 mod p, -1/(2(p - 1)) elsewhere when (p - 1)/2 divides N.");
}

}  // namespace

void AddLdBindings(py::module_& m) {
  AddDeepLinear(m);
  AddSpiked(m);
  AddNearestNeighbour(m);
  AddPerceptronAndGromov(m);
}

}  // namespace memgen::python
