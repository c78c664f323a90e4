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

// Something the shop sells, from the config's "catalogue".
struct CatalogueItem {
  std::string name;
  std::int64_t price_minor = 0;
  // VAT included in the price, in basis points; none: the merchant's rate.
  std::optional<std::int32_t> vat_rate_basis_points;
  // F1 to F4 (1 to 4) adds one of it at a key; 0: only from MENU → Items.
  int quick_key = 0;
};

// How this terminal sells, from the config's "terminal", "merchant" and "catalogue" sections.
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
  // Opens MENU → Reports; empty: the reports are open to anyone (the technician's PIN opens
  // them too).
  std::string manager_pin;
  // Tips offered before the QR code, in percent; empty: no tip screen.
  std::vector<int> tips;
  // The IANA time zone the business day follows ("Europe/Paris"); empty: the site's, else the
  // board's.
  std::string time_zone;
  std::vector<CatalogueItem> catalogue;
  // When this firmware was built: a clock showing an earlier time is certainly wrong.
  std::chrono::system_clock::time_point build_time{};
};

}  // namespace linkpos::app
