#pragma once

#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "kill/run_folder.hpp"
#include "support/child_process.hpp"

namespace linkpos::testing {

// wixsim over TLS with the generated test CA, paying every link `auto_pay_seconds` after it is
// made (with whatever discount `options` give its checkouts), for the whole kill run: it is the one
// part that never loses power. Its request log goes to <folder>/wixsim.log, drained by every call
// here so its pipe never fills and stalls it.
class KillWixsim {
 public:
  static constexpr const char* kApiKey = "kill-api-key";
  static constexpr const char* kSiteId = "kill-site";
  static constexpr const char* kTerminalId = "KILL";

  // `options` go to wixsim as they are (e.g. "--discount", "10").
  KillWixsim(const RunFolder& folder, const std::string& auto_pay_seconds,
             const std::vector<std::string>& options = {});

  // Writes the terminal's config (config/wixsim.json pointed at this wixsim and the folder's
  // ledger and receipts) and returns its path.
  std::string write_config(const RunFolder& folder) const;

  // wixsim's links and payments, as the API shapes them. Throws when wixsim does not answer.
  nlohmann::json state();

  void drain_log();

 private:
  ChildProcess process_;
  std::ofstream log_;
  std::string base_url_;
};

}  // namespace linkpos::testing
