#include "wix/wix_backend.hpp"

#include <algorithm>
#include <map>
#include <memory>
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
                       std::chrono::system_clock::time_point build_time, QrTarget qr_target)
    : client_(client),
      currency_(std::move(currency)),
      build_time_(build_time),
      qr_target_(qr_target) {}

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
    wire.lines.push_back(LineItem{line.name, line.quantity, app::to_decimal(line.unit_price)});
  wire.expires_at = request.expires_at;
  client_.create_link(wire, [this, expires = request.expires_at,
                             done = std::move(done)](WixResult<PaymentLinkInfo> made) mutable {
    // A server error may come after the link was stored: as uncertain as a lost answer.
    if (!made)
      return done(create_failure(made.error(), std::chrono::system_clock::now(), build_time_));
    const PaymentLinkInfo& link = made.value();
    present(app::PaymentLink{link.id, link.url, link.expires.value_or(expires)}, std::move(done));
  });
}

// No step below has a timer of its own: each waits for one PaymentLinksClient call, whose
// deadline is its HTTP request's (net::HttpClientSettings' timeouts, per attempt), so every
// chain ends with its callback.

class WixBackend::StatusLook : public std::enable_shared_from_this<StatusLook> {
 public:
  StatusLook(WixBackend& backend, std::string link_id,
             std::function<void(app::BackendResult<app::LinkReport>)> done)
      : backend_(backend), link_id_(std::move(link_id)), done_(std::move(done)) {}

  // The status first, then the payments: once a link is PAID, INACTIVE or EXPIRED no payment
  // can come after it, so the list read afterwards is complete. (The other way round, a payment
  // landing between the two reads would show as a PAID link without payments.)
  void start() {
    backend_.client_.get_link(link_id_,
                              [self = shared_from_this()](WixResult<PaymentLinkInfo> info) {
                                self->on_link(std::move(info));
                              });
  }

 private:
  void on_link(WixResult<PaymentLinkInfo> info) {
    if (!info)
      return done_(backend_.failure(info.error()));
    state_ = state_of(info.value().status);
    backend_.client_.all_payments(
        link_id_, [self = shared_from_this()](WixResult<std::vector<LinkPayment>> found) {
          self->on_payments(std::move(found));
        });
  }

  void on_payments(WixResult<std::vector<LinkPayment>> found) {
    if (!found)
      return done_(backend_.failure(found.error()));
    auto payments = backend_.to_payments(found.value());
    // A payment is what matters, whatever the status said a moment before.
    const app::LinkState seen = payments.empty() ? state_ : app::LinkState::kPaid;
    done_(app::LinkReport{seen, std::move(payments)});
  }

  WixBackend& backend_;
  const std::string link_id_;
  std::function<void(app::BackendResult<app::LinkReport>)> done_;
  app::LinkState state_ = app::LinkState::kPending;
};

// Asks Wix for a checkout of a link the sale is about to show. Refused (the link takes no more
// payments), unanswered or garbled, the link's own page takes the same payment, one page
// longer: the answer is then the link with its own URL, so the sale keeps its one link and never
// makes another for it. Nothing is logged here; the sale logs the URL it shows.
class WixBackend::CheckoutStart : public std::enable_shared_from_this<CheckoutStart> {
 public:
  CheckoutStart(WixBackend& backend, app::PaymentLink link,
                std::function<void(app::PaymentLink)> done)
      : backend_(backend), link_(std::move(link)), done_(std::move(done)) {}

  void start() {
    backend_.client_.initiate_payment(link_.id,
                                      [self = shared_from_this()](WixResult<std::string> checkout) {
                                        self->on_initiated(std::move(checkout));
                                      });
  }

 private:
  void on_initiated(WixResult<std::string> checkout) {
    if (checkout)
      link_.url = std::move(checkout.value());
    done_(std::move(link_));
  }

  WixBackend& backend_;
  app::PaymentLink link_;
  std::function<void(app::PaymentLink)> done_;
};

void WixBackend::present(app::PaymentLink link, std::function<void(app::PaymentLink)> done) {
  if (qr_target_ == QrTarget::kLink)
    return done(std::move(link));
  std::make_shared<CheckoutStart>(*this, std::move(link), std::move(done))->start();
}

void WixBackend::get_status(const app::PaymentLink& link,
                            std::function<void(app::BackendResult<app::LinkReport>)> done) {
  std::make_shared<StatusLook>(*this, link.id, std::move(done))->start();
}

class WixBackend::LinkSearch : public std::enable_shared_from_this<LinkSearch> {
 public:
  LinkSearch(WixBackend& backend, std::string reference, WallTime since,
             std::vector<std::string> known,
             std::function<void(app::BackendResult<std::optional<app::PaymentLink>>)> done)
      : backend_(backend),
        reference_(std::move(reference)),
        since_(since),
        known_(std::move(known)),
        done_(std::move(done)) {}

  void next_page(const std::string& cursor) {
    backend_.client_.query_links_since(
        since_, cursor, [self = shared_from_this()](WixResult<Page<PaymentLinkInfo>> page) {
          self->on_page(std::move(page));
        });
  }

 private:
  void on_page(WixResult<Page<PaymentLinkInfo>> page) {
    if (!page)
      return done_(backend_.failure(page.error()));
    // Title filters are UNCONFIRMED in the contract, so the match is ours: the sale's reference
    // is in the title of every link the terminal makes.
    for (const PaymentLinkInfo& link : page.value().items) {
      const bool is_known = std::find(known_.begin(), known_.end(), link.id) != known_.end();
      if (!is_known && link.title.find(reference_) != std::string::npos && !link.url.empty()) {
        return backend_.present(app::PaymentLink{link.id, link.url, link.expires.value_or(since_)},
                                [self = shared_from_this()](app::PaymentLink shown) {
                                  self->on_presented(std::move(shown));
                                });
      }
    }
    if (page.value().next_cursor.empty() || pages_left_ <= 1)
      return done_(std::optional<app::PaymentLink>());
    --pages_left_;
    next_page(page.value().next_cursor);
  }

  void on_presented(app::PaymentLink link) {
    done_(std::optional<app::PaymentLink>(std::move(link)));
  }

  WixBackend& backend_;
  const std::string reference_;
  const WallTime since_;
  const std::vector<std::string> known_;
  std::function<void(app::BackendResult<std::optional<app::PaymentLink>>)> done_;
  int pages_left_ = kMaxSearchPages;
};

void WixBackend::find_link(
    const std::string& reference, app::WallTime since, const std::vector<std::string>& known,
    std::function<void(app::BackendResult<std::optional<app::PaymentLink>>)> done) {
  // Wix dates the link by its own clock: a terminal clock that differs widens the window.
  if (const auto skew = client_.clock_skew())
    since -= std::chrono::abs(*skew);
  std::make_shared<LinkSearch>(*this, reference, since, known, std::move(done))->next_page("");
}

class WixBackend::Deactivation : public std::enable_shared_from_this<Deactivation> {
 public:
  Deactivation(WixBackend& backend, std::string link_id,
               std::function<void(app::BackendResult<void>)> done)
      : backend_(backend), link_id_(std::move(link_id)), done_(std::move(done)) {}

  void start() {
    backend_.client_.deactivate_link(link_id_, [self = shared_from_this()](WixResult<void> result) {
      self->on_deactivated(std::move(result));
    });
  }

 private:
  void on_deactivated(WixResult<void> result) {
    if (result)
      return done_(BOOST_OUTCOME_V2_NAMESPACE::success());
    refusal_ = result.error();
    const WixErrorKind kind = refusal_.kind;
    const bool maybe_closed_already =
        kind == WixErrorKind::kConflict || kind == WixErrorKind::kPrecondition ||
        kind == WixErrorKind::kInvalidRequest || kind == WixErrorKind::kNotFound;
    if (!maybe_closed_already)
      return done_(backend_.failure(refusal_));
    // An expired or paid link cannot be deactivated, and need not be: what counts is that it
    // takes no more payments.
    backend_.client_.get_link(link_id_,
                              [self = shared_from_this()](WixResult<PaymentLinkInfo> info) {
                                self->on_looked(std::move(info));
                              });
  }

  void on_looked(WixResult<PaymentLinkInfo> info) {
    if (info && info.value().status != LinkStatus::kActive &&
        info.value().status != LinkStatus::kUnknown) {
      return done_(BOOST_OUTCOME_V2_NAMESPACE::success());
    }
    done_(backend_.failure(refusal_));
  }

  WixBackend& backend_;
  const std::string link_id_;
  std::function<void(app::BackendResult<void>)> done_;
  WixError refusal_;  // what the deactivation answered
};

void WixBackend::cancel_link(const app::PaymentLink& link,
                             std::function<void(app::BackendResult<void>)> done) {
  std::make_shared<Deactivation>(*this, link.id, std::move(done))->start();
}

class WixBackend::ReceiptIssue : public std::enable_shared_from_this<ReceiptIssue> {
 public:
  ReceiptIssue(WixBackend& backend, std::string link_id, std::string payment_id,
               std::function<void(app::BackendResult<std::string>)> done)
      : backend_(backend),
        link_id_(std::move(link_id)),
        payment_id_(std::move(payment_id)),
        done_(std::move(done)) {}

  void issue() {
    backend_.client_.issue_receipt(payment_id_,
                                   [self = shared_from_this()](WixResult<std::string> issued) {
                                     self->on_issued(std::move(issued));
                                   });
  }

 private:
  void on_issued(WixResult<std::string> issued) {
    if (issued)
      return done_(std::move(issued.value()));
    // Issued already (409), or perhaps issued by a request whose answer was lost: the payment
    // names its receipt once it has one. Only then is issuing tried again.
    failure_ = issued.error();
    backend_.client_.all_payments(
        link_id_, [self = shared_from_this()](WixResult<std::vector<LinkPayment>> payments) {
          self->on_payments(std::move(payments));
        });
  }

  void on_payments(WixResult<std::vector<LinkPayment>> payments) {
    if (payments) {
      for (const auto& found : payments.value()) {
        if (found.id == payment_id_ && !found.receipt_id.empty())
          return done_(found.receipt_id);
      }
    }
    const bool uncertain =
        failure_.may_have_been_sent || failure_.kind == WixErrorKind::kServerError;
    if (payments && uncertain && attempts_left_ > 1) {
      --attempts_left_;
      return issue();
    }
    done_(backend_.failure(failure_));
  }

  WixBackend& backend_;
  const std::string link_id_;
  const std::string payment_id_;
  std::function<void(app::BackendResult<std::string>)> done_;
  WixError failure_;  // what the last issue answered
  int attempts_left_ = 2;
};

void WixBackend::issue_receipt(const app::Payment& payment,
                               std::function<void(app::BackendResult<std::string>)> done) {
  if (!payment.receipt_id.empty())
    return done(payment.receipt_id);  // issued before: the payment names its receipt
  std::make_shared<ReceiptIssue>(*this, payment.link_id, payment.id, std::move(done))->issue();
}

// A period's payments, then the titles of their links, which carry the sales' references.
// The titles come from a links query by id ($in, 100 ids a call): a day of a few hundred sales
// takes a few calls, where Get Link would take one per sale, one after the other, while the
// manager waits for the report. Whether Wix filters links by id is not confirmed (its filtering
// table names createdDate), so a query Wix refuses as invalid, and any link it leaves out, is
// then asked for with Get Link: slower, never wrong.
class WixBackend::PeriodPayments : public std::enable_shared_from_this<PeriodPayments> {
 public:
  PeriodPayments(WixBackend& backend,
                 std::function<void(app::BackendResult<std::vector<app::ServicePayment>>)> done)
      : backend_(backend), done_(std::move(done)) {}

  void start(app::WallTime from, app::WallTime to) {
    backend_.client_.payments_between(
        from, to, [self = shared_from_this()](WixResult<std::vector<LinkPayment>> found) {
          self->on_payments(std::move(found));
        });
  }

 private:
  static constexpr std::size_t kIdsPerQuery = 100;  // a page's worth

  void on_payments(WixResult<std::vector<LinkPayment>> found) {
    if (!found)
      return done_(backend_.failure(found.error()));
    payments_ = backend_.to_payments(found.value());
    for (const app::Payment& payment : payments_) {
      if (!payment.link_id.empty() && titles_.emplace(payment.link_id, std::nullopt).second)
        to_query_.push_back(payment.link_id);
    }
    next_query();
  }

  void next_query() {
    if (queried_ >= to_query_.size())
      return next_get();
    const auto end = std::min(to_query_.size(), queried_ + kIdsPerQuery);
    std::vector<std::string> ids(to_query_.begin() + static_cast<std::ptrdiff_t>(queried_),
                                 to_query_.begin() + static_cast<std::ptrdiff_t>(end));
    queried_ = end;
    backend_.client_.links_with_ids(
        ids, [self = shared_from_this()](WixResult<std::vector<PaymentLinkInfo>> links) {
          self->on_links(std::move(links));
        });
  }

  void on_links(WixResult<std::vector<PaymentLinkInfo>> links) {
    if (!links) {
      if (links.error().kind != WixErrorKind::kInvalidRequest)
        return done_(backend_.failure(links.error()));
      // The filter refused: Get Link finds these one by one.
    } else {
      for (const PaymentLinkInfo& link : links.value())
        titles_[link.id] = link.title;
    }
    next_query();
  }

  void next_get() {
    while (got_ < to_query_.size() && titles_[to_query_[got_]].has_value())
      ++got_;
    if (got_ >= to_query_.size())
      return answer();
    backend_.client_.get_link(to_query_[got_],
                              [self = shared_from_this()](WixResult<PaymentLinkInfo> link) {
                                self->on_link(std::move(link));
                              });
  }

  void on_link(WixResult<PaymentLinkInfo> link) {
    if (link) {
      titles_[to_query_[got_]] = link.value().title;
    } else if (link.error().kind == WixErrorKind::kNotFound) {
      // A link with payments cannot be deleted, yet Wix has none by this id: its payment is
      // still listed, under no title, so the report names no sale for it.
      titles_[to_query_[got_]] = std::string();
    } else {
      return done_(backend_.failure(link.error()));
    }
    ++got_;
    next_get();
  }

  void answer() {
    std::vector<app::ServicePayment> out;
    out.reserve(payments_.size());
    for (app::Payment& payment : payments_) {
      std::string title;
      if (const auto found = titles_.find(payment.link_id); found != titles_.end())
        title = found->second.value_or("");
      out.push_back(app::ServicePayment{std::move(payment), std::move(title)});
    }
    done_(std::move(out));
  }

  WixBackend& backend_;
  std::function<void(app::BackendResult<std::vector<app::ServicePayment>>)> done_;
  std::vector<app::Payment> payments_;
  std::map<std::string, std::optional<std::string>> titles_;  // by link id; nullopt: not yet
  std::vector<std::string> to_query_;                         // the distinct link ids, in order
  std::size_t queried_ = 0;  // how many of to_query_ the links query was asked for
  std::size_t got_ = 0;      // how many of to_query_ are settled after it
};

void WixBackend::payments_between(
    app::WallTime from, app::WallTime to,
    std::function<void(app::BackendResult<std::vector<app::ServicePayment>>)> done) {
  std::make_shared<PeriodPayments>(*this, std::move(done))->start(from, to);
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
