#pragma once

#include <memory>
#include <set>
#include <string>
#include <vector>

#include "drivers/sim/frame_sink.hpp"
#include "drivers/sim/key_script.hpp"
#include "hal/keypad.hpp"

namespace boost::asio {
class io_context;
}

namespace linkpos::drivers::sim {

// The keypad of a headless run: presses the keys of a script in order, one per turn of the
// loop. It watches the display (add it as a sink) so "wait:<screen>" holds the script until that
// screen has been shown since the step before.
class ScriptedKeypad final : public hal::Keypad, public FrameSink {
 public:
  ScriptedKeypad(boost::asio::io_context& io, std::vector<ScriptStep> steps);
  ~ScriptedKeypad() override;

  void start(hal::KeyHandler on_key) override;
  void on_frame(const hal::Framebuffer& pixels, const hal::FrameText& text) override;

 private:
  void run_next();
  void schedule_next();

  boost::asio::io_context& io_;
  std::vector<ScriptStep> steps_;
  std::size_t next_ = 0;
  hal::KeyHandler on_key_;
  std::set<std::string> shown_since_step_;
  std::string current_screen_;
  std::string waiting_for_;
  struct SleepTimer;  // the Asio timer, kept out of this header
  std::unique_ptr<SleepTimer> sleep_;
};

}  // namespace linkpos::drivers::sim
