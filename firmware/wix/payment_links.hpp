#pragma once

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include <boost/outcome/std_result.hpp>

#include "app/backoff.hpp"
#include "hal/clock.hpp"
#include "net/http_client.hpp"
#include "wix/wire.hpp"
#include "wix/wix_error.hpp"

namespace linkpos::wix {

template <class T>
using WixResult = BOOST_OUTCOME_V2_NAMESPACE::std_checked<T, WixError>;

// Who the terminal is to Wix. The key goes into the Authorization header and nowhere else.
struct WixCredentials {
  std::string site_id;
  std::string api_key;
};

// How hard a call tries before it reports a failure: transient failures (no connection, 429,
// 5xx on a call that is safe to repeat) are retried after exponentially growing, jittered
// waits (an app::Backoff from first_wait to longest_wait), or after Wix's Retry-After when that
// is longer.
struct RetryPolicy {
  int attempts = 4;
  std::chrono::milliseconds first_wait{500};
  std::chrono::milliseconds longest_wait{30000};
};

// The Wix Payment Links REST API (../shared/wix-api/CONTRACT.md), one typed call per endpoint,
// over one kept-alive HTTPS connection. Each callback runs once, on the event loop. Calls that
// cannot change anything twice are marked idempotent so a dead kept-alive connection is retried;
// a create that may have reached Wix is reported with may_have_been_sent, never repeated here.
class PaymentLinksClient {
 public:
  PaymentLinksClient(net::HttpClient& http, hal::Clock& clock, WixCredentials credentials,
                     RetryPolicy retry = {});

  void create_link(const CreateLinkRequest& request,
                   std::function<void(WixResult<PaymentLinkInfo>)> done);
  void get_link(const std::string& link_id, std::function<void(WixResult<PaymentLinkInfo>)> done);
  void deactivate_link(const std::string& link_id, std::function<void(WixResult<void>)> done);
  void delete_link(const std::string& link_id, std::function<void(WixResult<void>)> done);
  // Starts Wix's checkout for the link (Initiate Payment); answers the URL where the customer
  // pays at once. Refused (428) when a payment would exceed the link's paymentsLimit.
  void initiate_payment(const std::string& link_id,
                        std::function<void(WixResult<std::string>)> done);
  // One page of links created at or after `since`, newest first.
  void query_links_since(WallTime since, const std::string& cursor,
                         std::function<void(WixResult<Page<PaymentLinkInfo>>)> done);
  // One page of a link's payments.
  void query_payments(const std::string& link_id, const std::string& cursor,
                      std::function<void(WixResult<Page<LinkPayment>>)> done);
  // Every payment of a link, following the cursors.
  void all_payments(const std::string& link_id,
                    std::function<void(WixResult<std::vector<LinkPayment>>)> done);
  // Every payment of the site created at or after `from` and before `to`, oldest first,
  // following the cursors. A period with more pages than a terminal's day can have answers a
  // kBadReply error rather than a list that would look complete.
  void payments_between(WallTime from, WallTime to,
                        std::function<void(WixResult<std::vector<LinkPayment>>)> done);
  // The links among `ids` (at most 100) that Wix has, following the cursors; an id Wix does not
  // answer for is left out.
  void links_with_ids(const std::vector<std::string>& ids,
                      std::function<void(WixResult<std::vector<PaymentLinkInfo>>)> done);
  // Issues Wix's receipt for a payment; answers the receipt id.
  void issue_receipt(const std::string& payment_id,
                     std::function<void(WixResult<std::string>)> done);
  // The payment-links settings: the cheapest authenticated call, for health checks.
  void get_settings(std::function<void(WixResult<std::string>)> done);
  // The site's properties (its payment currency, name, address, time zone). Needs the key's
  // optional "Read site, business, and email details" permission.
  void get_site_properties(std::function<void(WixResult<SiteInfo>)> done);

  // How far Wix's clock is ahead of the terminal's (negative: behind), from the Date header of
  // the last answer that had one; nullopt before any did.
  std::optional<std::chrono::seconds> clock_skew() const { return clock_skew_; }

 private:
  struct Call {
    net::HttpRequest request;
    std::function<void(WixResult<std::string>)> done;
    app::Backoff backoff;  // the ceiling of the wait before the next attempt
    int attempt = 1;
  };
  // The steps of every query answered in pages: a page, then the next, kept alive by their
  // callbacks.
  template <class T>
  class PageCollection;
  template <class T>
  using PageFetch =
      std::function<void(const std::string& cursor, std::function<void(WixResult<Page<T>>)>)>;
  // What a PageCollection does once it has followed `max_pages` pages and Wix has more.
  enum class TooManyPages { kAnswerWhatCame, kFail };
  template <class T>
  void collect(PageFetch<T> fetch, std::function<bool(const T&)> keep, int max_pages,
               TooManyPages too_many, std::function<void(WixResult<std::vector<T>>)> done);

  // One page of a payments or links query: `first_query` on the first page, the cursor alone on
  // the later ones.
  void payments_page(const std::string& first_query, const std::string& cursor,
                     std::function<void(WixResult<Page<LinkPayment>>)> done);
  void links_page(const std::string& first_query, const std::string& cursor,
                  std::function<void(WixResult<Page<PaymentLinkInfo>>)> done);

  void send(net::HttpMethod method, std::string target, std::string body, bool idempotent,
            std::function<void(WixResult<std::string>)> done);
  void attempt(std::shared_ptr<Call> call);
  void on_answer(const std::shared_ptr<Call>& call, net::HttpResult result);
  // The answer's time by Wix's clock (its Date header), which also updates the skew; the
  // terminal's clock when the answer has none.
  WallTime server_time(const net::HttpResponse& response);
  // How long to wait before the next attempt, or nullopt when `error` is final for this call.
  std::optional<std::chrono::milliseconds> retry_wait(Call& call, const WixError& error);

  net::HttpClient& http_;
  hal::Clock& clock_;
  WixCredentials credentials_;
  RetryPolicy retry_;
  std::minstd_rand jitter_;
  std::map<long, hal::Timer> waits_;
  long next_wait_ = 0;
  std::optional<std::chrono::seconds> clock_skew_;
};

}  // namespace linkpos::wix
