#include "tests/escpos/escpos_decoder.hpp"

#include <iconv.h>

#include <cerrno>
#include <stdexcept>

namespace linkpos::tests::escpos {
namespace {

constexpr unsigned char kLf = 0x0A;
constexpr unsigned char kEsc = 0x1B;
constexpr unsigned char kGs = 0x1D;
constexpr unsigned char kDle = 0x10;
constexpr unsigned char kEot = 0x04;

// Independent of the encoder's iconv wrapper on purpose: a shared bug would hide itself.
std::optional<std::string> to_utf8(const std::string& charset, const std::string& bytes) {
  iconv_t descriptor = iconv_open("UTF-8", charset.c_str());
  if (descriptor == reinterpret_cast<iconv_t>(-1)) {
    return std::nullopt;
  }
  std::string utf8(bytes.size() * 4, '\0');
  char* in = const_cast<char*>(bytes.data());
  std::size_t in_left = bytes.size();
  char* out = utf8.data();
  std::size_t out_left = utf8.size();
  const bool ok = iconv(descriptor, &in, &in_left, &out, &out_left) != static_cast<size_t>(-1);
  iconv_close(descriptor);
  if (!ok) {
    return std::nullopt;
  }
  utf8.resize(utf8.size() - out_left);
  return utf8;
}

class Reader {
 public:
  Reader(std::string_view bytes, const std::map<int, std::string>& code_tables)
      : bytes_(bytes), code_tables_(code_tables) {}

  DecodeResult run() {
    while (!result_.error && position_ < bytes_.size()) {
      command_start_ = position_;
      step();
    }
    if (!result_.error && !pending_.empty()) {
      fail("stream ends inside a line (no LF)");
    }
    result_.final_style = style_;
    return std::move(result_);
  }

 private:
  void step() {
    const unsigned char byte = next();
    if (byte == kLf) {
      print_line();
    } else if (byte == kEsc) {
      esc();
    } else if (byte == kGs) {
      gs();
    } else if (byte == kDle) {
      dle();
    } else if (byte >= 0x20 && byte != 0x7F) {
      pending_ += static_cast<char>(byte);
    } else {
      fail("control byte " + std::to_string(byte) + " is no command linkpos sends");
    }
  }

  void esc() {
    const unsigned char command = next();
    if (result_.error) {
      return;
    }
    switch (command) {
      case '@':
        if (!pending_.empty()) {
          return fail("ESC @ would discard unprinted text");
        }
        style_ = {};
        table_ = 0;
        return add(Init{});
      case 't': {
        const int table = next();
        if (result_.error) {
          return;
        }
        if (!code_tables_.count(table)) {
          return fail("ESC t " + std::to_string(table) + ": code table unknown to the decoder");
        }
        if (!pending_.empty()) {
          return fail("ESC t in the middle of a line");
        }
        table_ = table;
        return add(SelectCodeTable{table});
      }
      case 'a': {
        const int n = next();
        if (n > 2 && (n < 48 || n > 50)) {
          return fail("ESC a " + std::to_string(n) + ": no such alignment");
        }
        TextStyle wanted = style_;
        wanted.align = static_cast<hal::Align>(n % 48);
        return change_style(wanted, "ESC a");
      }
      case 'E': {
        TextStyle wanted = style_;
        wanted.bold = (next() & 1) != 0;
        return change_style(wanted, "ESC E");
      }
      case 'd': {
        const int n = next();
        if (result_.error) {
          return;
        }
        if (!pending_.empty()) {
          return fail("ESC d with a line not ended by LF");
        }
        return add(FeedLines{n});
      }
      default:
        return fail("ESC " + std::to_string(command) + " is no command linkpos sends");
    }
  }

  void gs() {
    const unsigned char command = next();
    if (result_.error) {
      return;
    }
    switch (command) {
      case '!': {
        const int n = next();
        TextStyle wanted = style_;
        wanted.width = ((n >> 4) & 0x07) + 1;
        wanted.height = (n & 0x07) + 1;
        if ((n & 0x88) != 0) {
          return fail("GS ! " + std::to_string(n) + ": reserved bits set");
        }
        return change_style(wanted, "GS !");
      }
      case 'V':
        return cut();
      case 'v':
        return raster();
      default:
        return fail("GS " + std::to_string(command) + " is no command linkpos sends");
    }
  }

  void dle() {
    const unsigned char command = next();
    const int n = next();
    if (result_.error) {
      return;
    }
    if (command != kEot || n < 1 || n > 4) {
      return fail("DLE " + std::to_string(command) + " " + std::to_string(n) +
                  " is no command linkpos sends");
    }
    add(StatusRequest{n});
  }

  void cut() {
    const int m = next();
    if (result_.error) {
      return;
    }
    if (!pending_.empty()) {
      return fail("GS V with a line not ended by LF");
    }
    if (m == 0 || m == 48 || m == 1 || m == 49) {
      return add(CutPaper{m % 48 == 1, false, 0});
    }
    if (m == 65 || m == 66) {
      const int n = next();
      if (result_.error) {
        return;
      }
      return add(CutPaper{m == 66, true, n});
    }
    fail("GS V " + std::to_string(m) + " is no cut linkpos sends");
  }

  void raster() {
    if (next() != '0') {
      return fail("GS v other than GS v 0");
    }
    const int mode = next();
    const int width_low = next();
    const int width_high = next();
    const int height_low = next();
    const int height_high = next();
    const int width_bytes = width_low | (width_high << 8);
    const int height = height_low | (height_high << 8);
    if (result_.error) {
      return;
    }
    if (mode > 3 && (mode < 48 || mode > 51)) {
      return fail("GS v 0 mode " + std::to_string(mode));
    }
    if (!pending_.empty()) {
      return fail("GS v 0 in the middle of a line");
    }
    const auto size = static_cast<std::size_t>(width_bytes) * static_cast<std::size_t>(height);
    if (bytes_.size() - position_ < size) {
      return fail("GS v 0 image data cut short");
    }
    const auto* data = reinterpret_cast<const std::uint8_t*>(bytes_.data() + position_);
    position_ += size;
    add(RasterImage{mode % 48, width_bytes, height, {data, data + size}});
  }

  void change_style(const TextStyle& wanted, const char* command) {
    if (result_.error) {
      return;
    }
    // Our lines each have one style; a change inside one would mean a style leaking.
    if (!pending_.empty()) {
      return fail(std::string(command) + " in the middle of a line");
    }
    if (wanted == style_) {
      ++result_.redundant_style_commands;
    }
    style_ = wanted;
  }

  void print_line() {
    const auto text = to_utf8(code_tables_.at(table_), pending_);
    if (!text) {
      return fail("line text is not valid in code table " + std::to_string(table_));
    }
    add(PrintedLine{*text, style_});
    pending_.clear();
  }

  unsigned char next() {
    if (position_ >= bytes_.size()) {
      fail("command cut short by the end of the stream");
      return 0;
    }
    return static_cast<unsigned char>(bytes_[position_++]);
  }

  // Built in place: moving a whole Decoded trips GCC 12's -Wmaybe-uninitialized at -O2.
  template <typename Item>
  void add(Item item) {
    result_.items.emplace_back(std::in_place_type<Item>, std::move(item));
  }

  void fail(const std::string& message) {
    if (!result_.error) {
      result_.error = "byte " + std::to_string(command_start_) + ": " + message;
    }
  }

  std::string_view bytes_;
  const std::map<int, std::string>& code_tables_;
  std::size_t position_ = 0;
  std::size_t command_start_ = 0;
  std::string pending_;
  TextStyle style_;
  int table_ = 0;
  DecodeResult result_;
};

}  // namespace

bool RasterImage::is_black(int x, int y) const {
  const auto index = static_cast<std::size_t>(y * width_bytes + x / 8);
  return (data.at(index) & (0x80 >> (x % 8))) != 0;
}

std::vector<PrintedLine> DecodeResult::lines() const {
  std::vector<PrintedLine> printed;
  for (const auto& item : items) {
    if (const auto* line = std::get_if<PrintedLine>(&item)) {
      printed.push_back(*line);
    }
  }
  return printed;
}

std::vector<std::string> DecodeResult::texts() const {
  std::vector<std::string> printed;
  for (const auto& line : lines()) {
    printed.push_back(line.text);
  }
  return printed;
}

EscPosDecoder::EscPosDecoder(std::map<int, std::string> code_tables)
    : code_tables_(std::move(code_tables)) {
  code_tables_.try_emplace(0, "CP437");
}

DecodeResult EscPosDecoder::decode(std::string_view bytes) const {
  return Reader(bytes, code_tables_).run();
}

}  // namespace linkpos::tests::escpos
