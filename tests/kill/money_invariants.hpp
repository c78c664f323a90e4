#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "kill/kill_plan.hpp"

namespace linkpos::testing {

// What the money checks found once the terminal has settled.
struct MoneyFindings {
  std::vector<std::string> violations;  // each names the records it is about
  std::vector<std::string> refunds;     // payments the ledger owes back (its refund list)
  int sales = 0;
  int paid_sales = 0;
  int sales_with_several_links = 0;
  int payments = 0;
  int links = 0;
  int receipt_files = 0;
  int reprints = 0;
  int copies = 0;
};

// The invariants of a run, from wixsim's state, the ledger and the receipt files:
// - every payment Wix took is either counted by its sale and listed ("Payment <id>") on a
//   receipt of that sale, at most one of them not marked as a reprint or copy, or kept by the
//   ledger with a refund reason and on no receipt; the ledger keeps it with the amount Wix took;
// - no receipt claims more money (its "PAID" line) than the payments it names took at Wix;
// - no link is still ACTIVE; every link belongs to a sale the ledger knows and is one of that
//   sale's links (a sale underpaid on one link may have another for the rest);
// - every sale has ended; the paid ones completed, with receipt numbers 1..N without gaps or
//   repeats.
// Wix amounts (strings or numbers, any scale) are read as app::parse_wix_amount reads them.
// `terminal_id` is what sale references start with.
MoneyFindings check_money(const nlohmann::json& wix_state, const std::string& ledger_path,
                          const std::filesystem::path& receipts, const std::string& terminal_id);

// A sale as the cashier rang it up and its customer tipped.
struct KeyedSale {
  std::vector<PlannedLine> lines;
  std::int64_t tip_minor = 0;  // the customer's choice (0: no tip, or CANCEL at the tip screen)
  // The end of its reference its QR code showed ("Ref 4XKQ7M2D"); empty when the cashier saw
  // none.
  std::string reference;
};

// The ledger's sales against what the cashier rang up (`keyed`, in order). Each sale is one of
// the keyed sales, in the same order (one keyed as the power went may have none), and the one
// whose QR code named it if any; its lines are those rung up; its tip the one chosen, or 0 when
// it never had a link (the power went on the tip screen); its amount its lines and its tip; its
// first link at wixsim asks that amount, line by line; a completed sale took that amount (what
// its payments paid plus what the cashier accepted as not paid). One violation per sale wrong.
std::vector<std::string> check_amounts(const nlohmann::json& wix_state,
                                       const std::string& ledger_path,
                                       const std::vector<KeyedSale>& keyed);

// Why the ledger file at `path` is not sound, or nullopt: no damaged copy set aside beside it;
// a copy of it (with its WAL) in the folder `scratch` opens as the terminal opens it
// (store::Ledger), every sale reads back, and SQLite's integrity check says ok. The file itself
// is not touched. `sales` gets how many sales it holds.
std::optional<std::string> ledger_unsound(const std::string& path,
                                          const std::filesystem::path& scratch, int& sales);

// The ledger has nothing left to do: no sale unfinished, no link to close, no create to settle.
// A description of what is left otherwise. (Refunds wait for a technician, not the terminal.)
std::optional<std::string> ledger_work_left(const std::string& path);

}  // namespace linkpos::testing
