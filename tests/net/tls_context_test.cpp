#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "net/tls_context.hpp"
#include "tests/fakes/temp_dir.hpp"
#include "tests/net/test_certs.hpp"

namespace linkpos::net {
namespace {

using testing::test_cert;

std::string write_file(const linkpos::testing::TempDir& dir, const std::string& name,
                       const std::string& text) {
  const std::string path = dir.file(name);
  std::ofstream(path) << text;
  return path;
}

TEST(TlsContextTest, ClientTrustsTheCaFileItIsGiven) {
  const TlsContextResult context = TlsContext::for_client(test_cert("ca.crt"));
  ASSERT_TRUE(context) << context.error().detail;
  EXPECT_EQ(context.value()->role(), TlsContext::Role::kClient);
  EXPECT_NE(context.value()->native_config(), nullptr);
}

TEST(TlsContextTest, ClientDefaultsToTheSystemBundle) {
  if (!std::filesystem::exists(kSystemCaFile))
    GTEST_SKIP() << "no system CA bundle here";
  const TlsContextResult context = TlsContext::for_client();
  ASSERT_TRUE(context) << context.error().detail;
}

TEST(TlsContextTest, MissingCaFileIsReportedWithItsPath) {
  const TlsContextResult context = TlsContext::for_client("/nonexistent/ca.pem");
  ASSERT_FALSE(context);
  EXPECT_EQ(context.error().failure, TlsSetupFailure::kFileMissing);
  EXPECT_NE(context.error().detail.find("/nonexistent/ca.pem"), std::string::npos);
}

TEST(TlsContextTest, CaFileWithoutPemIsRefused) {
  linkpos::testing::TempDir dir;
  const TlsContextResult context =
      TlsContext::for_client(write_file(dir, "ca.txt", "this is not a certificate\n"));
  ASSERT_FALSE(context);
  EXPECT_EQ(context.error().failure, TlsSetupFailure::kNotPem);
}

TEST(TlsContextTest, CaFileWithABrokenCertificateIsRefused) {
  linkpos::testing::TempDir dir;
  const TlsContextResult context = TlsContext::for_client(
      write_file(dir, "ca.pem", "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"));
  ASSERT_FALSE(context);
  EXPECT_EQ(context.error().failure, TlsSetupFailure::kBadCertificate);
}

TEST(TlsContextTest, ServerLoadsItsCertificateAndKey) {
  const TlsContextResult context =
      TlsContext::for_server(test_cert("localhost.crt"), test_cert("localhost.key"));
  ASSERT_TRUE(context) << context.error().detail;
  EXPECT_EQ(context.value()->role(), TlsContext::Role::kServer);
}

TEST(TlsContextTest, ServerRefusesAKeyOfAnotherCertificate) {
  const TlsContextResult context =
      TlsContext::for_server(test_cert("localhost.crt"), test_cert("wronghost.key"));
  ASSERT_FALSE(context);
  EXPECT_EQ(context.error().failure, TlsSetupFailure::kKeyMismatch);
}

TEST(TlsContextTest, ServerReportsAMissingKeyFile) {
  const TlsContextResult context =
      TlsContext::for_server(test_cert("localhost.crt"), test_cert("missing.key"));
  ASSERT_FALSE(context);
  EXPECT_EQ(context.error().failure, TlsSetupFailure::kFileMissing);
}

TEST(TlsContextTest, ServerRefusesACertificateGivenAsTheKey) {
  const TlsContextResult context =
      TlsContext::for_server(test_cert("localhost.crt"), test_cert("localhost.crt"));
  ASSERT_FALSE(context);
  EXPECT_EQ(context.error().failure, TlsSetupFailure::kNotPem);
}

TEST(TlsContextTest, ServerRefusesAGarbledKey) {
  linkpos::testing::TempDir dir;
  const TlsContextResult context = TlsContext::for_server(
      test_cert("localhost.crt"),
      write_file(dir, "bad.key",
                 "-----BEGIN EC PRIVATE KEY-----\nAAAA\n-----END EC PRIVATE KEY-----\n"));
  ASSERT_FALSE(context);
  EXPECT_EQ(context.error().failure, TlsSetupFailure::kBadKey);
}

}  // namespace
}  // namespace linkpos::net
