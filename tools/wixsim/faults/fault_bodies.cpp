#include "tools/wixsim/faults/fault_bodies.hpp"

namespace linkpos::tools::wixsim {
namespace {

constexpr std::size_t kChunkBytes = 16 * 1024;

std::string make_chunk() {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string size;
  for (std::size_t left = kChunkBytes; left != 0; left /= 16)
    size.insert(size.begin(), kHex[left % 16]);
  return size + "\r\n" + std::string(kChunkBytes, ' ') + "\r\n";
}

}  // namespace

std::string broken_json(std::string_view body) {
  if (body.size() < 2)
    return "{";
  return std::string(body.substr(0, body.size() / 2));
}

std::size_t partial_length(std::size_t body_size) {
  return body_size / 2;
}

const std::string& endless_chunk() {
  static const std::string chunk = make_chunk();
  return chunk;
}

}  // namespace linkpos::tools::wixsim
