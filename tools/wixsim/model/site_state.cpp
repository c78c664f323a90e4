#include "tools/wixsim/model/site_state.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <chrono>

#include "tools/wixsim/model/busy_site.hpp"

namespace linkpos::tools::wixsim {
namespace {

struct MadeUpCustomer {
  std::string_view first_name;
  std::string_view last_name;
  std::string_view email;
};

constexpr std::array<MadeUpCustomer, 4> kMadeUpCustomers = {{
    {"Ada", "Lovelace", "ada.lovelace@example.com"},
    {"Alan", "Turing", "alan.turing@example.com"},
    {"Grace", "Hopper", "grace.hopper@example.com"},
    {"Edsger", "Dijkstra", "edsger.dijkstra@example.com"},
}};

WixError already_paid(std::string_view id) {
  return application_error(428, "PAYMENT_LINK_ALREADY_PAID",
                           "payment link " + std::string(id) + " has reached its payments limit");
}

// The link or payment with that id in `items`, or nullptr.
template <class Items>
auto* find_by_id(Items& items, std::string_view id) {
  const auto found =
      std::find_if(items.begin(), items.end(), [&](const auto& item) { return item.id == id; });
  return found == items.end() ? nullptr : &*found;
}

}  // namespace

WixError link_not_found(std::string_view id) {
  return application_error(404, "PAYMENT_LINK_NOT_FOUND",
                           "payment link " + std::string(id) + " not found");
}

SiteState::SiteState(SiteOptions options, GuidSource& guids)
    : options_(std::move(options)), guids_(guids) {}

PaymentLink& SiteState::add_link(LinkTerms terms, TimePoint now) {
  PaymentLink link;
  link.id = guids_.next();
  link.created = now;
  link.updated = now;
  link.url = options_.base_url + "/pay/" + link.id;
  link.terms = std::move(terms);
  links_.push_back(std::move(link));
  return links_.back();
}

const PaymentLink& SiteState::create_link(LinkTerms terms, TimePoint now) {
  const std::size_t created = links_.size();
  add_link(std::move(terms), now);
  for (int i = 1; i <= options_.other_terminals_links; ++i) {
    // Later than the link, so a newest-first search meets them before it.
    add_link(other_terminal_terms(links_[created].terms, ++other_links_made_),
             now + std::chrono::milliseconds(i));
  }
  return links_[created];  // by index: adding the others may have moved it
}

const PaymentLink* SiteState::find_link(std::string_view id) const {
  return find_by_id(links_, id);
}

PaymentLink* SiteState::link(std::string_view id) {
  return find_by_id(links_, id);
}

const LinkPayment* SiteState::find_payment(std::string_view id) const {
  return find_by_id(payments_, id);
}

std::optional<WixError> SiteState::delete_link(std::string_view id) {
  const auto found =
      std::find_if(links_.begin(), links_.end(), [&](const auto& link) { return link.id == id; });
  if (found == links_.end())
    return link_not_found(id);
  if (found->total_payments > 0) {
    return application_error(
        428, "PAYMENT_LINK_HAS_PAYMENTS",
        "payment link " + std::string(id) + " has payments and cannot be deleted");
  }
  links_.erase(found);
  return std::nullopt;
}

std::variant<PaymentLink, WixError> SiteState::deactivate_link(std::string_view id, TimePoint now) {
  PaymentLink* found = link(id);
  if (found == nullptr)
    return link_not_found(id);
  const auto status = status_at(*found, now);
  if (status == LinkStatus::kPaid)
    return already_paid(id);
  if (status != LinkStatus::kInactive) {
    found->deactivated = true;
    ++found->revision;
    found->updated = now;
  }
  return *found;
}

std::variant<PaymentLink, WixError> SiteState::activate_link(std::string_view id, TimePoint now) {
  PaymentLink* found = link(id);
  if (found == nullptr)
    return link_not_found(id);
  PaymentLink active = *found;
  active.deactivated = false;
  const auto status = status_at(active, now);
  if (status == LinkStatus::kPaid)
    return already_paid(id);
  if (status == LinkStatus::kExpired) {
    return application_error(428, "PAYMENT_LINK_EXPIRED",
                             "payment link " + std::string(id) + " has expired");
  }
  if (found->deactivated) {
    found->deactivated = false;
    ++found->revision;
    found->updated = now;
  }
  return *found;
}

std::variant<InitiatedCheckout, WixError> SiteState::initiate_payment(std::string_view link_id,
                                                                      TimePoint now) {
  const PaymentLink* found = find_link(link_id);
  if (found == nullptr)
    return link_not_found(link_id);
  if (!takes_payment(*found, now)) {
    return application_error(428, "PAYMENT_LINK_NOT_PAYABLE",
                             "payment link " + std::string(link_id) + " is " +
                                 std::string(status_name(status_at(*found, now))) +
                                 " and takes no payment");
  }
  InitiatedCheckout checkout;
  checkout.id = guids_.next();
  checkout.link_id = found->id;
  checkout.url = options_.base_url + "/checkout/" + checkout.id;
  checkout.created = now;
  checkouts_started_.push_back(checkout);
  return checkout;
}

const InitiatedCheckout* SiteState::find_checkout(std::string_view id) const {
  return find_by_id(checkouts_started_, id);
}

bool SiteState::takes_payment(const PaymentLink& link, TimePoint now) const {
  const auto status = status_at(link, now);
  return status == LinkStatus::kActive ||
         (status == LinkStatus::kPaid && options_.ignore_payments_limit);
}

DecimalAmount SiteState::amount_due(const PaymentLink& link) const {
  return wixsim::amount_due(link.terms.total, options_.pricing.discount);
}

LinkPayment SiteState::record(const PaymentLink& link, const std::string& checkout_id,
                              PaymentType type, DecimalAmount amount, const ContactDetails& contact,
                              TimePoint now) {
  LinkPayment payment;
  payment.id = guids_.next();
  payment.created = now;
  payment.updated = now;
  payment.link_id = link.id;
  payment.checkout_id = checkout_id;
  payment.type = type;
  payment.amount = amount;
  payment.currency = link.terms.currency;
  payment.contact = contact;
  if (type == PaymentType::kGiftCard) {
    std::string code = payment.id.substr(payment.id.size() - 4);
    std::transform(code.begin(), code.end(), code.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    payment.gift_card_code = "****-****-" + code;
  }
  return payment;
}

std::variant<CompletedCheckout, WixError> SiteState::pay(std::string_view link_id, TimePoint now,
                                                         CheckoutInput input) {
  PaymentLink* found = link(link_id);
  if (found == nullptr)
    return link_not_found(link_id);
  const std::string id(link_id);
  switch (status_at(*found, now)) {
    case LinkStatus::kActive:
      break;
    case LinkStatus::kPaid:
      if (options_.ignore_payments_limit)
        break;
      return application_error(409, "PAYMENT_LINK_ALREADY_PAID",
                               "payment link " + id + " is already paid");
    case LinkStatus::kInactive:
      return application_error(409, "PAYMENT_LINK_NOT_ACTIVE",
                               "payment link " + id + " is not active");
    case LinkStatus::kExpired:
      return application_error(410, "PAYMENT_LINK_EXPIRED", "payment link " + id + " has expired");
  }

  ContactDetails contact;
  if (input.contact) {
    contact = std::move(*input.contact);
  } else {
    const auto& customer =
        kMadeUpCustomers[static_cast<std::size_t>(checkouts_) % kMadeUpCustomers.size()];
    contact = {std::string(customer.first_name), std::string(customer.last_name),
               std::string(customer.email)};
  }
  ++checkouts_;
  const DecimalAmount amount = input.amount ? *input.amount : amount_due(*found);
  const PaymentParts parts = split_payment(amount, options_.pricing.gift_card);

  CompletedCheckout checkout;
  checkout.checkout_id = guids_.next();
  if (parts.gift_card.thousandths > 0) {
    checkout.payments.push_back(record(*found, checkout.checkout_id, PaymentType::kGiftCard,
                                       parts.gift_card, contact, now));
  }
  if (parts.regular.thousandths > 0 || checkout.payments.empty()) {
    checkout.payments.push_back(
        record(*found, checkout.checkout_id, PaymentType::kRegular, parts.regular, contact, now));
  }
  // One step, between requests: a query sees all of the checkout's records or none.
  payments_.insert(payments_.end(), checkout.payments.begin(), checkout.payments.end());

  ++found->total_payments;  // a checkout, not a record
  found->last_payment = now;
  ++found->revision;
  found->updated = now;
  return checkout;
}

std::variant<std::string, WixError> SiteState::issue_receipt(std::string_view payment_id,
                                                             TimePoint now) {
  LinkPayment* found = find_by_id(payments_, payment_id);
  if (found == nullptr) {
    return application_error(404, "PAYMENT_LINK_PAYMENT_NOT_FOUND",
                             "payment link payment " + std::string(payment_id) + " not found");
  }
  if (found->receipt_id) {
    return application_error(
        409, "RECEIPT_ALREADY_ISSUED",
        "a receipt was already issued for payment link payment " + std::string(payment_id));
  }
  found->receipt_id = guids_.next();
  ++found->revision;
  found->updated = now;
  return *found->receipt_id;
}

}  // namespace linkpos::tools::wixsim
