// A results table written as CSV (STYLE.md R3): named columns, one row per trial or sweep cell,
// doubles printed with 17 significant digits so that they round-trip exactly.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace memgen::sim {

class CsvTable {
 public:
  explicit CsvTable(std::vector<std::string> columns);

  CsvTable& Add(double value);
  CsvTable& Add(std::int64_t value);
  CsvTable& Add(int value) { return Add(static_cast<std::int64_t>(value)); }
  CsvTable& Add(const std::string& value);
  CsvTable& Add(const char* value) { return Add(std::string(value)); }
  void EndRow();  // checks that the row has one value per column

  const std::vector<std::string>& columns() const { return columns_; }
  std::size_t rows() const { return rows_.size(); }
  std::string ToCsv() const;

 private:
  std::vector<std::string> columns_;
  std::vector<std::vector<std::string>> rows_;
  std::vector<std::string> current_;
};

std::string FormatDouble(double value);  // %.17g; "nan", "inf", "-inf" for non-finite values

}  // namespace memgen::sim
