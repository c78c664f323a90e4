#include "drivers/escpos/port_printer.hpp"

#include <termios.h>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <ostream>
#include <regex>

#include "drivers/escpos/encoder.hpp"
#include "drivers/escpos/logo.hpp"
#include "drivers/escpos/printer_status.hpp"
#include "fakes/temp_dir.hpp"
#include "support/run_until.hpp"
#include "tests/escpos/escpos_decoder.hpp"
#include "tests/escpos/fd_printer.hpp"
#include "tests/escpos/receipt_samples.hpp"
#include "tests/escpos/tcp_printer.hpp"
#include "tests/escpos/test_png.hpp"

namespace linkpos::drivers::escpos {
namespace {

using namespace std::chrono_literals;
using linkpos::testing::run_until;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using tests::escpos::FdPrinter;
using tests::escpos::StatusResponder;
using tests::escpos::TcpPrinter;

const PrinterSettings kSettings{48, {"CP858", 19}, kPaperDots80mm};
constexpr auto kStatusTimeout = 50ms;
// How long a test waits for the driver: a hung driver fails its test instead of hanging the suite.
constexpr auto kHungDriver = 10s;

const std::string kAskPrinter = status_request(StatusKind::kPrinter);
const std::string kAskPaper = status_request(StatusKind::kPaperSensor);
const std::string kAskCause = status_request(StatusKind::kOfflineCause);

const std::map<int, std::uint8_t> kPaperOut = {{1, 0x12}, {4, 0x72}};
const std::map<int, std::uint8_t> kCoverOpen = {{1, 0x1A}, {2, 0x16}, {4, 0x12}};
const std::map<int, std::uint8_t> kSilent = {};

std::string job_bytes(const hal::ReceiptDocument& document,
                      const PrinterSettings& settings = kSettings,
                      std::optional<MonoImage> logo = std::nullopt) {
  return Encoder(settings, std::move(logo)).encode(document);
}

tests::escpos::DecodeResult decode(std::string_view bytes) {
  return tests::escpos::EscPosDecoder({{19, "CP858"}}).decode(bytes);
}

// Large enough that no kernel buffer between driver and fake holds all of it.
hal::ReceiptDocument long_receipt(int lines) {
  hal::ReceiptDocument document{"long", {}};
  for (int i = 0; i < lines; ++i) {
    document.elements.push_back(hal::TextLine{"Line " + std::to_string(i) + std::string(40, '.')});
  }
  return document;
}

hal::ReceiptDocument short_receipt(const std::string& text) {
  return {text, {hal::TextLine{text}, hal::Cut{}}};
}

struct SentCount {
  std::size_t sent;
  std::size_t total;
};

std::optional<SentCount> sent_count(const std::string& detail) {
  static const std::regex kSent("sent ([0-9]+) of ([0-9]+) bytes");
  std::smatch match;
  if (!std::regex_search(detail, match, kSent)) {
    return std::nullopt;
  }
  return SentCount{std::stoul(match[1]), std::stoul(match[2])};
}

// The printer's end of one kind of port, and the settings that point the driver at it: the
// same tests run over each, so every port is held to the same contract.
class FakePort {
 public:
  virtual ~FakePort() = default;
  virtual PortSettings settings(StatusCheck status) const = 0;
  virtual const std::string& received() const = 0;
  virtual StatusResponder& status() = 0;
};

class SerialPty final : public FakePort {
 public:
  explicit SerialPty(boost::asio::io_context& io) : fake_(FdPrinter::pty(io)) {}
  PortSettings settings(StatusCheck status) const override {
    SerialSettings serial{fake_->device(), 115200};
    serial.status = status;
    return serial;
  }
  const std::string& received() const override { return fake_->received; }
  StatusResponder& status() override { return fake_->status; }

 private:
  std::unique_ptr<FdPrinter> fake_;
};

class UsbPty final : public FakePort {
 public:
  explicit UsbPty(boost::asio::io_context& io) : fake_(FdPrinter::pty(io)) {}
  PortSettings settings(StatusCheck status) const override {
    UsbSettings usb{fake_->device()};
    usb.status = status;
    return usb;
  }
  const std::string& received() const override { return fake_->received; }
  StatusResponder& status() override { return fake_->status; }

 private:
  std::unique_ptr<FdPrinter> fake_;
};

class TcpLoopback final : public FakePort {
 public:
  explicit TcpLoopback(boost::asio::io_context& io) : fake_(io) {}
  PortSettings settings(StatusCheck status) const override {
    TcpSettings tcp{"127.0.0.1", fake_.port()};
    tcp.status = status;
    tcp.close_timeout = 5s;  // the fake closes as soon as the driver does
    return tcp;
  }
  const std::string& received() const override { return fake_.received; }
  StatusResponder& status() override { return fake_.status; }

 private:
  TcpPrinter fake_;
};

class PrintingTest : public ::testing::Test {
 protected:
  // Prints `document` and runs the loop until the printer calls back; fails the test if it
  // never does.
  std::optional<hal::PrintError> print(hal::Printer& printer,
                                       const hal::ReceiptDocument& document) {
    bool finished = false;
    std::optional<hal::PrintError> result;
    printer.print(document, [&](std::optional<hal::PrintError> error) {
      finished = true;
      result = std::move(error);
    });
    const auto called_back = [&] { return finished; };
    EXPECT_TRUE(run_until(io_, called_back, kHungDriver)) << "the printer never called back";
    return result;
  }

  // Runs the loop until the fake got `size` bytes: the driver is done once the OS has them.
  bool wait_for_bytes(const std::string& received, std::size_t size) {
    const auto all_there = [&] { return received.size() >= size; };
    return run_until(io_, all_there, kHungDriver);
  }

  boost::asio::io_context io_;
  testing::TempDir dir_;
};

enum class PortUnderTest { kSerialPty, kUsbPty, kTcpLoopback };

// Names the parameter in test names and in CTest's list.
void PrintTo(PortUnderTest port, std::ostream* out) {
  switch (port) {
    case PortUnderTest::kSerialPty:
      *out << "SerialPty";
      return;
    case PortUnderTest::kUsbPty:
      *out << "UsbPty";
      return;
    case PortUnderTest::kTcpLoopback:
      *out << "TcpLoopback";
      return;
  }
}

std::unique_ptr<FakePort> make_fake(PortUnderTest port, boost::asio::io_context& io) {
  switch (port) {
    case PortUnderTest::kSerialPty:
      return std::make_unique<SerialPty>(io);
    case PortUnderTest::kUsbPty:
      return std::make_unique<UsbPty>(io);
    case PortUnderTest::kTcpLoopback:
      return std::make_unique<TcpLoopback>(io);
  }
  throw std::logic_error("unknown port");
}

class EveryPortTest : public PrintingTest, public ::testing::WithParamInterface<PortUnderTest> {
 protected:
  EveryPortTest() : fake_(make_fake(GetParam(), io_)) {}

  PortSettings port() const { return fake_->settings({true, kStatusTimeout}); }

  std::unique_ptr<FakePort> fake_;
};

TEST_P(EveryPortTest, AsksStatusThenSendsTheReceiptUnchanged) {
  PortPrinter printer(io_, port(), kSettings);
  EXPECT_EQ(print(printer, tests::escpos::cafe_receipt()), std::nullopt);
  const std::string job = job_bytes(tests::escpos::cafe_receipt());
  ASSERT_TRUE(wait_for_bytes(fake_->received(), 6 + job.size()));
  EXPECT_EQ(fake_->received(), kAskPrinter + kAskPaper + job);

  const auto result = decode(fake_->received());
  ASSERT_EQ(result.error, std::nullopt);
  EXPECT_EQ(std::get<tests::escpos::StatusRequest>(result.items[0]).kind, 1);
  EXPECT_EQ(std::get<tests::escpos::StatusRequest>(result.items[1]).kind, 4);
  EXPECT_TRUE(std::holds_alternative<tests::escpos::Init>(result.items[2]));
  EXPECT_EQ(std::get<tests::escpos::SelectCodeTable>(result.items[3]).table, 19);
  EXPECT_EQ(result.texts().front(), "Café Zoë");
  EXPECT_EQ(result.texts().back(), "Merci et à bientôt !");
  EXPECT_TRUE(std::get<tests::escpos::CutPaper>(result.items.back()).partial);
}

TEST_P(EveryPortTest, PaperOutFailsTheJobBeforeAnyByteOfIt) {
  fake_->status().answers = kPaperOut;
  PortPrinter printer(io_, port(), kSettings);
  const auto error = print(printer, tests::escpos::cafe_receipt());
  ASSERT_TRUE(error);
  EXPECT_EQ(error->fault, hal::PrinterFault::kPaperOut);
  EXPECT_THAT(error->detail, HasSubstr("paper end"));

  // With a new roll the next job prints, and nothing of the first came before it.
  fake_->status().answers = tests::escpos::kReadyAnswers;
  EXPECT_EQ(print(printer, short_receipt("new roll")), std::nullopt);
  const std::string expected =
      kAskPrinter + kAskPaper + kAskPrinter + kAskPaper + job_bytes(short_receipt("new roll"));
  ASSERT_TRUE(wait_for_bytes(fake_->received(), expected.size()));
  EXPECT_EQ(fake_->received(), expected);
}

TEST_P(EveryPortTest, CoverOpenIsToldByTheOfflineCause) {
  fake_->status().answers = kCoverOpen;
  PortPrinter printer(io_, port(), kSettings);
  const auto error = print(printer, tests::escpos::cafe_receipt());
  ASSERT_TRUE(error);
  EXPECT_EQ(error->fault, hal::PrinterFault::kCoverOpen);
  EXPECT_THAT(error->detail, HasSubstr("cover open"));

  fake_->status().answers = tests::escpos::kReadyAnswers;
  EXPECT_EQ(print(printer, short_receipt("cover shut")), std::nullopt);
  const std::string expected = kAskPrinter + kAskPaper + kAskCause + kAskPrinter + kAskPaper +
                               job_bytes(short_receipt("cover shut"));
  ASSERT_TRUE(wait_for_bytes(fake_->received(), expected.size()));
  EXPECT_EQ(fake_->received(), expected);
}

TEST_P(EveryPortTest, PrinterThatNeverAnswersIsOfflineAfterTheStatusTimeout) {
  fake_->status().answers = kSilent;
  PortPrinter printer(io_, port(), kSettings);
  const auto start = std::chrono::steady_clock::now();
  const auto error = print(printer, tests::escpos::cafe_receipt());
  EXPECT_GE(std::chrono::steady_clock::now() - start, kStatusTimeout);
  ASSERT_TRUE(error);
  EXPECT_EQ(error->fault, hal::PrinterFault::kOffline);
  EXPECT_THAT(error->detail, HasSubstr("no answer to DLE EOT 1"));
  EXPECT_EQ(fake_->received(), kAskPrinter);

  // Once the printer answers again, the next job goes through on a reopened port.
  fake_->status().answers = tests::escpos::kReadyAnswers;
  EXPECT_EQ(print(printer, short_receipt("again")), std::nullopt);
  const std::string job = job_bytes(short_receipt("again"));
  ASSERT_TRUE(wait_for_bytes(fake_->received(), 9 + job.size()));
  EXPECT_EQ(fake_->received(), kAskPrinter + kAskPrinter + kAskPaper + job);
}

TEST_P(EveryPortTest, StatusCheckOffSendsTheJobToAPrinterThatNeverAnswers) {
  fake_->status().answers = kSilent;
  PortPrinter printer(io_, fake_->settings({false, kStatusTimeout}), kSettings);
  EXPECT_EQ(print(printer, tests::escpos::cafe_receipt()), std::nullopt);
  const std::string job = job_bytes(tests::escpos::cafe_receipt());
  ASSERT_TRUE(wait_for_bytes(fake_->received(), job.size()));
  EXPECT_EQ(fake_->received(), job);
}

TEST_P(EveryPortTest, ASecondJobWaitsForTheFirstAndFollowsIt) {
  PortPrinter printer(io_, port(), kSettings);
  std::vector<std::string> finished;
  printer.print(short_receipt("first"), [&](std::optional<hal::PrintError> error) {
    EXPECT_EQ(error, std::nullopt);
    finished.push_back("first");
  });
  printer.print(short_receipt("second"), [&](std::optional<hal::PrintError> error) {
    EXPECT_EQ(error, std::nullopt);
    finished.push_back("second");
  });
  EXPECT_TRUE(finished.empty()) << "done is never called from inside print()";
  const auto both_done = [&] { return finished.size() == 2; };
  ASSERT_TRUE(run_until(io_, both_done, kHungDriver));
  EXPECT_THAT(finished, ElementsAre("first", "second"));
  const std::string expected = kAskPrinter + kAskPaper + job_bytes(short_receipt("first")) +
                               kAskPrinter + kAskPaper + job_bytes(short_receipt("second"));
  ASSERT_TRUE(wait_for_bytes(fake_->received(), expected.size()));
  EXPECT_EQ(fake_->received(), expected);
}

INSTANTIATE_TEST_SUITE_P(Ports, EveryPortTest,
                         ::testing::Values(PortUnderTest::kSerialPty, PortUnderTest::kUsbPty,
                                           PortUnderTest::kTcpLoopback),
                         [](const auto& test) { return ::testing::PrintToString(test.param); });

// The logo the tests print: a frame, a diagonal, a grey that is dark enough, a light grey and
// a transparent hole, each of which the 1-bit image must show right.
tests::escpos::RgbaPicture test_logo() {
  tests::escpos::RgbaPicture picture(120, 48);
  for (int x = 0; x < 120; ++x) {
    for (int y = 0; y < 48; ++y) {
      const bool frame = x < 2 || x >= 118 || y < 2 || y >= 46;
      if (frame || x == y + 36) {
        picture.set(x, y, 0, 0, 0);
      } else if (x >= 10 && x < 30 && y >= 10 && y < 38) {
        picture.set(x, y, 90, 90, 90);  // dark grey: black
      } else if (x >= 40 && x < 60 && y >= 10 && y < 38) {
        picture.set(x, y, 200, 200, 200);  // light grey: white
      } else if (x >= 80 && x < 100 && y >= 10 && y < 38) {
        picture.set(x, y, 0, 0, 0, 0);  // transparent: white
      }
    }
  }
  return picture;
}

bool black_in_test_logo(int x, int y) {
  const bool frame = x < 2 || x >= 118 || y < 2 || y >= 46;
  const bool dark = x >= 10 && x < 30 && y >= 10 && y < 38;
  return frame || x == y + 36 || dark;
}

class SerialPrinterTest : public PrintingTest {};

TEST_F(SerialPrinterTest, PrintsTheLogoCentredAboveTheReceiptOn58mmPaper) {
  const PrinterSettings narrow{32, {"CP858", 19}, kPaperDots58mm};
  tests::escpos::write_png(dir_.path() / "logo.png", test_logo());
  LogoLoad logo = load_logo(dir_.path() / "logo.png", narrow.paper_width_dots);
  ASSERT_TRUE(logo.image) << logo.error;
  auto fake = FdPrinter::pty(io_);
  PortPrinter printer(io_, SerialSettings{fake->device(), 38400}, narrow, logo.image);
  EXPECT_EQ(print(printer, tests::escpos::cafe_receipt()), std::nullopt);
  const std::string job = job_bytes(tests::escpos::cafe_receipt(), narrow, logo.image);
  ASSERT_TRUE(wait_for_bytes(fake->received, 6 + job.size()));

  const auto result = decode(fake->received);
  ASSERT_EQ(result.error, std::nullopt);
  const auto& raster = std::get<tests::escpos::RasterImage>(result.items.at(4));
  tests::escpos::write_png(
      std::filesystem::path(LINKPOS_BINARY_DIR) / "tests" / "escpos" / "serial-printed-logo.png",
      raster);
  constexpr int kMargin = (384 - 120) / 2;
  EXPECT_EQ(raster.width_bytes, (kMargin + 120 + 7) / 8);
  ASSERT_EQ(raster.height, 48);
  int wrong = 0;
  for (int y = 0; y < raster.height; ++y) {
    for (int x = 0; x < raster.width_bytes * 8; ++x) {
      const bool expected = x >= kMargin && x < kMargin + 120 && black_in_test_logo(x - kMargin, y);
      wrong += raster.is_black(x, y) != expected ? 1 : 0;
    }
  }
  EXPECT_EQ(wrong, 0) << "dots that differ from the logo";
  EXPECT_EQ(result.texts().front(), "Café Zoë");
  EXPECT_TRUE(std::holds_alternative<tests::escpos::PrintedLine>(result.items.at(5)));
}

TEST_F(SerialPrinterTest, OpensTheLineAtTheConfiguredSpeedAndFlowControl) {
  auto fake = FdPrinter::pty(io_);
  SerialSettings serial{fake->device(), 19200, FlowControl::kHardware};
  PortPrinter hardware(io_, serial, kSettings);
  EXPECT_EQ(print(hardware, short_receipt("rts/cts")), std::nullopt);
  termios line{};
  ASSERT_EQ(::tcgetattr(fake->device_fd(), &line), 0);
  EXPECT_EQ(::cfgetospeed(&line), B19200);
  EXPECT_NE(line.c_cflag & CRTSCTS, 0u);
  EXPECT_EQ(line.c_iflag & (IXON | IXOFF), 0u);
  EXPECT_EQ(line.c_oflag & OPOST, 0u) << "LF must reach the printer as LF";

  serial.baud_rate = 115200;
  serial.flow_control = FlowControl::kSoftware;
  PortPrinter software(io_, serial, kSettings);
  EXPECT_EQ(print(software, short_receipt("xon/xoff")), std::nullopt);
  ASSERT_EQ(::tcgetattr(fake->device_fd(), &line), 0);
  EXPECT_EQ(::cfgetospeed(&line), B115200);
  EXPECT_EQ(line.c_cflag & CRTSCTS, 0u);
  EXPECT_EQ(line.c_iflag & (IXON | IXOFF), static_cast<tcflag_t>(IXON | IXOFF));
}

TEST_F(SerialPrinterTest, APrinterThatStopsTakingDataFailsTheJobSayingHowMuchWentOut) {
  auto fake = FdPrinter::pty(io_);
  fake->stop_reading_after = 1000;
  SerialSettings serial{fake->device(), 115200};
  serial.stall_timeout = 100ms;
  PortPrinter printer(io_, serial, kSettings);
  const auto error = print(printer, long_receipt(2000));
  ASSERT_TRUE(error);
  EXPECT_EQ(error->fault, hal::PrinterFault::kJobFailed);
  EXPECT_THAT(error->detail, HasSubstr("took no data for 100 ms"));
  const auto count = sent_count(error->detail);
  ASSERT_TRUE(count) << error->detail;
  EXPECT_EQ(count->total, job_bytes(long_receipt(2000)).size());
  EXPECT_GE(count->sent, 1000u);
  EXPECT_LT(count->sent, count->total);
}

TEST_F(SerialPrinterTest, BytesThatAreNoStatusAnswerAreSkipped) {
  auto fake = FdPrinter::pty(io_);
  fake->status.noise = std::string("\x00\xFF\x13", 3);
  fake->status.answers = kPaperOut;
  PortPrinter printer(io_, SerialSettings{fake->device(), 9600}, kSettings);
  const auto error = print(printer, short_receipt("noisy"));
  ASSERT_TRUE(error);
  EXPECT_EQ(error->fault, hal::PrinterFault::kPaperOut);  // the answers were found, not the noise
}

TEST_F(SerialPrinterTest, AMissingDeviceIsOfflineNamingIt) {
  PortPrinter printer(io_, SerialSettings{dir_.file("ttyUSB9")}, kSettings);
  const auto error = print(printer, short_receipt("nowhere"));
  ASSERT_TRUE(error);
  EXPECT_EQ(error->fault, hal::PrinterFault::kOffline);
  EXPECT_THAT(error->detail, HasSubstr("serial printer " + dir_.file("ttyUSB9")));
  EXPECT_THAT(error->detail, HasSubstr("No such file or directory"));
}

class UsbPrinterTest : public PrintingTest {};

TEST_F(UsbPrinterTest, WritesTheJobToTheDeviceWithoutAskingStatus) {
  auto fake = FdPrinter::fifo(io_, dir_.file("lp0"));
  fake->status.answers = kSilent;
  PortPrinter printer(io_, UsbSettings{fake->device()}, kSettings);
  EXPECT_EQ(print(printer, tests::escpos::cafe_receipt()), std::nullopt);
  EXPECT_EQ(print(printer, short_receipt("next")), std::nullopt);
  const std::string expected =
      job_bytes(tests::escpos::cafe_receipt()) + job_bytes(short_receipt("next"));
  ASSERT_TRUE(wait_for_bytes(fake->received, expected.size()));
  EXPECT_EQ(fake->received, expected);
}

class TcpPrinterTest : public PrintingTest {};

TEST_F(TcpPrinterTest, UsesOneConnectionPerJob) {
  TcpPrinter fake(io_);
  PortPrinter printer(io_, TcpSettings{"127.0.0.1", fake.port()}, kSettings);
  EXPECT_EQ(print(printer, short_receipt("one")), std::nullopt);
  EXPECT_EQ(fake.connections, 1);
  EXPECT_EQ(print(printer, short_receipt("two")), std::nullopt);
  EXPECT_EQ(fake.connections, 2);
}

TEST_F(TcpPrinterTest, APrinterDroppingTheConnectionMidJobFailsItSayingHowMuchWentOut) {
  TcpPrinter fake(io_);
  fake.reset_after = 2000;
  PortPrinter printer(io_, TcpSettings{"127.0.0.1", fake.port()}, kSettings);
  const auto error = print(printer, long_receipt(2000));
  ASSERT_TRUE(error);
  EXPECT_EQ(error->fault, hal::PrinterFault::kOffline);
  const auto count = sent_count(error->detail);
  ASSERT_TRUE(count) << error->detail;
  EXPECT_EQ(count->total, job_bytes(long_receipt(2000)).size());
  EXPECT_GE(count->sent, 2000u);
  EXPECT_LT(count->sent, count->total);
}

TEST_F(TcpPrinterTest, ARefusedConnectionIsOfflineSayingSo) {
  const auto port = tests::escpos::closed_port(io_);
  PortPrinter printer(io_, TcpSettings{"127.0.0.1", port}, kSettings);
  const auto error = print(printer, short_receipt("nobody"));
  ASSERT_TRUE(error);
  EXPECT_EQ(error->fault, hal::PrinterFault::kOffline);
  EXPECT_THAT(error->detail, HasSubstr("network printer 127.0.0.1:" + std::to_string(port)));
  EXPECT_THAT(error->detail, HasSubstr("cannot connect: Connection refused"));
}

TEST_F(TcpPrinterTest, AHostThatNeverAnswersIsOfflineAfterTheConnectTimeout) {
  tests::escpos::UnansweredPort unanswered(io_);
  TcpSettings tcp{"127.0.0.1", unanswered.port()};
  tcp.connect_timeout = 100ms;
  PortPrinter printer(io_, tcp, kSettings);
  const auto start = std::chrono::steady_clock::now();
  const auto error = print(printer, short_receipt("nobody home"));
  EXPECT_GE(std::chrono::steady_clock::now() - start, tcp.connect_timeout);
  ASSERT_TRUE(error);
  EXPECT_EQ(error->fault, hal::PrinterFault::kOffline);
  EXPECT_THAT(error->detail, HasSubstr("no connection within 100 ms"));
}

TEST(PortPrinterSettingsTest, UnusableSettingsFailAtStartUp) {
  boost::asio::io_context io;
  EXPECT_THROW(PortPrinter(io, SerialSettings{}, kSettings), std::invalid_argument);
  EXPECT_THROW(PortPrinter(io, TcpSettings{"10.0.0.7"}, PrinterSettings{8, {"CP858", 19}}),
               std::invalid_argument);
  const PrinterSettings narrow{32, {"CP858", 19}, kPaperDots58mm};
  EXPECT_THROW(PortPrinter(io, UsbSettings{}, narrow, MonoImage(576, 8)), std::invalid_argument);
}

}  // namespace
}  // namespace linkpos::drivers::escpos
