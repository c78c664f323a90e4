#include "run_guard.hpp"

#include <utility>

#include <boost/asio/io_context.hpp>

#include "app/sale_endings.hpp"
#include "store/ledger.hpp"

namespace linkpos {

std::optional<RunFailure> run_guarded(boost::asio::io_context& io,
                                      const std::function<void()>& start, app::Log& log) {
  try {
    start();
    io.run();
  } catch (const store::LedgerError& error) {
    log.error(std::string("storage failure: ") + error.what());
    return RunFailure{app::OutOfService::kStorage, error.what(),
                      static_cast<int>(app::OnceExit::kLedgerFailed)};
  } catch (const std::exception& error) {
    log.error(std::string("internal error: ") + error.what());
    return RunFailure{app::OutOfService::kInternal, error.what(), kExitInternalError};
  }
  return std::nullopt;
}

}  // namespace linkpos
