// Tests for sim/spur/min_norm_interpolant.h (being written).
#include <catch2/catch.hpp>
