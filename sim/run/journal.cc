// The run journal's file format, appends and recovery, see journal.h.
#include "sim/run/journal.h"

#include <boost/crc.hpp>
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>
#include <stdexcept>

#include "sim/core/config_error.h"

namespace memgen::sim {
namespace {

constexpr char kHeader[] = "memgen journal v1\n";
constexpr std::uint32_t kBlockMagic = 0x4B42474DU;  // "MGBK" in little-endian byte order

void PutU64(std::string* out, std::uint64_t v) { out->append(reinterpret_cast<const char*>(&v), sizeof(v)); }

std::uint32_t Crc32(const char* data, std::size_t size) {
  boost::crc_32_type crc;
  crc.process_bytes(data, size);
  return crc.checksum();
}

// A cursor over the file's bytes; every read is bounds-checked.
struct Reader {
  const std::string& bytes;
  std::size_t at = 0;
  bool Take(void* out, std::size_t size) {
    if (size > bytes.size() - at) return false;
    std::memcpy(out, bytes.data() + at, size);
    at += size;
    return true;
  }
  bool TakeU64(std::uint64_t* v) { return Take(v, sizeof(*v)); }
};

std::string HeaderBytes(const std::string& fingerprint) {
  std::string out(kHeader);
  PutU64(&out, fingerprint.size());
  return out + fingerprint;
}

void WriteAll(int fd, const std::string& bytes, const std::filesystem::path& path) {
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw std::runtime_error("cannot append to " + path.string() + ": " + std::strerror(errno));
    done += static_cast<std::size_t>(n);
  }
  if (::fdatasync(fd) != 0) throw std::runtime_error("cannot sync " + path.string() + ": " + std::strerror(errno));
}

}  // namespace

Journal::Journal(const std::filesystem::path& path, const std::string& fingerprint, bool resume) : path_(path) {
  const bool existing = resume && std::filesystem::exists(path);
  if (existing) ReadExisting(fingerprint);  // truncates a torn tail
  fd_ = ::open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC | (existing ? 0 : O_TRUNC), 0644);
  if (fd_ < 0) throw std::runtime_error("cannot open " + path.string() + ": " + std::strerror(errno));
  if (!existing) WriteAll(fd_, HeaderBytes(fingerprint), path_);
}

Journal::~Journal() {
  if (fd_ >= 0) ::close(fd_);
}

void Journal::ReadExisting(const std::string& fingerprint) {
  std::ifstream in(path_, std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const std::string header = HeaderBytes(fingerprint);
  if (bytes.compare(0, header.size(), header) != 0)
    throw ConfigError("--resume", path_.string(),
                      "the journal was written by another config, seed or build; rerun without --resume");
  Reader reader{bytes, header.size()};
  std::size_t good = reader.at;
  for (;;) {
    std::uint32_t magic = 0, crc = 0;
    std::uint64_t call = 0, begin = 0, count = 0;
    if (!reader.Take(&magic, 4) || magic != kBlockMagic || !reader.Take(&crc, 4)) break;
    const std::size_t body = reader.at;
    if (!reader.TakeU64(&call) || !reader.TakeU64(&begin) || !reader.TakeU64(&count) || count > bytes.size()) break;
    std::vector<std::string> trials;
    bool whole = true;
    for (std::uint64_t i = 0; i < count && whole; ++i) {
      std::uint64_t size = 0;
      whole = reader.TakeU64(&size) && size <= bytes.size() - reader.at;
      if (whole) trials.emplace_back(bytes.data() + reader.at, size), reader.at += size;
    }
    if (!whole || Crc32(bytes.data() + body, reader.at - body) != crc) break;
    recovered_[{call, static_cast<std::int64_t>(begin)}] = std::move(trials);
    good = reader.at;
  }
  if (good < bytes.size()) std::filesystem::resize_file(path_, good);  // the block being written when it died
}

const std::vector<std::string>* Journal::Recovered(std::uint64_t call, std::int64_t begin, std::int64_t count) const {
  const auto it = recovered_.find({call, begin});
  if (it == recovered_.end() || static_cast<std::int64_t>(it->second.size()) != count) return nullptr;
  return &it->second;
}

void Journal::Append(std::uint64_t call, std::int64_t begin, const std::vector<std::string>& encoded_trials) {
  std::string body;
  PutU64(&body, call);
  PutU64(&body, static_cast<std::uint64_t>(begin));
  PutU64(&body, encoded_trials.size());
  for (const std::string& trial : encoded_trials) {
    PutU64(&body, trial.size());
    body += trial;
  }
  std::string record(reinterpret_cast<const char*>(&kBlockMagic), 4);
  const std::uint32_t crc = Crc32(body.data(), body.size());
  record.append(reinterpret_cast<const char*>(&crc), 4);
  WriteAll(fd_, record + body, path_);
}

}  // namespace memgen::sim
