#include "kill/money_invariants.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <tuple>
#include <utility>

#include "app/currency.hpp"
#include "app/exact_amount.hpp"
#include "store/ledger.hpp"
#include "store/sale_names.hpp"

namespace linkpos::testing {
namespace {

namespace fs = std::filesystem;

constexpr int kEverySale = 1'000'000;
// As firmware/app/strings_en.cpp words them.
constexpr const char* kReprintMark = "REPRINT — power lost while printing";
constexpr const char* kCopyMark = "*** COPY ***";

// One receipt as it came out of the printer (its .txt twin).
struct ReceiptFile {
  std::string name;
  std::string reference;                 // its "Ref" line
  std::vector<std::string> payment_ids;  // its "Payment <id>" lines, one per payment listed
  std::string paid_text;                 // its "PAID" line's amount, as printed
  std::optional<std::int64_t> paid;      // the same, in thousandths
  bool reprint = false;
  bool copy = false;

  bool original() const { return !reprint && !copy; }
};

// "€12.50", "EUR 12.50", "¥1250", "€11.733": the decimal in it, in thousandths of the unit.
std::optional<std::int64_t> printed_amount(const std::string& text) {
  static const std::regex kDecimal(R"([0-9]+(\.[0-9]+)?)");
  std::smatch match;
  if (!std::regex_search(text, match, kDecimal))
    return std::nullopt;
  return app::parse_wix_amount(match.str());
}

std::vector<ReceiptFile> read_receipts(const fs::path& folder) {
  std::vector<ReceiptFile> receipts;
  std::error_code error;
  if (!fs::exists(folder, error))
    return receipts;
  static const std::regex kPaymentLine(R"(^\s*Payment\s+(\S+)\s*$)");
  static const std::regex kReferenceLine(R"(^\s*Ref\s+(\S+)\s*$)");
  static const std::regex kPaidLine(R"(^\s*PAID\s+(.*\S)\s*$)");
  for (const auto& entry : fs::directory_iterator(folder)) {
    const std::string name = entry.path().filename().string();
    // Hidden files are a print cut off before its rename: nothing came out of the printer.
    if (name.front() == '.' || entry.path().extension() != ".txt")
      continue;
    ReceiptFile receipt;
    receipt.name = name;
    std::ifstream file(entry.path());
    std::string line;
    while (std::getline(file, line)) {
      std::smatch match;
      if (std::regex_match(line, match, kPaymentLine)) {
        receipt.payment_ids.push_back(match[1]);
      } else if (std::regex_match(line, match, kReferenceLine)) {
        receipt.reference = match[1];
      } else if (std::regex_match(line, match, kPaidLine)) {
        receipt.paid_text = match[1];
        receipt.paid = printed_amount(receipt.paid_text);
      }
      receipt.reprint = receipt.reprint || line.find(kReprintMark) != std::string::npos;
      receipt.copy = receipt.copy || line.find(kCopyMark) != std::string::npos;
    }
    receipts.push_back(std::move(receipt));
  }
  std::sort(receipts.begin(), receipts.end(),
            [](const auto& a, const auto& b) { return a.name < b.name; });
  return receipts;
}

// Thousandths as a decimal with all three places: 12500 -> "12.500".
std::string thousandths_text(std::int64_t thousandths) {
  const std::string fraction = std::to_string(1000 + thousandths % 1000).substr(1);
  return std::to_string(thousandths / 1000) + "." + fraction;
}

std::string describe_kept_payment(const store::PaymentRecord& payment) {
  std::string text = payment.payment_id + " " +
                     (payment.amount_thousandths ? thousandths_text(*payment.amount_thousandths)
                                                 : "unreadable (" + payment.problem + ")");
  if (payment.counted)
    text += " counted";
  if (payment.refund_reason != store::RefundReason::kNone) {
    text += " refund " + std::string(store::refund_reason_name(payment.refund_reason)) + " " +
            (payment.refund_thousandths ? thousandths_text(*payment.refund_thousandths) : "?") +
            (payment.refund_cleared_at_ms ? " cleared" : "");
  }
  return text;
}

std::string describe_sale(const store::SaleRecord& sale) {
  std::string text =
      "ledger sale " + sale.reference + " {stage " + std::string(store::stage_name(sale.stage));
  if (sale.end)
    text += ", end " + std::string(store::end_name(*sale.end)) + " (" + sale.end_detail + ")";
  text += ", amount " + std::to_string(sale.amount_minor) + " " + sale.currency;
  text += ", link " + (sale.link_id.empty() ? "-" : sale.link_id);
  if (sale.link_amount_minor != sale.amount_minor)
    text += " asking " + std::to_string(sale.link_amount_minor);
  text += ", payments [";
  for (std::size_t i = 0; i < sale.payments.size(); ++i)
    text += (i == 0 ? "" : "; ") + describe_kept_payment(sale.payments[i]);
  text += "]";
  if (sale.written_off_thousandths > 0)
    text += ", written off " + thousandths_text(sale.written_off_thousandths);
  text += ", receipt no " + std::to_string(sale.receipt_number);
  text += ", prints " + std::to_string(sale.prints);
  text += std::string(", link_closed ") + (sale.link_closed ? "yes" : "no");
  text += std::string(", print_pending ") + (sale.print_pending ? "yes" : "no");
  text += std::string(", create_uncertain ") + (sale.create_uncertain ? "yes" : "no") + "}";
  return text;
}

std::string describe_link(const nlohmann::json& link) {
  return "wixsim link " + link.value("id", "?") + " {status " + link.value("status", "?") +
         ", title \"" + link.value("title", "") + "\"}";
}

// A payment's amount at wixsim, read as the terminal reads it: a decimal string, or a JSON
// number taken as its literal text.
std::optional<std::int64_t> wix_amount(const nlohmann::json& payment) {
  const auto amount = payment.find("amount");
  if (amount == payment.end())
    return std::nullopt;
  if (amount->is_string())
    return app::parse_wix_amount(amount->get<std::string>());
  if (amount->is_number())
    return app::parse_wix_amount(amount->dump());
  return std::nullopt;
}

std::string wix_currency(const nlohmann::json& payment) {
  const std::string currency = payment.value("currency", "");
  return currency.empty() ? payment.value("currencyCode", "?") : currency;
}

std::string describe_payment(const nlohmann::json& payment) {
  const auto amount = payment.find("amount");
  return "wixsim payment " + payment.value("id", "?") + " {link " +
         payment.value("paymentLinkId", "?") + ", amount " +
         (amount == payment.end() ? "none" : amount->dump()) + " " + wix_currency(payment) +
         ", receipt " + payment.value("receiptId", "-") + "}";
}

// The sale reference inside a link's title ("Café Zoë KILL-01J…").
std::string reference_in(const std::string& title, const std::string& terminal_id) {
  const std::regex pattern(terminal_id + "-[0-9A-Z]+");
  std::smatch match;
  return std::regex_search(title, match, pattern) ? match.str() : "";
}

std::string receipt_names(const std::vector<const ReceiptFile*>& receipts) {
  std::string names;
  for (const auto* receipt : receipts)
    names += " " + receipt->name;
  return names;
}

}  // namespace

MoneyFindings check_money(const nlohmann::json& wix_state, const std::string& ledger_path,
                          const fs::path& receipts_folder, const std::string& terminal_id) {
  MoneyFindings found;
  auto& violations = found.violations;
  store::Ledger ledger(ledger_path);

  std::map<std::string, store::SaleRecord> sales;
  for (auto& sale : ledger.recent(kEverySale))
    sales.emplace(sale.reference, std::move(sale));
  found.sales = static_cast<int>(sales.size());
  const auto sale_text = [&](const std::string& reference) {
    const auto sale = sales.find(reference);
    return sale == sales.end() ? "no ledger sale " + reference : describe_sale(sale->second);
  };
  // Which sale keeps each payment, and how.
  std::map<std::string, std::pair<std::string, const store::PaymentRecord*>> kept;
  for (const auto& [reference, sale] : sales) {
    for (const auto& payment : sale.payments)
      kept[payment.payment_id] = {reference, &payment};
  }

  // Every sale ended; the paid ones completed and numbered 1..N.
  std::vector<std::int64_t> numbers;
  for (const auto& [reference, sale] : sales) {
    if (sale.stage != store::SaleStage::kEnded || !sale.end) {
      violations.push_back("sale not ended: " + describe_sale(sale));
    }
    if (sale.known_links().size() > 1)
      ++found.sales_with_several_links;
    const bool paid = std::any_of(sale.payments.begin(), sale.payments.end(),
                                  [](const auto& payment) { return payment.counted; });
    if (sale.receipt_number > 0)
      numbers.push_back(sale.receipt_number);
    if (paid) {
      ++found.paid_sales;
      if (sale.receipt_number <= 0)
        violations.push_back("paid sale without a receipt number: " + describe_sale(sale));
      if (sale.end && *sale.end != store::SaleEnd::kCompleted) {
        violations.push_back("paid sale that did not end completed: " + describe_sale(sale));
      }
    } else if (sale.receipt_number > 0 || sale.end == store::SaleEnd::kCompleted) {
      violations.push_back("completed sale without a payment: " + describe_sale(sale));
    }
  }
  std::sort(numbers.begin(), numbers.end());
  for (std::size_t i = 0; i < numbers.size(); ++i) {
    if (numbers[i] != static_cast<std::int64_t>(i) + 1) {
      std::string all;
      for (const auto number : numbers)
        all += " " + std::to_string(number);
      violations.push_back("receipt numbers are not 1.." + std::to_string(numbers.size()) +
                           " without gaps or repeats:" + all);
      break;
    }
  }

  // Links: none ACTIVE, each one of a known sale's links.
  std::map<std::string, nlohmann::json> links;
  for (const auto& link : wix_state.at("links")) {
    ++found.links;
    const std::string id = link.value("id", "");
    const std::string reference = reference_in(link.value("title", ""), terminal_id);
    links[id] = link;
    if (link.value("status", "") == "ACTIVE") {
      violations.push_back("link still ACTIVE after every sale ended: " + describe_link(link) +
                           "; " + sale_text(reference));
    }
    const auto sale = sales.find(reference);
    if (sale == sales.end()) {
      violations.push_back("link of a sale the ledger does not know: " + describe_link(link));
      continue;
    }
    const auto known = sale->second.known_links();
    if (std::find(known.begin(), known.end(), id) == known.end()) {
      violations.push_back("link the ledger does not name for its sale: " + describe_link(link) +
                           "; " + sale_text(reference));
    }
  }
  for (const auto& [reference, sale] : sales) {
    for (const auto& link : sale.known_links()) {
      if (!links.count(link)) {
        violations.push_back("ledger names a link wixsim does not have (" + link +
                             "): " + describe_sale(sale));
      }
    }
  }

  // Every payment on a receipt of its sale, once as an original; or owed back, on none.
  const auto receipts = read_receipts(receipts_folder);
  found.receipt_files = static_cast<int>(receipts.size());
  std::map<std::string, std::vector<const ReceiptFile*>> receipts_of;
  for (const auto& receipt : receipts) {
    found.reprints += receipt.reprint ? 1 : 0;
    found.copies += receipt.copy ? 1 : 0;
    for (const auto& id : receipt.payment_ids)
      receipts_of[id].push_back(&receipt);
  }
  std::map<std::string, std::optional<std::int64_t>> taken;  // by wixsim, by payment id
  for (const auto& payment : wix_state.at("payments")) {
    ++found.payments;
    const std::string id = payment.value("id", "");
    const std::string link_id = payment.value("paymentLinkId", "");
    const auto amount = wix_amount(payment);
    taken[id] = amount;
    const auto link = links.find(link_id);
    const std::string reference =
        link == links.end() ? "" : reference_in(link->second.value("title", ""), terminal_id);
    if (!amount) {
      violations.push_back("wixsim payment whose amount does not read as a Wix amount: " +
                           describe_payment(payment));
    }

    const auto keeper = kept.find(id);
    const store::PaymentRecord* record = keeper == kept.end() ? nullptr : keeper->second.second;
    if (record == nullptr) {
      violations.push_back(
          "payment the ledger does not keep, so neither on a receipt nor on the "
          "refund list: " +
          describe_payment(payment) + "; " + sale_text(reference));
      continue;
    }
    if (keeper->second.first != reference) {
      violations.push_back("payment kept by another sale than its link's: " +
                           describe_payment(payment) + "; " + sale_text(keeper->second.first));
    }
    if (record->link_id != link_id) {
      violations.push_back("ledger keeps payment " + id + " on link " + record->link_id + ": " +
                           describe_payment(payment));
    }
    if (record->amount_thousandths && amount && *record->amount_thousandths != *amount) {
      violations.push_back("ledger keeps payment " + id + " as " +
                           thousandths_text(*record->amount_thousandths) + ", wixsim took " +
                           thousandths_text(*amount) + ": " + describe_payment(payment));
    }

    const auto& printed = receipts_of[id];
    const bool counted = record->counted;
    const bool refund = record->refund_reason != store::RefundReason::kNone;
    if (refund) {
      found.refunds.push_back(describe_payment(payment) + " owed back (" +
                              describe_kept_payment(*record) + "); " + sale_text(reference));
    }
    if (!counted) {
      if (!refund && printed.empty()) {
        violations.push_back("payment with no receipt, not kept for a refund: " +
                             describe_payment(payment) + "; " + sale_text(reference));
      } else if (!printed.empty()) {
        violations.push_back(
            std::string(refund ? "payment kept for a refund" : "payment its sale did not count") +
            " also has a receipt (" + printed.front()->name + "): " + describe_payment(payment) +
            "; " + sale_text(reference));
      }
      continue;
    }
    if (printed.empty()) {
      violations.push_back("payment with no receipt, though its sale counted it: " +
                           describe_payment(payment) + "; " + sale_text(reference));
      continue;
    }
    std::vector<const ReceiptFile*> originals;
    for (const auto* receipt : printed) {
      if (receipt->original())
        originals.push_back(receipt);
      if (receipt->reference != reference) {
        violations.push_back("receipt " + receipt->name + " of sale " + receipt->reference +
                             " for a payment that is not its sale's: " + describe_payment(payment) +
                             "; " + sale_text(reference));
      }
    }
    if (originals.size() > 1) {
      violations.push_back("payment with " + std::to_string(originals.size()) +
                           " receipts not marked REPRINT or COPY:" + receipt_names(originals) +
                           "; " + describe_payment(payment) + "; " + sale_text(reference));
    }
  }

  // No receipt claims more than its payments took.
  for (const auto& receipt : receipts) {
    if (receipt.payment_ids.empty()) {
      violations.push_back("receipt " + receipt.name + " names no payment");
    }
    if (!sales.count(receipt.reference)) {
      violations.push_back("receipt " + receipt.name + " is for sale \"" + receipt.reference +
                           "\", which the ledger does not know");
    }
    std::int64_t sum = 0;
    bool sum_known = true;
    for (const auto& id : receipt.payment_ids) {
      const auto payment = taken.find(id);
      if (payment == taken.end()) {
        violations.push_back("receipt " + receipt.name + " carries payment \"" + id +
                             "\", which wixsim never took");
        sum_known = false;
      } else if (!payment->second) {
        sum_known = false;  // reported with the payment
      } else {
        sum += *payment->second;
      }
    }
    if (!receipt.paid) {
      violations.push_back("receipt " + receipt.name + " has no PAID line with an amount (\"" +
                           receipt.paid_text + "\")");
    } else if (sum_known && *receipt.paid > sum) {
      violations.push_back("receipt " + receipt.name + " claims PAID " + receipt.paid_text +
                           ", more than the " + thousandths_text(sum) +
                           " its payments took at wixsim; " + sale_text(receipt.reference));
    }
  }
  for (const auto& [id, by] : kept) {
    if (!taken.count(id)) {
      violations.push_back("ledger payment " + id +
                           " that wixsim never took: " + sale_text(by.first));
    }
  }
  return found;
}

namespace {

std::string describe_lines(const std::vector<PlannedLine>& lines) {
  std::string text;
  for (const auto& line : lines) {
    text += (text.empty() ? "" : " + ") + std::to_string(line.quantity) + " x " + line.name + " " +
            std::to_string(line.unit_price_minor);
  }
  return "[" + text + "]";
}

std::string describe_keyed(const KeyedSale& sale) {
  return "rung up " + describe_lines(sale.lines) + " tip " + std::to_string(sale.tip_minor) +
         (sale.reference.empty() ? "" : " (QR of " + sale.reference + ")");
}

std::vector<PlannedLine> lines_of(const store::SaleRecord& sale) {
  std::vector<PlannedLine> lines;
  for (const auto& line : sale.lines)
    lines.push_back(PlannedLine{line.name, line.quantity, line.unit_price_minor});
  return lines;
}

// What a link's line items ask in all, in thousandths; nullopt when one does not read.
std::optional<std::int64_t> link_asks(const nlohmann::json& link) {
  const auto ecom = link.find("ecomPaymentLink");
  if (ecom == link.end() || !ecom->is_object() || !ecom->contains("lineItems"))
    return std::nullopt;
  std::int64_t sum = 0;
  for (const auto& item : ecom->at("lineItems")) {
    const auto custom = item.find("customItem");
    if (custom == item.end() || !custom->is_object())
      return std::nullopt;
    const auto at = custom->find("price");
    std::optional<std::int64_t> unit;
    if (at != custom->end() && at->is_string())
      unit = app::parse_wix_amount(at->get<std::string>());
    else if (at != custom->end() && at->is_number())
      unit = app::parse_wix_amount(at->dump());
    const auto quantity = custom->value("quantity", 1);
    if (!unit)
      return std::nullopt;
    sum += *unit * quantity;
  }
  return sum;
}

}  // namespace

std::vector<std::string> check_amounts(const nlohmann::json& wix_state,
                                       const std::string& ledger_path,
                                       const std::vector<KeyedSale>& keyed) {
  std::vector<std::string> violations;
  store::Ledger ledger(ledger_path);
  auto sales = ledger.recent(kEverySale);
  std::sort(sales.begin(), sales.end(), [](const auto& a, const auto& b) {
    return std::tie(a.started_at_ms, a.reference) < std::tie(b.started_at_ms, b.reference);
  });
  std::map<std::string, const nlohmann::json*> links;
  for (const auto& link : wix_state.at("links"))
    links[link.value("id", "")] = &link;
  // The keyed sale whose QR code showed the end of `reference`, if any.
  const auto named = [&](const std::string& reference) -> std::optional<std::size_t> {
    for (std::size_t i = 0; i < keyed.size(); ++i) {
      const std::string& shown = keyed[i].reference;
      if (!shown.empty() && reference.size() >= shown.size() &&
          reference.compare(reference.size() - shown.size(), shown.size(), shown) == 0) {
        return i;
      }
    }
    return std::nullopt;
  };

  std::size_t next = 0;  // the keyed sales before it have had their chance
  for (const auto& sale : sales) {
    const auto lines = lines_of(sale);
    std::optional<std::size_t> match;
    if (const auto by_name = named(sale.reference)) {
      if (*by_name < next) {
        violations.push_back("sale out of the order it was rung up in (" +
                             describe_keyed(keyed[*by_name]) + "): " + describe_sale(sale));
        continue;
      }
      match = by_name;
    } else {
      // The next keyed sale with these lines, before the next one a QR code named (that one is
      // a later sale's).
      for (std::size_t i = next; i < keyed.size() && keyed[i].reference.empty(); ++i) {
        if (keyed[i].lines == lines) {
          match = i;
          break;
        }
      }
    }
    if (!match) {
      violations.push_back("sale the cashier did not ring up (after keyed sale #" +
                           std::to_string(next) + "): " + describe_lines(lines) + "; " +
                           describe_sale(sale));
      continue;
    }
    next = *match + 1;
    const KeyedSale& want = keyed[*match];
    const std::string about = describe_keyed(want) + "; " + describe_sale(sale);
    if (want.lines != lines) {
      violations.push_back("sale's lines " + describe_lines(lines) + " are not those " + about);
      continue;
    }
    std::int64_t sold = 0;
    for (const auto& line : lines)
      sold += line.unit_price_minor * line.quantity;
    const bool linked = !sale.known_links().empty();
    if (sale.tip_minor != want.tip_minor && (linked || sale.tip_minor != 0)) {
      violations.push_back("sale's tip " + std::to_string(sale.tip_minor) +
                           " is not the one chosen, " + about);
    }
    if (sale.amount_minor != sold + sale.tip_minor) {
      violations.push_back("sale's amount is not its lines (" + std::to_string(sold) +
                           ") and its tip: " + about);
    }
    const auto currency = app::currency_by_code(sale.currency);
    if (!currency) {
      violations.push_back("sale in an unknown currency: " + describe_sale(sale));
      continue;
    }
    std::int64_t to_thousandths = 1;
    for (int i = currency->exponent; i < 3; ++i)
      to_thousandths *= 10;
    const std::int64_t amount = sale.amount_minor * to_thousandths;
    if (linked) {
      const std::string first = sale.known_links().front();
      const auto link = links.find(first);
      const auto asks = link == links.end() ? std::nullopt : link_asks(*link->second);
      if (!asks) {
        violations.push_back("sale's first link " + first +
                             " has no line items that read at wixsim: " + about);
      } else if (*asks != amount) {
        violations.push_back("sale's first link " + first + " asks " + thousandths_text(*asks) +
                             ", not the " + thousandths_text(amount) +
                             " rung up and tipped: " + about);
      }
    }
    // A shortfall below one minor unit (1.494 of 1.50 EUR) is neither owed nor written off.
    if (sale.end == store::SaleEnd::kCompleted &&
        sale.counted_thousandths() + sale.written_off_thousandths <= amount - to_thousandths) {
      violations.push_back("completed sale took " + thousandths_text(sale.counted_thousandths()) +
                           " and wrote off " + thousandths_text(sale.written_off_thousandths) +
                           ", less than the " + thousandths_text(amount) +
                           " rung up and tipped: " + about);
    }
  }
  return violations;
}

std::optional<std::string> ledger_unsound(const std::string& path, const fs::path& scratch,
                                          int& sales) {
  sales = 0;
  std::error_code error;
  if (!fs::exists(path, error))
    return std::nullopt;  // killed before the terminal made it
  for (const auto& entry : fs::directory_iterator(fs::path(path).parent_path())) {
    if (entry.path().filename().string().find(".damaged-") != std::string::npos) {
      return "a damaged ledger was set aside: " + entry.path().string();
    }
  }
  // The checks open a copy of the file and its WAL: the terminal must meet the files exactly
  // as the kill left them, not ones this check has already recovered.
  const fs::path copy = scratch / fs::path(path).filename();
  try {
    fs::remove_all(scratch);
    fs::create_directories(scratch);
    fs::copy_file(path, copy);
    if (fs::exists(path + "-wal"))
      fs::copy_file(path + "-wal", copy.string() + "-wal");
    // As the terminal opens it, which also replays the WAL a kill left behind.
    store::Ledger ledger(copy.string());
    sales = static_cast<int>(ledger.recent(kEverySale).size());
    (void)ledger.unfinished();
    (void)ledger.links_to_close();
    (void)ledger.uncertain_creates();
    (void)ledger.refunds_owed();
  } catch (const std::exception& failure) {
    return std::string("store::Ledger cannot open or read it: ") + failure.what();
  }
  sqlite3* db = nullptr;
  std::string verdict;
  if (sqlite3_open_v2(copy.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    verdict = std::string("sqlite3 cannot open it read-only: ") + sqlite3_errmsg(db);
  } else {
    sqlite3_stmt* check = nullptr;
    if (sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &check, nullptr) != SQLITE_OK) {
      verdict = std::string("integrity_check cannot run: ") + sqlite3_errmsg(db);
    } else {
      while (sqlite3_step(check) == SQLITE_ROW) {
        const auto* row = reinterpret_cast<const char*>(sqlite3_column_text(check, 0));
        const std::string text = row != nullptr ? row : "";
        if (text != "ok")
          verdict += (verdict.empty() ? "integrity_check: " : "; ") + text;
      }
    }
    sqlite3_finalize(check);
  }
  sqlite3_close(db);
  if (!verdict.empty())
    return verdict;
  return std::nullopt;
}

std::optional<std::string> ledger_work_left(const std::string& path) {
  store::Ledger ledger(path);
  std::string left;
  for (const auto& sale : ledger.unfinished())
    left += "\n  unfinished: " + describe_sale(sale);
  for (const auto& sale : ledger.links_to_close())
    left += "\n  link to close: " + describe_sale(sale);
  for (const auto& sale : ledger.uncertain_creates())
    left += "\n  create to settle: " + describe_sale(sale);
  if (left.empty())
    return std::nullopt;
  return left;
}

}  // namespace linkpos::testing
