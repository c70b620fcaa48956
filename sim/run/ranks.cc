// MPI ranks of a distributed run, and the single-process fallback, see ranks.h.
#include "sim/run/ranks.h"

#include <cstdlib>
#include <cstring>
#include <stdexcept>

#ifdef MEMGEN_HAVE_MPI
#include <mpi.h>
#endif

namespace memgen::sim {
namespace {

Ranks& MutableWorld() {
  static Ranks world;
  return world;
}

bool LaunchedByMpirun() {
  return std::getenv("OMPI_COMM_WORLD_SIZE") != nullptr || std::getenv("PMIX_RANK") != nullptr;
}

}  // namespace

const Ranks& Ranks::World() { return MutableWorld(); }

bool MpiAvailable() {
#ifdef MEMGEN_HAVE_MPI
  return true;
#else
  return false;
#endif
}

#ifdef MEMGEN_HAVE_MPI

MpiSession::MpiSession(int* argc, char*** argv) {
  if (!LaunchedByMpirun()) return;
  int provided = 0;
  MPI_Init_thread(argc, argv, MPI_THREAD_FUNNELED, &provided);  // MPI calls from the main thread only
  started_ = true;
  Ranks& world = MutableWorld();
  MPI_Comm_rank(MPI_COMM_WORLD, &world.rank_);
  MPI_Comm_size(MPI_COMM_WORLD, &world.size_);
}

MpiSession::~MpiSession() {
  if (started_) MPI_Finalize();
}

std::vector<std::string> Ranks::GatherBlock(const std::vector<std::string>& mine, std::int64_t count) const {
  if (size_ == 1) return mine;
  // This rank's trials as one buffer: per trial its size (u64) and its bytes.
  std::string packed;
  for (const std::string& trial : mine) {
    const auto n = static_cast<std::uint64_t>(trial.size());
    packed.append(reinterpret_cast<const char*>(&n), sizeof(n));
    packed += trial;
  }
  const auto length = static_cast<long long>(packed.size());
  std::vector<long long> lengths(static_cast<std::size_t>(size_));
  MPI_Allgather(&length, 1, MPI_LONG_LONG, lengths.data(), 1, MPI_LONG_LONG, MPI_COMM_WORLD);
  std::vector<int> counts(lengths.size()), offsets(lengths.size());
  long long total = 0;
  for (std::size_t r = 0; r < lengths.size(); ++r) {
    if (total + lengths[r] > 2147483647LL) throw std::runtime_error("a block's results exceed 2 GiB: use smaller blocks");
    counts[r] = static_cast<int>(lengths[r]);
    offsets[r] = static_cast<int>(total);
    total += lengths[r];
  }
  std::string all(static_cast<std::size_t>(total), '\0');
  MPI_Allgatherv(packed.data(), static_cast<int>(packed.size()), MPI_CHAR, all.data(), counts.data(), offsets.data(),
                 MPI_CHAR, MPI_COMM_WORLD);
  // Rank r's k-th trial is the block's trial r + k·size.
  std::vector<std::string> block(static_cast<std::size_t>(count));
  for (int r = 0; r < size_; ++r) {
    std::size_t at = static_cast<std::size_t>(offsets[static_cast<std::size_t>(r)]);
    const std::size_t end = at + static_cast<std::size_t>(counts[static_cast<std::size_t>(r)]);
    for (std::int64_t t = r; at < end; t += size_) {
      std::uint64_t n = 0;
      std::memcpy(&n, all.data() + at, sizeof(n));
      at += sizeof(n);
      block.at(static_cast<std::size_t>(t)) = all.substr(at, n);
      at += n;
    }
  }
  return block;
}

bool Ranks::AllTrue(bool mine) const {
  if (size_ == 1) return mine;
  int value = mine ? 1 : 0, all = 0;
  MPI_Allreduce(&value, &all, 1, MPI_INT, MPI_LAND, MPI_COMM_WORLD);
  return all != 0;
}

int Ranks::FromRoot(int value) const {
  if (size_ > 1) MPI_Bcast(&value, 1, MPI_INT, 0, MPI_COMM_WORLD);
  return value;
}

void Ranks::Barrier() const {
  if (size_ > 1) MPI_Barrier(MPI_COMM_WORLD);
}

#else  // a build without MPI: one process

MpiSession::MpiSession(int*, char***) {
  if (LaunchedByMpirun() && std::getenv("OMPI_COMM_WORLD_SIZE") && std::strcmp(std::getenv("OMPI_COMM_WORLD_SIZE"), "1") != 0)
    throw std::runtime_error("launched by mpirun, but this build has no MPI (configure with MPI found)");
}
MpiSession::~MpiSession() = default;
std::vector<std::string> Ranks::GatherBlock(const std::vector<std::string>& mine, std::int64_t) const { return mine; }
bool Ranks::AllTrue(bool mine) const { return mine; }
int Ranks::FromRoot(int value) const { return value; }
void Ranks::Barrier() const {}

#endif

}  // namespace memgen::sim
