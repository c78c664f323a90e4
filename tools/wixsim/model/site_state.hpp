#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "tools/wixsim/model/checkout_pricing.hpp"
#include "tools/wixsim/model/guid_source.hpp"
#include "tools/wixsim/model/link_payment.hpp"
#include "tools/wixsim/model/payment_link.hpp"
#include "tools/wixsim/model/site_properties.hpp"
#include "tools/wixsim/model/wire_format.hpp"
#include "tools/wixsim/model/wix_error.hpp"

namespace linkpos::tools::wixsim {

struct SiteOptions {
  std::string base_url;  // "http://localhost:8080": links' URLs are <base URL>/pay/<id>
  // Take payments on PAID links too, so tests can make a second payment on a single-use link.
  bool ignore_payments_limit = false;
  WireFormat wire;            // how amounts and payments' currency are written
  CheckoutPricing pricing;    // discount and gift-card share of every checkout
  SiteProperties properties;  // the business, its time zone and payment currency
  // Each link created is followed by this many links of other terminals (--busy-site).
  int other_terminals_links = 0;
};

// What the customer gives at checkout: who they are and, optionally, the amount they pay
// (nothing: what is due).
struct CheckoutInput {
  std::optional<ContactDetails> contact;
  std::optional<DecimalAmount> amount;
};

// A completed checkout: its payment records, in creation order (the gift card's first), all
// sharing its ecomCheckoutId.
struct CompletedCheckout {
  std::string checkout_id;
  std::vector<LinkPayment> payments;

  // The record a customer's receipt page shows: the card's, or the gift card's when it paid all.
  const LinkPayment& main_payment() const { return payments.back(); }
};

// A checkout started through Initiate Payment: its page at `url`, <base URL>/checkout/<id>,
// takes the payment of its link just as the link's own page does.
struct InitiatedCheckout {
  std::string id;
  std::string link_id;
  std::string url;
  TimePoint created;
};

// The emulated Wix site: its payment links, their payments and receipts, and the rules that
// move them. Every operation is told the time, so tests decide when links expire. Refusals are
// the errors Wix would answer with.
class SiteState {
 public:
  SiteState(SiteOptions options, GuidSource& guids);

  const SiteOptions& options() const { return options_; }

  // The link, then — on a busy site — the links of other terminals created just after it (1 ms
  // apart, same currency and line items, other titles).
  const PaymentLink& create_link(LinkTerms terms, TimePoint now);

  const PaymentLink* find_link(std::string_view id) const;
  const LinkPayment* find_payment(std::string_view id) const;

  // Deletes a link without payments; 404 for an unknown link, 428 for one that has payments.
  std::optional<WixError> delete_link(std::string_view id);

  // INACTIVE from ACTIVE or EXPIRED (again INACTIVE: no change); 428 for a PAID link, whose
  // payment a deactivation cannot undo.
  std::variant<PaymentLink, WixError> deactivate_link(std::string_view id, TimePoint now);

  // ACTIVE again from INACTIVE (already ACTIVE: no change); 428 for a PAID or EXPIRED link.
  std::variant<PaymentLink, WixError> activate_link(std::string_view id, TimePoint now);

  // What a checkout of the link pays unless the customer chooses: its total less the discount.
  DecimalAmount amount_due(const PaymentLink& link) const;

  // A customer completes the checkout, paying the amount given or what is due, by `contact` or a
  // made-up customer. With a gift-card share the amount is paid in two records (GIFT_CARD, then
  // REGULAR; a part of 0 makes none), added together: no reader sees one without the other.
  // However many records it makes, a checkout counts once towards the payments limit; the link
  // is PAID once that is reached. Refused with 404 for an unknown link, 409 for an INACTIVE or
  // PAID one (PAID is accepted with ignore_payments_limit), 410 for an EXPIRED one.
  std::variant<CompletedCheckout, WixError> pay(std::string_view link_id, TimePoint now,
                                                CheckoutInput input = {});

  // Initiate Payment: starts a checkout of the link, every call a new one. Refused with 404 for
  // an unknown link, 428 PAYMENT_LINK_NOT_PAYABLE for one that takes no payment now (not
  // ACTIVE: a payment would exceed its paymentsLimit, or it is INACTIVE or EXPIRED).
  std::variant<InitiatedCheckout, WixError> initiate_payment(std::string_view link_id,
                                                             TimePoint now);
  const InitiatedCheckout* find_checkout(std::string_view id) const;

  // Whether the link would take a payment now (ACTIVE, or PAID with ignore_payments_limit).
  bool takes_payment(const PaymentLink& link, TimePoint now) const;

  // Issues the payment's receipt and gives its id; 404 for an unknown payment, 409
  // RECEIPT_ALREADY_ISSUED when it has one (its id is on the payment).
  std::variant<std::string, WixError> issue_receipt(std::string_view payment_id, TimePoint now);

  // In creation order.
  const std::vector<PaymentLink>& links() const { return links_; }
  const std::vector<LinkPayment>& payments() const { return payments_; }
  const std::vector<InitiatedCheckout>& checkouts() const { return checkouts_started_; }

  // Test harness, not Wix: payment entries listed as given, after the site's own, so a client
  // meets entries it cannot read (a garbled amount, another currency, no id). They pay nothing.
  void add_raw_payment(nlohmann::json entry) { raw_payments_.push_back(std::move(entry)); }
  const std::vector<nlohmann::json>& raw_payments() const { return raw_payments_; }

 private:
  PaymentLink* link(std::string_view id);
  PaymentLink& add_link(LinkTerms terms, TimePoint now);
  LinkPayment record(const PaymentLink& link, const std::string& checkout_id, PaymentType type,
                     DecimalAmount amount, const ContactDetails& contact, TimePoint now);

  SiteOptions options_;
  GuidSource& guids_;
  std::vector<PaymentLink> links_;
  std::vector<LinkPayment> payments_;
  std::vector<nlohmann::json> raw_payments_;
  std::vector<InitiatedCheckout> checkouts_started_;
  int checkouts_ = 0;
  int other_links_made_ = 0;
};

WixError link_not_found(std::string_view id);

}  // namespace linkpos::tools::wixsim
