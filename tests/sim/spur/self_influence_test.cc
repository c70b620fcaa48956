// Tests for sim/spur/self_influence.h (being written).
#include <catch2/catch.hpp>
