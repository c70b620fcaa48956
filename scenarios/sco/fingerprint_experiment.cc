// Monte Carlo checks of the scalar fingerprinting identities, see fingerprint_experiment.h.
#include "scenarios/sco/fingerprint_experiment.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>

#include "sim/core/config_error.h"
#include "sim/random/distributions.h"
#include "sim/random/stream_tag.h"
#include "theory/stats/sample_stats.h"
#include "theory/sco/fingerprint.h"
#include "theory/verdict/verdict_rules.h"

namespace memgen::scenarios {
namespace {

constexpr int kStats = 3;  // mean, majority, clipped mean
const char* kStatName[kStats] = {"mean", "majority", "clip0.1"};

struct Draw {
  double p = 0.0;
  double s = 0.0;                 // Σ (X_i − p)
  std::array<double, kStats> f{};  // statistics of the sample
};

Draw DrawSample(sim::Rng& rng, std::int64_t n, double p) {
  Draw d;
  d.p = p;
  const double q = 0.5 * (1.0 + p);
  double sum = 0.0;
  for (std::int64_t i = 0; i < n; ++i) sum += sim::Uniform01(rng) <= q ? 1.0 : -1.0;
  const double mean = sum / static_cast<double>(n);
  d.s = sum - static_cast<double>(n) * p;
  d.f = {mean, sum > 0.0 ? 1.0 : 0.0, std::clamp(mean, -0.1, 0.1)};
  return d;
}

std::string Tag(const char* prefix, double v) {
  char b[32];
  std::snprintf(b, sizeof(b), "%s%g", prefix, v);
  return b;
}

}  // namespace

void FingerprintMcOptions::Validate(const std::string& field) const {
  for (auto v : n) Require(v >= 1 && v % 2 == 1, field + ".n", v, "must be odd and >= 1");
  for (double v : p) Require(v > -1.0 && v < 1.0, field + ".p", v, "must be in (-1, 1)");
  for (double v : beta) Require(v >= 0.05 && v <= 1e6, field + ".beta", v, "must be in [0.05, 1e6]");
  Require(gamma > 0.0 && gamma < 1.0, field + ".gamma", gamma, "must be in (0, 1)");
  Require(runs >= 100, field + ".runs", runs, "must be >= 100");
}

void AddFingerprintMemory(const FingerprintMcOptions& options, sim::MemoryEstimate* memory) {
  memory->Working("fingerprint.runs", static_cast<double>(options.runs) * sizeof(Draw));
}

FingerprintMcResult RunFingerprintMc(const FingerprintMcOptions& o, std::uint64_t seed,
                                     const sim::TrialRunnerOptions& runner, theory::TestSize size) {
  FingerprintMcResult out;
  sim::TrialRunnerOptions r = runner;
  r.block_size = 4096;
  auto record = [&](const std::string& identity, std::int64_t n, double param, double gamma, int stat,
                    const std::vector<double>& lhs, const std::vector<double>& rhs) {
    std::vector<double> gap(lhs.size());
    for (std::size_t i = 0; i < gap.size(); ++i) gap[i] = lhs[i] - rhs[i];
    const theory::MeanSe g = theory::Summarize(gap);
    const std::string id = "SCO-E0." + identity + ".n" + std::to_string(n) +
                           (identity == "F1" ? Tag(".p", param) : Tag(".beta", param)) +
                           (identity == "F3" ? Tag(".gamma", gamma) : "") + "." + kStatName[stat];
    const char* statement = identity == "F1"   ? "E[f S] = (1 - p^2) g'(p) at fixed p"
                            : identity == "F2" ? "E[f S] = 2 beta E[p f] under the s-beta prior"
                                               : "E[w(p) f S] = (2 beta/gamma^2) E[p f] under the scaled prior";
    const char* source = identity == "F1" ? "DSSUV15 Lemma 5 = Voitovych et al. Lemma D.2"
                         : identity == "F2" ? "spec §6 F2 (integration by parts; Steinke-Ullman 2017)"
                                            : "Voitovych et al. (2025) Lemma D.3";
    out.claims.push_back(theory::OracleClaim({id, statement, source}, g, 0.0, size));
    out.table.Add(identity).Add(n).Add(param).Add(gamma).Add(kStatName[stat]).Add(o.runs);
    out.table.Add(theory::Summarize(lhs).mean).Add(theory::Summarize(rhs).mean).Add(g.mean).Add(g.se);
    out.table.EndRow();
  };
  for (std::int64_t n : o.n) {
    for (double p : o.p) {  // F1 at fixed p
      const std::uint64_t tag = sim::StreamTag("sco/F1/n" + std::to_string(n) + Tag("/p", p));
      const auto draws = sim::RunTrials<Draw>(o.runs, r, [&](std::int64_t t) {
        sim::Rng rng({seed, tag, static_cast<std::uint64_t>(t), 0});
        return DrawSample(rng, n, p);
      });
      const double majority_slope = o.wrong_majority_derivative ? theory::MeanStatisticGPrime(p) : theory::MajorityGPrime(n, p);
      const double rhs_value[2] = {theory::MeanStatisticF1Rhs(p), theory::FingerprintF1Rhs(p, majority_slope)};
      for (int stat = 0; stat < 2; ++stat) {
        std::vector<double> lhs, rhs;
        for (const Draw& d : draws) {
          lhs.push_back(d.f[stat] * d.s);
          rhs.push_back(rhs_value[stat]);
        }
        record("F1", n, p, 0.0, stat, lhs, rhs);
      }
    }
    for (double beta : o.beta) {
      for (int scaled = 0; scaled < 2; ++scaled) {  // F2 on [−1, 1], F3 on [−γ, γ]
        const double gamma = scaled ? o.gamma : 1.0;
        const std::uint64_t tag = sim::StreamTag("sco/F" + std::to_string(2 + scaled) + "/n" + std::to_string(n) +
                                                 Tag("/beta", beta));
        const auto draws = sim::RunTrials<Draw>(o.runs, r, [&](std::int64_t t) {
          sim::Rng rng({seed, tag, static_cast<std::uint64_t>(t), 0});
          const double p = sim::SymmetricBeta(rng, beta, gamma);
          return DrawSample(rng, n, p);
        });
        for (int stat = 0; stat < kStats; ++stat) {
          std::vector<double> lhs, rhs;
          for (const Draw& d : draws) {
            const double weight = scaled ? (1.0 - (d.p / gamma) * (d.p / gamma)) / (1.0 - d.p * d.p) : 1.0;
            lhs.push_back(weight * d.f[stat] * d.s);
            rhs.push_back(2.0 * beta / (gamma * gamma) * d.p * d.f[stat]);
          }
          record(scaled ? "F3" : "F2", n, beta, scaled ? gamma : 0.0, stat, lhs, rhs);
        }
      }
    }
  }
  return out;
}

}  // namespace memgen::scenarios
