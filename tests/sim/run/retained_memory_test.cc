// Tests for sim/run/retained_memory.h: after RetainFreedMemory a 16 MB block (a Figure-1 data split) comes
// from the heap, not from a fresh mapping, and stays in the process after free.
#include <catch2/catch.hpp>

#include <malloc.h>

#include <cstdlib>
#include <cstring>

#include "sim/run/retained_memory.h"

TEST_CASE("freed blocks up to 32 MiB stay in the process", "[unit]") {
  REQUIRE(memgen::sim::RetainFreedMemory());
  constexpr std::size_t kBytes = std::size_t{16} << 20;
  const std::size_t mapped_before = mallinfo2().hblkhd;
  void* block = std::malloc(kBytes);
  REQUIRE(block != nullptr);
  std::memset(block, 1, kBytes);
  CHECK(mallinfo2().hblkhd == mapped_before);  // not an mmap of its own
  std::free(block);
  CHECK(mallinfo2().fordblks >= kBytes);       // kept as free heap memory, not returned to the kernel
}
