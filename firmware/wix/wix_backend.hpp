#pragma once

#include <chrono>

#include "app/payment_backend.hpp"
#include "wix/payment_links.hpp"

namespace linkpos::wix {

// What the sale's QR code carries: the link's own page (links.url.url), or Wix's checkout for it
// (Initiate Payment), which saves the customer one page.
enum class QrTarget { kLink, kCheckout };

// The sale's payment backend on Wix Payment Links: a link per sale, its payments polled, the
// link deactivated once paid or cancelled, Wix's receipt issued for the payment.
class WixBackend final : public app::PaymentBackend {
 public:
  // `currency` is the terminal's: amounts Wix sends are read with its decimals. `build_time`
  // tells a certificate date failure caused by an unset clock from a real one. With
  // QrTarget::kCheckout, a link made or found for a sale is answered with Wix's checkout URL,
  // or with its own URL when Initiate Payment fails: the sale keeps its one link either way.
  WixBackend(PaymentLinksClient& client, app::Currency currency,
             std::chrono::system_clock::time_point build_time,
             QrTarget qr_target = QrTarget::kLink);

  void create_link(const app::LinkRequest& request,
                   std::function<void(app::BackendResult<app::PaymentLink>)> done) override;
  void get_status(const app::PaymentLink& link,
                  std::function<void(app::BackendResult<app::LinkReport>)> done) override;
  void find_link(
      const std::string& reference, app::WallTime since, const std::vector<std::string>& known,
      std::function<void(app::BackendResult<std::optional<app::PaymentLink>>)> done) override;
  void cancel_link(const app::PaymentLink& link,
                   std::function<void(app::BackendResult<void>)> done) override;
  void issue_receipt(const app::Payment& payment,
                     std::function<void(app::BackendResult<std::string>)> done) override;
  void check_connection(std::function<void(app::BackendResult<void>)> done) override;
  void read_site(std::function<void(app::BackendResult<app::SiteProperties>)> done) override;
  // Wix answers a period's payments (the Payment Link Payments query by createdDate).
  bool reconciles() const override { return true; }
  void payments_between(
      app::WallTime from, app::WallTime to,
      std::function<void(app::BackendResult<std::vector<app::ServicePayment>>)> done) override;
  std::optional<std::chrono::seconds> clock_skew() const override;

 private:
  // The calls that take more than one answer, one named step per answer, each kept alive by
  // its own callbacks until the last.
  class StatusLook;      // the link, then its payments
  class LinkSearch;      // pages of recent links, for the sale's own; then present() it
  class Deactivation;    // deactivate; if refused, is the link closed anyway?
  class ReceiptIssue;    // issue; if that fails, does the payment name a receipt?
  class CheckoutStart;   // Initiate Payment for present(); the link's own URL if that fails
  class PeriodPayments;  // pages of a period's payments, then their links' titles

  // The link as its QR code shows it: with Wix's checkout URL when the terminal asks for it and
  // Initiate Payment answers one, else with its own URL. Answers on the loop, once.
  void present(app::PaymentLink link, std::function<void(app::PaymentLink)> done);
  // to_backend_error() with the terminal's clock and this build's time.
  app::BackendError failure(const WixError& error) const;
  // Every entry, readable or not: one that is not a payment in the sale's currency on a link
  // says why in its problem.
  std::vector<app::Payment> to_payments(const std::vector<LinkPayment>& payments) const;

  PaymentLinksClient& client_;
  app::Currency currency_;
  std::chrono::system_clock::time_point build_time_;
  QrTarget qr_target_;
};

}  // namespace linkpos::wix
