#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "support/child_process.hpp"
#include "wixsim/http_client.hpp"

namespace linkpos::testing {

inline constexpr const char* kApiKey = "IST.test-key-7d3f9a";
inline constexpr const char* kSiteId = "0c2a1f4e-site";

// The real wixsim binary, started as a technician would (through the emulator in cross builds),
// listening on a free loopback port; killed when the test ends.
class WixsimProcess {
 public:
  explicit WixsimProcess(std::vector<std::string> options)
      : process_(arguments(std::move(options))) {
    using namespace std::chrono_literals;
    if (auto line = process_.next_stdout_line(30s))
      base_url_ = *line;
  }

  const std::string& base_url() const { return base_url_; }
  ChildProcess& process() { return process_; }

  // A call to the API with the right key and site.
  HttpReply api(const std::string& method, const std::string& target,
                const std::string& body = "") const {
    return http_call(base_url_, method, target, body,
                     {{"Authorization", kApiKey},
                      {"wix-site-id", kSiteId},
                      {"Content-Type", "application/json"}});
  }
  HttpReply get(const std::string& target) const { return http_call(base_url_, "GET", target); }

 private:
  static std::vector<std::string> arguments(std::vector<std::string> options) {
    std::vector<std::string> all{WIXSIM_BINARY, "--listen",  "127.0.0.1:0", "--api-key",
                                 kApiKey,       "--site-id", kSiteId};
    all.insert(all.end(), options.begin(), options.end());
    return all;
  }

  ChildProcess process_;
  std::string base_url_;
};

}  // namespace linkpos::testing
