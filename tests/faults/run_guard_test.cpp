// A run ends cleanly on a failure: a storage error or a programming error thrown from a handler
// on the loop stops the run with its exit code and the frame to show, instead of aborting.
#include <gtest/gtest.h>

#include <utility>

#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>

#include "fakes/recording_log.hpp"
#include "run_guard.hpp"
#include "store/ledger.hpp"

namespace linkpos {
namespace {

TEST(RunGuardTest, ALedgerErrorFromAHandlerIsAStorageFailureExitingFive) {
  boost::asio::io_context io;
  testing::RecordingLog log;
  bool later_ran = false;
  const auto ended = run_guarded(
      io,
      [&] {
        boost::asio::post(io, [] { throw store::LedgerError("disk I/O error"); });
        boost::asio::post(io, [&] { later_ran = true; });
      },
      log);
  ASSERT_TRUE(ended);
  EXPECT_EQ(ended->exit_code, 5);
  EXPECT_EQ(ended->why, app::OutOfService::kStorage);
  EXPECT_EQ(ended->detail, "disk I/O error");
  EXPECT_FALSE(later_ran) << "nothing runs after the failure";
  EXPECT_TRUE(log.contains("storage failure: disk I/O error"));
}

TEST(RunGuardTest, AProgrammingErrorIsLoggedAndExitsSeventy) {
  boost::asio::io_context io;
  testing::RecordingLog log;
  const auto ended = run_guarded(
      io, [&] { boost::asio::post(io, [] { throw std::logic_error("sale table: no move"); }); },
      log);
  ASSERT_TRUE(ended);
  EXPECT_EQ(ended->exit_code, 70);
  EXPECT_EQ(ended->why, app::OutOfService::kInternal);
  EXPECT_TRUE(log.contains("internal error: sale table: no move"));
}

TEST(RunGuardTest, AFailureWhileStartingIsCaughtToo) {
  boost::asio::io_context io;
  testing::RecordingLog log;
  const auto ended = run_guarded(
      io, [] { throw store::LedgerError("database disk image is malformed"); }, log);
  ASSERT_TRUE(ended);
  EXPECT_EQ(ended->why, app::OutOfService::kStorage);
}

TEST(RunGuardTest, ALoopThatRunsOutOfWorkEndsWithoutAFailure) {
  boost::asio::io_context io;
  testing::RecordingLog log;
  int handled = 0;
  EXPECT_FALSE(run_guarded(
      io, [&] { boost::asio::post(io, [&] { ++handled; }); }, log));
  EXPECT_EQ(handled, 1);
}

}  // namespace
}  // namespace linkpos
