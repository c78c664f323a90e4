#include "drivers/sim/web/panel_protocol.hpp"

#include <nlohmann/json.hpp>

#include "drivers/sim/frame_log.hpp"

namespace linkpos::drivers::sim::web {
namespace {

constexpr std::size_t kQuotedBytes = 40;

}  // namespace

std::string log_safe(std::string_view text) {
  std::string out = "\"";
  for (const char c : text.substr(0, kQuotedBytes)) {
    out += (c >= 0x20 && c < 0x7F && c != '"' && c != '\\') ? c : '?';
  }
  out += text.size() > kQuotedBytes ? "\"..." : "\"";
  return out;
}

std::string frame_text_message(const hal::FrameText& text) {
  std::string line = frame_log_line(text);
  if (!line.empty() && line.back() == '\n')
    line.pop_back();
  return line;
}

std::string receipt_message(std::string_view name, std::string_view text) {
  nlohmann::ordered_json receipt;
  receipt["name"] = name;
  receipt["text"] = text;
  nlohmann::ordered_json message;
  message["receipt"] = std::move(receipt);
  return message.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

PageMessage parse_page_message(std::string_view message) {
  if (message.size() > kMaxPageMessageBytes) {
    return {std::nullopt, "a message of " + std::to_string(message.size()) + " bytes is too long"};
  }
  const auto json = nlohmann::json::parse(message, nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded())
    return {std::nullopt, "not JSON: " + log_safe(message)};
  const auto key = json.is_object() ? json.find("key") : json.end();
  if (!json.is_object() || key == json.end() || !key->is_string()) {
    return {std::nullopt, "not {\"key\": \"<name>\"}: " + log_safe(message)};
  }
  const auto& name = key->get_ref<const std::string&>();
  if (const auto pressed = hal::key_from_name(name))
    return {pressed, ""};
  return {std::nullopt, log_safe(name) + " is not a key"};
}

}  // namespace linkpos::drivers::sim::web
