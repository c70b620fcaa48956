// Benign-overfitting claims, see spectra_claims.h.
#include "scenarios/bo/spectra_claims.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>

#include "theory/bo/effective_ranks.h"
#include "theory/verdict/verdict_rules.h"

namespace memgen::scenarios {
namespace {

const char* kBllt = "Bartlett, Long, Lugosi, Tsigler (PNAS 2020), Thm 1";

std::string Tag(double b) {
  char buffer[16];
  std::snprintf(buffer, sizeof(buffer), "%g", b);
  return buffer;
}

bool AllMc(const CurveResult& c) {
  return std::all_of(c.points.begin(), c.points.end(), [](const CurvePoint& p) { return p.mc.has_value(); });
}

// The series used by Θ claims: MC means with SE, or DE values with SE 0.
struct Series {
  std::vector<double> x;
  std::vector<theory::MeanSe> y;
  std::string source;
};

theory::MeanSe Exact(double value) {
  theory::MeanSe m;
  m.mean = value;
  m.count = 1;
  return m;
}

theory::MeanSe Scaled(const theory::MeanSe& v, double factor) {
  theory::MeanSe out = v;
  out.mean *= factor;
  out.sd *= std::fabs(factor);
  out.se *= std::fabs(factor);
  return out;
}

enum class Quantity { kVariance, kBias, kTotal };

theory::MeanSe Value(const CurvePoint& p, Quantity q, bool use_mc) {
  if (use_mc) {
    return q == Quantity::kVariance ? p.mc->variance : q == Quantity::kBias ? p.mc->bias : p.mc->total;
  }
  return Exact(q == Quantity::kVariance ? p.de.variance : q == Quantity::kBias ? p.de.bias : p.de.bias + p.de.variance);
}

// y(n) = quantity(n) · factor(point); points where factor is not finite are skipped.
Series MakeSeries(const CurveResult& c, Quantity q, const std::function<double(const CurvePoint&)>& factor,
                  const std::function<bool(const CurvePoint&)>& keep = nullptr) {
  Series s;
  const bool use_mc = AllMc(c);
  s.source = use_mc ? "mc" : "de";
  for (const CurvePoint& p : c.points) {
    if (keep && !keep(p)) continue;
    const double f = factor(p);
    if (!std::isfinite(f)) continue;
    s.x.push_back(static_cast<double>(p.n));
    s.y.push_back(Scaled(Value(p, q, use_mc), f));
  }
  return s;
}

// Every claim of a curve needs all its Monte Carlo draws (a dropped near-singular Gram draw would
// bias the sample) and a converged DE fixed point at every n: preconditions, checked before the rule.
theory::ClaimHeader CurveHeader(const CurveResult& c, theory::ClaimHeader header) {
  std::int64_t ill = 0;
  for (const CurvePoint& p : c.points)
    if (p.mc) ill += p.mc->ill_conditioned;
  bool de_failed = false;
  for (const CurvePoint& p : c.points) de_failed = de_failed || !p.de.ok;
  header.Require(!de_failed, "the DE fixed point failed at some n");
  header.Require(ill == 0, std::to_string(ill) + " near-singular Gram draws");
  return header;
}

void DeAccuracy(const CurveResult& c, theory::TestSize size, std::vector<theory::Claim>* out) {
  const std::string src = "Deterministic equivalent (Hastie et al. 2022; Cheng-Montanari 2024), spec §5.1";
  for (const CurvePoint& p : c.points) {
    if (!p.mc) continue;
    const std::string at = c.options.name + ".n" + std::to_string(p.n);
    out->push_back(
        theory::DeClaim(CurveHeader(c, {"BO-E1." + at + ".V", "MC variance matches V_DE = s2 df2/(n - df2)", src}),
                        p.mc->variance, p.de.variance, size, c.options.de_delta_variance));
    if (p.de.bias > 0.0)
      out->push_back(theory::DeClaim(
          CurveHeader(c, {"BO-E1." + at + ".B", "MC bias matches B_DE = k^2 th'S(S+k)^-2 th/(1 - df2/n)", src}),
          p.mc->bias, p.de.bias, size, c.options.de_delta_bias));
  }
}

void BlltBand(const CurveResult& c, theory::TestSize size, std::vector<theory::Claim>* out) {
  for (std::size_t bi = 0; bi < c.options.b.size(); ++bi) {
    const double b = c.options.b[bi];
    const Series s = MakeSeries(c, Quantity::kVariance, [bi](const CurvePoint& p) {
      return p.ranks[bi].k_star == theory::kInfiniteK ? std::numeric_limits<double>::quiet_NaN()
                                                      : 1.0 / p.ranks[bi].q_proxy;
    });
    const std::string id = "BO-E2." + c.options.name + ".b" + Tag(b) + "." + s.source;
    out->push_back(theory::BandClaim(
        CurveHeader(c, {id + ".band", "V/Q_b(n) stays in a bounded band (Theta form), b = " + Tag(b), kBllt}), s.x, s.y,
        3.0, size));
    out->push_back(
        theory::SlopeClaim(CurveHeader(c, {id + ".drift", "V/Q_b(n) has no drift in n, b = " + Tag(b), kBllt}), s.x,
                           s.y, {-0.25, 0.25}, size));
  }
}

void Harmful(const CurveResult& c, theory::TestSize size, std::vector<theory::Claim>* out) {
  const double v_inf = HarmfulVarianceLimit(c);
  const Series s = MakeSeries(c, Quantity::kVariance, [](const CurvePoint&) { return 1.0; });
  const std::string id = "BO-E3." + c.options.name + "." + s.source;
  theory::ClaimHeader level_header =
      CurveHeader(c, {id + ".level", "k* >= n/c1 (harmful): V stays above V_inf/2", kBllt});
  level_header.Require(std::isfinite(v_inf), "no V_inf for this spectrum");
  theory::Claim level = theory::SeriesBoundClaim(level_header, s.x, s.y, 0.5 * v_inf, theory::BoundSide::kAtLeast, 0.0, size);
  level.details["v_infinity"] = std::isfinite(v_inf) ? nlohmann::json(v_inf) : nlohmann::json("nan");
  out->push_back(level);
  out->push_back(theory::SlopeClaim(
      CurveHeader(c, {id + ".trend", "harmful regime: V does not decay in n (slope >= -0.05)", kBllt}), s.x, s.y,
      {-0.05, 1e300}, size));
}

void BenignLog(const CurveResult& c, theory::TestSize size, std::vector<theory::Claim>* out) {
  const double beta = c.options.spectrum.beta;
  // A truncated spectrum turns harmful as n nears d (spec §5.4): use n <= d/100 unless the theory
  // carries the infinite continuation (spectrum.infinite).
  const bool infinite = c.options.spectrum.infinite;
  const auto small_n = [infinite](const CurvePoint& p) { return infinite || 100 * p.n <= p.d; };
  const Series v = MakeSeries(c, Quantity::kVariance, [](const CurvePoint&) { return 1.0; }, small_n);
  const std::string src = "BLLT arXiv v3 Thm 6 (examples): benign iff alpha = 1, beta > 1";
  const std::string id = "BO-E4a." + c.options.name + "." + v.source;
  out->push_back(theory::DecreasingClaim(
      CurveHeader(c, {id + ".decreasing", "alpha = 1, beta > 1: V decreases in n", src}), v.x, v.y, size));
  const Series scaled = MakeSeries(
      c, Quantity::kVariance, [beta](const CurvePoint& p) { return std::log(static_cast<double>(p.n)) / (beta - 1.0); },
      small_n);
  out->push_back(theory::BandClaim(
      CurveHeader(c, {id + ".log_rate", "V ln n/(beta - 1) stays in a band (C = 2): V ~ 1/ln n", src}), scaled.x,
      scaled.y, 2.0, size));
}

void ExpRate(const CurveResult& c, theory::TestSize size, std::vector<theory::Claim>* out) {
  const Series s = MakeSeries(c, Quantity::kTotal, [](const CurvePoint& p) {
    const double n = static_cast<double>(p.n), p_dim = static_cast<double>(p.d), eps_p = p.eps * p_dim;
    return n / ((eps_p + 1.0) + std::log(n / eps_p) + std::max(1.0, n * n / p_dim));
  });
  out->push_back(theory::SlopeClaim(
      CurveHeader(c, {"BO-E4b." + c.options.name + "." + s.source + ".rate",
                      "exp head + floor: R = O((ep+1)/n + ln(n/ep)/n + max(1/n, n/p)) (slope <= 0.05)",
                      "BLLT arXiv v3 Thm 6 part 2"}),
      s.x, s.y, {-1e300, 0.05}, size));
}

void BiasStuck(const CurveResult& c, theory::TestSize size, std::vector<theory::Claim>* out) {
  const Series s = MakeSeries(c, Quantity::kBias, [](const CurvePoint&) { return 1.0; });
  out->push_back(theory::SlopeClaim(
      CurveHeader(c, {"BO-E4b." + c.options.name + "." + s.source + ".bias_stuck",
                      "ep_n = Theta(n) violates benignness: the bias does not decay (slope >= -0.05)",
                      "BLLT arXiv v3 Thm 6 part 2 (necessity of ep_n = o(n))"}),
      s.x, s.y, {-0.05, 1e300}, size));
}

void BiasUpper(const CurveResult& c, theory::TestSize size, std::vector<theory::Claim>* out) {
  const Series s = MakeSeries(c, Quantity::kBias, [](const CurvePoint& p) {
    const double ratio = p.r0 / static_cast<double>(p.n);
    return 1.0 / (p.theta_norm2 * p.top_eigenvalue * std::max(std::sqrt(ratio), ratio));
  });
  out->push_back(theory::SlopeClaim(
      CurveHeader(c, {"BO-E5." + c.options.name + "." + s.source + ".bllt_upper",
                      "B <= c |th|^2 |S| max(sqrt(r0/n), r0/n): the ratio does not grow (slope <= 0.05)", kBllt}),
      s.x, s.y, {-1e300, 0.05}, size));
}

void TbBiasBand(const CurveResult& c, theory::TestSize size, std::vector<theory::Claim>* out) {
  const std::string src = "Tsigler-Bartlett (JMLR 2023) Thm 1 (4) and Thm 2";
  for (std::size_t bi = 0; bi < c.options.b.size(); ++bi) {
    const Series s =
        MakeSeries(c, Quantity::kBias, [bi](const CurvePoint& p) { return 1.0 / p.ranks[bi].tb_bias_proxy; });
    const std::string id = "BO-E5." + c.options.name + ".tb.b" + Tag(c.options.b[bi]) + "." + s.source;
    out->push_back(theory::BandClaim(
        CurveHeader(c, {id + ".band", "B / B_TB(k*) stays in a band (C = 3), b = " + Tag(c.options.b[bi]), src}), s.x,
        s.y, 3.0, size));
    out->push_back(
        theory::SlopeClaim(CurveHeader(c, {id + ".drift", "B / B_TB(k*) has no drift (|slope| <= 0.25)", src}), s.x,
                           s.y, {-0.25, 0.25}, size));
  }
}

}  // namespace

double HarmfulVarianceLimit(const CurveResult& curve) {
  const auto& o = curve.options;
  if (o.spectrum.kind == theory::SpectrumKind::kPowerLaw && o.spectrum.alpha > 1.0 && o.ridge == 0.0)
    return (o.spectrum.alpha - 1.0) * o.sigma2;
  if ((o.spectrum.kind == theory::SpectrumKind::kExpFloor || o.spectrum.kind == theory::SpectrumKind::kIsotropic) &&
      !curve.points.empty()) {
    const CurvePoint& last = curve.points.back();
    return o.sigma2 * static_cast<double>(last.n) / static_cast<double>(last.d - last.n);
  }
  return std::numeric_limits<double>::quiet_NaN();
}

std::vector<theory::Claim> BuildCurveClaims(const CurveResult& curve, theory::TestSize size) {
  std::vector<theory::Claim> claims;
  for (const std::string& check : curve.options.checks) {
    if (check == "de_accuracy") DeAccuracy(curve, size, &claims);
    else if (check == "bllt_band") BlltBand(curve, size, &claims);
    else if (check == "harmful") Harmful(curve, size, &claims);
    else if (check == "benign_log") BenignLog(curve, size, &claims);
    else if (check == "exp_rate") ExpRate(curve, size, &claims);
    else if (check == "bias_stuck") BiasStuck(curve, size, &claims);
    else if (check == "bias_upper") BiasUpper(curve, size, &claims);
    else if (check == "tb_bias_band") TbBiasBand(curve, size, &claims);
  }
  return claims;
}

std::vector<theory::Claim> BuildPooledClaims(const std::vector<CurveResult>& curves, theory::TestSize size) {
  std::vector<double> q, v;
  std::vector<theory::MeanSe> values;
  for (const CurveResult& c : curves) {
    if (std::find(c.options.checks.begin(), c.options.checks.end(), "bllt_band") == c.options.checks.end()) continue;
    const auto b1 = std::find(c.options.b.begin(), c.options.b.end(), 1.0);
    if (b1 == c.options.b.end()) continue;
    const std::size_t bi = static_cast<std::size_t>(b1 - c.options.b.begin());
    // Deterministic-equivalent values only: a fit that mixed them (SE 0) with Monte Carlo points
    // would be a DE-only fit in disguise.
    for (const CurvePoint& p : c.points) {
      if (p.ranks[bi].k_star == theory::kInfiniteK || !p.de.ok) continue;
      q.push_back(p.ranks[bi].q_proxy);
      values.push_back(Exact(p.de.variance));
    }
  }
  if (q.size() < 3) return {};
  return {theory::SlopeClaim({"BO-E2.pooled.b1", "log V against log Q_1 pooled over spectra has slope 1 (V = Theta(Q_b))",
                      kBllt},
                     q, values, {0.85, 1.15}, size)};
}

sim::CsvTable CurveTable(const std::vector<CurveResult>& curves) {
  sim::CsvTable t({"curve", "spectrum", "target", "ridge", "sigma2", "n", "d", "eps", "r0", "kappa", "de_bias",
                   "de_variance", "de_total", "mc_trials", "mc_bias", "mc_bias_se", "mc_variance", "mc_variance_se", "mc_total",
                   "mc_total_se", "ill_conditioned", "qr_fallbacks", "min_rcond", "de_ok"});
  for (const CurveResult& c : curves) {
    for (const CurvePoint& p : c.points) {
      t.Add(c.options.name).Add(SpectrumAt(c.options, p.n).Describe()).Add(c.options.target.Describe());
      t.Add(c.options.ridge).Add(c.options.sigma2).Add(p.n).Add(p.d).Add(p.eps).Add(p.r0);
      t.Add(p.de.kappa).Add(p.de.bias).Add(p.de.variance).Add(p.de.bias + p.de.variance);  // B + V, as the claims form it
      const double nan = std::numeric_limits<double>::quiet_NaN();
      if (p.mc) {
        t.Add(static_cast<std::int64_t>(p.mc->variance.count)).Add(p.mc->bias.mean).Add(p.mc->bias.se);
        t.Add(p.mc->variance.mean).Add(p.mc->variance.se).Add(p.mc->total.mean).Add(p.mc->total.se);
        t.Add(p.mc->ill_conditioned).Add(p.mc->qr_fallbacks).Add(p.mc->min_rcond);
      } else {
        t.Add(std::int64_t{0}).Add(nan).Add(nan).Add(nan).Add(nan).Add(nan).Add(nan);
        t.Add(std::int64_t{0}).Add(std::int64_t{0}).Add(nan);
      }
      t.Add(p.de.ok ? std::int64_t{1} : std::int64_t{0});
      t.EndRow();
    }
  }
  return t;
}

sim::CsvTable RankTable(const std::vector<CurveResult>& curves) {
  sim::CsvTable t({"curve", "n", "b", "k_star", "q_proxy", "tb_bias_proxy"});
  for (const CurveResult& c : curves)
    for (const CurvePoint& p : c.points)
      for (const RankPoint& r : p.ranks) {
        t.Add(c.options.name).Add(p.n).Add(r.b).Add(r.k_star == theory::kInfiniteK ? std::int64_t{-1} : r.k_star);
        t.Add(r.q_proxy).Add(r.tb_bias_proxy);
        t.EndRow();
      }
  return t;
}

}  // namespace memgen::scenarios
