#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "tools/wixsim/guid_source.hpp"
#include "tools/wixsim/link_payment.hpp"
#include "tools/wixsim/payment_link.hpp"
#include "tools/wixsim/wix_error.hpp"

namespace linkpos::tools::wixsim {

struct SiteOptions {
  std::string base_url;  // "http://localhost:8080": links' URLs are <base URL>/pay/<id>
  // Take payments on PAID links too, so tests can make a second payment on a single-use link.
  bool ignore_payments_limit = false;
};

// The emulated Wix site: its payment links, their payments and receipts, and the rules that
// move them. Every operation is told the time, so tests decide when links expire. Refusals are
// the errors Wix would answer with.
class SiteState {
 public:
  SiteState(SiteOptions options, GuidSource& guids);

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

  // A customer completes the checkout: a payment of the link's total, by `contact` or a
  // made-up customer. The link is PAID once its payments limit is reached. Refused with 404 for an
  // unknown link, 409 for an INACTIVE or PAID one (PAID is accepted with ignore_payments_limit),
  // 410 for an EXPIRED one.
  std::variant<LinkPayment, WixError> pay(std::string_view link_id, TimePoint now,
                                          std::optional<ContactDetails> contact = std::nullopt);

  // Whether the link would take a payment now (ACTIVE, or PAID with ignore_payments_limit).
  bool takes_payment(const PaymentLink& link, TimePoint now) const;

  // The payment's receipt id, issuing the receipt the first time; 404 for an unknown payment.
  std::variant<std::string, WixError> issue_receipt(std::string_view payment_id, TimePoint now);

  // In creation order.
  const std::vector<PaymentLink>& links() const { return links_; }
  const std::vector<LinkPayment>& payments() const { return payments_; }

 private:
  PaymentLink* link(std::string_view id);

  SiteOptions options_;
  GuidSource& guids_;
  std::vector<PaymentLink> links_;
  std::vector<LinkPayment> payments_;
};

WixError link_not_found(std::string_view id);

}  // namespace linkpos::tools::wixsim
