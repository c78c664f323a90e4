#pragma once

#include "hal/receipt.hpp"

namespace linkpos::tests::escpos {

// The receipt the golden file holds: accents, the euro sign, every style and alignment.
inline hal::ReceiptDocument cafe_receipt() {
  using hal::Align;
  using hal::TextSize;
  return {"LP01-01HZXKQ3Y8V5N2M4TQRBWCDEFG",
          {
              hal::TextLine{"Café Zoë", Align::kCenter, true, TextSize::kDouble},
              hal::TextLine{"12 rue de la Paix, Paris", Align::kCenter},
              hal::Separator{'-'},
              hal::ColumnsLine{"Espresso x2", "€5.00"},
              hal::ColumnsLine{"Croissant aux amandes", "€7.50"},
              hal::Separator{'='},
              hal::ColumnsLine{"TOTAL", "€12.50", true, TextSize::kDoubleHeight},
              hal::TextLine{"Paid by payment link", Align::kRight},
              hal::TextLine{""},
              hal::TextLine{"Merci et à bientôt !", Align::kCenter, true},
              hal::Feed{3},
              hal::Cut{true},
          }};
}

}  // namespace linkpos::tests::escpos
