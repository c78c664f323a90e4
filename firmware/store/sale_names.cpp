#include "store/sale_names.hpp"

#include <array>
#include <utility>

namespace linkpos::store {
namespace {

constexpr std::array<std::pair<SaleStage, std::string_view>, 8> kStageNames{{
    {SaleStage::kStarted, "started"},
    {SaleStage::kLinkCreated, "link_created"},
    {SaleStage::kUnderpaid, "underpaid"},
    {SaleStage::kCheckPayment, "check_payment"},
    {SaleStage::kPaid, "paid"},
    {SaleStage::kReceiptIssued, "receipt_issued"},
    {SaleStage::kPrinted, "printed"},
    {SaleStage::kEnded, "ended"},
}};

constexpr std::array<std::pair<SaleEnd, std::string_view>, 5> kEndNames{{
    {SaleEnd::kCompleted, "completed"},
    {SaleEnd::kCancelled, "cancelled"},
    {SaleEnd::kExpired, "expired"},
    {SaleEnd::kFailed, "failed"},
    {SaleEnd::kUnresolved, "unresolved"},
}};

constexpr std::array<std::pair<RefundReason, std::string_view>, 5> kRefundReasonNames{{
    {RefundReason::kNone, ""},
    {RefundReason::kOverpaid, "overpaid"},
    {RefundReason::kAfterSale, "after_sale"},
    {RefundReason::kUnreadable, "unreadable"},
    {RefundReason::kUnresolved, "unresolved"},
}};

template <typename Enum, std::size_t N>
std::string_view name_of(const std::array<std::pair<Enum, std::string_view>, N>& names,
                         Enum value) {
  for (const auto& [candidate, name] : names) {
    if (candidate == value)
      return name;
  }
  return "unknown";
}

template <typename Enum, std::size_t N>
std::optional<Enum> value_of(const std::array<std::pair<Enum, std::string_view>, N>& names,
                             std::string_view name) {
  for (const auto& [value, candidate] : names) {
    if (candidate == name)
      return value;
  }
  return std::nullopt;
}

}  // namespace

std::string_view stage_name(SaleStage stage) {
  return name_of(kStageNames, stage);
}
std::optional<SaleStage> stage_from_name(std::string_view name) {
  return value_of(kStageNames, name);
}

std::string_view end_name(SaleEnd end) {
  return name_of(kEndNames, end);
}
std::optional<SaleEnd> end_from_name(std::string_view name) {
  return value_of(kEndNames, name);
}

std::string_view refund_reason_name(RefundReason reason) {
  return name_of(kRefundReasonNames, reason);
}
std::optional<RefundReason> refund_reason_from_name(std::string_view name) {
  return value_of(kRefundReasonNames, name);
}

}  // namespace linkpos::store
