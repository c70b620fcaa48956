// Thread-count helper for the trial runner, see trial_runner.h.
#include "sim/run/trial_runner.h"

namespace memgen::sim {

int UsableThreads(int requested) {
#ifdef _OPENMP
  return requested >= 1 ? requested : 1;
#else
  (void)requested;
  return 1;
#endif
}

}  // namespace memgen::sim
