#pragma once

#include <utility>

#include <chrono>
#include <functional>
#include <list>
#include <string>

#include <boost/asio/steady_timer.hpp>

namespace linkpos::tools::wixsim {

// --auto-pay: pays each new link a fixed time after it was created, as a customer would, on the
// event loop's timers. Whether the link still takes the payment then (not deactivated, not
// expired) is the payer's business.
class AutoPay {
 public:
  using Pay = std::function<void(const std::string& link_id)>;

  AutoPay(boost::asio::io_context& io, std::chrono::milliseconds delay, Pay pay);

  void schedule(const std::string& link_id);
  void stop();

 private:
  using Timers = std::list<boost::asio::steady_timer>;
  void on_timer(Timers::iterator timer, const std::string& link_id,
                boost::system::error_code error);

  boost::asio::io_context& io_;
  std::chrono::milliseconds delay_;
  Pay pay_;
  Timers timers_;
};

}  // namespace linkpos::tools::wixsim
