// The one Catch2 runner of every memgen test binary. It prints Catch2's rng seed (used by Catch's own
// shuffling; set it with --rng-seed) to stderr, so that ctest's discovery, which reads the test names
// from stdout, does not take the line for a test. RapidCheck properties draw their own seed and, on a failure,
// print the RC_PARAMS="reproduce=..." line that replays it. Monte Carlo tests use fixed master seeds.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <cstdio>

int main(int argc, char** argv) {
  Catch::Session session;
  const int parse = session.applyCommandLine(argc, argv);
  if (parse != 0) return parse;
  std::fprintf(stderr, "memgen tests: Catch2 rng seed %u\n", session.config().rngSeed());
  return session.run();
}
