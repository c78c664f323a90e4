#include "wix/payment_links.hpp"

#include <set>
#include <utility>

#include "wix/http_date.hpp"
#include "wix/server_text.hpp"

namespace linkpos::wix {
namespace {

constexpr const char* kLinks = "/payment-links/v1/payment-links";
constexpr const char* kPayments = "/payment-links/v1/payment-link-payments";
constexpr const char* kSettings = "/payment-links/v1/payment-links-settings";
constexpr const char* kSiteProperties = "/site-properties/v4/properties";
// A link with more pages of payments than this is not a terminal's link: stop following.
constexpr int kMaxPaymentPages = 20;
// A report period's payments, the whole site's: 10 000 is far beyond a shop's day.
constexpr int kMaxPeriodPages = 100;
// The links of at most 100 ids fit one page; a service that ignored the filter is not followed
// through all its links.
constexpr int kMaxIdPages = 3;

// Ids go into paths; anything but the characters of a GUID is percent-encoded.
std::string path_segment(const std::string& id) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const unsigned char c : id) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
        c == '_') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    }
  }
  return out;
}

WixError bad_reply(const std::string& what, const BadReply& problem) {
  WixError error;
  error.kind = WixErrorKind::kBadReply;
  error.http_status = 200;
  error.message = "unexpected reply from Wix to " + what + ": " + problem.problem;
  return error;
}

template <class T>
WixResult<T> parsed_or_error(Parsed<T> parsed, const std::string& what) {
  if (auto* problem = std::get_if<BadReply>(&parsed))
    return bad_reply(what, *problem);
  return std::get<T>(std::move(parsed));
}

}  // namespace

PaymentLinksClient::PaymentLinksClient(net::HttpClient& http, hal::Clock& clock,
                                       WixCredentials credentials, RetryPolicy retry)
    : http_(http),
      clock_(clock),
      credentials_(std::move(credentials)),
      retry_(retry),
      jitter_(std::random_device{}()) {}

void PaymentLinksClient::send(net::HttpMethod method, std::string target, std::string body,
                              bool idempotent, std::function<void(WixResult<std::string>)> done) {
  net::HttpRequest request;
  request.method = method;
  request.target = std::move(target);
  request.idempotent = idempotent;
  request.headers["Authorization"] = credentials_.api_key;
  request.headers["wix-site-id"] = credentials_.site_id;
  request.headers["Accept"] = "application/json";
  if (method != net::HttpMethod::kGet && method != net::HttpMethod::kDelete) {
    request.headers["Content-Type"] = "application/json";
    request.body = body.empty() ? "{}" : std::move(body);
  }
  attempt(std::make_shared<Call>(Call{std::move(request), std::move(done),
                                      app::Backoff(retry_.first_wait, retry_.longest_wait)}));
}

void PaymentLinksClient::attempt(std::shared_ptr<Call> call) {
  http_.request(call->request,
                [this, call](net::HttpResult result) { on_answer(call, std::move(result)); });
}

WallTime PaymentLinksClient::server_time(const net::HttpResponse& response) {
  const WallTime local = clock_.now();
  const auto date = response.headers.find("date");
  if (date == response.headers.end())
    return local;
  const auto server = parse_http_date(date->second);
  if (!server)
    return local;
  // The header has whole seconds: compared with the terminal's reading cut the same way.
  clock_skew_ = std::chrono::duration_cast<std::chrono::seconds>(
      *server - std::chrono::floor<std::chrono::seconds>(local));
  return *server;
}

void PaymentLinksClient::on_answer(const std::shared_ptr<Call>& call, net::HttpResult result) {
  std::optional<WixError> failure;
  if (!result) {
    const net::NetError& net_error = result.error();
    failure = WixError{};
    failure->kind = WixErrorKind::kNetwork;
    failure->net_failure = net_error.failure;
    // Net's own words, but they may quote the settings or a library's text: one line, always.
    failure->message = tame_server_text(net_error.detail, 4 * kServerTextMaxChars);
    failure->may_have_been_sent = net_error.may_have_been_sent;
  } else {
    const auto& response = result.value();
    const WallTime now = server_time(response);
    if (response.status < 200 || response.status >= 300) {
      const auto retry_after = response.headers.find("retry-after");
      failure = error_from_response(
          response.status, response.body,
          retry_after == response.headers.end() ? std::string_view() : retry_after->second, now);
    }
  }
  if (!failure)
    return call->done(std::move(result.value().body));
  if (const auto wait = retry_wait(*call, *failure)) {
    ++call->attempt;
    const long id = next_wait_++;
    waits_.emplace(id, clock_.after(*wait, [this, id, call] {
      waits_.erase(id);
      attempt(call);
    }));
    return;
  }
  call->done(*failure);
}

std::optional<std::chrono::milliseconds> PaymentLinksClient::retry_wait(Call& call,
                                                                        const WixError& error) {
  if (call.attempt >= retry_.attempts)
    return std::nullopt;
  bool transient = false;
  switch (error.kind) {
    case WixErrorKind::kBusy:
      transient = true;  // Wix refused it unprocessed: safe for any call
      break;
    case WixErrorKind::kServerError:
      transient = call.request.idempotent;
      break;
    case WixErrorKind::kNetwork: {
      const auto net = error.net_failure.value_or(net::NetFailure::kConnectFailed);
      // Certificates, settings and oversize replies do not mend by waiting a second.
      const bool permanent = net == net::NetFailure::kBadSettings ||
                             net == net::NetFailure::kTlsUntrustedChain ||
                             net == net::NetFailure::kTlsHostnameMismatch ||
                             net == net::NetFailure::kTlsCertificateExpired ||
                             net == net::NetFailure::kTlsCertificateNotYetValid ||
                             net == net::NetFailure::kResponseTooLarge;
      transient = !permanent && (call.request.idempotent || !error.may_have_been_sent);
      break;
    }
    default:
      break;
  }
  if (!transient)
    return std::nullopt;
  // Exponential (the call's back-off, once per retried attempt), with full jitter between half
  // and all of it, so terminals that lost the network together do not all come back in the
  // same millisecond.
  const auto ceiling = std::min(call.backoff.next(), retry_.longest_wait);
  std::uniform_int_distribution<long> spread(ceiling.count() / 2, ceiling.count());
  std::chrono::milliseconds wait(spread(jitter_));
  if (error.retry_after)
    wait = std::max(wait, std::chrono::milliseconds(*error.retry_after));
  return std::min(wait, retry_.longest_wait);
}

void PaymentLinksClient::create_link(const CreateLinkRequest& request,
                                     std::function<void(WixResult<PaymentLinkInfo>)> done) {
  send(net::HttpMethod::kPost, kLinks, create_link_body(request), /*idempotent=*/false,
       [done = std::move(done)](WixResult<std::string> body) {
         if (!body)
           return done(body.error());
         auto link = parsed_or_error(parse_link_reply(body.value()), "create link");
         // The sale needs the customer's URL; a link without one is of no use to it.
         if (link && link.value().url.empty()) {
           link = bad_reply("create link",
                            BadReply{"the new link has no http(s) address in links.url.url"});
         }
         if (!link) {
           // Wix said yes (2xx): the link exists, whatever the body. Reconcile, never forget it.
           WixError error = link.error();
           error.may_have_been_sent = true;
           return done(error);
         }
         done(std::move(link));
       });
}

void PaymentLinksClient::get_link(const std::string& link_id,
                                  std::function<void(WixResult<PaymentLinkInfo>)> done) {
  send(net::HttpMethod::kGet, std::string(kLinks) + "/" + path_segment(link_id), "", true,
       [done = std::move(done)](WixResult<std::string> body) {
         if (!body)
           return done(body.error());
         done(parsed_or_error(parse_link_reply(body.value()), "get link"));
       });
}

void PaymentLinksClient::deactivate_link(const std::string& link_id,
                                         std::function<void(WixResult<void>)> done) {
  send(net::HttpMethod::kPost, std::string(kLinks) + "/" + path_segment(link_id) + "/deactivate",
       "{}", true, [done = std::move(done)](WixResult<std::string> body) {
         if (!body)
           return done(body.error());
         done(BOOST_OUTCOME_V2_NAMESPACE::success());
       });
}

void PaymentLinksClient::delete_link(const std::string& link_id,
                                     std::function<void(WixResult<void>)> done) {
  send(net::HttpMethod::kDelete, std::string(kLinks) + "/" + path_segment(link_id), "", true,
       [done = std::move(done)](WixResult<std::string> body) {
         if (!body)
           return done(body.error());
         done(BOOST_OUTCOME_V2_NAMESPACE::success());
       });
}

void PaymentLinksClient::initiate_payment(const std::string& link_id,
                                          std::function<void(WixResult<std::string>)> done) {
  // Each answer starts a checkout of its own, but only a completed checkout pays: asking twice
  // costs nothing, so a dead kept-alive connection or a 5xx may be retried.
  send(net::HttpMethod::kPost,
       std::string(kLinks) + "/" + path_segment(link_id) + "/initiate-payment", "{}", true,
       [done = std::move(done)](WixResult<std::string> body) {
         if (!body)
           return done(body.error());
         done(parsed_or_error(parse_checkout_reply(body.value()), "initiate payment"));
       });
}

void PaymentLinksClient::links_page(const std::string& first_query, const std::string& cursor,
                                    std::function<void(WixResult<Page<PaymentLinkInfo>>)> done) {
  send(net::HttpMethod::kPost, std::string(kLinks) + "/query",
       cursor.empty() ? first_query : next_page_query(cursor), true,
       [done = std::move(done)](WixResult<std::string> body) {
         if (!body)
           return done(body.error());
         done(parsed_or_error(parse_links_page(body.value()), "query links"));
       });
}

void PaymentLinksClient::payments_page(const std::string& first_query, const std::string& cursor,
                                       std::function<void(WixResult<Page<LinkPayment>>)> done) {
  send(net::HttpMethod::kPost, std::string(kPayments) + "/query",
       cursor.empty() ? first_query : next_page_query(cursor), true,
       [done = std::move(done)](WixResult<std::string> body) {
         if (!body)
           return done(body.error());
         done(parsed_or_error(parse_payments_page(body.value()), "query payments"));
       });
}

void PaymentLinksClient::query_links_since(
    WallTime since, const std::string& cursor,
    std::function<void(WixResult<Page<PaymentLinkInfo>>)> done) {
  links_page(links_created_since_query(since), cursor, std::move(done));
}

void PaymentLinksClient::query_payments(const std::string& link_id, const std::string& cursor,
                                        std::function<void(WixResult<Page<LinkPayment>>)> done) {
  payments_page(payments_of_link_query(link_id), cursor, std::move(done));
}

// Follows the cursors page by page. No step has a timer of its own: each page's deadline is
// its HTTP request's (net::HttpClientSettings' timeouts, per attempt), so the chain ends.
template <class T>
class PaymentLinksClient::PageCollection : public std::enable_shared_from_this<PageCollection<T>> {
 public:
  PageCollection(PageFetch<T> fetch, std::function<bool(const T&)> keep, int max_pages,
                 TooManyPages too_many, std::function<void(WixResult<std::vector<T>>)> done)
      : fetch_(std::move(fetch)),
        keep_(std::move(keep)),
        pages_left_(max_pages),
        too_many_(too_many),
        done_(std::move(done)) {}

  void next_page(const std::string& cursor) {
    fetch_(cursor, [self = this->shared_from_this()](WixResult<Page<T>> page) {
      self->on_page(std::move(page));
    });
  }

 private:
  void on_page(WixResult<Page<T>> page) {
    if (!page)
      return done_(page.error());
    for (auto& item : page.value().items) {
      if (keep_(item))
        so_far_.push_back(std::move(item));
    }
    if (page.value().next_cursor.empty())
      return done_(std::move(so_far_));
    if (pages_left_ <= 1) {
      if (too_many_ == TooManyPages::kAnswerWhatCame)
        return done_(std::move(so_far_));
      return done_(
          bad_reply("a query", BadReply{"more pages than a terminal reads, stopped after " +
                                        std::to_string(so_far_.size()) + " entries"}));
    }
    --pages_left_;
    next_page(page.value().next_cursor);
  }

  PageFetch<T> fetch_;
  std::function<bool(const T&)> keep_;
  int pages_left_;
  TooManyPages too_many_;
  std::function<void(WixResult<std::vector<T>>)> done_;
  std::vector<T> so_far_;
};

template <class T>
void PaymentLinksClient::collect(PageFetch<T> fetch, std::function<bool(const T&)> keep,
                                 int max_pages, TooManyPages too_many,
                                 std::function<void(WixResult<std::vector<T>>)> done) {
  std::make_shared<PageCollection<T>>(std::move(fetch), std::move(keep), max_pages, too_many,
                                      std::move(done))
      ->next_page("");
}

void PaymentLinksClient::all_payments(
    const std::string& link_id, std::function<void(WixResult<std::vector<LinkPayment>>)> done) {
  collect<LinkPayment>(
      [this, link_id](const std::string& cursor, auto page) {
        query_payments(link_id, cursor, std::move(page));
      },
      // The filter is Wix's; a payment of another link must never pay this sale.
      // One without a link id stays, to be judged (and refused) by its reader.
      [link_id](const LinkPayment& payment) {
        return payment.link_id.empty() || payment.link_id == link_id;
      },
      kMaxPaymentPages, TooManyPages::kAnswerWhatCame, std::move(done));
}

void PaymentLinksClient::payments_between(
    WallTime from, WallTime to, std::function<void(WixResult<std::vector<LinkPayment>>)> done) {
  // Every entry is kept, unreadable ones included: a report must not lose a payment to a
  // garbled field. Wix's filter is trusted for the dates (an entry's date may be what is
  // garbled).
  collect<LinkPayment>(
      [this, query = payments_created_between_query(from, to)](
          const std::string& cursor, auto page) { payments_page(query, cursor, std::move(page)); },
      [](const LinkPayment&) { return true; }, kMaxPeriodPages, TooManyPages::kFail,
      std::move(done));
}

void PaymentLinksClient::links_with_ids(
    const std::vector<std::string>& ids,
    std::function<void(WixResult<std::vector<PaymentLinkInfo>>)> done) {
  std::set<std::string> wanted(ids.begin(), ids.end());
  collect<PaymentLinkInfo>(
      [this, query = links_with_ids_query(ids)](const std::string& cursor, auto page) {
        links_page(query, cursor, std::move(page));
      },
      // A service that ignored the filter would answer every link: only those asked for count,
      // and a few pages are enough to tell.
      [wanted = std::move(wanted)](const PaymentLinkInfo& link) {
        return wanted.count(link.id) > 0;
      },
      kMaxIdPages, TooManyPages::kAnswerWhatCame, std::move(done));
}

void PaymentLinksClient::issue_receipt(const std::string& payment_id,
                                       std::function<void(WixResult<std::string>)> done) {
  send(net::HttpMethod::kPost,
       std::string(kPayments) + "/" + path_segment(payment_id) + "/issue-receipt", "{}", true,
       [done = std::move(done)](WixResult<std::string> body) {
         if (!body)
           return done(body.error());
         done(parsed_or_error(parse_receipt_reply(body.value()), "issue receipt"));
       });
}

void PaymentLinksClient::get_settings(std::function<void(WixResult<std::string>)> done) {
  send(net::HttpMethod::kGet, kSettings, "", true,
       [done = std::move(done)](WixResult<std::string> body) {
         if (!body)
           return done(body.error());
         done(parsed_or_error(parse_settings_reply(body.value()), "get settings"));
       });
}

void PaymentLinksClient::get_site_properties(std::function<void(WixResult<SiteInfo>)> done) {
  send(net::HttpMethod::kGet, kSiteProperties, "", true,
       [done = std::move(done)](WixResult<std::string> body) {
         if (!body)
           return done(body.error());
         done(parsed_or_error(parse_site_properties(body.value()), "get site properties"));
       });
}

}  // namespace linkpos::wix
