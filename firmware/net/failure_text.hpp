#pragma once

#include <chrono>
#include <string>

#include <boost/system/error_code.hpp>

#include "net/base_url.hpp"
#include "net/net_error.hpp"

namespace linkpos::net::detail {

// What the technician needs to judge a failure beyond the error code itself.
struct FailureContext {
  const BaseUrl& url;
  std::string ca_file;
  std::chrono::milliseconds connect_timeout;
  std::chrono::milliseconds request_timeout;
  std::chrono::system_clock::time_point build_time;
};

// Each turns an error of one phase of an exchange into a NetError with a one-line detail.
NetError dns_failure(const FailureContext& context, const boost::system::error_code& error,
                     bool timed_out);
NetError connect_failure(const FailureContext& context, const boost::system::error_code& error);
NetError tls_failure(const FailureContext& context, const boost::system::error_code& error,
                     const std::string& tls_detail);
// After the request started out, so it may have reached the server.
NetError exchange_failure(const FailureContext& context, const boost::system::error_code& error);

// Whether an exchange error means the connection broke (rather than a timeout or bad data).
bool is_connection_broken(const boost::system::error_code& error);

}  // namespace linkpos::net::detail
