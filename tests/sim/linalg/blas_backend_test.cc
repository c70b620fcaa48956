// Tests for sim/linalg/blas_backend.h: every installed backend's rank-k update against Eigen's within
// the rounding bound of a k-term dot product (Higham, Lemma 3.1: |fl(Σ) − Σ| ≤ γ_k Σ|a_i a_j|, with
// u = 2⁻⁵³, doubled for the two computations compared), the strict upper triangle left alone,
// determinism (the same bits twice, and from concurrent threads, as the trial runner calls it), and
// an unknown or missing backend as a ConfigError.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <thread>
#include <vector>

#include "sim/core/config_error.h"
#include "sim/linalg/blas_backend.h"
#include "sim/random/distributions.h"
#include "sim/random/rng.h"

using namespace memgen::sim;

namespace {

Eigen::MatrixXd Normals(Eigen::Index rows, Eigen::Index cols, std::uint64_t tag) {
  Eigen::MatrixXd a(rows, cols);
  Rng rng({2026, tag, 0, 0});
  FillNormal(rng, a.data(), static_cast<std::size_t>(a.size()));
  return a;
}

// The backends this machine can load (eigen always).
std::vector<std::string> Installed() {
  std::vector<std::string> out;
  for (const char* name : {"eigen", "blis", "openblas"}) {
    try {
      SelectBlas(name);
      out.emplace_back(name);
    } catch (const memgen::ConfigError&) {
    }
  }
  SelectBlas("eigen");
  return out;
}

}  // namespace

TEST_CASE("blas backend: every installed backend's rank update agrees with Eigen's within the rounding bound", "[unit]") {
  const Eigen::Index n = 67, k = 301;  // not multiples of any micro-kernel's tile
  const Eigen::MatrixXd a = Normals(n, k, 1), c0 = Normals(n, n, 2);
  SelectBlas("eigen");
  Eigen::MatrixXd reference = c0;
  reference.selfadjointView<Eigen::Lower>().rankUpdate(a, 0.5);
  const double gamma = 2.0 * (k + 1) * std::numeric_limits<double>::epsilon() / 2.0;
  const Eigen::MatrixXd magnitude = c0.cwiseAbs() + 0.5 * a.cwiseAbs() * a.cwiseAbs().transpose();
  for (const std::string& name : Installed()) {
    INFO("backend " << name);
    const BlasSelection& chosen = SelectBlas(name);
    CHECK(chosen.name == name);
    CHECK(CurrentBlas().name == name);
    Eigen::MatrixXd c = c0;
    RankUpdateLower(c, a, 0.5);
    for (Eigen::Index j = 0; j < n; ++j)
      for (Eigen::Index i = 0; i < n; ++i) {
        if (i < j) CHECK(c(i, j) == c0(i, j));  // strict upper triangle untouched
        else CHECK(std::abs(c(i, j) - reference(i, j)) <= gamma * magnitude(i, j));
      }
  }
  SelectBlas("eigen");
}

TEST_CASE("blas backend: bit-identical results twice and from concurrent threads", "[unit]") {
  // Sizes at which the libraries pack into their work buffers, and a different matrix per thread: a
  // thread-unsafe library's concurrent calls then overwrite each other's packed panels.
  const Eigen::Index n = 300, k = 2048;
  std::vector<Eigen::MatrixXd> inputs;
  for (std::uint64_t t = 0; t < 4; ++t) inputs.push_back(Normals(n, k, 10 + t));
  for (const std::string& name : Installed()) {
    INFO("backend " << name);
    SelectBlas(name);
    std::vector<Eigen::MatrixXd> serial;
    for (const auto& a : inputs) {
      serial.push_back(Eigen::MatrixXd::Zero(n, n));
      RankUpdateLower(serial.back(), a);
      Eigen::MatrixXd again = Eigen::MatrixXd::Zero(n, n);
      RankUpdateLower(again, a);
      CHECK(again == serial.back());
    }
    std::vector<int> mismatches(inputs.size(), 0);
    std::vector<std::thread> threads;
    for (std::size_t t = 0; t < inputs.size(); ++t)
      threads.emplace_back([&, t] {
        for (int repeat = 0; repeat < 12; ++repeat) {
          Eigen::MatrixXd r = Eigen::MatrixXd::Zero(n, n);
          RankUpdateLower(r, inputs[t]);
          mismatches[t] += r == serial[t] ? 0 : 1;
        }
      });
    for (auto& t : threads) t.join();
    for (int bad : mismatches) CHECK(bad == 0);
  }
  SelectBlas("eigen");
}

TEST_CASE("blas backend: auto picks an installed backend and names its kernel, an unknown name is a ConfigError", "[unit]") {
  const BlasSelection& chosen = SelectBlas("auto");
  CHECK((chosen.name == "eigen" || chosen.name == "blis" || chosen.name == "openblas"));
  CHECK(!chosen.kernel.empty());
  if (chosen.name == "blis" && __builtin_cpu_supports("avx512f")) CHECK(chosen.kernel == "skx");  // not BLIS's "generic"
  CHECK_THROWS_AS(SelectBlas("mkl"), memgen::ConfigError);
  SelectBlas("eigen");
  CHECK(CurrentBlas().name == "eigen");
}
