#include "tools/wixsim/model/link_payment.hpp"

namespace linkpos::tools::wixsim {
namespace {

nlohmann::json contact_json(const ContactDetails& contact) {
  return {{"firstName", contact.first_name},
          {"lastName", contact.last_name},
          {"fullName", contact.first_name + " " + contact.last_name},
          {"email", contact.email}};
}

}  // namespace

nlohmann::json payment_json(const LinkPayment& payment, const WireFormat& format) {
  const auto& contact = payment.contact;
  nlohmann::json json = {
      {"id", payment.id},
      {"revision", std::to_string(payment.revision)},
      {"createdDate", format_rfc3339(payment.created)},
      {"updatedDate", format_rfc3339(payment.updated)},
      {"paymentLinkId", payment.link_id},
      {"amount", amount_json(payment.amount, format)},
      {"ecomCheckout", {{"ecomCheckoutId", payment.checkout_id}}},
  };
  write_payment_currency(json, payment.currency, format);
  if (payment.type == PaymentType::kGiftCard) {
    json["type"] = "GIFT_CARD";
    // The sub-object's name and fields are not documented (README: "Choices").
    json["giftCardPaymentLinkPayment"] = {{"maskedGiftCardCode", payment.gift_card_code},
                                          {"contactDetails", contact_json(contact)}};
  } else {
    json["type"] = "REGULAR";
    json["regularPaymentLinkPayment"] = {
        {"paymentMethod", "creditCard"},
        {"paymentProvider", "wixsim"},
        {"method", "CREDIT_CARD"},
        {"contactDetails", contact_json(contact)},
        {"creditCardPaymentMethodData",
         {{"network", "visa"},
          {"maskedCreditCard", "**** **** **** 4242"},
          {"holderName", contact.first_name + " " + contact.last_name}}}};
  }
  if (payment.receipt_id)
    json["receiptId"] = *payment.receipt_id;
  return json;
}

}  // namespace linkpos::tools::wixsim
