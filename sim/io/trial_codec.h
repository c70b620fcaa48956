// Exact binary encoding of trial results: the journal that lets a killed run resume
// (sim/run/journal.h) stores every finished trial this way, and so will the gather of results across
// MPI ranks. Numbers are copied bit for bit (memcpy, host byte order), so a decoded result equals the
// encoded one exactly and a resumed run's output is byte-identical to an uninterrupted one.
//
// Encodable: arithmetic types and enums; std::array, C arrays and std::vector of encodable types;
// Eigen column vectors; and any struct that lists its fields next to its definition,
//
//   template <typename Codec> void Fields(Codec& c, ScoTrial& r) { c(r.mu_norm2, r.learners); }
//
// (found by argument-dependent lookup). A trivially copyable struct without Fields() is copied as
// bytes. A truncated or oversized record throws std::runtime_error on decoding.
#pragma once

#include <Eigen/Core>

#include <array>
#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace memgen::sim {

class TrialEncoder;

namespace codec_detail {
template <typename T, typename = void>
struct HasFields : std::false_type {};
template <typename T>
struct HasFields<T, std::void_t<decltype(Fields(std::declval<TrialEncoder&>(), std::declval<T&>()))>>
    : std::true_type {};
}  // namespace codec_detail

class TrialEncoder {
 public:
  template <typename... T>
  void operator()(const T&... values) {
    (Put(values), ...);
  }
  const std::string& bytes() const { return bytes_; }

 private:
  void Raw(const void* data, std::size_t size) { bytes_.append(static_cast<const char*>(data), size); }
  void Count(std::size_t n) {
    const auto count = static_cast<std::uint64_t>(n);
    Raw(&count, sizeof(count));
  }
  template <typename T>
  void Put(const T& value) {
    if constexpr (codec_detail::HasFields<T>::value) {
      Fields(*this, const_cast<T&>(value));  // Fields() only reads through an encoder
    } else if constexpr (std::is_trivially_copyable_v<T>) {
      Raw(&value, sizeof(T));
    } else {
      static_assert(sizeof(T) == 0, "declare Fields() for this trial result type");
    }
  }
  template <typename T>
  void Put(const std::vector<T>& values) {
    Count(values.size());
    for (const T& v : values) Put(v);
  }
  template <typename T, std::size_t N>
  void Put(const std::array<T, N>& values) {
    for (const T& v : values) Put(v);
  }
  void Put(const Eigen::VectorXd& values) {
    Count(static_cast<std::size_t>(values.size()));
    Raw(values.data(), static_cast<std::size_t>(values.size()) * sizeof(double));
  }
  std::string bytes_;
};

class TrialDecoder {
 public:
  explicit TrialDecoder(const std::string& bytes) : data_(bytes.data()), left_(bytes.size()) {}
  template <typename... T>
  void operator()(T&... values) {
    (Get(values), ...);
  }
  bool done() const { return left_ == 0; }

 private:
  void Raw(void* data, std::size_t size) {
    if (size > left_) throw std::runtime_error("trial record truncated");
    if (size == 0) return;  // an empty vector's data() may be null, and memcpy(nullptr, …, 0) is undefined
    std::memcpy(data, data_, size);
    data_ += size;
    left_ -= size;
  }
  std::size_t Count(std::size_t element_bytes) {
    std::uint64_t count = 0;
    Raw(&count, sizeof(count));
    if (element_bytes > 0 && count > left_ / element_bytes) throw std::runtime_error("trial record count too large");
    return static_cast<std::size_t>(count);
  }
  template <typename T>
  void Get(T& value) {
    if constexpr (codec_detail::HasFields<T>::value) {
      Fields(*this, value);
    } else if constexpr (std::is_trivially_copyable_v<T>) {
      Raw(&value, sizeof(T));
    } else {
      static_assert(sizeof(T) == 0, "declare Fields() for this trial result type");
    }
  }
  template <typename T>
  void Get(std::vector<T>& values) {
    values.resize(Count(std::is_trivially_copyable_v<T> ? sizeof(T) : 1));
    for (T& v : values) Get(v);
  }
  template <typename T, std::size_t N>
  void Get(std::array<T, N>& values) {
    for (T& v : values) Get(v);
  }
  void Get(Eigen::VectorXd& values) {
    values.resize(static_cast<Eigen::Index>(Count(sizeof(double))));
    Raw(values.data(), static_cast<std::size_t>(values.size()) * sizeof(double));
  }
  const char* data_;
  std::size_t left_;
};

template <typename T>
std::string EncodeTrial(const T& value) {
  TrialEncoder encoder;
  encoder(value);
  return encoder.bytes();
}

template <typename T>
T DecodeTrial(const std::string& bytes) {
  T value{};
  TrialDecoder decoder(bytes);
  decoder(value);
  if (!decoder.done()) throw std::runtime_error("trial record longer than its type");
  return value;
}

}  // namespace memgen::sim
