// SCO traceability kernels for Python: the analytic Gaussian mechanism and the tracer's Hoeffding
// threshold (theory/sco/gaussian_mechanism.h, theory/sco/thresholds.h; Balle and Wang 2018; Attias et al. 2024).
#include "python/bindings/bindings.h"
#include "theory/sco/gaussian_mechanism.h"
#include "theory/sco/thresholds.h"

namespace memgen::python {

void AddScoBindings(py::module_& m) {
  m.def("analytic_gaussian_sigma", &theory::AnalyticGaussianSigma, py::arg("sensitivity"), py::arg("epsilon"), py::arg("delta"),
        R"(The smallest noise sigma of the Gaussian mechanism that is (epsilon, delta)-DP for l2 sensitivity Delta
(Balle and Wang 2018, Thm 8): Phi(Delta/(2 sigma) - epsilon sigma/Delta) - e^epsilon Phi(-Delta/(2 sigma) - epsilon sigma/Delta) <= delta,
any epsilon > 0, solved by TOMS 748.)");
  m.def("hoeffding_threshold", &theory::HoeffdingThreshold, py::arg("weight_norm"), py::arg("d"), py::arg("level"),
        "The SCO tracer's Hoeffding threshold ||v|| sqrt(2 ln(1/level) / d): a fresh point's score exceeds it with probability at most level.");
}

}  // namespace memgen::python
