#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "drivers/evdev/input_records.hpp"
#include "drivers/evdev/key_map.hpp"
#include "hal/keypad.hpp"

namespace boost::asio {
class io_context;
}

namespace linkpos::drivers::evdev {

// The config's keypad section for a Linux input device (keypad.kind "evdev").
struct EvdevSettings {
  // /dev/input/by-id/... or /dev/input/by-path/... names survive replugging and reboots;
  // eventN numbers can change.
  std::string device = "/dev/input/event0";
  KeyMap key_map = default_key_map();
  // How often a device that is gone (unplugged) is looked for again.
  std::chrono::milliseconds reopen_interval{1000};
};

// Where the keypad reports trouble: one message per event, without a prefix.
using WarningSink = std::function<void(std::string_view message)>;

// Writes "linkpos: warning: <message>" as a line on stderr.
void warn_on_stderr(std::string_view message);

// The terminal's keys from a Linux input device: key presses (not releases, not auto-repeat)
// whose code is in the key map, delivered on the io_context. The device is grabbed so its keys
// reach no console. When it goes away it is looked for every reopen_interval until it is back;
// both are warned about once.
class EvdevKeypad final : public hal::Keypad {
 public:
  // Opens settings.device. A device that is not there (yet) is warned about and waited for;
  // one that is there but cannot be opened (permissions) throws std::runtime_error saying what
  // to check.
  EvdevKeypad(boost::asio::io_context& io, EvdevSettings settings,
              WarningSink warn = warn_on_stderr);

  // Reads `fd`, which the keypad takes over and closes, before settings.device: when `fd`
  // ends, settings.device is opened as above, unless it is empty (then no more keys come).
  EvdevKeypad(boost::asio::io_context& io, int fd, EvdevSettings settings,
              WarningSink warn = warn_on_stderr);

  ~EvdevKeypad() override;
  EvdevKeypad(const EvdevKeypad&) = delete;
  EvdevKeypad& operator=(const EvdevKeypad&) = delete;

  void start(hal::KeyHandler on_key) override;

 private:
  bool attach(int fd);
  void read();
  void on_read(const std::string& failure, std::size_t length);
  void on_event(const input_event& event);
  void lose(const std::string& reason);
  void wait_to_reopen();
  void reopen();
  std::string name() const;

  struct Io;  // the Asio descriptor and timer, kept out of this header
  std::unique_ptr<Io> io_;
  EvdevSettings settings_;
  WarningSink warn_;
  hal::KeyHandler on_key_;
  InputRecords records_;
};

}  // namespace linkpos::drivers::evdev
