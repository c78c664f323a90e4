#include "ui/qr.hpp"

#include <cstdint>
#include <string>

#include <qrcodegen/qrcodegen.hpp>

namespace linkpos::ui {
namespace {

qrcodegen::QrCode encode(std::string_view text) {
  // Both entry points raise MEDIUM to a stronger level when the symbol stays the same size.
  constexpr auto kEcc = qrcodegen::QrCode::Ecc::MEDIUM;
  // encodeText reads a C string; a text holding a NUL byte goes in whole as binary instead.
  if (text.find('\0') == std::string_view::npos) {
    return qrcodegen::QrCode::encodeText(std::string(text).c_str(), kEcc);
  }
  return qrcodegen::QrCode::encodeBinary(std::vector<std::uint8_t>(text.begin(), text.end()), kEcc);
}

}  // namespace

std::optional<QrMatrix> encode_qr(std::string_view text) {
  try {
    const qrcodegen::QrCode code = encode(text);
    QrMatrix matrix;
    matrix.size = code.getSize();
    matrix.modules.reserve(static_cast<std::size_t>(matrix.size) * matrix.size);
    for (int y = 0; y < matrix.size; ++y) {
      for (int x = 0; x < matrix.size; ++x)
        matrix.modules.push_back(code.getModule(x, y));
    }
    return matrix;
  } catch (const qrcodegen::data_too_long&) {
    return std::nullopt;
  }
}

}  // namespace linkpos::ui
