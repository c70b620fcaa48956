// Planted violation for the negative control of the layer rule (tests/CMakeLists.txt
// architecture_layers_catches_*): a theory header that includes the random streams.
#include "sim/random/rng.h"
