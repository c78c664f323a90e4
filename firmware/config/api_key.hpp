#pragma once

#include <string>
#include <string_view>

// The Wix API key as the config gives it: read from a file nobody else can read or swap, and
// checked to be one header-safe token. Messages name the file and what to run, never the key.
namespace linkpos::config {

// The credential the packaged unit passes (LoadCredential=wix-api-key:/etc/linkpos/api-key).
inline constexpr const char* kApiKeyCredential = "wix-api-key";

struct ApiKeyRead {
  std::string key;    // trimmed; empty when refused
  std::string error;  // why the file is refused, with the command that fixes it; empty when read
};

// Reads the key from `path`. A symbolic link, a file others (or its group) can read, or one owned
// by neither this process's effective user nor root is refused. `from_systemd` files are the
// ones systemd put in $CREDENTIALS_DIRECTORY: group-readable is accepted there, as systemd grants
// the service user through an ACL, which shows as the group bits.
ApiKeyRead read_api_key_file(const std::string& path, bool from_systemd);

// Empty when `key` (already trimmed) can go into an Authorization header; otherwise what is
// wrong with it, without quoting it.
std::string api_key_problem(std::string_view key);

// `text` without spaces, tabs and line ends at either end.
std::string trimmed(std::string_view text);

}  // namespace linkpos::config
