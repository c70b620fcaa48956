// The heavy level-3 kernels (symmetric rank-k update, Gram matrix, GEMM) on the fastest correct BLAS the machine
// has, chosen once per process (issue 15). Eigen's own kernels reach 57-66 % of this CPU's FMA peak;
// an optimised BLAS with the right micro-kernel reaches 74-81 %. Candidates, loaded with dlopen into
// a private namespace (RTLD_LOCAL: their symbols never clash with each other or with NumPy's BLAS):
//   blis      Debian's libblis4-serial (BLIS 0.9). It detects AVX-512 Zen CPUs as "generic" (a
//             reference kernel, ~15 GFLOP/s), so when the CPU has AVX-512F the skx sub-configuration
//             is selected explicitly (BLIS_ARCH_TYPE = its id, set before BLIS initialises, unless
//             the user set it).
//   openblas  Debian's libopenblas0-pthread, set to one thread per call. OPENBLAS_CORETYPE is removed
//             from this process's environment before it loads (these machines force Haswell kernels
//             globally), but a binary that links the system BLAS (Ceres's LAPACK does, through the
//             Debian alternative) has OpenBLAS loaded before main, with the kernel the environment
//             chose then: the kernel in use is read back (openblas_get_corename) and recorded, never
//             assumed. Not libopenblas0-serial: scn_bo_isotropic's smoke results with it differed between
//             two runs on 2 threads far beyond rounding (found by tests/scenarios/e2e/blas_backends.py).
//   eigen     Eigen 3.4's kernels: always available, the fall-back.
// "auto" takes blis on an AVX-512 CPU, then openblas, then eigen. Every backend computes the same
// mathematics in its own summation order: results agree to rounding, not bit for bit, across
// backends; for one backend they are bit-identical whatever the thread count, since each trial
// calls the serial library on its own thread. The choice is recorded in run.json.
#pragma once

#include <Eigen/Core>

#include <string>

namespace memgen::sim {

enum class BlasBackend { kEigen, kBlis, kOpenBlas };

struct BlasSelection {
  BlasBackend backend = BlasBackend::kEigen;
  std::string name = "eigen";     ///< eigen, blis or openblas
  std::string library;            ///< the file loaded ("" for eigen)
  std::string kernel = "eigen";   ///< BLIS's sub-configuration or OpenBLAS's core name
};

// Selects the backend for this process: "auto", "eigen", "blis" or "openblas". Call it before any
// trial runs (it may set or unset environment variables). Throws ConfigError("blas", request, ...)
// when a named backend cannot be loaded. Selecting again replaces the choice.
const BlasSelection& SelectBlas(const std::string& request);
// The current selection (eigen until SelectBlas is called).
const BlasSelection& CurrentBlas();

// C's lower triangle += alpha · A Aᵀ (A is n × k, C is n × n; the strict upper triangle is untouched).
void RankUpdateLower(Eigen::MatrixXd& c, const Eigen::Ref<const Eigen::MatrixXd>& a, double alpha = 1.0);
// The Gram matrix A Aᵀ, both triangles (one rank-k update, n²k flops: half a GEMM's).
Eigen::MatrixXd GramMatrix(const Eigen::Ref<const Eigen::MatrixXd>& a);
// A Bᵀ (A is m × k, B is n × k): 2mnk flops.
Eigen::MatrixXd MultiplyTransposed(const Eigen::Ref<const Eigen::MatrixXd>& a, const Eigen::Ref<const Eigen::MatrixXd>& b);

}  // namespace memgen::sim
