#pragma once

#include "app/day_report.hpp"
#include "app/sale_services.hpp"

namespace boost::asio {
class io_context;
}

namespace linkpos {

// `linkpos --report x|z`: one report printed on the configured printer, with no display or
// keypad, for scripts and technicians. A Z a power cut left half printed comes out first, marked
// as a reprint. With `follow_site_time_zone` (no terminal.time_zone in the config) the day's
// boundary follows the Wix site's zone, as on the terminal's screen. Runs the loop until the
// report is printed or has failed; answers the exit code: 0 printed, 4 the printer failed, 5 the
// ledger failed.
int run_report(app::ReportKind kind, app::SaleServices& services, boost::asio::io_context& io,
               bool follow_site_time_zone);

}  // namespace linkpos
