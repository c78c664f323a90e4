#include <utility>

#include <boost/beast/core/tcp_stream.hpp>

#include "tools/wixsim/server/http_session.hpp"
#include "tools/wixsim/server/session_starter.hpp"

namespace linkpos::tools::wixsim {

SessionStarter plain_sessions(const Router& router, FaultPlan& faults, ServerLog& log,
                              Clock clock) {
  return [&router, &faults, &log, clock = std::move(clock)](boost::asio::ip::tcp::socket socket) {
    using Session = HttpSession<boost::beast::tcp_stream>;
    std::make_shared<Session>(boost::beast::tcp_stream(std::move(socket)), router, faults, log,
                              clock)
        ->start();
  };
}

}  // namespace linkpos::tools::wixsim
