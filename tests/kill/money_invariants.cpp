#include "kill/money_invariants.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <regex>
#include <set>

#include "store/ledger.hpp"
#include "store/sale_names.hpp"

namespace linkpos::testing {
namespace {

namespace fs = std::filesystem;

constexpr int kEverySale = 1'000'000;
constexpr const char* kReprintMark = "REPRINT — power lost while printing";
constexpr const char* kCopyMark = "*** COPY ***";

struct ReceiptFile {
  std::string name;
  std::string payment_id;
  bool reprint = false;
  bool copy = false;
};

std::vector<ReceiptFile> read_receipts(const fs::path& folder) {
  std::vector<ReceiptFile> receipts;
  std::error_code error;
  if (!fs::exists(folder, error))
    return receipts;
  static const std::regex kPaymentLine(R"(^\s*Payment\s+(\S+)\s*$)");
  for (const auto& entry : fs::directory_iterator(folder)) {
    const std::string name = entry.path().filename().string();
    // Hidden files are a print cut off before its rename: nothing came out of the printer.
    if (name.front() == '.' || entry.path().extension() != ".txt")
      continue;
    ReceiptFile receipt{name, "", false, false};
    std::ifstream file(entry.path());
    std::string line;
    while (std::getline(file, line)) {
      std::smatch match;
      if (std::regex_match(line, match, kPaymentLine))
        receipt.payment_id = match[1];
      receipt.reprint = receipt.reprint || line.find(kReprintMark) != std::string::npos;
      receipt.copy = receipt.copy || line.find(kCopyMark) != std::string::npos;
    }
    receipts.push_back(receipt);
  }
  std::sort(receipts.begin(), receipts.end(),
            [](const auto& a, const auto& b) { return a.name < b.name; });
  return receipts;
}

std::string describe_sale(const store::SaleRecord& sale) {
  std::string text =
      "ledger sale " + sale.reference + " {stage " + std::string(store::stage_name(sale.stage));
  if (sale.end)
    text += ", end " + std::string(store::end_name(*sale.end)) + " (" + sale.end_detail + ")";
  text += ", amount " + std::to_string(sale.amount_minor);
  text += ", link " + (sale.link_id.empty() ? "-" : sale.link_id);
  text += ", payment " + (sale.payment_id.empty() ? "-" : sale.payment_id);
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

std::string describe_payment(const nlohmann::json& payment) {
  return "wixsim payment " + payment.value("id", "?") + " {link " +
         payment.value("paymentLinkId", "?") + ", receipt " + payment.value("receiptId", "-") + "}";
}

// The sale reference inside a link's title ("Café Zoë KILL-01J…").
std::string reference_in(const std::string& title, const std::string& terminal_id) {
  const std::regex pattern(terminal_id + "-[0-9A-Z]+");
  std::smatch match;
  return std::regex_search(title, match, pattern) ? match.str() : "";
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

  // (5) Every sale ended; the paid ones numbered 1..N.
  std::vector<std::int64_t> numbers;
  for (const auto& [reference, sale] : sales) {
    if (sale.stage != store::SaleStage::kEnded || !sale.end) {
      violations.push_back("sale not ended: " + describe_sale(sale));
    }
    if (!sale.payment_id.empty()) {
      ++found.paid_sales;
      if (sale.receipt_number <= 0)
        violations.push_back("paid sale without a receipt number: " + describe_sale(sale));
      numbers.push_back(sale.receipt_number);
      if (sale.end && *sale.end != store::SaleEnd::kCompleted) {
        violations.push_back("paid sale that did not end completed: " + describe_sale(sale));
      }
    } else if (sale.end == store::SaleEnd::kCompleted) {
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

  // (2), (3) Links: none ACTIVE, one per sale at most, each one a known sale's.
  std::map<std::string, nlohmann::json> links;
  std::map<std::string, std::vector<std::string>> links_of_sale;
  for (const auto& link : wix_state.at("links")) {
    ++found.links;
    const std::string id = link.value("id", "");
    const std::string reference = reference_in(link.value("title", ""), terminal_id);
    links[id] = link;
    links_of_sale[reference].push_back(id);
    if (link.value("status", "") == "ACTIVE") {
      violations.push_back("link still ACTIVE after every sale ended: " + describe_link(link) +
                           "; " + sale_text(reference));
    }
    if (!sales.count(reference)) {
      violations.push_back("link of a sale the ledger does not know: " + describe_link(link));
    } else if (sales.at(reference).link_id != id) {
      violations.push_back("link the ledger does not name for its sale: " + describe_link(link) +
                           "; " + sale_text(reference));
    }
  }
  for (const auto& [reference, ids] : links_of_sale) {
    if (ids.size() < 2)
      continue;
    std::string text =
        "sale with " + std::to_string(ids.size()) + " links: " + sale_text(reference);
    for (const auto& id : ids)
      text += "; " + describe_link(links.at(id));
    violations.push_back(text);
  }
  for (const auto& [reference, sale] : sales) {
    if (!sale.link_id.empty() && !links.count(sale.link_id)) {
      violations.push_back("ledger names a link wixsim does not have: " + describe_sale(sale));
    }
  }

  // (1) Every payment has its receipt, once as an original; or is kept for a refund.
  const auto receipts = read_receipts(receipts_folder);
  found.receipt_files = static_cast<int>(receipts.size());
  std::map<std::string, std::vector<const ReceiptFile*>> receipts_of;
  for (const auto& receipt : receipts) {
    found.reprints += receipt.reprint ? 1 : 0;
    found.copies += receipt.copy ? 1 : 0;
    receipts_of[receipt.payment_id].push_back(&receipt);
  }
  std::set<std::string> payment_ids;
  for (const auto& payment : wix_state.at("payments")) {
    ++found.payments;
    const std::string id = payment.value("id", "");
    payment_ids.insert(id);
    const auto link = links.find(payment.value("paymentLinkId", ""));
    const std::string reference =
        link == links.end() ? "" : reference_in(link->second.value("title", ""), terminal_id);
    const auto& printed = receipts_of[id];
    bool kept_for_refund = false;
    for (const auto& extra : ledger.extra_payments(reference))
      kept_for_refund |= extra.payment_id == id;
    if (kept_for_refund) {
      found.refunds.push_back(describe_payment(payment) + " kept for a refund; " +
                              sale_text(reference));
      if (!printed.empty()) {
        violations.push_back("payment kept for a refund also has a receipt (" +
                             printed.front()->name + "): " + describe_payment(payment) + "; " +
                             sale_text(reference));
      }
      continue;
    }
    if (printed.empty()) {
      violations.push_back("payment with no receipt, not kept for a refund: " +
                           describe_payment(payment) + "; " + sale_text(reference));
      continue;
    }
    std::vector<std::string> originals;
    for (const auto* receipt : printed) {
      if (!receipt->reprint && !receipt->copy)
        originals.push_back(receipt->name);
    }
    if (originals.size() > 1) {
      std::string names;
      for (const auto& name : originals)
        names += " " + name;
      violations.push_back("payment with " + std::to_string(originals.size()) +
                           " receipts not marked REPRINT or COPY:" + names + "; " +
                           describe_payment(payment) + "; " + sale_text(reference));
    }
    if (sales.count(reference) && sales.at(reference).payment_id != id) {
      violations.push_back("receipt for a payment that is not its sale's: " +
                           describe_payment(payment) + "; " + sale_text(reference));
    }
  }
  for (const auto& receipt : receipts) {
    if (!payment_ids.count(receipt.payment_id)) {
      violations.push_back("receipt " + receipt.name + " carries payment \"" + receipt.payment_id +
                           "\", which wixsim never took");
    }
  }
  for (const auto& [reference, sale] : sales) {
    if (!sale.payment_id.empty() && !payment_ids.count(sale.payment_id)) {
      violations.push_back("ledger payment wixsim never took: " + describe_sale(sale));
    }
  }
  return found;
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
    (void)ledger.unacknowledged_extra_payments();
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
