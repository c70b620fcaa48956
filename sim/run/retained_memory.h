// Keeps freed memory in the process for the next trial (glibc malloc). By default glibc maps a block above
// its dynamic mmap threshold (at most 32 MiB) fresh from the kernel and returns it on free, and it trims
// the heap's top beyond twice that threshold; a trial that allocates tens of MB of matrices then
// page-faults all of them again in the next trial. On these virtual machines a fault costs microseconds
// per 4 KiB page: the page faults and the zeroing of the fresh pages were about half of a Figure-1
// trial's set-up (two 14 MB data splits and two 8 MB Gram matrices; BM_SpurFigure1Setup in BENCHMARKS.md).
// RetainFreedMemory raises the mmap threshold to its maximum (32 MiB) and the trim threshold to 1 GiB,
// so blocks up to 32 MiB come from the heap and stay mapped after free. Resident memory then stays near
// the run's peak, which the memory estimate (memory_estimate.h) budgets for anyway. Numbers are unaffected.
// Scenario binaries and the benchmarks call it first thing; the Python module does not (it would change
// the policy of the user's interpreter).
#pragma once

namespace memgen::sim {

// Returns whether the allocator took the settings (false on a C library without mallopt).
bool RetainFreedMemory();

}  // namespace memgen::sim
