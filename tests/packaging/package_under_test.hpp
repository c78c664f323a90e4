#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "packaging/host_tool.hpp"

// What tests/packaging/make-test-package made before the suite (a CTest fixture): this build's
// .deb, the Mender artifact made of it, and the TEST ONLY signing keys.
namespace linkpos::testing::package {

namespace fs = std::filesystem;

inline const std::string kArch = LINKPOS_DEB_ARCH;
inline const std::string kVersion = LINKPOS_PACKAGE_VERSION;
inline const std::vector<std::string> kDeviceTypes{"linkpos-test-board-a", "linkpos-test-board-b"};

inline fs::path dir() {
  return LINKPOS_PACKAGE_TEST_DIR;
}
inline fs::path deb() {
  return dir() / ("linkpos_" + kVersion + "_" + kArch + ".deb");
}
inline fs::path artifact() {
  return dir() / "linkpos.mender";
}
inline fs::path key(const std::string& name) {
  return dir() / "keys" / name;
}
inline fs::path signing_public_key() {
  return key("test-only-signing.pub.pem");
}
inline fs::path signing_private_key() {
  return key("test-only-signing.key.pem");
}
inline fs::path other_public_key() {
  return key("other-test-only-signing.pub.pem");
}
inline fs::path other_private_key() {
  return key("other-test-only-signing.key.pem");
}
inline fs::path make_mender_artifact() {
  return fs::path(LINKPOS_SOURCE_DIR) / "packaging" / "make-mender-artifact";
}

// A test fails with this when the fixture did not run (e.g. the test binary was started by hand).
inline ::testing::AssertionResult made() {
  if (fs::exists(deb()) && fs::exists(artifact()))
    return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure()
         << "no package in " << dir() << ": run the tests through ctest, whose fixture "
         << "linkpos_packaging_fixture (tests/packaging/make-test-package) makes it";
}

// One field of the package's control file, as dpkg-deb reads it.
inline std::string control_field(const fs::path& package, const std::string& name) {
  auto field = run_tool({"dpkg-deb", "--field", package.string(), name}).out;
  while (!field.empty() && field.back() == '\n')
    field.pop_back();
  return field;
}

inline std::string read_file(const fs::path& path) {
  std::ifstream file(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << file.rdbuf();
  return bytes.str();
}

inline void write_file(const fs::path& path, const std::string& bytes) {
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  file << bytes;
}

// `text` with the first `from` replaced by `to`; a test whose `from` is missing fails.
inline std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos)
    text.replace(at, from.size(), to);
  return text;
}

inline std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream stream(text);
  for (std::string line; std::getline(stream, line);)
    lines.push_back(line);
  return lines;
}

}  // namespace linkpos::testing::package
