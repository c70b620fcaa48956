// The machine's limits, measured in the same run as every kernel so that BENCHMARKS.md can state each
// kernel's fraction of them (issue 15):
//   BM_FmaPeak       double-precision FMA throughput of one core: 16 independent chains of 8-wide
//                    (AVX-512) or 4-wide (AVX2) fused multiply-adds, enough to cover the FMA
//                    latency (4 cycles) on two pipes; counter `flops` = 2 flops per lane per FMA
//   BM_ReadBandwidth one core streaming reads (a sum over the buffer) of an 8 MiB buffer (in L3, out
//                    of L2) and a 1 GiB one (memory); counter `bytes` per second
// Figures and ratios: bench/run_benchmarks.sh, recorded in BENCHMARKS.md.
#include <benchmark/benchmark.h>
#include <immintrin.h>

#include <cstdint>
#include <numeric>
#include <vector>

namespace {

#if defined(__AVX512F__)
using Lane = __m512d;
constexpr int kWidth = 8;
inline Lane Set(double v) { return _mm512_set1_pd(v); }
inline Lane Fma(Lane a, Lane b, Lane c) { return _mm512_fmadd_pd(a, b, c); }
inline double Sum(Lane v) { return _mm512_reduce_add_pd(v); }
#else
using Lane = __m256d;
constexpr int kWidth = 4;
inline Lane Set(double v) { return _mm256_set1_pd(v); }
inline Lane Fma(Lane a, Lane b, Lane c) { return _mm256_fmadd_pd(a, b, c); }
inline double Sum(Lane v) {
  alignas(32) double x[4];
  _mm256_store_pd(x, v);
  return x[0] + x[1] + x[2] + x[3];
}
#endif

constexpr int kChains = 16;
constexpr std::int64_t kSteps = 1 << 20;

void BM_FmaPeak(benchmark::State& state) {
  const Lane a = Set(0.999999), b = Set(1e-7);
  double sink = 0.0;
  for (auto _ : state) {
    Lane acc[kChains];
    for (int c = 0; c < kChains; ++c) acc[c] = Set(static_cast<double>(c));
    for (std::int64_t s = 0; s < kSteps; ++s)
      for (int c = 0; c < kChains; ++c) acc[c] = Fma(acc[c], a, b);  // acc ← acc·a + b: a dependent chain per c
    for (int c = 0; c < kChains; ++c) sink += Sum(acc[c]);
  }
  benchmark::DoNotOptimize(sink);
  state.counters["flops"] =
      benchmark::Counter(2.0 * kWidth * kChains * static_cast<double>(kSteps), benchmark::Counter::kIsIterationInvariantRate);
  state.SetLabel(kWidth == 8 ? "avx512" : "avx2");
}

void BM_ReadBandwidth(benchmark::State& state) {
  const auto count = static_cast<std::size_t>(state.range(0)) / sizeof(double);
  std::vector<double> buffer(count, 1.0);
  double sink = 0.0;
  for (auto _ : state) {
    Lane acc[4] = {Set(0.0), Set(0.0), Set(0.0), Set(0.0)};
    for (std::size_t i = 0; i + 4 * kWidth <= count; i += 4 * kWidth)
      for (int c = 0; c < 4; ++c) {
#if defined(__AVX512F__)
        acc[c] = _mm512_add_pd(acc[c], _mm512_loadu_pd(buffer.data() + i + c * kWidth));
#else
        acc[c] = _mm256_add_pd(acc[c], _mm256_loadu_pd(buffer.data() + i + c * kWidth));
#endif
      }
    for (const Lane& a : acc) sink += Sum(a);
  }
  benchmark::DoNotOptimize(sink);
  state.counters["bytes"] = benchmark::Counter(static_cast<double>(count * sizeof(double)), benchmark::Counter::kIsIterationInvariantRate);
}

}  // namespace

BENCHMARK(BM_FmaPeak)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_ReadBandwidth)->ArgName("bytes")->Arg(8 << 20)->Arg(1 << 30)->Unit(benchmark::kMillisecond)->UseRealTime();

BENCHMARK_MAIN();
