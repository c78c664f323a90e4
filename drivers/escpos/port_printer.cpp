#include "drivers/escpos/port_printer.hpp"

#include <utility>

#include <boost/asio/error.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>

#include <algorithm>
#include <array>
#include <chrono>
#include <deque>
#include <stdexcept>
#include <string>

#include "drivers/escpos/encoder.hpp"
#include "drivers/escpos/printer_port.hpp"
#include "drivers/escpos/printer_status.hpp"
#include "drivers/escpos/serial_port.hpp"
#include "drivers/escpos/tcp_port.hpp"
#include "drivers/escpos/usb_port.hpp"

namespace linkpos::drivers::escpos {
namespace {

using boost::system::error_code;
using std::chrono::milliseconds;

// What the printer needs from its port's settings, whichever port it is.
struct PortTiming {
  StatusCheck status;
  milliseconds open_timeout;
  milliseconds stall_timeout;
  milliseconds close_timeout;
};

struct MakePort {
  boost::asio::io_context& io;

  std::unique_ptr<PrinterPort> operator()(const SerialSettings& serial) const {
    return std::make_unique<SerialPort>(io, serial);
  }
  std::unique_ptr<PrinterPort> operator()(const UsbSettings& usb) const {
    return std::make_unique<UsbPort>(io, usb);
  }
  std::unique_ptr<PrinterPort> operator()(const TcpSettings& tcp) const {
    return std::make_unique<TcpPort>(io, tcp);
  }
};

struct Timing {
  // Opening a device does not wait; the stall timeout only bounds it in case a driver does.
  PortTiming operator()(const SerialSettings& serial) const {
    return {serial.status, serial.stall_timeout, serial.stall_timeout, {}};
  }
  PortTiming operator()(const UsbSettings& usb) const {
    return {usb.status, usb.stall_timeout, usb.stall_timeout, {}};
  }
  PortTiming operator()(const TcpSettings& tcp) const {
    return {tcp.status, tcp.connect_timeout, tcp.stall_timeout, tcp.close_timeout};
  }
};

const PortSettings& checked(const PortSettings& port) {
  if (auto problem = check_port_settings(port)) {
    throw std::invalid_argument(port_name(port) + ": " + *problem);
  }
  return port;
}

std::string status_name(StatusKind kind) {
  switch (kind) {
    case StatusKind::kPrinter:
      return "DLE EOT 1 (printer status)";
    case StatusKind::kOfflineCause:
      return "DLE EOT 2 (off-line cause)";
    case StatusKind::kErrorCause:
      return "DLE EOT 3 (error cause)";
    case StatusKind::kPaperSensor:
      return "DLE EOT 4 (paper sensor)";
  }
  return "DLE EOT";
}

std::string ms(milliseconds duration) {
  return std::to_string(duration.count()) + " ms";
}

}  // namespace

// One job at a time goes through open → status → chunks → (TCP) closing, each step a named
// handler. Every step on the port runs under the one timer: when it passes, the port is closed,
// which ends the step with operation_aborted and `timed_out_` says why.
class PortPrinter::Impl : public std::enable_shared_from_this<PortPrinter::Impl> {
 public:
  Impl(boost::asio::io_context& io, const PortSettings& port, const PrinterSettings& settings,
       std::optional<MonoImage> logo)
      : io_(io),
        name_(port_name(checked(port))),
        timing_(std::visit(Timing{}, port)),
        encoder_(settings, std::move(logo)),
        port_(std::visit(MakePort{io}, port)),
        timer_(io) {}

  void print(const hal::ReceiptDocument& document, hal::PrintDone done) {
    std::string bytes;
    try {
      bytes = encoder_.encode(document);
    } catch (const std::exception& error) {
      boost::asio::post(io_, [done = std::move(done), detail = std::string(error.what())] {
        done(
            hal::PrintError{hal::PrinterFault::kJobFailed, "cannot encode the receipt: " + detail});
      });
      return;
    }
    queue_.push_back({std::move(bytes), std::move(done)});
    boost::asio::post(io_, [self = shared_from_this()] { self->start_next(); });
  }

  void stop() {
    stopped_ = true;
    queue_.clear();
    timer_.cancel();
    port_->close();
  }

 private:
  struct Job {
    std::string bytes;
    hal::PrintDone done;
  };

  void start_next() {
    if (busy_ || stopped_ || queue_.empty()) {
      return;
    }
    busy_ = true;
    sent_ = 0;
    timed_out_ = false;
    if (port_->is_open()) {
      return on_opened(std::nullopt);
    }
    arm(timing_.open_timeout);
    port_->async_open([self = shared_from_this()](std::optional<std::string> problem) {
      self->on_opened(std::move(problem));
    });
  }

  void on_opened(std::optional<std::string> problem) {
    if (stopped_) {
      return;
    }
    disarm();
    if (timed_out_) {
      return fail(hal::PrinterFault::kOffline, "no connection within " + ms(timing_.open_timeout));
    }
    if (problem) {
      return fail(hal::PrinterFault::kOffline, *problem);
    }
    if (!timing_.status.enabled) {
      return write_chunk();
    }
    status_ = {};
    ask(StatusKind::kPrinter);
  }

  // Status: DLE EOT 1, then 4, then 2 when 1 said off-line; one answer byte each.
  void ask(StatusKind kind) {
    asking_ = kind;
    request_ = status_request(kind);
    // A late answer to an earlier request would pass for this one; so would the answer of a
    // printer that took "10 04 n" inside the last job's raster data for a request.
    port_->discard_input();
    arm(timing_.status.timeout);
    port_->async_write(boost::asio::buffer(request_),
                       [self = shared_from_this()](const error_code& error, std::size_t) {
                         self->on_request_written(error);
                       });
  }

  void on_request_written(const error_code& error) {
    if (stopped_) {
      return;
    }
    if (timed_out_ || error) {
      return status_failed(error);
    }
    read_answer();
  }

  void read_answer() {
    port_->async_read_some(boost::asio::buffer(answer_),
                           [self = shared_from_this()](const error_code& error, std::size_t count) {
                             self->on_answer(error, count);
                           });
  }

  void on_answer(const error_code& error, std::size_t count) {
    if (stopped_) {
      return;
    }
    if (timed_out_ || error) {
      return status_failed(error);
    }
    const auto end = answer_.cbegin() + static_cast<std::ptrdiff_t>(count);
    const auto answer = std::find_if(answer_.cbegin(), end, is_status_answer);
    if (answer == end) {
      return read_answer();  // noise, not an answer: keep listening until the deadline
    }
    disarm();
    switch (asking_) {
      case StatusKind::kPrinter:
        status_.printer = *answer;
        return ask(StatusKind::kPaperSensor);
      case StatusKind::kPaperSensor:
        status_.paper_sensor = *answer;
        if (reports_offline(status_.printer)) {
          return ask(StatusKind::kOfflineCause);
        }
        return on_status_known();
      case StatusKind::kOfflineCause:
      case StatusKind::kErrorCause:
        status_.offline_cause = *answer;
        return on_status_known();
    }
  }

  void status_failed(const error_code& error) {
    disarm();
    if (timed_out_) {
      return fail(hal::PrinterFault::kOffline,
                  "no answer to " + status_name(asking_) + " within " + ms(timing_.status.timeout));
    }
    if (error == boost::asio::error::eof) {
      return fail(hal::PrinterFault::kOffline,
                  "the printer closed the connection when asked " + status_name(asking_));
    }
    fail(hal::PrinterFault::kOffline, "asking " + status_name(asking_) + ": " + error.message());
  }

  void on_status_known() {
    if (auto fault = status_fault(status_)) {
      // The port is fine, only the printer is not ready: it stays open for the next job.
      fault->detail = name_ + ": " + fault->detail;
      return end_job(std::move(fault));
    }
    write_chunk();
  }

  // The job, one chunk per write.
  void write_chunk() {
    const std::string& bytes = queue_.front().bytes;
    const std::size_t size = std::min(port_->chunk_size(), bytes.size() - sent_);
    arm(timing_.stall_timeout);
    port_->async_write(boost::asio::buffer(bytes.data() + sent_, size),
                       [self = shared_from_this()](const error_code& error, std::size_t count) {
                         self->on_chunk_written(error, count);
                       });
  }

  void on_chunk_written(const error_code& error, std::size_t count) {
    if (stopped_) {
      return;
    }
    disarm();
    sent_ += count;
    if (timed_out_) {
      return fail(hal::PrinterFault::kJobFailed,
                  "the printer took no data for " + ms(timing_.stall_timeout) + "; " + progress());
    }
    if (error) {
      return fail(hal::PrinterFault::kOffline,
                  "connection lost: " + error.message() + "; " + progress());
    }
    if (sent_ < queue_.front().bytes.size()) {
      return write_chunk();
    }
    if (!port_->ends_with_job()) {
      return end_job(std::nullopt);
    }
    // Closing our side first and waiting for the printer's close tells a printer that took
    // everything from one that dropped the connection with bytes unread (it resets instead).
    port_->shutdown_send();
    arm(timing_.close_timeout);
    read_until_closed();
  }

  void read_until_closed() {
    port_->async_read_some(boost::asio::buffer(answer_),
                           [self = shared_from_this()](const error_code& error, std::size_t) {
                             self->on_closing_read(error);
                           });
  }

  void on_closing_read(const error_code& error) {
    if (stopped_) {
      return;
    }
    if (timed_out_ || error == boost::asio::error::eof) {
      // A printer that keeps quiet has had every byte handed over; only a reset says otherwise.
      disarm();
      return end_job(std::nullopt);
    }
    if (!error) {
      return read_until_closed();  // back-channel bytes nobody asked for
    }
    disarm();
    fail(hal::PrinterFault::kOffline,
         "the printer reset the connection after the whole job went out (" + std::to_string(sent_) +
             " bytes), so part of it may be unprinted: " + error.message());
  }

  std::string progress() const {
    return "sent " + std::to_string(sent_) + " of " + std::to_string(queue_.front().bytes.size()) +
           " bytes";
  }

  // Ends the job with `fault` and closes the port, so the next job starts on a fresh one.
  void fail(hal::PrinterFault fault, const std::string& detail) {
    port_->close();
    end_job(hal::PrintError{fault, name_ + ": " + detail});
  }

  void end_job(std::optional<hal::PrintError> result) {
    if (port_->ends_with_job()) {
      port_->close();
    }
    hal::PrintDone done = std::move(queue_.front().done);
    queue_.pop_front();
    busy_ = false;
    done(std::move(result));
    start_next();
  }

  void arm(milliseconds limit) {
    timed_out_ = false;
    const auto step = ++step_;
    timer_.expires_after(limit);
    timer_.async_wait([self = shared_from_this(), step](const error_code& error) {
      if (error || step != self->step_ || self->stopped_) {
        return;
      }
      self->timed_out_ = true;
      self->port_->close();
    });
  }

  // The step ended on its own; `timed_out_` keeps saying whether the timer ended it first.
  void disarm() {
    ++step_;
    timer_.cancel();
  }

  boost::asio::io_context& io_;
  std::string name_;
  PortTiming timing_;
  Encoder encoder_;
  std::unique_ptr<PrinterPort> port_;
  boost::asio::steady_timer timer_;
  std::deque<Job> queue_;  // the front one runs while busy_
  bool busy_ = false;
  bool stopped_ = false;
  std::uint64_t step_ = 0;
  bool timed_out_ = false;
  std::size_t sent_ = 0;
  StatusKind asking_ = StatusKind::kPrinter;
  std::string request_;
  PrinterStatus status_;
  std::array<std::uint8_t, 64> answer_{};
};

PortPrinter::PortPrinter(boost::asio::io_context& io, const PortSettings& port,
                         const PrinterSettings& settings, std::optional<MonoImage> logo)
    : impl_(std::make_shared<Impl>(io, port, settings, std::move(logo))) {}

PortPrinter::~PortPrinter() {
  impl_->stop();
}

void PortPrinter::print(const hal::ReceiptDocument& document, hal::PrintDone done) {
  impl_->print(document, std::move(done));
}

}  // namespace linkpos::drivers::escpos
