#include "drivers/sim/file_printer.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <utility>

#include <boost/asio/io_context.hpp>

#include "drivers/escpos/text_render.hpp"

namespace linkpos::drivers::sim {
namespace {

namespace fs = std::filesystem;

const escpos::PrinterSettings kSettings{32, {"CP858", 19}};

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::vector<std::string> names_in(const fs::path& folder) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(folder)) {
    names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

hal::ReceiptDocument receipt(std::string job_name) {
  return {std::move(job_name),
          {hal::TextLine{"Café Zoë", hal::Align::kCenter, true},
           hal::ColumnsLine{"Total", "€12.50"}, hal::Cut{}}};
}

class FilePrinterTest : public ::testing::Test {
 protected:
  FilePrinterTest() {
    std::string pattern = (fs::temp_directory_path() / "file-printer-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) {
      throw std::runtime_error("mkdtemp failed");
    }
    scratch_ = pattern;
  }
  ~FilePrinterTest() override { fs::remove_all(scratch_); }

  // Prints and runs the loop until the job reports; the result of the job.
  std::optional<hal::PrintError> print(FilePrinter& printer, const hal::ReceiptDocument& document) {
    std::optional<std::optional<hal::PrintError>> outcome;
    printer.print(document, [&](std::optional<hal::PrintError> error) { outcome = error; });
    io_.restart();
    io_.run();
    if (!outcome) {
      throw std::runtime_error("done never called");
    }
    return *outcome;
  }

  boost::asio::io_context io_;
  fs::path scratch_;
};

TEST_F(FilePrinterTest, WritesTheEscPosBytesAndTheTextOfAJob) {
  const fs::path folder = scratch_ / "receipts" / "today";  // created on demand
  FilePrinter printer(io_, folder, kSettings);
  ASSERT_EQ(print(printer, receipt("LP01-01HZX")), std::nullopt);

  escpos::Encoder encoder(kSettings);
  EXPECT_EQ(read_file(folder / "LP01-01HZX.escpos"), encoder.encode(receipt("LP01-01HZX")));
  EXPECT_EQ(read_file(folder / "LP01-01HZX.txt"), escpos::render_text(receipt("x"), 32));
  EXPECT_NE(read_file(folder / "LP01-01HZX.txt").find("Total                     €12.50\n"),
            std::string::npos);
}

TEST_F(FilePrinterTest, ACopyOfTheSameReceiptGetsACopyNumber) {
  FilePrinter printer(io_, scratch_, kSettings);
  for (int i = 0; i < 3; ++i) {
    ASSERT_EQ(print(printer, receipt("LP01-A")), std::nullopt);
  }
  ASSERT_EQ(print(printer, receipt("LP01-B")), std::nullopt);
  EXPECT_EQ(names_in(scratch_),
            (std::vector<std::string>{"LP01-A-copy-1.escpos", "LP01-A-copy-1.txt",
                                      "LP01-A-copy-2.escpos", "LP01-A-copy-2.txt", "LP01-A.escpos",
                                      "LP01-A.txt", "LP01-B.escpos", "LP01-B.txt"}));
  EXPECT_EQ(read_file(scratch_ / "LP01-A-copy-2.escpos"), read_file(scratch_ / "LP01-A.escpos"));
}

TEST_F(FilePrinterTest, LeavesNoTemporaryFilesBehind) {
  FilePrinter printer(io_, scratch_, kSettings);
  ASSERT_EQ(print(printer, receipt("job")), std::nullopt);
  EXPECT_EQ(names_in(scratch_), (std::vector<std::string>{"job.escpos", "job.txt"}));
}

TEST_F(FilePrinterTest, AFolderThatCannotBeWrittenIsOffline) {
  // A path under a regular file fails even for root, who may write anywhere else.
  std::ofstream(scratch_ / "plain-file") << "not a folder";
  const fs::path folder = scratch_ / "plain-file" / "receipts";
  FilePrinter printer(io_, folder, kSettings);
  const auto error = print(printer, receipt("job"));
  ASSERT_TRUE(error);
  EXPECT_EQ(error->fault, hal::PrinterFault::kOffline);
  EXPECT_NE(error->detail.find(folder.string()), std::string::npos) << error->detail;
  EXPECT_NE(error->detail.find("Not a directory"), std::string::npos) << error->detail;
}

TEST_F(FilePrinterTest, JobNamesThatAreNoPlainFileNameAreRefused) {
  FilePrinter printer(io_, scratch_ / "receipts", kSettings);
  for (const std::string& name : {std::string(), std::string("../escape"), std::string("a/b"),
                                  std::string("nul\0x", 5), std::string(300, 'x')}) {
    const auto error = print(printer, receipt(name));
    ASSERT_TRUE(error) << name;
    EXPECT_EQ(error->fault, hal::PrinterFault::kJobFailed) << name;
  }
  EXPECT_FALSE(fs::exists(scratch_ / "escape.escpos"));
  EXPECT_TRUE(!fs::exists(scratch_ / "receipts") || fs::is_empty(scratch_ / "receipts"));
}

TEST_F(FilePrinterTest, DoneIsPostedToTheLoopNeverCalledInsidePrint) {
  FilePrinter printer(io_, scratch_, kSettings);
  int calls = 0;
  printer.print(receipt("job"), [&](std::optional<hal::PrintError>) { ++calls; });
  printer.print(receipt(""), [&](std::optional<hal::PrintError>) { ++calls; });
  EXPECT_EQ(calls, 0);
  io_.run();
  EXPECT_EQ(calls, 2);
}

TEST_F(FilePrinterTest, RefusesUnusableSettingsAtStartUp) {
  EXPECT_THROW((FilePrinter{io_, scratch_, escpos::PrinterSettings{32, {"NO-SUCH-CHARSET", 1}}}),
               std::invalid_argument);
}

}  // namespace
}  // namespace linkpos::drivers::sim
