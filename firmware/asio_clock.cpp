#include "asio_clock.hpp"

#include <utility>

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>

namespace linkpos {

hal::Clock::WallTime AsioClock::now() const {
  return std::chrono::system_clock::now();
}

std::chrono::steady_clock::time_point AsioClock::monotonic_now() const {
  return std::chrono::steady_clock::now();
}

hal::Timer AsioClock::after(Duration delay, std::function<void()> callback) {
  auto armed = std::make_shared<bool>(true);
  auto timer = std::make_shared<boost::asio::steady_timer>(io_, delay);
  timer->async_wait(
      [timer, armed, callback = std::move(callback)](const boost::system::error_code& error) {
        if (error || !*armed)
          return;
        *armed = false;
        callback();
      });
  return hal::Timer(armed);
}

}  // namespace linkpos
