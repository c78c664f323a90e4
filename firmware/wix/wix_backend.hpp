#pragma once

#include <chrono>

#include "app/payment_backend.hpp"
#include "wix/payment_links.hpp"

namespace linkpos::wix {

// The sale's payment backend on Wix Payment Links: a link per sale, its payments polled, the
// link deactivated once paid or cancelled, Wix's receipt issued for the payment.
class WixBackend final : public app::PaymentBackend {
 public:
  // `currency` is the terminal's: amounts Wix sends are read with its decimals. `build_time`
  // tells a certificate date failure caused by an unset clock from a real one.
  WixBackend(PaymentLinksClient& client, app::Currency currency,
             std::chrono::system_clock::time_point build_time);

  void create_link(const app::LinkRequest& request,
                   std::function<void(app::BackendResult<app::PaymentLink>)> done) override;
  void get_status(const app::PaymentLink& link,
                  std::function<void(app::BackendResult<app::LinkStatus>)> done) override;
  void find_link(
      const std::string& reference, app::WallTime since,
      std::function<void(app::BackendResult<std::optional<app::PaymentLink>>)> done) override;
  void cancel_link(const app::PaymentLink& link,
                   std::function<void(app::BackendResult<void>)> done) override;
  void issue_receipt(const app::PaymentLink& link, const app::Payment& payment,
                     std::function<void(app::BackendResult<std::string>)> done) override;
  void check_connection(std::function<void(app::BackendResult<void>)> done) override;

 private:
  app::BackendError to_backend_error(const WixError& error) const;
  app::BackendResult<std::vector<app::Payment>> to_payments(
      const std::vector<LinkPayment>& payments) const;
  void search_pages(std::string reference, WallTime since, std::string cursor, int pages_left,
                    std::function<void(app::BackendResult<std::optional<app::PaymentLink>>)> done);

  PaymentLinksClient& client_;
  app::Currency currency_;
  std::chrono::system_clock::time_point build_time_;
};

}  // namespace linkpos::wix
