// Run-time BLAS selection, see blas_backend.h.
#include "sim/linalg/blas_backend.h"

#include <dlfcn.h>

#include <cstdlib>
#include <cstring>
#include <limits>
#include <vector>

#include "sim/core/config_error.h"

namespace memgen::sim {
namespace {

// The Fortran BLAS dsyrk (both libraries export it, LP64 integers; the trailing lengths are the
// hidden character-argument lengths of the Fortran calling convention).
using Dsyrk = void (*)(const char*, const char*, const int*, const int*, const double*, const double*, const int*, const double*,
                       double*, const int*, std::size_t, std::size_t);

using Dgemm = void (*)(const char*, const char*, const int*, const int*, const int*, const double*, const double*, const int*,
                       const double*, const int*, const double*, double*, const int*, std::size_t, std::size_t);

struct Loaded {
  BlasSelection selection;
  Dsyrk dsyrk = nullptr;
  Dgemm dgemm = nullptr;
};

Loaded& State() {
  static Loaded state;
  return state;
}

// The Fortran interface takes 32-bit sizes (LP64): larger matrices stay on Eigen.
template <typename... Sizes>
bool FitsInt(Sizes... sizes) {
  return ((sizes <= static_cast<Eigen::Index>(std::numeric_limits<int>::max())) && ...);
}

void* Open(const std::vector<std::string>& files, std::string* which) {
  for (const std::string& file : files)
    if (void* handle = dlopen(file.c_str(), RTLD_NOW | RTLD_LOCAL)) {
      *which = file;
      return handle;
    }
  return nullptr;
}

// BLIS's id of sub-configuration `name`, found through bli_arch_string over the ids; −1 if absent.
int BlisArchId(void* handle, const char* name) {
  const auto arch_string = reinterpret_cast<const char* (*)(int)>(dlsym(handle, "bli_arch_string"));
  if (arch_string == nullptr) return -1;
  for (int id = 0; id < 64; ++id) {
    const char* s = arch_string(id);
    if (s == nullptr) break;
    if (std::strcmp(s, name) == 0) return id;
  }
  return -1;
}

bool LoadBlis(Loaded* out) {
  std::string file;
  void* handle = Open({"libblis.so.4", "/usr/lib/x86_64-linux-gnu/blis-serial/libblis.so.4"}, &file);
  if (handle == nullptr) return false;
  if (__builtin_cpu_supports("avx512f") && std::getenv("BLIS_ARCH_TYPE") == nullptr) {
    const int skx = BlisArchId(handle, "skx");
    if (skx >= 0) setenv("BLIS_ARCH_TYPE", std::to_string(skx).c_str(), 1);
  }
  const auto init = reinterpret_cast<void (*)()>(dlsym(handle, "bli_init"));
  const auto query = reinterpret_cast<int (*)()>(dlsym(handle, "bli_arch_query_id"));
  const auto arch_string = reinterpret_cast<const char* (*)(int)>(dlsym(handle, "bli_arch_string"));
  out->dsyrk = reinterpret_cast<Dsyrk>(dlsym(handle, "dsyrk_"));
  out->dgemm = reinterpret_cast<Dgemm>(dlsym(handle, "dgemm_"));
  if (out->dgemm == nullptr || init == nullptr || query == nullptr || arch_string == nullptr || out->dsyrk == nullptr) return false;
  init();
  out->selection = {BlasBackend::kBlis, "blis", file, arch_string(query())};
  return true;
}

bool LoadOpenBlas(Loaded* out) {
  unsetenv("OPENBLAS_CORETYPE");  // this process only: let OpenBLAS pick the CPU's kernel
  std::string file;
  void* handle = Open({"/usr/lib/x86_64-linux-gnu/openblas-pthread/libopenblas.so.0"}, &file);
  if (handle == nullptr) return false;
  const auto corename = reinterpret_cast<char* (*)()>(dlsym(handle, "openblas_get_corename"));
  const auto set_threads = reinterpret_cast<void (*)(int)>(dlsym(handle, "openblas_set_num_threads"));
  out->dsyrk = reinterpret_cast<Dsyrk>(dlsym(handle, "dsyrk_"));
  out->dgemm = reinterpret_cast<Dgemm>(dlsym(handle, "dgemm_"));
  if (out->dsyrk == nullptr || out->dgemm == nullptr || set_threads == nullptr) return false;
  set_threads(1);  // one thread per call: the trial runner supplies the parallelism
  out->selection = {BlasBackend::kOpenBlas, "openblas", file, corename != nullptr ? corename() : "unknown"};
  return true;
}

// A library whose loading failed part-way may have left function pointers behind: the result is
// either a complete library or the Eigen default, never a mixture.
template <typename Load>
bool TryLoad(Load load, Loaded* out) {
  Loaded candidate;
  if (!load(&candidate)) return false;
  *out = candidate;
  return true;
}

}  // namespace

const BlasSelection& SelectBlas(const std::string& request) {
  Loaded loaded;  // eigen
  bool ok = true;
  if (request == "blis") ok = TryLoad(LoadBlis, &loaded);
  else if (request == "openblas") ok = TryLoad(LoadOpenBlas, &loaded);
  else if (request == "auto") (void)((__builtin_cpu_supports("avx512f") && TryLoad(LoadBlis, &loaded)) || TryLoad(LoadOpenBlas, &loaded));
  else if (request != "eigen") throw ConfigError("--blas", request, "must be auto, eigen, blis or openblas");
  if (!ok) throw ConfigError("--blas", request, "is not installed or not loadable (./scripts/setup.sh installs it)");
  State() = loaded;
  return State().selection;
}

const BlasSelection& CurrentBlas() { return State().selection; }

void RankUpdateLower(Eigen::MatrixXd& c, const Eigen::Ref<const Eigen::MatrixXd>& a, double alpha) {
  const Loaded& state = State();
  if (state.dsyrk == nullptr || a.cols() == 0 || !FitsInt(a.rows(), a.cols(), a.outerStride())) {
    c.selfadjointView<Eigen::Lower>().rankUpdate(a, alpha);
    return;
  }
  const int n = static_cast<int>(a.rows()), k = static_cast<int>(a.cols());
  const int lda = static_cast<int>(a.outerStride()), ldc = static_cast<int>(c.outerStride());
  const double beta = 1.0;
  state.dsyrk("L", "N", &n, &k, &alpha, a.data(), &lda, &beta, c.data(), &ldc, 1, 1);
}

Eigen::MatrixXd GramMatrix(const Eigen::Ref<const Eigen::MatrixXd>& a) {
  Eigen::MatrixXd c = Eigen::MatrixXd::Zero(a.rows(), a.rows());
  RankUpdateLower(c, a);
  c.triangularView<Eigen::StrictlyUpper>() = c.transpose();
  return c;
}

Eigen::MatrixXd MultiplyTransposed(const Eigen::Ref<const Eigen::MatrixXd>& a, const Eigen::Ref<const Eigen::MatrixXd>& b) {
  Eigen::MatrixXd c(a.rows(), b.rows());
  const Loaded& state = State();
  if (state.dgemm == nullptr || a.cols() == 0 || c.size() == 0 || !FitsInt(a.rows(), b.rows(), a.cols(), a.outerStride(), b.outerStride())) {
    c.noalias() = a * b.transpose();
    return c;
  }
  const int m = static_cast<int>(a.rows()), n = static_cast<int>(b.rows()), k = static_cast<int>(a.cols());
  const int lda = static_cast<int>(a.outerStride()), ldb = static_cast<int>(b.outerStride()), ldc = static_cast<int>(c.outerStride());
  const double one = 1.0, zero = 0.0;
  state.dgemm("N", "T", &m, &n, &k, &one, a.data(), &lda, b.data(), &ldb, &zero, c.data(), &ldc, 1, 1);
  return c;
}

}  // namespace memgen::sim
