#include "drivers/sim/file_printer.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <string_view>
#include <system_error>
#include <utility>

#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>

#include "drivers/escpos/text_render.hpp"

namespace linkpos::drivers::sim {
namespace {

namespace fs = std::filesystem;

// Leaves room in a file name (255 bytes on Linux) for "-copy-NNNN.escpos.tmp" and a dot.
constexpr std::size_t kMaxJobNameBytes = 200;
constexpr int kMaxCopies = 9999;

constexpr std::string_view kBytesSuffix = ".escpos";
constexpr std::string_view kTextSuffix = ".txt";

std::string os_error(int error) {
  return std::generic_category().message(error);
}

hal::PrintError folder_fault(const fs::path& folder, const std::string& what, int error) {
  return {hal::PrinterFault::kOffline,
          "receipt folder " + folder.string() + ": " + what + ": " + os_error(error)};
}

// 0 on success, else errno.
int write_synced(const fs::path& path, std::string_view data) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) {
    return errno;
  }
  int error = 0;
  while (!data.empty() && error == 0) {
    const ssize_t written = ::write(fd, data.data(), data.size());
    if (written < 0 && errno != EINTR) {
      error = errno;
    } else if (written > 0) {
      data.remove_prefix(static_cast<std::size_t>(written));
    }
  }
  if (error == 0 && ::fsync(fd) != 0) {
    error = errno;
  }
  if (::close(fd) != 0 && error == 0) {
    error = errno;
  }
  return error;
}

// Makes the renames themselves survive a power cut. 0 on success, else errno.
int sync_directory(const fs::path& folder) {
  const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) {
    return errno;
  }
  const int error = ::fsync(fd) == 0 ? 0 : errno;
  ::close(fd);
  return error;
}

bool taken(const fs::path& folder, const std::string& stem) {
  std::error_code ignored;
  return fs::exists(folder / (stem + std::string(kBytesSuffix)), ignored) ||
         fs::exists(folder / (stem + std::string(kTextSuffix)), ignored);
}

struct OutputFile {
  fs::path final_path;
  fs::path temporary_path;  // hidden, so "*.escpos" never matches a half-written one
  std::string data;
};

OutputFile output_file(const fs::path& folder, const std::string& stem, std::string_view suffix,
                       std::string data) {
  const std::string name = stem + std::string(suffix);
  return {folder / name, folder / ("." + name + ".tmp"), std::move(data)};
}

}  // namespace

FilePrinter::FilePrinter(boost::asio::io_context& io, std::filesystem::path folder,
                         const escpos::PrinterSettings& settings,
                         std::optional<escpos::MonoImage> logo)
    : io_(io), folder_(std::move(folder)), encoder_(settings, std::move(logo)) {}

void FilePrinter::print(const hal::ReceiptDocument& document, hal::PrintDone done) {
  boost::asio::post(io_, [done = std::move(done), result = write_job(document)]() mutable {
    done(std::move(result));
  });
}

std::optional<hal::PrintError> FilePrinter::write_job(const hal::ReceiptDocument& document) {
  const std::string& job = document.job_name;
  if (job.empty() || job.size() > kMaxJobNameBytes || job.find('/') != std::string::npos ||
      job.find('\0') != std::string::npos) {
    return hal::PrintError{hal::PrinterFault::kJobFailed,
                           "job name \"" + job + "\" cannot name a receipt file"};
  }

  std::error_code error;
  fs::create_directories(folder_, error);
  if (error) {
    return folder_fault(folder_, "cannot create it", error.value());
  }

  std::string stem = job;
  for (int copy = 1; taken(folder_, stem); ++copy) {
    if (copy > kMaxCopies) {
      return hal::PrintError{hal::PrinterFault::kJobFailed,
                             "receipt folder " + folder_.string() + ": too many copies of " + job};
    }
    stem = job + "-copy-" + std::to_string(copy);
  }

  const int columns = encoder_.settings().columns;
  // The .txt goes first, so whoever sees the .escpos finds its readable twin beside it.
  OutputFile files[] = {
      output_file(folder_, stem, kTextSuffix, escpos::render_text(document, columns)),
      output_file(folder_, stem, kBytesSuffix, encoder_.encode(document)),
  };
  for (const auto& file : files) {
    if (const int write_error = write_synced(file.temporary_path, file.data)) {
      for (const auto& written : files) {
        fs::remove(written.temporary_path, error);
      }
      return folder_fault(folder_, "cannot write " + file.temporary_path.filename().string(),
                          write_error);
    }
  }
  for (const auto& file : files) {
    fs::rename(file.temporary_path, file.final_path, error);
    if (error) {
      const int rename_error = error.value();
      for (const auto& other : files) {
        fs::remove(other.temporary_path, error);
        fs::remove(other.final_path, error);
      }
      return folder_fault(folder_, "cannot rename to " + file.final_path.filename().string(),
                          rename_error);
    }
  }
  if (const int sync_error = sync_directory(folder_)) {
    return folder_fault(folder_, "cannot sync", sync_error);
  }
  return std::nullopt;
}

}  // namespace linkpos::drivers::sim
