#pragma once

#include <sys/stat.h>

#include <chrono>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "fakes/temp_dir.hpp"
#include "support/child_process.hpp"
#include "support/https_call.hpp"

namespace linkpos::testing {

// wixsim over real TLS with the generated test CA, and the config for a linkpos that talks to
// it: the README's run command, in a test's own folder and ports.
class WixsimTerminal {
 public:
  static constexpr const char* kApiKey = "e2e-api-key";
  static constexpr const char* kSiteId = "e2e-site";

  explicit WixsimTerminal(std::vector<std::string> wixsim_options = {},
                          const std::string& certificate = "localhost")
      : wixsim_(wixsim_arguments(std::move(wixsim_options), certificate), "", false,
                /*quiet_stderr=*/true) {
    using namespace std::chrono_literals;
    if (auto line = wixsim_.next_stdout_line(30s))
      base_url_ = *line;
  }

  const std::string& base_url() const { return base_url_; }
  const TempDir& dir() const { return dir_; }
  static std::string ca_file() { return LINKPOS_TEST_CERTS_DIR "/ca.crt"; }

  // Writes the linkpos config (from config/wixsim.json) and returns its path.
  std::string write_config(const std::string& api_key = kApiKey,
                           const std::function<void(nlohmann::json&)>& adjust = {}) const {
    std::ifstream shipped(LINKPOS_SOURCE_DIR "/config/wixsim.json");
    nlohmann::json config = nlohmann::json::parse(shipped);
    const std::string key_file = dir_.file("api-key");
    std::ofstream(key_file) << api_key << "\n";
    ::chmod(key_file.c_str(), 0600);
    config["wix"]["base_url"] = base_url_;
    config["wix"]["site_id"] = kSiteId;
    config["wix"]["api_key_file"] = key_file;
    config["wix"]["ca_file"] = ca_file();
    config["ledger"]["path"] = dir_.file("ledger.sqlite");
    config["printer"]["dir"] = dir_.file("receipts");
    config["terminal"]["poll_interval_ms"] = 250;
    if (adjust)
      adjust(config);
    const std::string path = dir_.file("config.json");
    std::ofstream(path) << config.dump(2);
    return path;
  }

  // wixsim's links and payments, as the API shapes them.
  nlohmann::json state() const {
    auto reply = https_call(base_url_, ca_file(), net::HttpMethod::kGet, "/_wixsim/state");
    if (!reply)
      throw std::runtime_error("no state from wixsim: " + reply.error().detail);
    return nlohmann::json::parse(reply.value().body);
  }

  // Makes wixsim hostile (tools/wixsim/README.md, "Faults"), or friendly again.
  void add_faults(const nlohmann::json& rules) const {
    auto reply =
        https_call(base_url_, ca_file(), net::HttpMethod::kPost, "/_wixsim/faults", rules.dump());
    if (!reply || reply.value().status != 200)
      throw std::runtime_error("wixsim refused the faults");
  }
  void clear_faults() const {
    auto reply = https_call(base_url_, ca_file(), net::HttpMethod::kDelete, "/_wixsim/faults");
    if (!reply || reply.value().status != 200)
      throw std::runtime_error("wixsim kept its faults");
  }

  // Pays a link as the customer's phone does: POST to the checkout page's URL + /pay, with the
  // amount the customer chose when one is given ("15.00"), else what is due.
  unsigned pay(const std::string& link_url, const std::string& amount = "") const {
    const std::string target = link_url.substr(base_url_.size()) + "/pay";
    auto reply = amount.empty() ? https_call(base_url_, ca_file(), net::HttpMethod::kPost, target)
                                : https_call(base_url_, ca_file(), net::HttpMethod::kPost, target,
                                             nlohmann::json{{"amount", amount}}.dump(),
                                             {{"Content-Type", "application/json"}});
    if (!reply)
      throw std::runtime_error("cannot pay: " + reply.error().detail);
    return reply.value().status;
  }

  // Payment entries wixsim lists as given (tools/wixsim/README.md): entries a client cannot read.
  void add_raw_payments(const nlohmann::json& entries) const {
    auto reply = https_call(base_url_, ca_file(), net::HttpMethod::kPost, "/_wixsim/raw-payments",
                            entries.dump());
    if (!reply || reply.value().status != 200)
      throw std::runtime_error("wixsim refused the raw payments");
  }

 private:
  static std::vector<std::string> wixsim_arguments(std::vector<std::string> options,
                                                   const std::string& certificate) {
    std::vector<std::string> all{WIXSIM_BINARY,
                                 "--listen",
                                 "localhost:0",
                                 "--api-key",
                                 kApiKey,
                                 "--site-id",
                                 kSiteId,
                                 "--cert",
                                 LINKPOS_TEST_CERTS_DIR "/" + certificate + ".crt",
                                 "--key",
                                 LINKPOS_TEST_CERTS_DIR "/" + certificate + ".key"};
    all.insert(all.end(), options.begin(), options.end());
    return all;
  }

  TempDir dir_;
  ChildProcess wixsim_;
  std::string base_url_;
};

}  // namespace linkpos::testing
