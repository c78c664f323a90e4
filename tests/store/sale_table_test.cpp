// The sale table as a specification: which stage changes the ledger allows, checked against a
// real ledger file for every stage and every write, and the diagram drawn from it.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>

#include "store/ledger.hpp"
#include "store/ledger_test_support.hpp"
#include "store/sale_names.hpp"
#include "store/sale_table.hpp"
#include "tools/sale_diagram/sale_dot.hpp"

namespace linkpos::store {
namespace {

using test::new_sale;
using test::payment;
using test::TempDir;
using test::unreadable_payment;
using ::testing::HasSubstr;
using W = LedgerWrite;

constexpr SaleStage kStages[] = {
    SaleStage::kStarted, SaleStage::kLinkCreated,   SaleStage::kUnderpaid, SaleStage::kCheckPayment,
    SaleStage::kPaid,    SaleStage::kReceiptIssued, SaleStage::kPrinted,   SaleStage::kEnded};

// A write the ledger may be asked for, with the end it names (for kEnded).
struct Attempt {
  LedgerWrite write;
  std::optional<SaleEnd> end;
};

std::vector<Attempt> every_attempt() {
  std::vector<Attempt> attempts;
  for (const W write :
       {W::kTip, W::kLinkCreated, W::kCreateUncertain, W::kCreateSettled, W::kUnderpaid,
        W::kCheckPayment, W::kPaid, W::kReceiptIssued, W::kPrintStarted, W::kPrintFailed,
        W::kPrinted, W::kPayments, W::kLinkClosed, W::kLateLink}) {
    attempts.push_back({write, std::nullopt});
  }
  for (const SaleEnd end : {SaleEnd::kCompleted, SaleEnd::kCancelled, SaleEnd::kExpired,
                            SaleEnd::kFailed, SaleEnd::kUnresolved}) {
    attempts.push_back({W::kEnded, end});
  }
  return attempts;
}

struct Allowed {
  SaleStage from;
  LedgerWrite write;
  std::optional<SaleEnd> end;
  SaleStage to;
};

// What a sale may do at each stage, written out by hand: the specification the table must meet.
const std::vector<Allowed> kSpecification = {
    {SaleStage::kStarted, W::kTip, {}, SaleStage::kStarted},
    {SaleStage::kStarted, W::kLinkCreated, {}, SaleStage::kLinkCreated},
    {SaleStage::kStarted, W::kCreateUncertain, {}, SaleStage::kStarted},
    {SaleStage::kStarted, W::kCreateSettled, {}, SaleStage::kStarted},
    {SaleStage::kStarted, W::kEnded, SaleEnd::kFailed, SaleStage::kEnded},
    {SaleStage::kStarted, W::kEnded, SaleEnd::kCancelled, SaleStage::kEnded},
    {SaleStage::kLinkCreated, W::kPaid, {}, SaleStage::kPaid},
    {SaleStage::kLinkCreated, W::kUnderpaid, {}, SaleStage::kUnderpaid},
    {SaleStage::kLinkCreated, W::kCheckPayment, {}, SaleStage::kCheckPayment},
    {SaleStage::kLinkCreated, W::kEnded, SaleEnd::kCancelled, SaleStage::kEnded},
    {SaleStage::kLinkCreated, W::kEnded, SaleEnd::kExpired, SaleStage::kEnded},
    {SaleStage::kUnderpaid, W::kCreateUncertain, {}, SaleStage::kUnderpaid},
    {SaleStage::kUnderpaid, W::kCreateSettled, {}, SaleStage::kUnderpaid},
    {SaleStage::kUnderpaid, W::kLinkCreated, {}, SaleStage::kLinkCreated},
    {SaleStage::kUnderpaid, W::kPaid, {}, SaleStage::kPaid},
    {SaleStage::kUnderpaid, W::kCheckPayment, {}, SaleStage::kCheckPayment},
    {SaleStage::kCheckPayment, W::kPaid, {}, SaleStage::kPaid},
    {SaleStage::kCheckPayment, W::kUnderpaid, {}, SaleStage::kUnderpaid},
    {SaleStage::kCheckPayment, W::kEnded, SaleEnd::kUnresolved, SaleStage::kEnded},
    {SaleStage::kPaid, W::kReceiptIssued, {}, SaleStage::kReceiptIssued},
    {SaleStage::kReceiptIssued, W::kPrintStarted, {}, SaleStage::kReceiptIssued},
    {SaleStage::kReceiptIssued, W::kPrintFailed, {}, SaleStage::kReceiptIssued},
    {SaleStage::kReceiptIssued, W::kPrinted, {}, SaleStage::kPrinted},
    {SaleStage::kPrinted, W::kEnded, SaleEnd::kCompleted, SaleStage::kEnded},
    // Copies of a receipt, and each attempt at printing one.
    {SaleStage::kPrinted, W::kPrintStarted, {}, SaleStage::kPrinted},
    {SaleStage::kPrinted, W::kPrintFailed, {}, SaleStage::kPrinted},
    {SaleStage::kPrinted, W::kPrinted, {}, SaleStage::kPrinted},
    {SaleStage::kEnded, W::kPrintStarted, {}, SaleStage::kEnded},
    {SaleStage::kEnded, W::kPrintFailed, {}, SaleStage::kEnded},
    {SaleStage::kEnded, W::kPrinted, {}, SaleStage::kEnded},
    // What the link closer settles after a sale ended.
    {SaleStage::kEnded, W::kCreateSettled, {}, SaleStage::kEnded},
    {SaleStage::kEnded, W::kLateLink, {}, SaleStage::kEnded},
};

std::optional<SaleStage> specified(SaleStage from, const Attempt& attempt) {
  // Payments and a link's closing are noted at any stage with a link.
  if ((attempt.write == W::kPayments || attempt.write == W::kLinkClosed) &&
      from != SaleStage::kStarted) {
    return from;
  }
  for (const Allowed& allowed : kSpecification) {
    if (allowed.from == from && allowed.write == attempt.write && allowed.end == attempt.end)
      return allowed.to;
  }
  return std::nullopt;
}

std::string what(SaleStage from, const Attempt& attempt) {
  return std::string(write_name(attempt.write)) +
         (attempt.end ? " " + std::string(end_name(*attempt.end)) : "") + " at stage " +
         std::string(stage_name(from));
}

TEST(SaleTableTest, TheLedgerStagesChangeExactlyAsSpecified) {
  for (const SaleStage from : kStages) {
    for (const Attempt& attempt : every_attempt()) {
      EXPECT_EQ(stage_after(from, attempt.write, attempt.end), specified(from, attempt))
          << what(from, attempt);
    }
  }
}

TEST(SaleTableTest, EveryMoveIsOneTheLedgerAcceptsAndLeadsToTheStageOfItsState) {
  std::set<std::pair<SaleState, SaleEvent>> seen;
  for (const SaleMove& move : kSaleMoves) {
    EXPECT_TRUE(seen.insert({move.from, move.event}).second)
        << "two moves for '" << event_name(move.event) << "' from '" << state_name(move.from)
        << "'";
    EXPECT_EQ(find_move(move.from, move.event), &move);
    if (move.write != W::kNone) {
      EXPECT_EQ(stage_after(stage_of(move.from), move.write, move.end), stage_of(move.to))
          << state_name(move.from) << " --" << event_name(move.event) << "--> "
          << state_name(move.to);
    } else {
      EXPECT_EQ(stage_of(move.from), stage_of(move.to)) << "a move without a write stays put";
    }
    EXPECT_EQ(move.end.has_value(), move.write == W::kEnded);
  }
}

TEST(SaleTableTest, EveryStateCanEndAndEveryResumedStageHasAState) {
  // From each state some chain of moves reaches kEnded: no sale can be stuck.
  std::set<SaleState> ends{SaleState::kEnded};
  for (bool grew = true; grew;) {
    grew = false;
    for (const SaleMove& move : kSaleMoves) {
      if (ends.count(move.to) && ends.insert(move.from).second)
        grew = true;
    }
  }
  for (const SaleStage stage : kStages) {
    const SaleState resumed = resume_state(stage, false);
    EXPECT_EQ(stage_of(resumed), stage) << stage_name(stage);
    EXPECT_TRUE(ends.count(resumed)) << state_name(resumed);
  }
  EXPECT_EQ(resume_state(SaleStage::kUnderpaid, true), SaleState::kFindingRest);
}

// A sale brought to `stage` in a real ledger, as a sale gets there.
void bring(Ledger& ledger, const std::string& reference, SaleStage stage) {
  must(ledger.record_started(new_sale(reference, 1'000)));
  if (stage == SaleStage::kStarted)
    return;
  must(ledger.record_link_created(reference, "link-" + reference, "https://pay/" + reference, 9'000,
                                  1'250));
  if (stage == SaleStage::kLinkCreated)
    return;
  if (stage == SaleStage::kUnderpaid) {
    must(ledger.record_payments(reference,
                                {payment("part-" + reference, "link-" + reference, 5'000, 1'100)}));
    must(ledger.record_link_closed(reference));
    must(ledger.record_underpaid(reference));
    return;
  }
  if (stage == SaleStage::kCheckPayment) {
    must(ledger.record_payments(
        reference, {unreadable_payment("odd-" + reference, "link-" + reference, 1'100)}));
    must(ledger.record_check_payment(reference));
    return;
  }
  must(ledger.record_payments(reference,
                              {payment("pay-" + reference, "link-" + reference, 12'500, 1'100)}));
  must(ledger.record_paid(reference, 1'200, {}));
  if (stage == SaleStage::kPaid)
    return;
  must(ledger.record_receipt_issued(reference, {}));
  if (stage == SaleStage::kReceiptIssued)
    return;
  must(ledger.record_printed(reference));
  if (stage == SaleStage::kPrinted)
    return;
  must(ledger.record_ended(reference, SaleEnd::kCompleted, "printed"));
}

// Asks the ledger for the write; the table's refusal is the logic_error that names the table.
void attempt(Ledger& ledger, const std::string& reference, const Attempt& attempt) {
  switch (attempt.write) {
    case W::kTip:
      must(ledger.record_tip(reference, 100));
      return;
    case W::kLinkCreated:
      must(ledger.record_link_created(reference, "new-" + reference, "https://pay/new", 9'500, 1));
      return;
    case W::kCreateUncertain:
      must(ledger.record_create_uncertain(reference));
      return;
    case W::kCreateSettled:
      must(ledger.record_create_settled(reference));
      return;
    case W::kUnderpaid:
      must(ledger.record_underpaid(reference));
      return;
    case W::kCheckPayment:
      must(ledger.record_check_payment(reference));
      return;
    case W::kPaid:
      must(ledger.record_paid(reference, 2'000, {}));
      return;
    case W::kReceiptIssued:
      must(ledger.record_receipt_issued(reference, {}));
      return;
    case W::kPrintStarted:
      must(ledger.record_print_started(reference));
      return;
    case W::kPrintFailed:
      must(ledger.record_print_failed(reference, "paper out"));
      return;
    case W::kPrinted:
      must(ledger.record_printed(reference));
      return;
    case W::kEnded:
      must(ledger.record_ended(reference, *attempt.end, "asked"));
      return;
    case W::kPayments:
      must(ledger.record_payments(reference, {payment("more-" + reference, "x", 1'000, 2'000)}));
      return;
    case W::kLinkClosed:
      must(ledger.record_link_closed(reference));
      return;
    case W::kLateLink:
      must(ledger.record_late_link(reference, "late-" + reference, "https://pay/late", 9'500));
      return;
    case W::kNone:
      return;
  }
}

TEST(SaleTableTest, TheLedgerRefusesEveryChangeTheTableDoesNotAllowAndLogsBothStages) {
  TempDir dir;
  Ledger ledger(dir.file("ledger.sqlite"));
  std::vector<std::string> refusals;
  ledger.set_refusal_log([&](std::string_view line) { refusals.emplace_back(line); });
  int n = 0;
  for (const SaleStage from : kStages) {
    for (const Attempt& tried : every_attempt()) {
      const std::string reference = "S" + std::to_string(++n);
      bring(ledger, reference, from);
      refusals.clear();
      std::string refused;
      try {
        attempt(ledger, reference, tried);
      } catch (const std::logic_error& error) {
        refused = error.what();
      }
      const bool table_refused = refused.find("sale table") != std::string::npos;
      const auto allowed = specified(from, tried);
      EXPECT_EQ(table_refused, !allowed) << what(from, tried) << ": " << refused;
      if (table_refused) {
        ASSERT_EQ(refusals.size(), 1u) << what(from, tried);
        EXPECT_THAT(refusals[0], HasSubstr(reference));
        EXPECT_THAT(refusals[0], HasSubstr("'" + std::string(stage_name(from)) + "'"));
        EXPECT_EQ(ledger.find(reference)->stage, from) << "nothing changed";
      } else if (refused.empty() && allowed) {
        EXPECT_EQ(ledger.find(reference)->stage, *allowed) << what(from, tried);
      }
    }
  }
}

TEST(SaleTableTest, TheCommittedDiagramIsTheOneTheTableDraws) {
  std::ifstream committed(LINKPOS_SOURCE_DIR "/docs/sale-states.dot", std::ios::binary);
  ASSERT_TRUE(committed) << "docs/sale-states.dot is missing";
  std::stringstream text;
  text << committed.rdbuf();
  EXPECT_EQ(text.str(), tools::sale_states_dot())
      << "the sale table changed: run `cmake --build build/<preset> --target docs` and commit "
         "docs/sale-states.dot and .svg";
}

}  // namespace
}  // namespace linkpos::store
