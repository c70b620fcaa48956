// Tests for sim/spur/mlp_regression.h (being written).
#include <catch2/catch.hpp>
