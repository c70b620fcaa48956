// Deterministic equivalent of ridge(less) regression, benign_overfitting.md §5.1 (fixed point, B_DE,
// V_DE) and §7.4 (numerics). With df₁(κ) = Σ λ_i/(λ_i + κ) and df₂(κ) = Σ λ_i²/(λ_i + κ)², κ > 0 is the
// root of the residual f(κ) = n − df₁(κ) − nλ/κ, which increases strictly in κ (from n − rank Σ or −∞
// at 0⁺ to n at ∞), so a ridgeless root exists iff rank Σ > n. The root is bracketed by
// κ ≥ max(λ, λ_min⁺/(2n)) (the second only when rank Σ > n: then df₁ > n) and κ ≤ (nλ + tr Σ)/n (§4.6,
// k = 0), and found in u = log κ with TOMS 748. Then B_DE = Σ λ_i θ_i² (κ/(λ_i + κ))² / (1 − df₂/n)
// and V_DE = σ² df₂/(n − df₂). Sums: doubles over 2048-eigenvalue chunks (8 independent lanes, so the
// loop vectorises), smallest eigenvalues first, chunk sums in long double; a flat tail adds count·f(t).
// The infinite continuation beyond d (R₁, R₂ of spectrum.h; every λ_i ≤ λ_d ≪ κ there) adds
// df₁ ≈ R₁/κ − R₂/κ² and df₂ ≈ R₂/κ², relative error O(λ_d/κ); the DE refuses λ_d/κ > 1e-2.
#include "theory/bo/deterministic_equivalent.h"

#include <boost/math/tools/toms748_solve.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <exception>
#include <limits>
#include <sstream>

namespace memgen::theory {
namespace {

constexpr std::size_t kChunk = 2048;
constexpr std::size_t kLanes = 8;
constexpr double kTinyKappa = 1e-280;  // lower end of the bracket: κ², λ_i/κ stay far from under/overflow
constexpr std::uintmax_t kMaxEvaluations = 200;

// Σ_i term(λ_i) over the spectrum, smallest eigenvalues first.
template <typename Term>
long double SpectrumSum(const Spectrum& s, Term term) {
  long double total = static_cast<long double>(s.tail_count) * static_cast<long double>(term(s.tail_value));
  const double* head = s.head.data();
  std::size_t end = s.head.size();
  while (end > 0) {
    const std::size_t begin = end > kChunk ? end - kChunk : 0;
    double lane[kLanes] = {};
    std::size_t i = begin;
    for (; i + kLanes <= end; i += kLanes) {
      for (std::size_t l = 0; l < kLanes; ++l) lane[l] += term(head[i + l]);
    }
    double chunk = 0.0;
    for (; i < end; ++i) chunk += term(head[i]);
    for (double v : lane) chunk += v;
    total += chunk;
    end = begin;
  }
  return total;
}

// The continuation beyond d as R₁²/R₂ eigenvalues equal to μ = R₂/R₁ (same R₁ and R₂):
// df₁ += R₁/(μ + κ), df₂ += R₂/(μ + κ)², which agree with R₁/κ − R₂/κ² and R₂/κ² to the order kept
// and stay monotone and bounded for every κ > 0.
long double RemainderDf1(const Spectrum& s, double kappa) {
  if (s.remainder_sum <= 0.0) return 0.0L;
  const long double mu = static_cast<long double>(s.remainder_sum_squares) / s.remainder_sum;
  return s.remainder_sum / (mu + kappa);
}

long double RemainderDf2(const Spectrum& s, double kappa) {
  if (s.remainder_sum <= 0.0) return 0.0L;
  const long double mu = static_cast<long double>(s.remainder_sum_squares) / s.remainder_sum;
  return s.remainder_sum_squares / ((mu + kappa) * (mu + kappa));
}

long double Df1(const Spectrum& s, double kappa) {
  return SpectrumSum(s, [kappa](double x) { return x / (x + kappa); }) + RemainderDf1(s, kappa);
}

long double Df2(const Spectrum& s, double kappa) {
  return SpectrumSum(s, [kappa](double x) {
           const double q = x / (x + kappa);
           return q * q;
         }) +
         RemainderDf2(s, kappa);
}

long double Residual(const Spectrum& s, const DeOptions& o, double kappa) {
  const long double n = static_cast<long double>(o.n);
  return (n - Df1(s, kappa)) - n * static_cast<long double>(o.ridge / kappa);
}

struct SpectrumFacts {
  bool valid = true;
  std::int64_t rank = 0;                                           // number of λ_i > 0
  double min_positive = std::numeric_limits<double>::infinity();  // smallest λ_i > 0
  long double trace = 0.0L;
};

SpectrumFacts Inspect(const Spectrum& s) {
  SpectrumFacts f;
  auto visit = [&f](double x, std::int64_t count) {
    if (!(std::isfinite(x) && x >= 0.0)) f.valid = false;
    if (x > 0.0) {
      f.rank += count;
      f.min_positive = std::min(f.min_positive, x);
    }
  };
  for (double x : s.head) visit(x, 1);
  if (s.tail_count < 0) f.valid = false;
  if (s.tail_count > 0) visit(s.tail_value, s.tail_count);
  if (s.remainder_sum > 0.0) f.rank = std::numeric_limits<std::int64_t>::max();  // infinite rank
  if (s.remainder_sum > 0.0)  // the bracket's lower end uses the smallest eigenvalue, μ = R₂/R₁
    f.min_positive = std::min(f.min_positive, s.remainder_sum_squares / s.remainder_sum);
  if (f.valid) f.trace = SpectrumSum(s, [](double x) { return x; }) + s.remainder_sum;
  return f;
}

template <typename T>
std::string Str(const T& value) {
  std::ostringstream out;
  out.precision(17);
  out << value;
  return out.str();
}

}  // namespace

double FixedPointResidual(const Spectrum& spectrum, const DeOptions& options, double kappa) {
  if (!(kappa > 0.0)) return std::numeric_limits<double>::quiet_NaN();
  return static_cast<double>(Residual(spectrum, options, kappa));
}

DeResult SolveDeterministicEquivalent(const Spectrum& spectrum, const DeOptions& options) {
  DeResult r;
  const std::string fn = "SolveDeterministicEquivalent: ";
  auto fail = [&r](const std::string& message) {
    r.message = message;
    return r;
  };
  if (options.n < 1) return fail(fn + "options.n = " + Str(options.n) + ", must be >= 1");
  if (!(std::isfinite(options.ridge) && options.ridge >= 0.0))
    return fail(fn + "options.ridge = " + Str(options.ridge) + ", must be finite and >= 0");
  if (!(std::isfinite(options.sigma2) && options.sigma2 >= 0.0))
    return fail(fn + "options.sigma2 = " + Str(options.sigma2) + ", must be finite and >= 0");
  const SpectrumFacts facts = Inspect(spectrum);
  if (!facts.valid) return fail(fn + "spectrum has a negative or non-finite eigenvalue");
  if (options.ridge == 0.0 && facts.rank <= options.n)
    return fail(fn + "ridgeless DE needs rank(Sigma) > n, got rank = " + Str(facts.rank) + ", n = " +
                Str(options.n) + " (underparameterised: kappa = 0)");
  if (facts.rank == 0) {  // Σ = 0 with λ > 0: f(κ) = n − nλ/κ
    r.kappa = options.ridge;
    r.ok = true;
    r.message = "converged (Sigma = 0: kappa = ridge)";
    return r;
  }

  const double n = static_cast<double>(options.n);
  double lo = options.ridge * (1.0 - 1e-10);  // f(λ) = −df₁(λ) < 0; the margin absorbs exp(log(·))
  if (facts.rank > options.n) lo = std::max(lo, 0.5 * facts.min_positive / n);  // df₁(lo) > n
  lo = std::max(lo, kTinyKappa);
  const double hi = 2.0 * static_cast<double>((facts.trace + static_cast<long double>(n * options.ridge)) / n);

  int evaluations = 0;
  auto g = [&](double u) {
    ++evaluations;
    return static_cast<double>(Residual(spectrum, options, std::exp(u)));
  };
  const double u_lo = std::log(lo), u_hi = std::log(hi);
  const double g_lo = g(u_lo), g_hi = g(u_hi);
  if (!(g_lo <= 0.0) || !(g_hi >= 0.0) || !(u_lo < u_hi)) {
    r.iterations = evaluations;
    return fail(fn + "no sign change on the bracket kappa in [" + Str(lo) + ", " + Str(hi) + "], residuals " +
                Str(g_lo) + ", " + Str(g_hi) + (g_lo > 0.0 ? " (kappa below the underflow guard, §5.4)" : ""));
  }
  auto tolerance = [](double a, double b) {
    return std::fabs(b - a) <=
           1e-14 + 4.0 * std::numeric_limits<double>::epsilon() * std::max(std::fabs(a), std::fabs(b));
  };
  std::uintmax_t max_iter = kMaxEvaluations;
  std::pair<double, double> bracket;
  try {
    bracket = boost::math::tools::toms748_solve(g, u_lo, u_hi, g_lo, g_hi, tolerance, max_iter);
  } catch (const std::exception& e) {
    r.iterations = evaluations;
    return fail(fn + "TOMS 748 failed: " + e.what());
  }
  r.iterations = evaluations;
  r.kappa = std::exp(0.5 * (bracket.first + bracket.second));
  if (max_iter >= kMaxEvaluations && !tolerance(bracket.first, bracket.second)) {
    return fail(fn + "no convergence in " + Str(kMaxEvaluations) + " evaluations, log-kappa bracket [" +
                Str(bracket.first) + ", " + Str(bracket.second) + "]");
  }
  if (spectrum.remainder_sum > 0.0 && spectrum[spectrum.dimension() - 1] > 1e-2 * r.kappa) {
    return fail(fn + "the continuation beyond d is not negligible: lambda_d / kappa = " +
                Str(spectrum[spectrum.dimension() - 1] / r.kappa) + " > 1e-2; increase d");
  }
  r.df1 = static_cast<double>(Df1(spectrum, r.kappa));
  const long double df2 = Df2(spectrum, r.kappa);
  r.df2 = static_cast<double>(df2);
  if (!(df2 < static_cast<long double>(n))) {
    return fail(fn + "df2 = " + Str(r.df2) + " >= n: the DE variance diverges (kappa = " + Str(r.kappa) + ")");
  }
  r.variance = static_cast<double>(options.sigma2 * df2 / (static_cast<long double>(n) - df2));
  r.ok = true;
  r.message = "converged";
  return r;
}

DeResult DeterministicEquivalent(const Spectrum& spectrum, const std::vector<double>& theta,
                                 const DeOptions& options) {
  if (static_cast<std::int64_t>(theta.size()) > spectrum.dimension()) {
    DeResult r;
    r.message = "DeterministicEquivalent: theta.size() = " + Str(theta.size()) + ", must be <= d = " +
                Str(spectrum.dimension());
    return r;
  }
  DeResult r = SolveDeterministicEquivalent(spectrum, options);
  if (!r.ok) return r;
  long double weighted = 0.0L;  // Σ λ_i θ_i² (κ/(λ_i + κ))², small eigenvalues first
  for (std::size_t i = theta.size(); i-- > 0;) {
    const double lambda = spectrum[static_cast<std::int64_t>(i)];
    const long double shrink = static_cast<long double>(r.kappa) / (static_cast<long double>(lambda) + r.kappa);
    weighted += static_cast<long double>(lambda) * theta[i] * theta[i] * shrink * shrink;
  }
  r.bias = static_cast<double>(weighted / (1.0L - static_cast<long double>(r.df2) / options.n));
  return r;
}

}  // namespace memgen::theory
