// memgen._core: the C++ kernels of memgen for Python (pybind11; issue 14). One file per simulator
// registers its functions; errors map to exceptions: a configuration error (sim/core/config_error.h)
// to memgen.ConfigError, std::invalid_argument to ValueError. NumPy arrays go in as float64, C order,
// the shape the docstring states; anything else is rejected with a message naming the argument.
#include <pybind11/pybind11.h>

#include "python/bindings/bindings.h"
#include "sim/core/config_error.h"
#include "sim/linalg/blas_backend.h"

namespace py = pybind11;

PYBIND11_MODULE(_core, m) {
  m.doc() = "memgen's C++ kernels (theory and simulation) as NumPy functions; see help(memgen).";
  static py::exception<memgen::ConfigError> config_error(m, "ConfigError", PyExc_ValueError);
  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const memgen::ConfigError& e) {
      config_error(e.what());
    }
  });
  // The same level-3 BLAS as a scenario binary's default (--blas auto), so a kernel's numbers match its run.
  memgen::sim::SelectBlas("auto");
  m.def("blas", [] {
    const memgen::sim::BlasSelection& b = memgen::sim::CurrentBlas();
    py::dict out;
    out["backend"] = b.name, out["library"] = b.library, out["kernel"] = b.kernel;
    return out;
  }, "The BLAS behind the rank-k updates: {backend, library, kernel} (sim/linalg/blas_backend.h).");
  m.def("select_blas", [](const std::string& request) { memgen::sim::SelectBlas(request); }, py::arg("request"),
        "Selects the BLAS as a binary's --blas does: auto, eigen, blis or openblas (ConfigError if not installed).");
  memgen::python::AddBoBindings(m);
  memgen::python::AddLdBindings(m);
  memgen::python::AddMemBindings(m);
  memgen::python::AddScoBindings(m);
  memgen::python::AddSpurBindings(m);
}
