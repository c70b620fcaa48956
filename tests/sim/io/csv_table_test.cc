// Tests for sim/io/csv_table.h.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "sim/io/csv_table.h"

using namespace memgen::sim;

TEST_CASE("doubles round-trip through the CSV text exactly", "[unit]") {
  for (double v : {0.1, 1.0 / 3.0, 6.02214076e23, -2.5e-300, 0.0}) CHECK(std::strtod(FormatDouble(v).c_str(), nullptr) == v);
  CsvTable table({"n", "value", "name"});
  table.Add(std::int64_t{3}).Add(0.25).Add("a");
  table.EndRow();
  CHECK(table.ToCsv() == "n,value,name\n3,0.25,a\n");
}
