// Array checks and conversions shared by the bindings, see bindings.h.
#include "python/bindings/bindings.h"

#include <cstring>

namespace memgen::python {
namespace {

void CheckDtype(const py::array& a, const std::string& name) {
  if (!a.dtype().is(py::dtype::of<double>()))
    throw py::value_error(name + ": expected a float64 array, got dtype " + std::string(py::str(a.dtype())));
}

}  // namespace

std::vector<double> Vector(const py::array& a, const std::string& name, py::ssize_t size) {
  CheckDtype(a, name);
  if (a.ndim() != 1) throw py::value_error(name + ": expected a 1-D array, got " + std::to_string(a.ndim()) + " dimensions");
  if (size >= 0 && a.shape(0) != size)
    throw py::value_error(name + ": expected length " + std::to_string(size) + ", got " + std::to_string(a.shape(0)));
  const DoubleArray c = py::array::ensure(a, py::array::c_style);
  return {c.data(), c.data() + c.size()};
}

Eigen::MatrixXd Matrix(const py::array& a, const std::string& name, py::ssize_t rows, py::ssize_t cols) {
  CheckDtype(a, name);
  if (a.ndim() != 2) throw py::value_error(name + ": expected a 2-D array, got " + std::to_string(a.ndim()) + " dimensions");
  if ((rows >= 0 && a.shape(0) != rows) || (cols >= 0 && a.shape(1) != cols))
    throw py::value_error(name + ": expected shape (" + std::to_string(rows) + ", " + std::to_string(cols) + "), got (" +
                          std::to_string(a.shape(0)) + ", " + std::to_string(a.shape(1)) + ")");
  const DoubleArray c = py::array::ensure(a, py::array::c_style);
  Eigen::MatrixXd m(a.shape(0), a.shape(1));
  for (py::ssize_t i = 0; i < a.shape(0); ++i)
    for (py::ssize_t j = 0; j < a.shape(1); ++j) m(i, j) = c.at(i, j);
  return m;
}

void Require(bool ok, const std::string& name, double value, const std::string& rule) {
  if (!ok) throw py::value_error(name + ": " + std::string(py::str(py::float_(value))) + " " + rule);
}

DoubleArray ToArray(const std::vector<double>& v) {
  DoubleArray out(static_cast<py::ssize_t>(v.size()));
  if (!v.empty()) std::memcpy(out.mutable_data(), v.data(), v.size() * sizeof(double));
  return out;
}

DoubleArray ToArray(const Eigen::MatrixXd& m) {
  DoubleArray out({m.rows(), m.cols()});
  auto w = out.mutable_unchecked<2>();
  for (Eigen::Index i = 0; i < m.rows(); ++i)
    for (Eigen::Index j = 0; j < m.cols(); ++j) w(i, j) = m(i, j);
  return out;
}

}  // namespace memgen::python
