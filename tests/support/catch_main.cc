// The one Catch2 runner of every memgen test binary. It prints Catch2's seed (used by Catch's own
// shuffling) and RapidCheck's configuration: every statistical test in memgen uses fixed seeds.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <cstdio>

int main(int argc, char** argv) {
  Catch::Session session;
  const int parse = session.applyCommandLine(argc, argv);
  if (parse != 0) return parse;
  std::printf("memgen tests: Catch2 rng seed %u\n", session.config().rngSeed());
  return session.run();
}
