#pragma once

#include <deque>
#include <vector>

#include "hal/printer.hpp"

namespace linkpos::testing {

// Keeps every document it is given; jobs finish when the test says how.
class RecordingPrinter final : public hal::Printer {
 public:
  void print(const hal::ReceiptDocument& document, hal::PrintDone done) override {
    printed.push_back(document);
    waiting.push_back(std::move(done));
  }

  void finish(std::optional<hal::PrintError> error = std::nullopt) {
    auto done = std::move(waiting.front());
    waiting.pop_front();
    done(std::move(error));
  }

  std::vector<hal::ReceiptDocument> printed;
  std::deque<hal::PrintDone> waiting;
};

}  // namespace linkpos::testing
