#include "app/views/idle_view.hpp"

#include "app/sale.hpp"
#include "app/screens.hpp"

namespace linkpos::app {
namespace {

using namespace std::chrono_literals;

// A terminal clock further than this from Wix's is wrong enough for the cashier to hear of it.
constexpr auto kClockSkewLimit = 5min;

}  // namespace

IdleView::IdleView(SaleServices& services, const ConnectionWatch& connection,
                   const IdleFacts& facts)
    : services_(services), connection_(connection), facts_(facts) {
  // Money owed back stays in sight on the idle screen until a technician clears it.
  try {
    refunds_owed_ = services_.ledger.refunds_owed().size();
  } catch (const store::LedgerError& error) {
    services_.log.error(error.what());
  }
}

Next IdleView::press(hal::Key key) {
  if (key == hal::Key::kMenu)
    return Next{Next::Go::kMenu};
  // A digit starts an amount (or a quantity); a quick key rings up its item.
  if (hal::key_digit(key) || key == hal::Key::k00 || hal::key_function(key) > 0)
    return Next{Next::Go::kOrder, {}, key};
  return {};
}

std::vector<std::string> IdleView::notes() const {
  const Strings& s = services_.strings;
  std::vector<std::string> notes;
  const auto skew = services_.backend.clock_skew();
  if (services_.clock.now() < services_.settings.build_time ||
      (skew && std::chrono::abs(*skew) > kClockSkewLimit)) {
    notes.push_back(std::string(s.failure_clock));
  }
  switch (connection_.state()) {
    case ConnectionWatch::State::kChecking:
      notes.push_back(std::string(s.idle_checking));
      break;
    case ConnectionWatch::State::kConnected:
      notes.push_back(std::string(s.idle_connected));
      break;
    case ConnectionWatch::State::kFailed:
      notes.push_back(
          fill(s.idle_not_connected,
               {{"reason", std::string(failure_text(connection_.failure()->failure, s))}}));
      break;
  }
  if (!facts_.last_sale.empty())
    notes.push_back(facts_.last_sale);
  if (facts_.receipt_pending)
    notes.push_back(std::string(s.idle_receipt_pending));
  if (refunds_owed_ > 0)
    notes.push_back(fill(s.idle_refunds_owed, {{"count", std::to_string(refunds_owed_)}}));
  return notes;
}

ui::Screen IdleView::screen() const {
  return screens::idle(services_.strings, services_.settings.merchant.name, notes());
}

}  // namespace linkpos::app
