#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/currency.hpp"

namespace linkpos::app {

// Who is selling: printed at the top of every receipt.
struct Merchant {
  std::string name;
  std::vector<std::string> address;  // one entry per printed line
  std::string tax_id;                // empty: not printed
  // VAT included in every price, in basis points (2000 = 20 %); none: no VAT block on receipts.
  std::optional<std::int32_t> vat_rate_basis_points;
};

// How this terminal sells, from the config's "terminal" and "merchant" sections.
struct Settings {
  std::string terminal_id;  // prefix of every sale reference; unique per terminal of a merchant
  Currency currency;
  std::int64_t max_amount_minor = 0;  // amounts above are refused at CHARGE
  std::chrono::seconds payment_timeout{300};
  // How long a link stays payable at the service. Longer than the timeout, so a customer who is
  // mid-checkout when the terminal gives up is still caught by its last look, and a terminal
  // that died leaves no link open for long.
  std::chrono::seconds link_validity{360};
  std::chrono::milliseconds poll_interval{2000};
  Merchant merchant;
  std::string language = "en";
  // Ended sales older than this leave the ledger (zero keeps them forever).
  std::chrono::hours keep_ended_sales{24 * 90};
  // Opens MENU → Technician; empty: that menu is closed.
  std::string technician_pin;
  // When this firmware was built: a clock showing an earlier time is certainly wrong.
  std::chrono::system_clock::time_point build_time{};
};

}  // namespace linkpos::app
