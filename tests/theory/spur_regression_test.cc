// Tests for theory/spur_regression.h (being written).
#include <catch2/catch.hpp>
