#include "app/out_of_service.hpp"

#include "ui/screen_painter.hpp"

namespace linkpos::app {

ui::Screen out_of_service_screen(OutOfService why, const std::string& detail, const Strings& s) {
  const std::string_view reason = why == OutOfService::kStorage    ? s.out_of_service_storage
                                  : why == OutOfService::kInternal ? s.out_of_service_internal
                                                                   : s.out_of_service_start;
  ui::Screen screen{"out-of-service",
                    std::string(s.out_of_service_title),
                    {},
                    std::nullopt,
                    std::string(s.out_of_service_hint)};
  screen.body.push_back(ui::ScreenLine{std::string(reason), ui::TextStyle::kNormal,
                                       ui::TextAlign::kLeft, ui::Tone::kWarning});
  if (!detail.empty()) {
    screen.body.push_back(
        ui::ScreenLine{detail, ui::TextStyle::kSmall, ui::TextAlign::kLeft, ui::Tone::kNormal});
  }
  return screen;
}

void show_out_of_service(hal::Display& display, OutOfService why, const std::string& detail,
                         const Strings& s) {
  display.present(ui::paint_screen(out_of_service_screen(why, detail, s), display.framebuffer()));
}

}  // namespace linkpos::app
