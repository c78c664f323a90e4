#include "kill/kill_wixsim.hpp"

#include <sys/stat.h>

#include <chrono>
#include <stdexcept>

#include "kill/kill_plan.hpp"
#include "support/https_call.hpp"

namespace linkpos::testing {
namespace {

using namespace std::chrono_literals;

std::string ca_file() {
  return LINKPOS_TEST_CERTS_DIR "/ca.crt";
}

std::vector<std::string> wixsim_arguments(const std::string& auto_pay_seconds,
                                          const std::vector<std::string>& options) {
  std::vector<std::string> arguments{WIXSIM_BINARY,
                                     "--listen",
                                     "localhost:0",
                                     "--api-key",
                                     KillWixsim::kApiKey,
                                     "--site-id",
                                     KillWixsim::kSiteId,
                                     "--cert",
                                     LINKPOS_TEST_CERTS_DIR "/localhost.crt",
                                     "--key",
                                     LINKPOS_TEST_CERTS_DIR "/localhost.key",
                                     "--auto-pay",
                                     auto_pay_seconds};
  arguments.insert(arguments.end(), options.begin(), options.end());
  return arguments;
}

}  // namespace

KillWixsim::KillWixsim(const RunFolder& folder, const std::string& auto_pay_seconds,
                       const std::vector<std::string>& options)
    : process_(wixsim_arguments(auto_pay_seconds, options)), log_(folder.file("wixsim.log")) {
  if (auto line = process_.next_stdout_line(30s))
    base_url_ = *line;
  if (base_url_.rfind("https://", 0) != 0) {
    drain_log();
    throw std::runtime_error("wixsim did not start: first stdout line \"" + base_url_ + "\"");
  }
}

std::string KillWixsim::write_config(const RunFolder& folder) const {
  std::ifstream shipped(LINKPOS_SOURCE_DIR "/config/wixsim.json");
  nlohmann::json config = nlohmann::json::parse(shipped);
  const std::string key_file = folder.file("api-key");
  std::ofstream(key_file) << kApiKey << "\n";
  ::chmod(key_file.c_str(), 0600);
  config["terminal"]["id"] = kTerminalId;
  config["terminal"]["poll_interval_ms"] = 250;
  // The cashier's own catalogue and tips: it expects amounts from these.
  config["terminal"]["currency"] = kKillCurrency;
  config["terminal"]["tips"] = kTipPercents;
  nlohmann::json catalogue = nlohmann::json::array();
  for (const auto& item : kQuickKeys) {
    catalogue.push_back({{"name", item.name},
                         {"price", item.price},
                         {"vat_rate", item.vat_rate},
                         {"key", "F" + std::to_string(item.key)}});
  }
  config["catalogue"] = catalogue;
  config["wix"]["base_url"] = base_url_;
  config["wix"]["site_id"] = kSiteId;
  config["wix"]["api_key_file"] = key_file;
  config["wix"]["ca_file"] = ca_file();
  config["ledger"]["path"] = folder.file("ledger.sqlite");
  config["printer"]["dir"] = folder.file("receipts");
  const std::string path = folder.file("config.json");
  std::ofstream(path) << config.dump(2);
  return path;
}

nlohmann::json KillWixsim::state() {
  drain_log();
  auto reply = https_call(base_url_, ca_file(), net::HttpMethod::kGet, "/_wixsim/state");
  drain_log();
  if (!reply)
    throw std::runtime_error("no state from wixsim: " + reply.error().detail);
  return nlohmann::json::parse(reply.value().body);
}

void KillWixsim::drain_log() {
  // 2 ms: ChildProcess rounds the time left down to whole milliseconds, so 1 ms would not even
  // look at the pipe.
  while (auto line = process_.next_stderr_line(2ms))
    log_ << *line << '\n';
  log_.flush();
}

}  // namespace linkpos::testing
