#pragma once

#include <cstdint>
#include <random>
#include <string>

namespace linkpos::tools::wixsim {

// Makes the GUIDs Wix uses as ids (random, version 4, lower case). Seeded by the caller, so tests
// can make the same ids every run.
class GuidSource {
 public:
  explicit GuidSource(std::uint64_t seed) : random_(seed) {}

  std::string next();

 private:
  std::mt19937_64 random_;
};

}  // namespace linkpos::tools::wixsim
