// The processes of a distributed run (MPI, OpenMPI from Debian). Started by mpirun, a run splits the
// trials of every block across its ranks: rank r computes the trials t of the block [begin, end)
// with (t − begin) mod size = r, with OpenMP inside the rank, and then every rank receives every
// trial's result (exactly, as trial_codec.h bytes), so that all ranks hold the same results in trial
// order, run the same serial reductions and decide the same claims; rank 0 alone publishes. Because
// trial t's result depends only on the seed and t, the output is byte-identical for any rank count.
//
// Outside mpirun (or in a build without MPI) Ranks is the one process and makes no MPI call, so the
// scenario binaries need no launcher. MpiSession initialises and finalises MPI around a run.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace memgen::sim {

class Ranks {
 public:
  static const Ranks& World();  // the run's ranks (one process unless MpiSession started MPI)

  int rank() const { return rank_; }
  int size() const { return size_; }
  bool root() const { return rank_ == 0; }
  bool distributed() const { return size_ > 1; }

  // The trials of the block [begin, begin + count) that this rank computes.
  bool Owns(std::int64_t offset_in_block) const { return offset_in_block % size_ == rank_; }
  // Every rank's encoded trials of one block, gathered on every rank in trial order; `mine` holds
  // this rank's trials in increasing order.
  std::vector<std::string> GatherBlock(const std::vector<std::string>& mine, std::int64_t count) const;
  bool AllTrue(bool mine) const;        // logical AND over ranks
  int FromRoot(int value) const;        // rank 0's value on every rank
  void Barrier() const;

 private:
  friend class MpiSession;
  int rank_ = 0, size_ = 1;
};

// Starts MPI when the process was launched by mpirun (OpenMPI or PMIx environment), else does
// nothing; finalises MPI when the run ends.
class MpiSession {
 public:
  MpiSession(int* argc, char*** argv);
  ~MpiSession();
  MpiSession(const MpiSession&) = delete;
  MpiSession& operator=(const MpiSession&) = delete;

 private:
  bool started_ = false;
};

bool MpiAvailable();  // this build was made with MPI

}  // namespace memgen::sim
