// See min_norm_interpolant.h (being implemented).
#include "sim/spur/min_norm_interpolant.h"
