// Tests for sim/io/csv_table.h and sim/io/atomic_file.h.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "sim/io/atomic_file.h"
#include "sim/io/csv_table.h"

using namespace memgen::sim;

TEST_CASE("doubles round-trip through the CSV text exactly", "[unit]") {
  for (double v : {0.1, 1.0 / 3.0, 6.02214076e23, -2.5e-300, 0.0}) CHECK(std::strtod(FormatDouble(v).c_str(), nullptr) == v);
  CsvTable table({"n", "value", "name"});
  table.Add(std::int64_t{3}).Add(0.25).Add("a");
  table.EndRow();
  CHECK(table.ToCsv() == "n,value,name\n3,0.25,a\n");
}

TEST_CASE("atomic writes leave no temporary files", "[unit]") {
  const auto dir = std::filesystem::temp_directory_path() / "memgen_atomic_test";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir / "staging");
  WriteFileAtomic(dir / "staging" / "a.txt", "hello\n");
  PublishDirectory(dir / "staging", dir / "run");
  std::ifstream in(dir / "run" / "a.txt");
  std::stringstream text;
  text << in.rdbuf();
  CHECK(text.str() == "hello\n");
  int entries = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir)) entries += e.is_directory() ? 1 : 1;
  CHECK(entries == 1);  // only "run"
  std::filesystem::remove_all(dir);
}
