// Tests for theory/bo/spectrum.h.
#include <catch2/catch.hpp>
#include <rapidcheck/catch.h>

#include <cmath>

#include "sim/core/config_error.h"
#include "theory/bo/spectrum.h"

using namespace memgen;
using namespace memgen::theory;

TEST_CASE("spectra are sorted non-increasing and have dimension d", "[property]") {
  rc::prop("any kind", [](std::uint8_t kind_raw, std::uint16_t d_raw) {
    SpectrumOptions o;
    o.kind = static_cast<SpectrumKind>(kind_raw % 5);
    o.d = 2 + d_raw % 3000;
    o.alpha = 1.0 + (kind_raw % 3) * 0.5;
    o.beta = 2.0;
    o.tau = 2.0;
    o.eps = 1e-3;
    o.spike_count = 1 + d_raw % 5;
    o.scale = 10.0;
    o.Validate("spectrum");
    const Spectrum s = MakeSpectrum(o);
    RC_ASSERT(s.dimension() == o.d);
    for (std::int64_t i = 1; i < s.dimension(); ++i) RC_ASSERT(s[i] <= s[i - 1]);
    RC_ASSERT(s[o.d - 1] > 0.0);
  });
}

TEST_CASE("hand-computed eigenvalues", "[unit]") {
  SpectrumOptions o;
  o.kind = SpectrumKind::kLogPower;
  o.alpha = 1.0;
  o.beta = 2.0;
  o.d = 10;
  const Spectrum s = MakeSpectrum(o);
  CHECK(s[0] == 1.0 / std::pow(std::log(2.0), 2.0));
  o.kind = SpectrumKind::kExpFloor;
  o.tau = 1.0;
  o.eps = 0.01;
  o.d = 1000000000;
  const Spectrum e = MakeSpectrum(o);
  CHECK(e.dimension() == 1000000000);
  CHECK(e.head.size() < 100);  // the flat tail is not stored
  CHECK(e[5] == std::exp(-6.0) + 0.01);
}

TEST_CASE("bad spectrum options name the field", "[unit]") {
  SpectrumOptions o;
  o.d = 0;
  CHECK_THROWS_WITH(o.Validate("curve.spectrum"), "curve.spectrum.d = 0: must be >= 1");
  CHECK_THROWS_AS(StringToSpectrumKind("powerlaw"), ConfigError);
}
