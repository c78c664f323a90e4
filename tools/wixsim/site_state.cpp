#include "tools/wixsim/site_state.hpp"

#include <algorithm>
#include <array>

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

const PaymentLink& SiteState::create_link(LinkTerms terms, TimePoint now) {
  PaymentLink link;
  link.id = guids_.next();
  link.created = now;
  link.updated = now;
  link.url = options_.base_url + "/pay/" + link.id;
  link.terms = std::move(terms);
  links_.push_back(std::move(link));
  return links_.back();
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

bool SiteState::takes_payment(const PaymentLink& link, TimePoint now) const {
  const auto status = status_at(link, now);
  return status == LinkStatus::kActive ||
         (status == LinkStatus::kPaid && options_.ignore_payments_limit);
}

std::variant<LinkPayment, WixError> SiteState::pay(std::string_view link_id, TimePoint now,
                                                   std::optional<ContactDetails> contact) {
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

  LinkPayment payment;
  payment.id = guids_.next();
  payment.created = now;
  payment.updated = now;
  payment.link_id = found->id;
  payment.amount = found->terms.total;
  payment.currency = found->terms.currency;
  if (contact) {
    payment.contact = std::move(*contact);
  } else {
    const auto& customer = kMadeUpCustomers[payments_.size() % kMadeUpCustomers.size()];
    payment.contact = {std::string(customer.first_name), std::string(customer.last_name),
                       std::string(customer.email)};
  }
  payments_.push_back(payment);

  ++found->total_payments;
  found->last_payment = now;
  ++found->revision;
  found->updated = now;
  return payment;
}

std::variant<std::string, WixError> SiteState::issue_receipt(std::string_view payment_id,
                                                             TimePoint now) {
  LinkPayment* found = find_by_id(payments_, payment_id);
  if (found == nullptr) {
    return application_error(404, "PAYMENT_LINK_PAYMENT_NOT_FOUND",
                             "payment link payment " + std::string(payment_id) + " not found");
  }
  if (!found->receipt_id) {
    found->receipt_id = guids_.next();
    ++found->revision;
    found->updated = now;
  }
  return *found->receipt_id;
}

}  // namespace linkpos::tools::wixsim
