// Tests for sim/spur/hard_margin_svm.h (being written).
#include <catch2/catch.hpp>
