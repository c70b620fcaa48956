// Stream tags: a readable name ("bo/isotropic/design") hashed to 64 bits with FNV-1a, so a stream's
// identity is written in the source and can be recomputed from the results' metadata.
#pragma once

#include <cstdint>
#include <string_view>

namespace memgen::sim {

constexpr std::uint64_t StreamTag(std::string_view name) {
  std::uint64_t hash = 0xcbf29ce484222325ULL;  // FNV-1a 64-bit offset basis
  for (char c : name) {
    hash ^= static_cast<std::uint8_t>(c);
    hash *= 0x100000001b3ULL;  // FNV-1a 64-bit prime
  }
  return hash;
}

}  // namespace memgen::sim
