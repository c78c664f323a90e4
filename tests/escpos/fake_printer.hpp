#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>

// The printer side of a port, at the byte level, so the real driver runs in tests.
namespace linkpos::tests::escpos {

// DLE EOT answers of a printer that is ready: on-line, cover shut, paper in.
inline const std::map<int, std::uint8_t> kReadyAnswers = {{1, 0x12}, {2, 0x12}, {4, 0x12}};

// Finds DLE EOT n requests in the bytes a fake printer receives, however they are split
// across reads, and gives the answer bytes a real printer would send back at once.
class StatusResponder {
 public:
  // DLE EOT n → answer byte; a request without an entry goes unanswered, like on a clone
  // that ignores the command.
  std::map<int, std::uint8_t> answers = kReadyAnswers;
  // Sent before each answer, like line noise or a flow-control byte: no status answer's shape.
  std::string noise;

  std::string on_received(std::string_view bytes) {
    std::string reply;
    for (const char c : bytes) {
      const auto byte = static_cast<std::uint8_t>(c);
      if (matched_ == 2) {
        if (const auto answer = answers.find(byte); answer != answers.end()) {
          reply += noise;
          reply += static_cast<char>(answer->second);
        }
        matched_ = 0;
      } else if (byte == 0x10) {
        matched_ = 1;
      } else {
        matched_ = (matched_ == 1 && byte == 0x04) ? 2 : 0;
      }
    }
    return reply;
  }

 private:
  int matched_ = 0;  // bytes of "10 04" seen
};

}  // namespace linkpos::tests::escpos
