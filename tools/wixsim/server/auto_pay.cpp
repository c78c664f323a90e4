#include "tools/wixsim/server/auto_pay.hpp"

#include <boost/asio/io_context.hpp>

namespace linkpos::tools::wixsim {

AutoPay::AutoPay(boost::asio::io_context& io, std::chrono::milliseconds delay, Pay pay)
    : io_(io), delay_(delay), pay_(std::move(pay)) {}

void AutoPay::schedule(const std::string& link_id) {
  const auto timer = timers_.emplace(timers_.end(), io_, delay_);
  timer->async_wait(
      [this, timer, link_id](boost::system::error_code error) { on_timer(timer, link_id, error); });
}

void AutoPay::stop() {
  for (auto& timer : timers_)
    timer.cancel();
}

void AutoPay::on_timer(Timers::iterator timer, const std::string& link_id,
                       boost::system::error_code error) {
  if (error == boost::asio::error::operation_aborted)
    return;
  timers_.erase(timer);
  pay_(link_id);
}

}  // namespace linkpos::tools::wixsim
