// The signed Mender artifact packaging/make-mender-artifact makes of the .deb, as mender-artifact
// (the verifier a board's client shares) sees it: it names the boards and the deb update module,
// and anything changed after signing, or signed by a key the boards do not trust, is refused.
#include <gtest/gtest.h>

#include <optional>

#include "fakes/temp_dir.hpp"
#include "packaging/package_under_test.hpp"

namespace linkpos::testing {
namespace {

using namespace package;

// Where one file's bytes are in a tar archive (a Mender artifact is one; with compression
// "none" so is its header).
struct TarMember {
  std::size_t offset = 0;
  std::size_t size = 0;
};

std::optional<TarMember> find_member(const std::string& tar, const std::string& name) {
  constexpr std::size_t kBlock = 512;
  for (std::size_t at = 0; at + kBlock <= tar.size();) {
    const std::string header_name = tar.substr(at, 100).c_str();
    if (header_name.empty())
      return std::nullopt;  // the end-of-archive blocks
    const std::size_t size = std::stoul(tar.substr(at + 124, 12).c_str(), nullptr, 8);
    if (header_name == name)
      return TarMember{at + kBlock, size};
    at += kBlock + (size + kBlock - 1) / kBlock * kBlock;
  }
  return std::nullopt;
}

ToolResult validate(const fs::path& artifact, const fs::path& public_key) {
  return run_tool({"mender-artifact", "validate", "--key", public_key.string(), artifact.string()});
}

class MenderArtifactTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(made()); }

  // A copy of the artifact to tamper with.
  std::string artifact_bytes() { return read_file(artifact()); }
  fs::path write_copy(const std::string& bytes) {
    const auto path = dir_.path() / ("copy-" + std::to_string(++copies_) + ".mender");
    write_file(path, bytes);
    return path;
  }
  ToolResult make_artifact(std::vector<std::string> arguments) {
    arguments.insert(arguments.begin(), {"env", "-u", "LINKPOS_MENDER_SIGNING_KEY", "sh",
                                         make_mender_artifact().string(), "--deb", deb().string(),
                                         "--device-type", kDeviceTypes.front()});
    return run_tool(arguments);
  }

  TempDir dir_;
  int copies_ = 0;
};

TEST_F(MenderArtifactTest, ValidatesAgainstThePublicHalfOfItsSigningKey) {
  const auto result = validate(artifact(), signing_public_key());
  EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
}

TEST_F(MenderArtifactTest, NamesItsDeviceTypesTheDebUpdateModuleAndTheLinkposVersion) {
  const auto read = run_tool({"mender-artifact", "read", "--no-progress", "--key",
                              signing_public_key().string(), artifact().string()});
  ASSERT_EQ(read.exit_code, 0) << read.err;
  EXPECT_NE(read.out.find("Name: linkpos-" + kVersion + "\n"), std::string::npos) << read.out;
  EXPECT_NE(
      read.out.find("Compatible devices: '[" + kDeviceTypes[0] + " " + kDeviceTypes[1] + "]'"),
      std::string::npos)
      << read.out;
  EXPECT_NE(read.out.find("Signature: signed and verified correctly"), std::string::npos)
      << read.out;
  EXPECT_NE(read.out.find("Type:   deb\n"), std::string::npos) << read.out;
  EXPECT_NE(read.out.find("rootfs-image.linkpos.version: " + kVersion + "\n"), std::string::npos)
      << read.out;
  EXPECT_NE(read.out.find("name:     " + deb().filename().string() + "\n"), std::string::npos)
      << read.out;
}

TEST_F(MenderArtifactTest, IsRefusedByABoardThatTrustsAnotherKey) {
  EXPECT_NE(validate(artifact(), other_public_key()).exit_code, 0);
}

TEST_F(MenderArtifactTest, IsRefusedWhenSignedByAKeyTheBoardsDoNotTrust) {
  const auto forged = dir_.path() / "forged.mender";
  const auto made =
      make_artifact({"--key", other_private_key().string(), "--output", forged.string()});
  ASSERT_EQ(made.exit_code, 0) << made.err;
  EXPECT_NE(validate(forged, signing_public_key()).exit_code, 0);
}

TEST_F(MenderArtifactTest, IsRefusedWithOneByteOfItsPackageFlipped) {
  auto bytes = artifact_bytes();
  const auto payload = find_member(bytes, "data/0000.tar");
  ASSERT_TRUE(payload);
  bytes[payload->offset + payload->size / 2] ^= 0x01;
  const auto result = validate(write_copy(bytes), signing_public_key());
  EXPECT_NE(result.exit_code, 0);
  EXPECT_NE(result.err.find("checksum"), std::string::npos) << result.err;
}

TEST_F(MenderArtifactTest, IsRefusedWhenItsHeaderNamesOtherBoards) {
  auto bytes = artifact_bytes();
  const auto header = find_member(bytes, "header.tar");
  ASSERT_TRUE(header);
  const auto at = bytes.find(kDeviceTypes[0], header->offset);
  ASSERT_LT(at, header->offset + header->size);
  bytes[at + kDeviceTypes[0].size() - 1] = 'x';  // linkpos-test-board-a -> ...-x
  EXPECT_NE(validate(write_copy(bytes), signing_public_key()).exit_code, 0);
}

// The attacker also rewrites the manifest's checksum of the header: the signature covers the
// manifest, so that is refused too.
TEST_F(MenderArtifactTest, IsRefusedWhenItsHeaderAndManifestWereBothRewritten) {
  auto bytes = artifact_bytes();
  const auto header = find_member(bytes, "header.tar");
  const auto manifest = find_member(bytes, "manifest");
  ASSERT_TRUE(header && manifest);
  const auto old_header = bytes.substr(header->offset, header->size);
  const auto new_header = replaced(old_header, kDeviceTypes[0], "linkpos-test-board-x");
  bytes.replace(header->offset, header->size, new_header);

  const auto checksum = [&](const std::string& content) {
    const auto file = dir_.path() / "member";
    write_file(file, content);
    return run_tool({"sha256sum", file.string()}).out.substr(0, 64);
  };
  const auto old_manifest = bytes.substr(manifest->offset, manifest->size);
  const auto new_manifest = replaced(old_manifest, checksum(old_header), checksum(new_header));
  bytes.replace(manifest->offset, manifest->size, new_manifest);

  const auto result = validate(write_copy(bytes), signing_public_key());
  EXPECT_NE(result.exit_code, 0);
  EXPECT_NE(result.err.find("verification failed"), std::string::npos) << result.err;
}

TEST_F(MenderArtifactTest, MakeMenderArtifactWritesNothingUnsigned) {
  const auto output = dir_.path() / "unsigned.mender";
  const auto result = make_artifact({"--output", output.string()});
  EXPECT_NE(result.exit_code, 0);
  EXPECT_NE(result.err.find("LINKPOS_MENDER_SIGNING_KEY"), std::string::npos) << result.err;
  EXPECT_FALSE(fs::exists(output));
}

TEST_F(MenderArtifactTest, MakeMenderArtifactRefusesAKeyThatIsNotEcdsaP256) {
  const auto key = dir_.path() / "p384.key.pem";
  ASSERT_EQ(run_tool({"openssl", "ecparam", "-name", "secp384r1", "-genkey", "-noout", "-out",
                      key.string()})
                .exit_code,
            0);
  const auto output = dir_.path() / "p384.mender";
  const auto result = make_artifact({"--key", key.string(), "--output", output.string()});
  EXPECT_NE(result.exit_code, 0);
  EXPECT_NE(result.err.find("not an ECDSA P-256"), std::string::npos) << result.err;
  EXPECT_FALSE(fs::exists(output));
}

TEST_F(MenderArtifactTest, MakeMenderArtifactTakesTheKeyFromTheEnvironment) {
  const auto output = dir_.path() / "from-env.mender";
  const auto result =
      run_tool({"env", "LINKPOS_MENDER_SIGNING_KEY=" + signing_private_key().string(), "sh",
                make_mender_artifact().string(), "--deb", deb().string(), "--device-type",
                kDeviceTypes.front(), "--output", output.string()});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(validate(output, signing_public_key()).exit_code, 0);
}

}  // namespace
}  // namespace linkpos::testing
