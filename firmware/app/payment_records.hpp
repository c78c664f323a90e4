#pragma once

#include <cstdint>
#include <vector>

#include "app/payment_backend.hpp"
#include "store/ledger.hpp"

// Payments cross between what the backend lists and what the ledger keeps.
namespace linkpos::app {

// The payments as the ledger keeps them, seen at `seen_at_ms`.
std::vector<store::PaymentRecord> as_records(const std::vector<Payment>& payments,
                                             std::int64_t seen_at_ms);

// A payment the ledger keeps, as the backend knows it.
Payment as_payment(const store::PaymentRecord& record);

}  // namespace linkpos::app
