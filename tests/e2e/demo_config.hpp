#pragma once

#include <fstream>
#include <string>

#include <nlohmann/json.hpp>

#include "fakes/temp_dir.hpp"

namespace linkpos::testing {

// The shipped demo config with the ledger, receipts and timing of one test.
inline std::string write_demo_config(const TempDir& dir, int pay_after_seconds) {
  std::ifstream shipped(LINKPOS_SOURCE_DIR "/config/demo.json");
  nlohmann::json config = nlohmann::json::parse(shipped);
  config["ledger"]["path"] = dir.file("ledger.sqlite");
  config["printer"]["dir"] = dir.file("receipts");
  config["backend"]["pay_after_seconds"] = pay_after_seconds;
  config["terminal"]["poll_interval_ms"] = 250;
  const std::string path = dir.file("config.json");
  std::ofstream(path) << config.dump(2);
  return path;
}

}  // namespace linkpos::testing
