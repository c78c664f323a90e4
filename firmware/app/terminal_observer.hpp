#pragma once

#include <functional>
#include <utility>

#include "app/sale_endings.hpp"

namespace linkpos::app {

// What the terminal tells whoever runs it (main.cpp's --once run, tests): the turns in its life
// that may end a run. Each is called on the event loop.
class TerminalObserver {
 public:
  virtual ~TerminalObserver() = default;

  virtual void sale_ended(const SaleEnding& ending) = 0;
  // A sale is paid but the printer did not take its receipt.
  virtual void receipt_pending() = 0;
  // The ledger could not be written: the terminal takes no more sales.
  virtual void storage_failed() = 0;
  // The Wix site takes payments in another currency: no sale can be taken.
  virtual void sales_refused() = 0;
};

// A --once run: the first sale's ending (or what stopped it) gives the exit code, and `finish`
// is called once with it.
class OnceRun final : public TerminalObserver {
 public:
  explicit OnceRun(std::function<void(OnceExit)> finish) : finish_(std::move(finish)) {}

  void sale_ended(const SaleEnding& ending) override { end(ending.exit); }
  void receipt_pending() override { end(OnceExit::kReceiptPending); }
  void storage_failed() override { end(OnceExit::kLedgerFailed); }
  void sales_refused() override { end(OnceExit::kFailed); }

 private:
  void end(OnceExit exit) {
    if (!finished_ && finish_) {
      finished_ = true;
      finish_(exit);
    }
  }

  std::function<void(OnceExit)> finish_;
  bool finished_ = false;
};

}  // namespace linkpos::app
