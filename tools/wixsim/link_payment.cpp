#include "tools/wixsim/link_payment.hpp"

namespace linkpos::tools::wixsim {

nlohmann::json payment_json(const LinkPayment& payment) {
  const auto& contact = payment.contact;
  nlohmann::json json = {
      {"id", payment.id},
      {"revision", std::to_string(payment.revision)},
      {"createdDate", format_rfc3339(payment.created)},
      {"updatedDate", format_rfc3339(payment.updated)},
      {"paymentLinkId", payment.link_id},
      {"type", "REGULAR"},
      {"amount", format_decimal_amount(payment.amount)},
      {"currency", payment.currency},
      {"currencyCode", payment.currency},
      {"regularPaymentLinkPayment",
       {{"paymentMethod", "creditCard"},
        {"paymentProvider", "wixsim"},
        {"method", "CREDIT_CARD"},
        {"contactDetails",
         {{"firstName", contact.first_name},
          {"lastName", contact.last_name},
          {"fullName", contact.first_name + " " + contact.last_name},
          {"email", contact.email}}},
        {"creditCardPaymentMethodData",
         {{"network", "visa"},
          {"maskedCreditCard", "**** **** **** 4242"},
          {"holderName", contact.first_name + " " + contact.last_name}}}}},
  };
  if (payment.receipt_id)
    json["receiptId"] = *payment.receipt_id;
  return json;
}

}  // namespace linkpos::tools::wixsim
