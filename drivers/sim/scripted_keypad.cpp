#include "drivers/sim/scripted_keypad.hpp"

#include <utility>

#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>

namespace linkpos::drivers::sim {

struct ScriptedKeypad::SleepTimer {
  explicit SleepTimer(boost::asio::io_context& io) : timer(io) {}
  boost::asio::steady_timer timer;
};

ScriptedKeypad::ScriptedKeypad(boost::asio::io_context& io, std::vector<ScriptStep> steps)
    : io_(io), steps_(std::move(steps)), sleep_(std::make_unique<SleepTimer>(io)) {}

ScriptedKeypad::~ScriptedKeypad() = default;

void ScriptedKeypad::start(hal::KeyHandler on_key) {
  on_key_ = std::move(on_key);
  schedule_next();
}

void ScriptedKeypad::schedule_next() {
  boost::asio::post(io_, [this] { run_next(); });
}

void ScriptedKeypad::on_frame(const hal::Framebuffer&, const hal::FrameText& text) {
  shown_since_step_.insert(text.screen);
  current_screen_ = text.screen;
  if (!waiting_for_.empty() && text.screen == waiting_for_) {
    waiting_for_.clear();
    ++next_;
    schedule_next();
  }
}

void ScriptedKeypad::run_next() {
  if (next_ >= steps_.size())
    return;
  const ScriptStep& step = steps_[next_];
  if (const auto* key = std::get_if<KeyStep>(&step)) {
    shown_since_step_.clear();
    ++next_;
    on_key_(key->key);
    schedule_next();
  } else if (const auto* wait = std::get_if<WaitStep>(&step)) {
    // A screen already up counts as shown: an unchanged screen presents no new frame.
    if (shown_since_step_.count(wait->screen) != 0 || current_screen_ == wait->screen) {
      ++next_;
      schedule_next();
    } else {
      waiting_for_ = wait->screen;
    }
  } else {
    const auto& sleep = std::get<SleepStep>(step);
    sleep_->timer.expires_after(sleep.duration);
    sleep_->timer.async_wait([this](const boost::system::error_code& error) {
      if (error)
        return;
      ++next_;
      run_next();
    });
  }
}

}  // namespace linkpos::drivers::sim
