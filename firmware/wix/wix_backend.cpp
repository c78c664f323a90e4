#include "wix/wix_backend.hpp"

#include <algorithm>
#include <utility>

#include "app/exact_amount.hpp"
#include "wix/backend_error.hpp"

namespace linkpos::wix {
namespace {

// Links made in the few minutes around one sale fit in a page or two; a shop making thousands
// of links a minute elsewhere would need more, and then the search gives up rather than stall.
constexpr int kMaxSearchPages = 10;

app::LinkState state_of(LinkStatus status) {
  switch (status) {
    case LinkStatus::kInactive:
      return app::LinkState::kInactive;
    case LinkStatus::kExpired:
      return app::LinkState::kExpired;
    case LinkStatus::kPaid:
      return app::LinkState::kPaid;
    case LinkStatus::kActive:
    case LinkStatus::kUnknown:  // a state this client does not know: keep watching
      return app::LinkState::kPending;
  }
  return app::LinkState::kPending;
}

}  // namespace

WixBackend::WixBackend(PaymentLinksClient& client, app::Currency currency,
                       std::chrono::system_clock::time_point build_time)
    : client_(client), currency_(std::move(currency)), build_time_(build_time) {}

app::BackendError WixBackend::failure(const WixError& error) const {
  return to_backend_error(error, std::chrono::system_clock::now(), build_time_);
}

std::vector<app::Payment> WixBackend::to_payments(const std::vector<LinkPayment>& payments) const {
  std::vector<app::Payment> out;
  for (const LinkPayment& payment : payments) {
    app::Payment read{payment.id,   payment.link_id, std::nullopt, payment.problem,
                      payment.kind, payment.payer,   payment.card, payment.receipt_id};
    if (read.problem.empty()) {
      const auto thousandths = app::parse_wix_amount(payment.amount);
      if (payment.currency.empty()) {
        read.problem = "payment " + payment.id + " names no currency";
      } else if (payment.currency != currency_.code) {
        read.problem = "payment " + payment.id + " is in " + payment.currency + ", the sale in " +
                       currency_.code;
      } else if (payment.link_id.empty()) {
        read.problem = "payment " + payment.id + " names no payment link";
      } else if (!thousandths) {
        read.problem = "payment " + payment.id + " has the amount \"" + payment.amount +
                       "\", not a Wix amount";
      } else {
        read.thousandths = thousandths;
      }
    }
    out.push_back(std::move(read));
  }
  return out;
}

void WixBackend::create_link(const app::LinkRequest& request,
                             std::function<void(app::BackendResult<app::PaymentLink>)> done) {
  CreateLinkRequest wire;
  wire.title = request.title;
  wire.currency = request.total.currency.code;
  for (const auto& line : request.lines)
    wire.lines.push_back(LineItem{line.name, 1, app::to_decimal(line.amount)});
  wire.expires_at = request.expires_at;
  client_.create_link(wire, [this, expires = request.expires_at,
                             done = std::move(done)](WixResult<PaymentLinkInfo> made) {
    // A server error may come after the link was stored: as uncertain as a lost answer.
    if (!made)
      return done(create_failure(made.error(), std::chrono::system_clock::now(), build_time_));
    const PaymentLinkInfo& link = made.value();
    done(app::PaymentLink{link.id, link.url, link.expires.value_or(expires)});
  });
}

void WixBackend::get_status(const app::PaymentLink& link,
                            std::function<void(app::BackendResult<app::LinkReport>)> done) {
  // The status first, then the payments: once a link is PAID, INACTIVE or EXPIRED no payment
  // can come after it, so the list read afterwards is complete. (The other way round, a payment
  // landing between the two reads would show as a PAID link without payments.)
  client_.get_link(link.id, [this, id = link.id,
                             done = std::move(done)](WixResult<PaymentLinkInfo> info) mutable {
    if (!info)
      return done(failure(info.error()));
    const app::LinkState state = state_of(info.value().status);
    client_.all_payments(
        id, [this, state, done = std::move(done)](WixResult<std::vector<LinkPayment>> found) {
          if (!found)
            return done(failure(found.error()));
          auto payments = to_payments(found.value());
          // A payment is what matters, whatever the status said a moment before.
          const app::LinkState seen = payments.empty() ? state : app::LinkState::kPaid;
          done(app::LinkReport{seen, std::move(payments)});
        });
  });
}

void WixBackend::find_link(
    const std::string& reference, app::WallTime since, const std::vector<std::string>& known,
    std::function<void(app::BackendResult<std::optional<app::PaymentLink>>)> done) {
  // Wix dates the link by its own clock: a terminal clock that differs widens the window.
  if (const auto skew = client_.clock_skew())
    since -= std::chrono::abs(*skew);
  search_pages(reference, since, known, "", kMaxSearchPages, std::move(done));
}

void WixBackend::search_pages(
    std::string reference, WallTime since, std::vector<std::string> known, std::string cursor,
    int pages_left, std::function<void(app::BackendResult<std::optional<app::PaymentLink>>)> done) {
  client_.query_links_since(
      since, cursor,
      [this, reference, since, known, pages_left,
       done = std::move(done)](WixResult<Page<PaymentLinkInfo>> page) mutable {
        if (!page)
          return done(failure(page.error()));
        // Title filters are UNCONFIRMED in the contract, so the match is ours: the sale's reference
        // is in the title of every link the terminal makes.
        for (const PaymentLinkInfo& link : page.value().items) {
          const bool is_known = std::find(known.begin(), known.end(), link.id) != known.end();
          if (!is_known && link.title.find(reference) != std::string::npos && !link.url.empty()) {
            return done(std::optional<app::PaymentLink>(
                app::PaymentLink{link.id, link.url, link.expires.value_or(since)}));
          }
        }
        if (page.value().next_cursor.empty() || pages_left <= 1)
          return done(std::optional<app::PaymentLink>());
        search_pages(std::move(reference), since, std::move(known), page.value().next_cursor,
                     pages_left - 1, std::move(done));
      });
}

void WixBackend::cancel_link(const app::PaymentLink& link,
                             std::function<void(app::BackendResult<void>)> done) {
  client_.deactivate_link(
      link.id, [this, id = link.id, done = std::move(done)](WixResult<void> result) mutable {
        if (result)
          return done(BOOST_OUTCOME_V2_NAMESPACE::success());
        const WixErrorKind kind = result.error().kind;
        const bool maybe_closed_already =
            kind == WixErrorKind::kConflict || kind == WixErrorKind::kPrecondition ||
            kind == WixErrorKind::kInvalidRequest || kind == WixErrorKind::kNotFound;
        if (!maybe_closed_already)
          return done(failure(result.error()));
        // An expired or paid link cannot be deactivated, and need not be: what counts is that it
        // takes no more payments.
        client_.get_link(id, [this, first = result.error(),
                              done = std::move(done)](WixResult<PaymentLinkInfo> info) {
          if (info && info.value().status != LinkStatus::kActive &&
              info.value().status != LinkStatus::kUnknown) {
            return done(BOOST_OUTCOME_V2_NAMESPACE::success());
          }
          done(failure(first));
        });
      });
}

void WixBackend::issue_receipt(const app::Payment& payment,
                               std::function<void(app::BackendResult<std::string>)> done) {
  if (!payment.receipt_id.empty())
    return done(payment.receipt_id);  // issued before: the payment names its receipt
  issue_receipt_attempt(payment.link_id, payment.id, /*attempts_left=*/2, std::move(done));
}

void WixBackend::issue_receipt_attempt(std::string link_id, std::string payment_id,
                                       int attempts_left,
                                       std::function<void(app::BackendResult<std::string>)> done) {
  client_.issue_receipt(
      payment_id, [this, link_id, payment_id, attempts_left,
                   done = std::move(done)](WixResult<std::string> issued) mutable {
        if (issued)
          return done(std::move(issued.value()));
        // Issued already (409), or perhaps issued by a request whose answer was lost: the payment
        // names its receipt once it has one. Only then is issuing tried again.
        const WixError first = issued.error();
        client_.all_payments(
            link_id, [this, link_id, payment_id, attempts_left, first, done = std::move(done)](
                         WixResult<std::vector<LinkPayment>> payments) mutable {
              if (payments) {
                for (const auto& found : payments.value()) {
                  if (found.id == payment_id && !found.receipt_id.empty())
                    return done(found.receipt_id);
                }
              }
              const bool uncertain =
                  first.may_have_been_sent || first.kind == WixErrorKind::kServerError;
              if (payments && uncertain && attempts_left > 1) {
                return issue_receipt_attempt(std::move(link_id), std::move(payment_id),
                                             attempts_left - 1, std::move(done));
              }
              done(failure(first));
            });
      });
}

void WixBackend::check_connection(std::function<void(app::BackendResult<void>)> done) {
  client_.get_settings([this, done = std::move(done)](WixResult<std::string> settings) {
    if (!settings)
      return done(failure(settings.error()));
    done(BOOST_OUTCOME_V2_NAMESPACE::success());
  });
}

void WixBackend::read_site(std::function<void(app::BackendResult<app::SiteProperties>)> done) {
  client_.get_site_properties([this, done = std::move(done)](WixResult<SiteInfo> site) {
    if (!site)
      return done(failure(site.error()));
    const SiteInfo& info = site.value();
    done(app::SiteProperties{info.payment_currency, info.business_name, info.address,
                             info.time_zone});
  });
}

std::optional<std::chrono::seconds> WixBackend::clock_skew() const {
  return client_.clock_skew();
}

}  // namespace linkpos::wix
