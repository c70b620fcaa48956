// CSV results tables, see csv_table.h.
#include "sim/io/csv_table.h"

#include <cmath>
#include <cstdio>

#include "sim/core/check.h"

namespace memgen::sim {

std::string FormatDouble(double value) {
  if (std::isnan(value)) return "nan";
  if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
  char buffer[32];
  std::snprintf(buffer, sizeof(buffer), "%.17g", value);
  return buffer;
}

CsvTable::CsvTable(std::vector<std::string> columns) : columns_(std::move(columns)) {}

CsvTable& CsvTable::Add(double value) {
  current_.push_back(FormatDouble(value));
  return *this;
}

CsvTable& CsvTable::Add(std::int64_t value) {
  current_.push_back(std::to_string(value));
  return *this;
}

CsvTable& CsvTable::Add(const std::string& value) {
  MEMGEN_CHECK(value.find_first_of(",\"\n") == std::string::npos) << "CSV field needs quoting: " << value;
  current_.push_back(value);
  return *this;
}

void CsvTable::EndRow() {
  MEMGEN_CHECK(current_.size() == columns_.size())
      << "row has " << current_.size() << " values for " << columns_.size() << " columns";
  rows_.push_back(std::move(current_));
  current_.clear();
}

std::string CsvTable::ToCsv() const {
  std::string out;
  auto append_row = [&out](const std::vector<std::string>& row) {
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (i) out += ',';
      out += row[i];
    }
    out += '\n';
  };
  append_row(columns_);
  for (const auto& row : rows_) append_row(row);
  return out;
}

}  // namespace memgen::sim
