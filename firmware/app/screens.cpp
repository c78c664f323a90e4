#include "app/screens.hpp"

#include <cstdio>

namespace linkpos::app::screens {
namespace {

using ui::ScreenLine;
using ui::TextAlign;
using ui::TextStyle;
using ui::Tone;

ScreenLine big_amount(const Money& amount, Tone tone = Tone::kNormal) {
  return ScreenLine{format_money(amount), TextStyle::kHuge, TextAlign::kCenter, tone};
}

ScreenLine centred(std::string text, Tone tone = Tone::kNormal) {
  return ScreenLine{std::move(text), TextStyle::kNormal, TextAlign::kCenter, tone};
}

}  // namespace

std::string minutes_and_seconds(std::chrono::seconds time) {
  char text[48];
  std::snprintf(text, sizeof text, "%lld:%02lld", static_cast<long long>(time.count() / 60),
                static_cast<long long>(time.count() % 60));
  return text;
}

ui::Screen idle(const Strings& s, const std::string& merchant,
                const std::vector<std::string>& notes) {
  ui::Screen screen{"idle", merchant, {}, std::nullopt, std::string(s.idle_hint)};
  screen.body.push_back(
      ScreenLine{std::string(s.idle_prompt), TextStyle::kLarge, TextAlign::kCenter});
  for (const auto& note : notes)
    screen.body.push_back(centred(note, Tone::kMuted));
  return screen;
}

ui::Screen amount(const Strings& s, const Money& amount, const std::string& refusal) {
  ui::Screen screen{"amount",
                    std::string(s.amount_title),
                    {big_amount(amount)},
                    std::nullopt,
                    std::string(s.amount_hint)};
  if (!refusal.empty())
    screen.body.push_back(centred(refusal, Tone::kWarning));
  return screen;
}

ui::Screen cart(const Strings& s, const std::vector<OrderLine>& lines, const Money& total,
                std::int64_t keyed, const std::string& note) {
  ui::Screen screen{"cart", std::string(s.cart_title), {}, std::nullopt, std::string(s.cart_hint)};
  // The newest lines matter most while ringing up: the screen shows the last few.
  constexpr std::size_t kShown = 5;
  const std::size_t first = lines.size() > kShown ? lines.size() - kShown : 0;
  if (first > 0)
    screen.body.push_back(
        ScreenLine{fill(s.cart_more, {{"count", std::to_string(first)}}), TextStyle::kSmall});
  for (std::size_t i = first; i < lines.size(); ++i) {
    const Money line_total{lines[i].total_minor(), total.currency};
    screen.body.push_back(
        ScreenLine{fill(s.cart_line, {{"quantity", std::to_string(lines[i].quantity)},
                                      {"name", lines[i].name},
                                      {"amount", format_money(line_total)}})});
  }
  screen.body.push_back(ScreenLine{fill(s.cart_total, {{"amount", format_money(total)}}),
                                   TextStyle::kLarge, TextAlign::kLeft});
  if (keyed > 0)
    screen.body.push_back(
        centred(fill(s.cart_keyed, {{"number", std::to_string(keyed)}}), Tone::kMuted));
  if (!note.empty())
    screen.body.push_back(centred(note, Tone::kWarning));
  return screen;
}

ui::Screen items(const Strings& s, const std::vector<std::string>& lines, int quantity, int page) {
  ui::Screen screen{
      "items", std::string(s.items_title), {}, std::nullopt, std::string(s.items_hint)};
  if (page > 0)
    screen.title += " " + std::to_string(page);
  for (const auto& line : lines)
    screen.body.push_back(ScreenLine{line});
  if (lines.empty())
    screen.body.push_back(centred(std::string(s.items_none), Tone::kMuted));
  if (quantity > 1)
    screen.body.push_back(
        centred(fill(s.items_quantity, {{"quantity", std::to_string(quantity)}}), Tone::kMuted));
  return screen;
}

ui::Screen tip(const Strings& s, const Money& sold, const std::vector<int>& percents,
               const std::vector<Money>& amounts) {
  ui::Screen screen{
      "tip", std::string(s.tip_title), {big_amount(sold)}, std::nullopt, std::string(s.tip_hint)};
  for (std::size_t i = 0; i < percents.size(); ++i) {
    const std::string digit = std::to_string(i + 1);
    screen.body.push_back(
        ScreenLine{percents[i] == 0 ? fill(s.tip_none, {{"digit", digit}})
                                    : fill(s.tip_choice, {{"digit", digit},
                                                          {"percent", std::to_string(percents[i])},
                                                          {"amount", format_money(amounts[i])}})});
  }
  return screen;
}

// What the sale is up against while it keeps trying, in a few words.
std::optional<ScreenLine> trouble_line(const Strings& s,
                                       const std::optional<BackendFailure>& trouble) {
  if (!trouble)
    return std::nullopt;
  return centred(
      std::string(*trouble == BackendFailure::kBusy ? s.wix_busy_retrying : s.qr_retrying),
      Tone::kWarning);
}

ui::Screen creating(const Strings& s, const Money& amount,
                    const std::optional<BackendFailure>& trouble) {
  ui::Screen screen{"creating",
                    std::string(s.creating_title),
                    {big_amount(amount), centred(std::string(s.please_wait), Tone::kMuted)},
                    std::nullopt,
                    std::string(s.cancel_hint)};
  if (auto line = trouble_line(s, trouble))
    screen.body.push_back(*line);
  return screen;
}

ui::Screen qr(const Strings& s, const Money& amount, const std::string& url,
              const std::string& reference, std::chrono::seconds time_left,
              const std::optional<BackendFailure>& trouble) {
  ui::Screen screen{"qr", std::string(s.qr_title), {}, url, std::string(s.cancel_hint)};
  screen.body.push_back(big_amount(amount));
  screen.body.push_back(centred(fill(s.qr_time_left, {{"time", minutes_and_seconds(time_left)}})));
  if (auto line = trouble_line(s, trouble))
    screen.body.push_back(*line);
  // For a customer whose camera will not read the code: the address to type, and the sale's
  // reference the cashier can quote.
  screen.body.push_back(ScreenLine{url, TextStyle::kSmall, TextAlign::kLeft, Tone::kMuted});
  screen.body.push_back(ScreenLine{fill(s.qr_reference, {{"reference", reference}}),
                                   TextStyle::kSmall, TextAlign::kLeft, Tone::kMuted});
  return screen;
}

ui::Screen cancelling(const Strings& s, const Money& amount) {
  return ui::Screen{"cancelling",
                    std::string(s.cancelling_title),
                    {big_amount(amount), centred(std::string(s.cancelling_body), Tone::kMuted)},
                    std::nullopt,
                    ""};
}

ui::Screen paid(const Strings& s, const Money& amount, std::int64_t receipt_number, bool printed,
                const std::vector<std::string>& refunds) {
  ui::Screen screen{
      "paid",
      std::string(s.paid_title),
      {ScreenLine{std::string(s.paid_headline), TextStyle::kLarge, TextAlign::kCenter, Tone::kGood},
       big_amount(amount, Tone::kGood),
       centred(fill(s.paid_receipt_number, {{"number", std::to_string(receipt_number)}})),
       centred(std::string(printed ? s.paid_receipt_printed : s.paid_receipt_printing),
               Tone::kMuted)},
      std::nullopt,
      std::string(s.any_key_hint)};
  for (const auto& refund : refunds)
    screen.body.push_back(ScreenLine{refund, TextStyle::kNormal, TextAlign::kLeft, Tone::kWarning});
  return screen;
}

ui::Screen underpaid(const Strings& s, const std::string& paid, const Money& owed,
                     const Money& shortfall, const std::vector<std::string>& notes) {
  ui::Screen screen{"underpaid",
                    std::string(s.underpaid_title),
                    {ScreenLine{std::string(s.underpaid_body), TextStyle::kNormal, TextAlign::kLeft,
                                Tone::kWarning},
                     ScreenLine{fill(s.underpaid_paid, {{"amount", paid}})},
                     ScreenLine{fill(s.underpaid_owed, {{"amount", format_money(owed)}})},
                     ScreenLine{fill(s.underpaid_short, {{"amount", format_money(shortfall)}}),
                                TextStyle::kLarge, TextAlign::kLeft, Tone::kWarning}},
                    std::nullopt,
                    std::string(s.underpaid_hint)};
  for (const auto& note : notes)
    screen.body.push_back(centred(note, Tone::kMuted));
  return screen;
}

ui::Screen check_payment(const Strings& s, const std::string& link_id,
                         const std::vector<std::string>& payment_ids,
                         const std::vector<std::string>& notes) {
  ui::Screen screen{
      "check-payment",
      std::string(s.check_title),
      {ScreenLine{std::string(s.check_body), TextStyle::kNormal, TextAlign::kLeft, Tone::kWarning},
       ScreenLine{fill(s.check_link, {{"id", link_id}}), TextStyle::kSmall}},
      std::nullopt,
      std::string(s.check_hint)};
  for (const auto& id : payment_ids)
    screen.body.push_back(ScreenLine{fill(s.check_payment, {{"id", id}}), TextStyle::kSmall});
  for (const auto& note : notes)
    screen.body.push_back(centred(note, Tone::kMuted));
  return screen;
}

ui::Screen printing(const Strings& s, const Money& amount) {
  return ui::Screen{"printing",
                    std::string(s.printing_title),
                    {big_amount(amount), centred(std::string(s.please_wait), Tone::kMuted)},
                    std::nullopt,
                    ""};
}

ui::Screen error(const std::string& title, const std::vector<std::string>& lines,
                 const std::string& hint) {
  ui::Screen screen{"error", title, {}, std::nullopt, hint};
  for (std::size_t i = 0; i < lines.size(); ++i) {
    // The first line says what happened; the rest are details and next steps.
    screen.body.push_back(ScreenLine{lines[i], TextStyle::kNormal, TextAlign::kLeft,
                                     i == 0 ? Tone::kWarning : Tone::kNormal});
  }
  return screen;
}

ui::Screen menu(const Strings& s, const std::string& note) {
  ui::Screen screen{
      "menu",
      std::string(s.menu_title),
      {ScreenLine{std::string(s.menu_reprint)}, ScreenLine{std::string(s.menu_info)},
       ScreenLine{std::string(s.menu_technician)}, ScreenLine{std::string(s.menu_refunds)}},
      std::nullopt,
      std::string(s.menu_hint)};
  if (!note.empty())
    screen.body.push_back(ScreenLine{note, TextStyle::kNormal, TextAlign::kLeft, Tone::kWarning});
  return screen;
}

ui::Screen info(const Strings& s, const std::vector<std::string>& lines) {
  ui::Screen screen{
      "menu", std::string(s.info_title), {}, std::nullopt, std::string(s.any_key_hint)};
  for (const auto& line : lines)
    screen.body.push_back(ScreenLine{line});
  return screen;
}

}  // namespace linkpos::app::screens
