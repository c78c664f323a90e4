#include "tools/wixsim/model/guid_source.hpp"

#include <cstdio>

namespace linkpos::tools::wixsim {

std::string GuidSource::next() {
  const std::uint64_t high = (random_() & ~0xF000ULL) | 0x4000ULL;             // version 4
  const std::uint64_t low = (random_() & ~(0xC0ULL << 56)) | (0x80ULL << 56);  // RFC 4122 variant
  char text[37];
  std::snprintf(text, sizeof text, "%08x-%04x-%04x-%04x-%012llx", static_cast<unsigned>(high >> 32),
                static_cast<unsigned>((high >> 16) & 0xFFFF), static_cast<unsigned>(high & 0xFFFF),
                static_cast<unsigned>(low >> 48),
                static_cast<unsigned long long>(low & 0xFFFFFFFFFFFFULL));
  return text;
}

}  // namespace linkpos::tools::wixsim
