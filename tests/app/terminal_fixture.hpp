#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <sstream>
#include <string>

#include "app/strings.hpp"
#include "app/terminal.hpp"
#include "fakes/fake_backend.hpp"
#include "fakes/manual_clock.hpp"
#include "fakes/recording_display.hpp"
#include "fakes/recording_log.hpp"
#include "fakes/recording_printer.hpp"
#include "fakes/temp_dir.hpp"
#include "store/ledger.hpp"

namespace linkpos::testing {

inline app::Settings euro_settings() {
  app::Settings settings;
  settings.terminal_id = "T1";
  settings.currency = *app::currency_by_code("EUR");
  settings.max_amount_minor = 100000;
  settings.payment_timeout = std::chrono::seconds(300);
  settings.poll_interval = std::chrono::milliseconds(2000);
  settings.merchant = app::Merchant{"Café Zoë", {"12 Rue des Lilas", "75011 Paris"}, "FR123", 2000};
  return settings;
}

// A terminal on fakes and a real ledger file, booted like the firmware boots it.
class TerminalFixture : public ::testing::Test {
 protected:
  // `site` answers the site check the terminal makes at start (a site that names no currency),
  // so CHARGE starts a sale at once; false leaves it pending for the test.
  void boot(bool once = false, bool site = true) {
    terminal_.reset();
    backend.sites.clear();
    app::TerminalOptions options;
    options.once = once;
    options.version = "test";
    options.backend_name = "fake";
    once_run_ = std::make_unique<app::OnceRun>([this](app::OnceExit code) { exit_code = code; });
    terminal_ = std::make_unique<app::Terminal>(services, display, options,
                                                once ? once_run_.get() : nullptr);
    terminal_->start();
    if (site && !backend.sites.empty())
      FakeBackend::answer(backend.sites, app::SiteProperties{});
  }

  // Presses keys by their README names: "1 2 5 0 CHARGE".
  void press(const std::string& names) {
    std::istringstream words(names);
    std::string name;
    while (words >> name) {
      const auto key = hal::key_from_name(name);
      ASSERT_TRUE(key) << name;
      terminal_->press(*key);
    }
  }

  // Answers the pending create with a link.
  app::PaymentLink answer_create(const std::string& id = "link-1") {
    const auto& request = backend.creates.front().request;
    app::PaymentLink link{id, "https://pay.example/l/" + id, request.expires_at};
    FakeBackend::answer(backend.creates, link);
    return link;
  }

  // A card payment of `minor` cents (or exact `thousandths`, when given) on `link`.
  static app::Payment card_payment(const std::string& id, std::int64_t minor,
                                   const std::string& link = "link-1") {
    app::Payment payment;
    payment.id = id;
    payment.link_id = link;
    payment.thousandths = minor * 10;
    payment.kind = "REGULAR";
    payment.payer = "Ada Lovelace";
    payment.card = "**** **** **** 4242";
    return payment;
  }

  app::LinkReport paid_status(std::int64_t minor = 1250) {
    return app::LinkReport{app::LinkState::kPaid, {card_payment("pay-1", minor)}};
  }

  // A paid sale deactivates its link at once and then looks at it one last time: answers both.
  void settle_paid_link(std::vector<app::Payment> payments_seen = {}) {
    FakeBackend::answer(backend.cancels, BOOST_OUTCOME_V2_NAMESPACE::success());
    if (payments_seen.empty())
      payments_seen = paid_status().payments;
    FakeBackend::answer(backend.statuses, app::LinkReport{app::LinkState::kPaid, payments_seen});
  }

  std::string screen() const { return display.last().screen; }
  bool screen_says(const std::string& text) const {
    for (const auto& line : display.last().lines) {
      if (line.find(text) != std::string::npos)
        return true;
    }
    return false;
  }

  TempDir dir;
  app::Settings settings = euro_settings();
  ManualClock clock;
  FakeBackend backend;
  RecordingPrinter printer;
  RecordingDisplay display;
  RecordingLog log;
  std::unique_ptr<store::Ledger> ledger =
      std::make_unique<store::Ledger>(dir.file("ledger.sqlite"));
  app::SaleServices services{settings, app::english_strings(), clock, backend, printer, *ledger,
                             log};
  std::optional<app::OnceExit> exit_code;
  std::unique_ptr<app::OnceRun> once_run_;
  std::unique_ptr<app::Terminal> terminal_;
};

}  // namespace linkpos::testing
