// Spurious-feature kernels for Python: the closed-form margins of the max-margin interpolant, the flip
// threshold and the limit ratio (theory/spur/closed_form.h; Bayat et al. 2025; spurious_memorization.md §4).
#include "python/bindings/bindings.h"
#include "theory/spur/closed_form.h"

namespace memgen::python {

void AddSpurBindings(py::module_& m) {
  m.def(
      "spurious_margins",
      [](double n, double rho, double gamma, double s) {
        const theory::FeatureMargins f = theory::ClosedFormMargins({n, rho, gamma, s});
        py::dict out;
        out["u"] = f.u, out["v"] = f.v, out["w_y"] = f.w_y, out["w_a"] = f.w_a, out["w_eps_norm2"] = f.w_eps_norm2;
        return out;
      },
      py::arg("n"), py::arg("rho"), py::arg("gamma"), py::arg("s"),
      R"(Feature margins of the max-margin interpolant on x = (y, gamma a, eps), noise energy s = sigma_eps^2 d
(spurious_memorization.md section 4.2): u (majority) and v (minority) minimise
(u + v)^2/4 + (u - v)^2/(4 gamma^2) + [n_M (1 - u)^2 + n_m (1 - v)^2]/s with n_m = rho n.
Returns {"u", "v", "w_y", "w_a", "w_eps_norm2"}.)");
  m.def("flip_threshold", &theory::FlipThreshold, py::arg("rho"), py::arg("gamma"),
        "n/s below which the minority margin v < 0: [B(1 - rho) - A rho]/(2 rho (1 - rho)), A, B = 1/2 +- 1/(2 gamma^2); -inf when no flip is possible.");
  m.def("limit_ratio", &theory::LimitRatio, py::arg("rho"), py::arg("gamma"), "lim_{s -> inf} v/u = (A rho - B(1 - rho))/(A(1 - rho) - B rho).");
}

}  // namespace memgen::python
