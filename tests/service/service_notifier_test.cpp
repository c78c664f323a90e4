#include "service_notifier.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <future>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>

#include "fakes/recording_log.hpp"
#include "service/notify_socket.hpp"

namespace linkpos::testing {
namespace {

using namespace std::chrono_literals;
using Strings = std::vector<std::string>;

// Generous: a loaded 2-core CI machine (and qemu in the cross builds) may stall the loop's
// thread for a long while. Only the absence of a ping is waited for by the clock, and only while
// the loop is held.
constexpr auto kArrives = 20s;

// A loop on a thread of its own, as main.cpp's runs, until the test ends.
class LoopThread {
 public:
  explicit LoopThread(boost::asio::io_context& io) : io_(io), work_(io.get_executor()) {
    thread_ = std::thread([this] { io_.run(); });
  }
  ~LoopThread() {
    io_.stop();
    thread_.join();
  }

 private:
  boost::asio::io_context& io_;
  boost::asio::executor_work_guard<boost::asio::io_context::executor_type> work_;
  std::thread thread_;
};

// Holds the loop in a handler until released (or until the test ends, so a failed assertion
// cannot leave the loop's thread waiting forever).
class LoopHold {
 public:
  explicit LoopHold(boost::asio::io_context& io) {
    boost::asio::post(io, [this] {
      held_.set_value();
      std::unique_lock lock(mutex_);
      released_changed_.wait(lock, [this] { return released_; });
    });
    held_.get_future().wait();
  }
  ~LoopHold() { release(); }

  void release() {
    {
      std::lock_guard lock(mutex_);
      released_ = true;
    }
    released_changed_.notify_all();
  }

 private:
  std::promise<void> held_;
  std::mutex mutex_;
  std::condition_variable released_changed_;
  bool released_ = false;
};

class ServiceNotifierTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ::unsetenv("WATCHDOG_USEC");
    ::unsetenv("WATCHDOG_PID");
    ::setenv("NOTIFY_SOCKET", socket.path().c_str(), 1);
  }
  void TearDown() override {
    ::unsetenv("NOTIFY_SOCKET");
    ::unsetenv("WATCHDOG_USEC");
    ::unsetenv("WATCHDOG_PID");
  }

  // Waits for the next WATCHDOG=1, skipping nothing else: only pings are sent here.
  bool ping_arrives() {
    const auto message = socket.receive(kArrives);
    EXPECT_EQ(message.value_or("(none)"), "WATCHDOG=1");
    return message.has_value();
  }

  NotifySocket socket;
  boost::asio::io_context io;
  RecordingLog log;
};

TEST_F(ServiceNotifierTest, WithoutANotifySocketNothingIsSentAndNoTimerRuns) {
  ::unsetenv("NOTIFY_SOCKET");
  ::setenv("WATCHDOG_USEC", "200000", 1);
  ServiceNotifier notifier(io, log);
  notifier.ready();
  notifier.status("ready");
  notifier.stopping();
  EXPECT_EQ(notifier.keep_alive_interval(), 0us);
  EXPECT_EQ(io.run(), 0u) << "no keep-alive timer on the loop";
  EXPECT_EQ(socket.drain(), Strings{});
  EXPECT_TRUE(log.lines.empty());
}

TEST_F(ServiceNotifierTest, ReadyIsSentOnce) {
  ServiceNotifier notifier(io, log);
  notifier.ready();
  notifier.ready();
  EXPECT_EQ(socket.drain(), Strings{"READY=1"});
}

TEST_F(ServiceNotifierTest, StatusIsSentOnlyWhenItChanges) {
  ServiceNotifier notifier(io, log);
  notifier.status("checking the payment service");
  notifier.status("ready");
  notifier.status("ready");
  notifier.status("no network");
  notifier.status("no network");
  notifier.status("ready");
  EXPECT_EQ(socket.drain(), (Strings{"STATUS=checking the payment service", "STATUS=ready",
                                     "STATUS=no network", "STATUS=ready"}));
}

TEST_F(ServiceNotifierTest, AStatusStaysOneLine) {
  ServiceNotifier notifier(io, log);
  notifier.status("no network\nREADY=1");
  EXPECT_EQ(socket.drain(), Strings{"STATUS=no network READY=1"});
}

TEST_F(ServiceNotifierTest, StoppingIsSent) {
  ServiceNotifier notifier(io, log);
  notifier.stopping();
  EXPECT_EQ(socket.drain(), Strings{"STOPPING=1"});
}

TEST_F(ServiceNotifierTest, NoWatchdogAskedForMeansNoPings) {
  ServiceNotifier notifier(io, log);
  EXPECT_EQ(notifier.keep_alive_interval(), 0us);
  EXPECT_EQ(io.run(), 0u);
}

TEST_F(ServiceNotifierTest, AWatchdogMeantForAnotherProcessIsNotKept) {
  ::setenv("WATCHDOG_USEC", "200000", 1);
  ::setenv("WATCHDOG_PID", std::to_string(::getpid() + 1).c_str(), 1);
  ServiceNotifier notifier(io, log);
  EXPECT_EQ(notifier.keep_alive_interval(), 0us);
  EXPECT_EQ(io.run(), 0u);
}

TEST_F(ServiceNotifierTest, TheLoopPingsEveryHalfOfTheWatchdogInterval) {
  ::setenv("WATCHDOG_USEC", "200000", 1);
  ServiceNotifier notifier(io, log);
  EXPECT_EQ(notifier.keep_alive_interval(), 100ms);
  EXPECT_EQ(socket.drain(), Strings{}) << "pings come from the loop, which has not run yet";

  const auto started = std::chrono::steady_clock::now();
  {
    LoopThread loop(io);
    for (int i = 0; i < 4; ++i)
      ASSERT_TRUE(ping_arrives()) << "ping " << i + 1;
  }
  // Timers never fire early: the fourth ping cannot come before four intervals have passed.
  EXPECT_GE(std::chrono::steady_clock::now() - started, 400ms);
  EXPECT_TRUE(log.lines.empty());
}

TEST_F(ServiceNotifierTest, PingsStopWhileTheLoopIsBlockedAndComeBackAfter) {
  ::setenv("WATCHDOG_USEC", "200000", 1);
  ServiceNotifier notifier(io, log);
  LoopThread loop(io);
  ASSERT_TRUE(ping_arrives());

  LoopHold hold(io);
  // Pings sent before the hold began are queued already; none may come while it lasts.
  for (const auto& message : socket.drain())
    EXPECT_EQ(message, "WATCHDOG=1");
  const auto while_held = socket.receive(1s);  // ten intervals
  EXPECT_FALSE(while_held) << "from a blocked loop: " << while_held.value_or("");

  hold.release();
  EXPECT_TRUE(ping_arrives()) << "the pings resume with the loop";
}

TEST_F(ServiceNotifierTest, ASocketThatRefusesIsLoggedOnce) {
  ::setenv("NOTIFY_SOCKET", (socket.path() + "-nobody-listens").c_str(), 1);
  ServiceNotifier notifier(io, log);
  notifier.ready();
  notifier.status("ready");
  notifier.stopping();
  ASSERT_EQ(log.lines.size(), 1u);
  EXPECT_NE(log.lines[0].find("cannot notify systemd"), std::string::npos) << log.lines[0];
}

}  // namespace
}  // namespace linkpos::testing
