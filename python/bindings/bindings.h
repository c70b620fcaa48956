// The registration functions of memgen._core (python/bindings/module.cc) and the array checks they share.
#pragma once

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>

#include <Eigen/Core>
#include <string>
#include <vector>

namespace memgen::python {

namespace py = pybind11;

// A float64 NumPy array, C-contiguous (forcecast off: an int or float32 array is rejected, not converted).
using DoubleArray = py::array_t<double, py::array::c_style>;

// Checks `a` is 1-D (and of `size` when size ≥ 0); throws ValueError naming `name` otherwise.
std::vector<double> Vector(const py::array& a, const std::string& name, py::ssize_t size = -1);
// Checks `a` is 2-D float64 (rows × cols when ≥ 0); returns a copy as an Eigen matrix.
Eigen::MatrixXd Matrix(const py::array& a, const std::string& name, py::ssize_t rows = -1, py::ssize_t cols = -1);
// Throws ValueError "name: value rule" unless ok: the theory functions abort on a violated precondition
// (sim/core/check.h), so a binding checks its arguments first.
void Require(bool ok, const std::string& name, double value, const std::string& rule);
DoubleArray ToArray(const std::vector<double>& v);
DoubleArray ToArray(const Eigen::MatrixXd& m);

void AddBoBindings(py::module_& m);
void AddLdBindings(py::module_& m);
void AddMemBindings(py::module_& m);
void AddScoBindings(py::module_& m);
void AddSpurBindings(py::module_& m);

}  // namespace memgen::python
