// The pieces the sale and the link closer share, on their own: the search for a lost create's
// link, closing a link then looking once more, and the link closer over a real ledger.
#include <gtest/gtest.h>

#include "app/link_closer.hpp"
#include "app/link_closing.hpp"
#include "app/link_search.hpp"
#include "app/local_time.hpp"
#include "app/terminal_fixture.hpp"
#include "fakes/ledger_write.hpp"

namespace linkpos::testing {
namespace {

using namespace std::chrono_literals;

class LinkPiecesTest : public TerminalFixture {
 protected:
  // A sale in the ledger that has ended, with `link` still to be confirmed closed.
  store::SaleRecord ended_with_open_link(const std::string& reference, const std::string& link) {
    store::SaleRecord sale;
    sale.reference = reference;
    sale.business_day = "2026-11-25";
    sale.started_at_ms = app::to_unix_ms(clock.now());
    sale.currency = "EUR";
    sale.amount_minor = 1250;
    must(ledger->record_started(sale));
    must(ledger->record_link_created(reference, link, "https://pay/" + link,
                                     app::to_unix_ms(clock.now() + 6min), 1250));
    return must(ledger->record_ended(reference, store::SaleEnd::kCancelled, "cancelled"));
  }

  // A sale that ended while its create's answer was lost.
  store::SaleRecord ended_uncertain(const std::string& reference) {
    store::SaleRecord sale;
    sale.reference = reference;
    sale.business_day = "2026-11-25";
    sale.started_at_ms = app::to_unix_ms(clock.now());
    sale.currency = "EUR";
    sale.amount_minor = 1250;
    must(ledger->record_started(sale));
    must(ledger->record_create_uncertain(reference));
    return must(ledger->record_ended(reference, store::SaleEnd::kCancelled, "cancelled"));
  }

  app::BackendError down() { return app::BackendError{app::BackendFailure::kUnreachable, "down"}; }
};

TEST_F(LinkPiecesTest, TheSearchLooksSinceTheSaleBeganPastTheLinksItHasAlready) {
  auto sale = ended_with_open_link("T1-A", "link-1");
  app::LinkSearch search(services);
  std::optional<std::optional<app::PaymentLink>> found;
  search.once(
      sale, [&](std::optional<app::PaymentLink> link) { found = std::move(link); },
      [](const app::BackendError&) { ADD_FAILURE() << "no failure expected"; });
  ASSERT_EQ(backend.finds.size(), 1u);
  EXPECT_EQ(backend.finds.front().reference, "T1-A");
  EXPECT_EQ(backend.finds.front().since, clock.now() - 5min) << "a margin for clocks that differ";
  EXPECT_EQ(backend.finds.front().known, std::vector<std::string>{"link-1"});
  FakeBackend::answer(backend.finds, std::optional<app::PaymentLink>(app::PaymentLink{
                                         "link-2", "https://pay/link-2", clock.now()}));
  ASSERT_TRUE(found && *found);
  EXPECT_EQ((*found)->id, "link-2");
}

TEST_F(LinkPiecesTest, TheSearchUntilSettledBacksOffAndTryNowCutsTheWaitShort) {
  auto sale = ended_uncertain("T1-A");
  app::LinkSearch search(services);
  int failures = 0;
  std::optional<std::optional<app::PaymentLink>> found;
  search.until_settled(
      sale, [&](std::optional<app::PaymentLink> link) { found = std::move(link); },
      [&](const app::BackendError&) { ++failures; });
  FakeBackend::answer(backend.finds, down());
  EXPECT_EQ(failures, 1);
  clock.advance(1999ms);
  EXPECT_TRUE(backend.finds.empty()) << "waits 2 s first";
  clock.advance(1ms);
  ASSERT_EQ(backend.finds.size(), 1u);
  FakeBackend::answer(backend.finds, down());
  clock.advance(3999ms);
  EXPECT_TRUE(backend.finds.empty()) << "then 4 s";
  search.try_now();
  ASSERT_EQ(backend.finds.size(), 1u) << "the cashier's CANCEL asks at once";
  FakeBackend::answer(backend.finds, std::optional<app::PaymentLink>());
  ASSERT_TRUE(found);
  EXPECT_FALSE(*found) << "settled: no link was made";
  clock.advance(1h);
  EXPECT_TRUE(backend.finds.empty()) << "nothing more once settled";
}

TEST_F(LinkPiecesTest, ClosingLooksOnceMoreWhateverTheCloseAnswered) {
  std::vector<app::ClosedLink> closed;
  const app::PaymentLink link{"link-1", "https://pay/link-1", clock.now()};
  app::close_then_look(backend, link, [&](app::ClosedLink result) { closed.push_back(result); });
  FakeBackend::answer(backend.cancels, down());
  ASSERT_EQ(backend.statuses.size(), 1u) << "a customer may have paid in the last moment";
  FakeBackend::answer(backend.statuses, app::LinkReport{app::LinkState::kPending, {}});
  ASSERT_EQ(closed.size(), 1u);
  EXPECT_FALSE(closed[0].confirmed) << "unanswered and still open";
  ASSERT_TRUE(closed[0].close_failure);

  app::close_then_look(backend, link, [&](app::ClosedLink result) { closed.push_back(result); });
  FakeBackend::answer(backend.cancels, down());
  FakeBackend::answer(backend.statuses, paid_status());
  ASSERT_EQ(closed.size(), 2u);
  EXPECT_TRUE(closed[1].confirmed) << "the link says it takes no more";
  EXPECT_EQ(closed[1].last_look.value().payments.size(), 1u);

  app::close_then_look(backend, link, [&](app::ClosedLink result) { closed.push_back(result); });
  FakeBackend::answer(backend.cancels, BOOST_OUTCOME_V2_NAMESPACE::success());
  FakeBackend::answer(backend.statuses, down());
  ASSERT_EQ(closed.size(), 3u);
  EXPECT_FALSE(closed[2].confirmed) << "no last look, no confirmation";
}

TEST_F(LinkPiecesTest, TheLinkCloserClosesEndedSalesLinksAndPutsLatePaymentsOnTheRefundList) {
  ended_with_open_link("T1-A", "link-A");
  int refunds_found = 0;
  app::LinkCloser closer(services, [&] { ++refunds_found; });
  closer.wake();
  clock.advance(0ms);
  ASSERT_EQ(backend.cancels.size(), 1u);
  EXPECT_EQ(backend.cancels.front().link.id, "link-A");
  FakeBackend::answer(backend.cancels, BOOST_OUTCOME_V2_NAMESPACE::success());
  FakeBackend::answer(backend.statuses, app::LinkReport{app::LinkState::kInactive,
                                                        {card_payment("late", 1250, "link-A")}});
  EXPECT_TRUE(ledger->find("T1-A")->link_closed);
  EXPECT_EQ(refunds_found, 1);
  const auto refunds = ledger->refunds_owed();
  ASSERT_EQ(refunds.size(), 1u);
  EXPECT_EQ(refunds[0].payment.payment_id, "late");
  EXPECT_EQ(refunds[0].payment.refund_reason, store::RefundReason::kAfterSale);
  clock.advance(1h);
  EXPECT_TRUE(backend.cancels.empty()) << "nothing left to close";
}

TEST_F(LinkPiecesTest, TheLinkCloserKeepsTryingBackingOffUntilWixConfirms) {
  ended_with_open_link("T1-A", "link-A");
  app::LinkCloser closer(services, [] {});
  closer.wake();
  clock.advance(0ms);
  ASSERT_EQ(backend.cancels.size(), 1u);
  FakeBackend::answer(backend.cancels, down());
  FakeBackend::answer(backend.statuses, down());
  for (const auto wait : {5s, 10s, 20s}) {
    clock.advance(wait - 1ms);
    ASSERT_TRUE(backend.cancels.empty()) << "not before " << wait.count() << " s";
    clock.advance(1ms);
    ASSERT_EQ(backend.cancels.size(), 1u) << "after " << wait.count() << " s";
    FakeBackend::answer(backend.cancels, down());
    FakeBackend::answer(backend.statuses, down());
  }
  EXPECT_FALSE(ledger->find("T1-A")->link_closed);
}

TEST_F(LinkPiecesTest, TheLinkCloserSettlesALostCreateAndClosesTheLinkItMade) {
  ended_uncertain("T1-A");
  app::LinkCloser closer(services, [] {});
  closer.wake();
  clock.advance(0ms);
  ASSERT_EQ(backend.finds.size(), 1u);
  FakeBackend::answer(backend.finds, std::optional<app::PaymentLink>(app::PaymentLink{
                                         "made", "https://pay/made", clock.now() + 5min}));
  EXPECT_EQ(ledger->find("T1-A")->link_id, "made");
  EXPECT_FALSE(ledger->find("T1-A")->create_uncertain);
  ASSERT_EQ(backend.cancels.size(), 1u) << "then the link it found is closed";
  EXPECT_EQ(backend.cancels.front().link.id, "made");
  FakeBackend::answer(backend.cancels, BOOST_OUTCOME_V2_NAMESPACE::success());
  FakeBackend::answer(backend.statuses, app::LinkReport{app::LinkState::kInactive, {}});
  EXPECT_TRUE(ledger->find("T1-A")->link_closed);
  EXPECT_TRUE(ledger->refunds_owed().empty());
}

TEST_F(LinkPiecesTest, AWakeDuringAPassIsNotLostAnotherPassFollows) {
  ended_with_open_link("T1-A", "link-A");
  app::LinkCloser closer(services, [] {});
  closer.wake();
  clock.advance(0ms);
  ASSERT_EQ(backend.cancels.size(), 1u) << "the pass is closing A's link";
  // Meanwhile a sale cut off while creating ends, and wakes the closer to settle it.
  ended_uncertain("T1-B");
  closer.wake();
  FakeBackend::answer(backend.cancels, BOOST_OUTCOME_V2_NAMESPACE::success());
  FakeBackend::answer(backend.statuses, app::LinkReport{app::LinkState::kInactive, {}});
  clock.advance(0ms);
  ASSERT_EQ(backend.finds.size(), 1u) << "B's lost create is looked for at once, not next boot";
  FakeBackend::answer(backend.finds, std::optional<app::PaymentLink>{});
  EXPECT_FALSE(ledger->find("T1-B")->create_uncertain);
}

}  // namespace
}  // namespace linkpos::testing
