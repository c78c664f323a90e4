#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "app/money.hpp"
#include "app/order.hpp"
#include "app/payment_backend.hpp"
#include "app/strings.hpp"
#include "ui/screen.hpp"

// Each screen of the terminal, built from the few facts it shows. Pure functions: the terminal
// decides which one is up.
namespace linkpos::app::screens {

ui::Screen idle(const Strings& s, const std::string& merchant,
                const std::vector<std::string>& notes);
ui::Screen amount(const Strings& s, const Money& amount, const std::string& refusal);
// The cart: its lines with their quantities, the total, and digits keyed since.
ui::Screen cart(const Strings& s, const std::vector<OrderLine>& lines, const Money& total,
                std::int64_t keyed, const std::string& note);
// The catalogue's page: numbered lines; `quantity` keyed before (0: one); `page` (0: only one).
ui::Screen items(const Strings& s, const std::vector<std::string>& lines, int quantity, int page);
// The tips to choose from, numbered, each as an amount.
ui::Screen tip(const Strings& s, const Money& sold, const std::vector<int>& percents,
               const std::vector<Money>& amounts);
ui::Screen qr(const Strings& s, const Money& amount, const std::string& url,
              const std::string& reference, std::chrono::seconds time_left,
              const std::optional<BackendFailure>& trouble);
ui::Screen creating(const Strings& s, const Money& amount,
                    const std::optional<BackendFailure>& trouble);
ui::Screen cancelling(const Strings& s, const Money& amount);
// `refunds`: "refund X from payment Y" lines for a customer who paid too much.
ui::Screen paid(const Strings& s, const Money& amount, std::int64_t receipt_number, bool printed,
                const std::vector<std::string>& refunds = {});
// What the customer paid against the total, and the cashier's two ways on.
ui::Screen underpaid(const Strings& s, const std::string& paid, const Money& owed,
                     const Money& shortfall, const std::vector<std::string>& notes);
// A payment the terminal could not read: the ids to look up in the Wix dashboard.
ui::Screen check_payment(const Strings& s, const std::string& link_id,
                         const std::vector<std::string>& payment_ids,
                         const std::vector<std::string>& notes);
ui::Screen printing(const Strings& s, const Money& amount);
ui::Screen error(const std::string& title, const std::vector<std::string>& lines,
                 const std::string& hint);
ui::Screen menu(const Strings& s, const std::string& note);
ui::Screen info(const Strings& s, const std::vector<std::string>& lines);

// "4:05"
std::string minutes_and_seconds(std::chrono::seconds time);

}  // namespace linkpos::app::screens
