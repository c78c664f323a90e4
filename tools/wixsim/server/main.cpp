// wixsim: a local emulator of the Wix Payment Links API and of the customer's checkout, served
// over HTTP or HTTPS on one event loop. Its first stdout line is the base URL it serves.
#include <utility>

#include <chrono>
#include <csignal>
#include <iostream>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

#include <CLI/CLI.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>

#include "tools/wixsim/faults/fault_control.hpp"
#include "tools/wixsim/faults/fault_flag.hpp"
#include "tools/wixsim/faults/fault_plan.hpp"
#include "tools/wixsim/model/checkout_pricing.hpp"
#include "tools/wixsim/model/currencies.hpp"
#include "tools/wixsim/model/site_state.hpp"
#include "tools/wixsim/model/wire_format.hpp"
#include "tools/wixsim/routes/checkout.hpp"
#include "tools/wixsim/routes/routes.hpp"
#include "tools/wixsim/routes/wix_api.hpp"
#include "tools/wixsim/server/auto_pay.hpp"
#include "tools/wixsim/server/listen_address.hpp"
#include "tools/wixsim/server/listener.hpp"
#include "tools/wixsim/server/server_log.hpp"
#include "tools/wixsim/server/session_starter.hpp"

namespace {

namespace wixsim = linkpos::tools::wixsim;
using boost::asio::ip::tcp;

// sysexits.h codes, as linkpos uses them.
constexpr int kExitUsage = 64;
constexpr int kExitUnavailable = 69;
constexpr int kExitConfig = 78;

struct Arguments {
  std::string listen;
  std::string api_key;
  std::string site_id;
  std::string cert_file;
  std::string key_file;
  bool plain = false;
  std::optional<double> auto_pay_seconds;
  bool ignore_payments_limit = false;
  std::vector<std::string> faults;  // --fault ROUTE:FAULT[:COUNT][:FIELD=N…], in order
  std::optional<long long> latency_ms;
  int amount_scale = 2;
  std::string amount_form = "string";
  std::string payment_currency_field = "both";
  std::string discount = "0";
  std::string gift_card = "0";
  std::optional<std::string> site_currency;
  std::string site_time_zone = "Europe/Paris";
  std::string site_business_name = "wixsim Test Shop";
  double clock_offset_seconds = 0;
  int busy_site = 0;
};

// The site as the flags describe it; CLI11 has checked every value already.
wixsim::SiteOptions site_options(const Arguments& arguments, const std::string& base_url) {
  wixsim::SiteOptions options;
  options.base_url = base_url;
  options.ignore_payments_limit = arguments.ignore_payments_limit;
  options.wire.amount_scale = arguments.amount_scale;
  options.wire.amount_form = *wixsim::amount_form_from_name(arguments.amount_form);
  options.wire.payment_currency =
      *wixsim::currency_fields_from_name(arguments.payment_currency_field);
  options.pricing.discount = *wixsim::parse_percent(arguments.discount);
  options.pricing.gift_card = *wixsim::parse_percent(arguments.gift_card);
  options.properties.payment_currency = arguments.site_currency;
  options.properties.business_name = arguments.site_business_name;
  options.properties.time_zone = arguments.site_time_zone;
  options.other_terminals_links = arguments.busy_site;
  return options;
}

// The faults of --fault and --latency, in force from the start; false, with the reason logged,
// when one is not usable.
bool start_faults(const Arguments& arguments, wixsim::FaultPlan& faults, wixsim::ServerLog& log) {
  std::vector<std::pair<std::string, nlohmann::json>> rules;
  for (const auto& flag : arguments.faults) {
    auto rule = wixsim::fault_flag_rule(flag);
    if (auto* problem = std::get_if<std::string>(&rule)) {
      log.line(*problem);
      return false;
    }
    rules.emplace_back("--fault " + flag, std::get<nlohmann::json>(std::move(rule)));
  }
  if (arguments.latency_ms && *arguments.latency_ms > 0) {
    rules.emplace_back("--latency " + std::to_string(*arguments.latency_ms),
                       nlohmann::json{{"route", wixsim::FaultRule::kAnyRoute},
                                      {"fault", "latency"},
                                      {"latency_ms", *arguments.latency_ms}});
  }
  for (const auto& [flag, json] : rules) {
    auto read = wixsim::read_fault_rules(json, faults.routes());
    if (auto* problem = std::get_if<std::string>(&read)) {
      // One rule at a time, so "rule 0: " says nothing the flag does not.
      const std::string_view prefix = "rule 0: ";
      log.line(flag + ": " +
               (problem->starts_with(prefix) ? problem->substr(prefix.size()) : *problem));
      return false;
    }
    faults.add(std::get<std::vector<wixsim::FaultRule>>(std::move(read)));
  }
  return true;
}

std::optional<tcp::endpoint> resolve(boost::asio::io_context& io,
                                     const wixsim::ListenAddress& address, wixsim::ServerLog& log) {
  boost::system::error_code error;
  tcp::resolver resolver(io);
  const auto results =
      resolver.resolve(address.host, std::to_string(address.port),
                       tcp::resolver::passive | tcp::resolver::numeric_service, error);
  if (error || results.empty()) {
    log.line("cannot resolve " + address.host + ": " + error.message());
    return std::nullopt;
  }
  return results.begin()->endpoint();
}

int run(const Arguments& arguments) {
  wixsim::ServerLog log;
  const auto address = wixsim::parse_listen_address(arguments.listen);
  if (!address) {
    log.line("--listen wants HOST:PORT, not \"" + arguments.listen + "\"");
    return kExitUsage;
  }

  boost::asio::io_context io;
  const auto endpoint = resolve(io, *address, log);
  if (!endpoint)
    return kExitUnavailable;
  std::optional<wixsim::Listener> listener;
  try {
    listener.emplace(io, *endpoint);
  } catch (const boost::system::system_error& error) {
    log.line("cannot listen on " + arguments.listen + ": " + error.code().message());
    return kExitUnavailable;
  }
  const bool tls = !arguments.plain;
  // The name certificates are made for, whatever address was bound.
  const std::string base_url =
      std::string(tls ? "https" : "http") + "://localhost:" + std::to_string(listener->port());

  wixsim::GuidSource guids(
      std::random_device{}() ^
      static_cast<std::uint64_t>(std::chrono::steady_clock::now().time_since_epoch().count()));
  wixsim::SiteState site(site_options(arguments, base_url), guids);
  // Everything wixsim dates reads this clock, so --clock-offset models a server whose clock is
  // not the terminal's.
  const auto offset = std::chrono::duration_cast<std::chrono::system_clock::duration>(
      std::chrono::duration<double>(arguments.clock_offset_seconds));
  const wixsim::Clock clock = [offset] { return std::chrono::system_clock::now() + offset; };

  std::optional<wixsim::AutoPay> auto_pay;
  if (arguments.auto_pay_seconds) {
    const auto delay =
        std::chrono::milliseconds(static_cast<long long>(*arguments.auto_pay_seconds * 1000));
    auto_pay.emplace(io, delay, [&](const std::string& link_id) {
      const auto outcome = site.pay(link_id, clock());
      if (const auto* error = std::get_if<wixsim::WixError>(&outcome)) {
        log.line("auto-pay: link " + link_id + " not paid: " + error->description);
      } else {
        log.line("auto-pay: paid link " + link_id);
      }
    });
  }
  wixsim::WixApi api(site, clock, [&](const std::string& link_id) {
    if (auto_pay)
      auto_pay->schedule(link_id);
  });
  wixsim::Checkout checkout(site, clock);
  auto routes = wixsim::wixsim_routes(api, checkout);
  wixsim::FaultPlan faults(wixsim::faultable_routes(routes));
  if (!start_faults(arguments, faults, log))
    return kExitUsage;
  wixsim::FaultControl fault_control(faults);
  for (auto& route : wixsim::fault_control_routes(fault_control))
    routes.push_back(std::move(route));
  const wixsim::Router router(std::move(routes), {arguments.api_key, arguments.site_id});

  const auto sessions = tls ? wixsim::tls_sessions(arguments.cert_file, arguments.key_file, router,
                                                   faults, log, clock)
                            : wixsim::plain_sessions(router, faults, log, clock);
  if (!sessions)
    return kExitConfig;
  listener->start(*sessions);

  boost::asio::signal_set signals(io, SIGINT, SIGTERM);
  signals.async_wait([&](const boost::system::error_code& error, int signal) {
    if (error)
      return;
    log.line(signal == SIGINT ? "stopping (SIGINT)" : "stopping (SIGTERM)");
    listener->stop();
    if (auto_pay)
      auto_pay->stop();
    io.stop();
  });

  std::cout << base_url << std::endl;  // the first line, flushed: tests and scripts wait for it
  std::ostringstream serving;
  serving << "serving " << base_url << " for site " << arguments.site_id;
  if (arguments.auto_pay_seconds)
    serving << ", paying every new link after " << *arguments.auto_pay_seconds << " s";
  if (arguments.ignore_payments_limit)
    serving << ", ignoring payments limits";
  if (!faults.rules().empty())
    serving << ", with " << faults.rules().size() << " fault rule(s)";
  if (arguments.clock_offset_seconds != 0)
    serving << ", its clock " << arguments.clock_offset_seconds << " s off";
  log.line(serving.str());
  io.run();
  return 0;
}

// A percentage flag's check: 0 to 100 with at most three decimals.
std::string percent_problem(const std::string& text) {
  return wixsim::parse_percent(text) ? std::string()
                                     : "wants a percentage from 0 to 100 (e.g. 5 or 12.5)";
}

// The flags that pick among what the contract leaves open or a site may be (README: "Variants").
void add_variant_options(CLI::App& cli, Arguments& arguments) {
  cli.add_option("--amount-scale", arguments.amount_scale,
                 "decimals written in amounts when they hold the value exactly (else up to 3)")
      ->check(CLI::Range(0, 3))
      ->capture_default_str();
  cli.add_option("--amount-form", arguments.amount_form,
                 "write amounts as decimal strings or as JSON numbers")
      ->check(CLI::IsMember({"string", "number"}))
      ->capture_default_str();
  cli.add_option("--payment-currency-field", arguments.payment_currency_field,
                 "the field(s) payments carry their currency in")
      ->check(CLI::IsMember({"currency", "currencyCode", "both"}))
      ->capture_default_str();
  cli.add_option("--discount", arguments.discount,
                 "taken off every checkout's total, rounded half up to 3 decimals")
      ->type_name("PERCENT")
      ->check(percent_problem)
      ->capture_default_str();
  cli.add_option("--gift-card", arguments.gift_card,
                 "of every checkout paid by gift card, as a GIFT_CARD record of its own")
      ->type_name("PERCENT")
      ->check(percent_problem)
      ->capture_default_str();
  cli.add_option("--site-currency", arguments.site_currency,
                 "the site's payment currency: create-link refuses any other")
      ->type_name("CODE")
      ->check([](const std::string& code) {
        return wixsim::is_known_currency(code) ? std::string()
                                               : "wants an ISO 4217 currency code such as EUR";
      });
  cli.add_option("--site-time-zone", arguments.site_time_zone,
                 "the site's IANA time zone in its properties")
      ->type_name("ZONE")
      ->check([](const std::string& zone) {
        return zone.empty() ? "wants an IANA time zone such as Europe/Paris" : "";
      })
      ->capture_default_str();
  cli.add_option("--site-business-name", arguments.site_business_name,
                 "the business name in the site's properties")
      ->type_name("NAME")
      ->capture_default_str();
  cli.add_option("--clock-offset", arguments.clock_offset_seconds,
                 "how far wixsim's clock (Date headers, dates, expiry) is ahead of this "
                 "machine's; negative: behind")
      ->type_name("SECONDS")
      ->check(CLI::Range(-10.0 * 365 * 86'400, 10.0 * 365 * 86'400))
      ->capture_default_str();
  cli.add_option("--busy-site", arguments.busy_site,
                 "links of other terminals created just after every link made through the API")
      ->type_name("N")
      ->check(CLI::Range(0, 100'000))
      ->capture_default_str();
}

}  // namespace

int main(int argc, char** argv) {
  Arguments arguments;
  CLI::App cli{"wixsim: a local emulator of the Wix Payment Links API and its customer checkout"};
  cli.add_option("--listen", arguments.listen, "HOST:PORT to listen on; port 0 picks a free one")
      ->required();
  cli.add_option("--api-key", arguments.api_key, "the API key clients must send in Authorization")
      ->required();
  cli.add_option("--site-id", arguments.site_id, "the site id clients must send in wix-site-id")
      ->required();
  auto* cert = cli.add_option("--cert", arguments.cert_file,
                              "the server certificate chain (PEM), for HTTPS");
  auto* key =
      cli.add_option("--key", arguments.key_file, "the server's private key (PEM), for HTTPS");
  auto* plain = cli.add_flag("--plain", arguments.plain, "serve plain HTTP instead of HTTPS");
  cert->needs(key);
  key->needs(cert);
  plain->excludes(cert)->excludes(key);
  cli.add_option("--auto-pay", arguments.auto_pay_seconds,
                 "pay every new link this many seconds after it is created")
      ->check(CLI::NonNegativeNumber);
  cli.add_flag("--ignore-payments-limit", arguments.ignore_payments_limit,
               "take payments on links that reached their payments limit too");
  cli.add_option("--fault", arguments.faults,
                 "ROUTE:FAULT[:COUNT][:FIELD=N...], a fault rule from the start, FIELD one of "
                 "latency_ms, retry_after, retry_after_date (1: Retry-After as an HTTP-date), "
                 "interval_ms; repeatable (README: Faults)")
      ->type_name("RULE")
      ->take_all()
      ->allow_extra_args(false);
  cli.add_option("--latency", arguments.latency_ms,
                 "delay every answer (but the harness's /_wixsim/ ones) by this many ms")
      ->check(CLI::Range(0LL, 600'000LL));
  add_variant_options(cli, arguments);
  try {
    cli.parse(argc, argv);
    if (!arguments.plain && arguments.cert_file.empty()) {
      throw CLI::RequiredError("--cert and --key, or --plain,");
    }
  } catch (const CLI::ParseError& error) {
    const int code = cli.exit(error);
    return code == 0 ? 0 : kExitUsage;
  }
  return run(arguments);
}
