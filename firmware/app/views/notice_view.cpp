#include "app/views/notice_view.hpp"

#include <utility>

#include "app/screens.hpp"

namespace linkpos::app {

NoticeView::NoticeView(std::string title, std::vector<std::string> lines, std::string hint,
                       std::optional<Order> retry)
    : title_(std::move(title)),
      lines_(std::move(lines)),
      hint_(std::move(hint)),
      retry_(std::move(retry)) {}

Next NoticeView::press(hal::Key key) {
  if (!retry_)
    return Next{Next::Go::kIdle};
  if (key == hal::Key::kCharge)
    return Next{Next::Go::kCharge, *retry_};
  if (key == hal::Key::kCancel)
    return Next{Next::Go::kIdle};
  return {};
}

ui::Screen NoticeView::screen() const {
  return screens::error(title_, lines_, hint_);
}

}  // namespace linkpos::app
