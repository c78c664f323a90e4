#include "app/payment_records.hpp"

namespace linkpos::app {

std::vector<store::PaymentRecord> as_records(const std::vector<Payment>& payments,
                                             std::int64_t seen_at_ms) {
  std::vector<store::PaymentRecord> records;
  for (const Payment& payment : payments) {
    store::PaymentRecord record;
    record.payment_id = payment.id;
    record.link_id = payment.link_id;
    record.amount_thousandths = payment.thousandths;
    record.problem = payment.problem;
    record.kind = payment.kind;
    record.payer = payment.payer;
    record.card = payment.card;
    record.backend_receipt_id = payment.receipt_id;
    record.seen_at_ms = seen_at_ms;
    records.push_back(std::move(record));
  }
  return records;
}

Payment as_payment(const store::PaymentRecord& record) {
  return Payment{
      record.payment_id, record.link_id, record.amount_thousandths, record.problem, record.kind,
      record.payer,      record.card,    record.backend_receipt_id};
}

}  // namespace linkpos::app
