// Planted test sources for the negative control of scripts/negative_controls.py
// (tests/negative_controls.cmake); never compiled. PLANT-E1 and PLANT-E2 have controls (one on two
// lines), PLANT-E3 has none, PLANT-E9 is a stale tag, and the commented-out TEST_CASE does not count.
#include <catch2/catch.hpp>

TEST_CASE("negative control: a planted defect fails PLANT-E1", "[unit][control:PLANT-E1]") {}

TEST_CASE("negative control: a planted defect fails PLANT-E2 and PLANT-E9",
          "[unit][stat][control:PLANT-E2][control:PLANT-E9]") {}

// TEST_CASE("negative control: commented out, does not control PLANT-E3", "[unit][control:PLANT-E3]") {}

TEST_CASE("PLANT-E3 passes on the correct pipeline (not a control)", "[unit]") {}
