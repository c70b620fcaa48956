// Ziggurat normal sampler, see ziggurat.h.
#include "sim/random/ziggurat.h"

#include <Random123/uniform.hpp>

#include <array>
#include <cmath>

#include "sim/random/rng.h"

namespace memgen::sim {
namespace {

constexpr int kLayers = 256;
constexpr double kR = 3.6541528853610088;
constexpr double kV = 0.00492867323399;

struct Tables {
  std::array<double, kLayers + 1> x{};      // layer widths
  std::array<double, kLayers> ratio{};      // x_{i+1}/x_i: quick-accept threshold on |u|
  std::array<double, kLayers + 1> f{};      // f(x_i)
  Tables() {
    auto density = [](long double v) { return std::exp(-0.5L * v * v); };
    std::array<long double, kLayers + 1> xl{};
    xl[0] = static_cast<long double>(kV) / density(kR);
    xl[1] = kR;
    for (int i = 1; i < kLayers - 1; ++i)
      xl[i + 1] = std::sqrt(-2.0L * std::log(static_cast<long double>(kV) / xl[i] + density(xl[i])));
    xl[kLayers] = 0.0L;
    for (int i = 0; i <= kLayers; ++i) {
      x[i] = static_cast<double>(xl[i]);
      f[i] = static_cast<double>(density(xl[i]));
    }
    f[0] = static_cast<double>(density(kR));  // the base strip's top is f(R)
    for (int i = 0; i < kLayers; ++i) ratio[i] = static_cast<double>(xl[i + 1] / xl[i]);
  }
};

const Tables& ZigguratTables() {
  static const Tables tables;
  return tables;
}

}  // namespace

double ZigguratNormal(Rng& rng) {
  const Tables& t = ZigguratTables();
  for (;;) {
    const std::uint64_t raw = rng();
    const int i = static_cast<int>(raw & 0xFF);
    // Bits 11-63 as a signed uniform in [−1, 1).
    const double u = static_cast<double>(raw >> 11) * 0x1.0p-52 - 1.0;
    if (std::fabs(u) < t.ratio[i]) return u * t.x[i];
    if (i == 0) {  // tail beyond R (Marsaglia 1964): x = R + a with a ~ Exp(R) conditioned
      double a = 0.0, b = 0.0;
      do {
        a = -std::log(r123::u01<double>(rng())) / kR;
        b = -std::log(r123::u01<double>(rng()));
      } while (b + b < a * a);
      return u < 0.0 ? -(kR + a) : kR + a;
    }
    const double xv = u * t.x[i];
    const double y = t.f[i] + r123::u01<double>(rng()) * (t.f[i + 1] - t.f[i]);
    if (y < std::exp(-0.5 * xv * xv)) return xv;
  }
}

}  // namespace memgen::sim
