#include <utility>

#include "net/tls_context.hpp"
#include "net/tls_stream.hpp"
#include "tools/wixsim/server/http_session.hpp"
#include "tools/wixsim/server/session_starter.hpp"

namespace linkpos::tools::wixsim {

std::optional<SessionStarter> tls_sessions(const std::string& cert_file,
                                           const std::string& key_file, const Router& router,
                                           FaultPlan& faults, ServerLog& log, Clock clock) {
  auto context = net::TlsContext::for_server(cert_file, key_file);
  if (!context) {
    log.line("cannot serve HTTPS: " + context.error().detail);
    return std::nullopt;
  }
  return [context = std::move(context).value(), &router, &faults, &log,
          clock = std::move(clock)](boost::asio::ip::tcp::socket socket) {
    using Session = HttpSession<net::TlsStream>;
    std::make_shared<Session>(net::TlsStream(context, std::move(socket)), router, faults, log,
                              clock)
        ->start();
  };
}

}  // namespace linkpos::tools::wixsim
