#include "report_command.hpp"

#include <utility>

#include <boost/asio/io_context.hpp>

#include "app/reports.hpp"
#include "app/sale_endings.hpp"
#include "app/time_zone.hpp"

namespace linkpos {
namespace {

int exit_code_for(const app::Reports::Result& result) {
  switch (result.outcome) {
    case app::Reports::Outcome::kPrinted:
      return static_cast<int>(app::OnceExit::kPrinted);
    case app::Reports::Outcome::kPrinterFailed:
      return static_cast<int>(app::OnceExit::kReceiptPending);
    case app::Reports::Outcome::kLedgerFailed:
      return static_cast<int>(app::OnceExit::kLedgerFailed);
  }
  return static_cast<int>(app::OnceExit::kLedgerFailed);
}

std::string printed_text(const app::Reports::Result& result) {
  return result.kind == app::ReportKind::kZ ? "Z report " + std::to_string(result.number)
                                            : std::string("X report");
}

}  // namespace

int run_report(app::ReportKind kind, app::SaleServices& services, boost::asio::io_context& io,
               bool follow_site_time_zone) {
  app::Reports reports(services);
  int exit_code = static_cast<int>(app::OnceExit::kLedgerFailed);
  const auto finish = [&](const app::Reports::Result& result) {
    exit_code = exit_code_for(result);
    if (result.outcome == app::Reports::Outcome::kPrinted)
      services.log.info(printed_text(result) + " printed");
    io.stop();
  };
  const auto make = [&] { reports.make(kind, finish); };
  const auto start = [&] {
    const bool reprinting = reports.finish_cut_off_z([&](app::Reports::Result result) {
      if (result.outcome != app::Reports::Outcome::kPrinted)
        return finish(result);
      services.log.info(printed_text(result) + " printed again");
      make();
    });
    if (!reprinting)
      make();
  };
  if (follow_site_time_zone) {
    services.backend.read_site([&](app::BackendResult<app::SiteProperties> site) {
      if (site && !site.value().time_zone.empty() && !app::use_time_zone(site.value().time_zone))
        services.log.warn("the Wix site's time zone " + site.value().time_zone +
                          " is unknown to this board: the day follows the board's");
      start();
    });
  } else {
    start();
  }
  io.run();
  return exit_code;
}

}  // namespace linkpos
