#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <boost/outcome/std_result.hpp>

#include "app/money.hpp"

namespace linkpos::app {

// What went wrong talking to the payment service, sorted by what the cashier can do about it.
enum class BackendFailure {
  kUnreachable,  // no network, DNS, refused, timed out: try again when the network is back
  kRejectedKey,  // the API key or site is not accepted: a technician must fix the config
  kRefused,      // the service understood and said no (validation, not found, conflict)
  kBusy,         // rate limited: wait, then try again
  kServerError,  // the service failed (5xx): try again later
  kBadReply,     // the reply made no sense: try again, tell the technician if it persists
  kSecurity,     // TLS: untrusted or expired certificate, wrong host
  kClockWrong,   // the terminal's clock is so wrong that certificates look invalid
};

struct BackendError {
  BackendFailure failure = BackendFailure::kUnreachable;
  std::string detail;  // for the technician's log and the error screen's small print; no secrets
  // The request may have taken effect although no answer came (a create sent before the
  // connection dropped): the caller must find out before repeating it.
  bool uncertain = false;
};

template <class T>
using BackendResult = BOOST_OUTCOME_V2_NAMESPACE::std_checked<T, BackendError>;

using WallTime = std::chrono::system_clock::time_point;

// One line item of a link, as the customer's checkout lists it.
struct SaleLine {
  std::string name;
  int quantity = 1;
  Money unit_price;
};

struct LinkRequest {
  std::string reference;  // "<terminal id>-<ULID>", also inside the title
  std::string title;
  std::vector<SaleLine> lines;
  Money total;
  WallTime expires_at;
};

struct PaymentLink {
  std::string id;
  std::string url;  // what the QR code carries
  WallTime expires_at;
};

enum class LinkState {
  kPending,   // open, nothing paid yet
  kPaid,      // at least one payment is in
  kExpired,   // past its expiry without payment
  kInactive,  // deactivated without payment
};

// One payment record the service holds for a link. A checkout paid partly by gift card makes
// one record per part.
struct Payment {
  std::string id;
  std::string link_id;
  // Exact, in thousandths of the sale currency's unit (exact_amount.hpp); nullopt when the entry
  // could not be read, and then `problem` says why.
  std::optional<std::int64_t> thousandths;
  std::string problem;
  std::string kind;        // "REGULAR", "GIFT_CARD", ... as the service names it
  std::string payer;       // the customer's name, when the service gives it
  std::string card;        // the masked card number, when the service gives it
  std::string receipt_id;  // the service's receipt for this payment, once issued

  bool readable() const { return thousandths.has_value(); }
};

// A link's state and every payment it took, oldest first, unreadable entries included: nothing
// may hide a payment. Payments can exist in any state: a customer may finish paying just as the
// link is cancelled.
struct LinkReport {
  LinkState state = LinkState::kPending;
  std::vector<Payment> payments;
};

// What the service says about the shop itself. Every field is empty when it was not given.
struct SiteProperties {
  std::string payment_currency;  // ISO 4217: the only currency the site takes payments in
  std::string business_name;
  std::vector<std::string> address;  // lines, as a receipt would print them
  std::string time_zone;             // IANA name
};

// A payment the service holds, with the title of its link (which carries the sale's reference).
struct ServicePayment {
  Payment payment;
  std::string link_title;
};

// The payment service the sale talks to (Wix Payment Links, or the offline demo). Each call
// answers exactly once through its callback, on the event loop, never from inside the call.
class PaymentBackend {
 public:
  virtual ~PaymentBackend() = default;

  virtual void create_link(const LinkRequest& request,
                           std::function<void(BackendResult<PaymentLink>)> done) = 0;
  virtual void get_status(const PaymentLink& link,
                          std::function<void(BackendResult<LinkReport>)> done) = 0;
  // The link a create for `reference` made, if any, other than the `known` links the sale has
  // already: searches links made since `since` (there is no idempotency key, so a create whose
  // answer was lost is settled this way before any retry).
  virtual void find_link(const std::string& reference, WallTime since,
                         const std::vector<std::string>& known,
                         std::function<void(BackendResult<std::optional<PaymentLink>>)> done) = 0;
  // Stops the link taking payments. Safe to repeat.
  virtual void cancel_link(const PaymentLink& link,
                           std::function<void(BackendResult<void>)> done) = 0;
  // Has the service issue its own receipt for `payment` (of the link `payment.link_id`); answers
  // the receipt id, or an empty string for services without receipts. Safe to repeat: a payment
  // whose receipt exists answers that receipt.
  virtual void issue_receipt(const Payment& payment,
                             std::function<void(BackendResult<std::string>)> done) = 0;
  // A cheap authenticated call: can sales be taken right now?
  virtual void check_connection(std::function<void(BackendResult<void>)> done) = 0;
  // The site's own facts; a failure here (a key without that permission) does not stop sales.
  virtual void read_site(std::function<void(BackendResult<SiteProperties>)> done) = 0;
  // Whether the service can be asked for a period's payments, so reports reconcile with it (the
  // demo cannot).
  virtual bool reconciles() const = 0;
  // Every payment the service took at or after `from` and before `to`, with its link's title:
  // a day's payments, paged through, not asked for link by link.
  virtual void payments_between(
      WallTime from, WallTime to,
      std::function<void(BackendResult<std::vector<ServicePayment>>)> done) = 0;
  // How far the service's clock is ahead of the terminal's (negative: behind), once an answer
  // carried its time.
  virtual std::optional<std::chrono::seconds> clock_skew() const = 0;
};

}  // namespace linkpos::app
