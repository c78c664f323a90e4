#pragma once

#include <filesystem>
#include <optional>

#include "drivers/escpos/encoder.hpp"
#include "drivers/escpos/mono_image.hpp"
#include "drivers/escpos/printer_settings.hpp"
#include "hal/printer.hpp"

namespace boost::asio {
class io_context;
}

namespace linkpos::drivers::sim {

// The simulator's printer: each job becomes `<folder>/<job_name>.escpos` (the bytes a real
// printer would get) and `<job_name>.txt` (what the paper would show). A job whose files exist
// already is a copy and becomes `<job_name>-copy-1`, `-copy-2`, ... Files appear whole (written
// under a temporary name, synced, renamed) or not at all.
class FilePrinter final : public hal::Printer {
 public:
  // `folder` is created on the first job if missing. Throws std::invalid_argument when
  // `settings` are unusable (see check_printer_settings). `io` must outlive the printer.
  FilePrinter(boost::asio::io_context& io, std::filesystem::path folder,
              const escpos::PrinterSettings& settings,
              std::optional<escpos::MonoImage> logo = std::nullopt);

  // Reports kOffline when the folder cannot be written (the detail names it and the OS error),
  // kJobFailed for a job name that is empty, holds '/' or is too long for a file name.
  void print(const hal::ReceiptDocument& document, hal::PrintDone done) override;

 private:
  std::optional<hal::PrintError> write_job(const hal::ReceiptDocument& document);

  boost::asio::io_context& io_;
  std::filesystem::path folder_;
  escpos::Encoder encoder_;
};

}  // namespace linkpos::drivers::sim
