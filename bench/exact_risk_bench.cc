// placeholder, replaced below
#include <benchmark/benchmark.h>
static void BM_Noop(benchmark::State& state) { for (auto _ : state) benchmark::DoNotOptimize(1); }
BENCHMARK(BM_Noop);
BENCHMARK_MAIN();
