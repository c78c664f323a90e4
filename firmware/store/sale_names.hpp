#pragma once

#include <optional>
#include <string_view>

#include "store/ledger.hpp"

namespace linkpos::store {

// The names stages and ends have in the ledger file ("link_created", "cancelled"...). Changing
// one is a schema migration.
std::string_view stage_name(SaleStage stage);
std::optional<SaleStage> stage_from_name(std::string_view name);

std::string_view end_name(SaleEnd end);
std::optional<SaleEnd> end_from_name(std::string_view name);

std::string_view refund_reason_name(RefundReason reason);  // "" for kNone
std::optional<RefundReason> refund_reason_from_name(std::string_view name);

}  // namespace linkpos::store
