#include "drivers/sim/key_script.hpp"

#include <charconv>
#include <sstream>
#include <utility>

namespace linkpos::drivers::sim {
namespace {

std::string known_words() {
  std::string words;
  for (const auto name : hal::kKeyNames) {
    words += std::string(name) + " ";
  }
  return words + "wait:<screen> sleep:<milliseconds>";
}

}  // namespace

std::variant<std::vector<ScriptStep>, std::string> parse_key_script(std::string_view script) {
  std::vector<ScriptStep> steps;
  std::istringstream words{std::string(script)};
  std::string word;
  while (words >> word) {
    if (const auto key = hal::key_from_name(word)) {
      steps.emplace_back(std::in_place_type<KeyStep>, KeyStep{*key});
    } else if (word.rfind("wait:", 0) == 0 && word.size() > 5) {
      steps.emplace_back(std::in_place_type<WaitStep>, WaitStep{word.substr(5)});
    } else if (word.rfind("sleep:", 0) == 0) {
      const std::string_view digits = std::string_view(word).substr(6);
      long ms = -1;
      const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), ms);
      if (digits.empty() || error != std::errc() || end != digits.data() + digits.size() ||
          ms < 0) {
        return "--keys: \"" + word + "\" needs a whole number of milliseconds, e.g. sleep:500";
      }
      steps.emplace_back(std::in_place_type<SleepStep>, SleepStep{std::chrono::milliseconds(ms)});
    } else {
      return "--keys: \"" + word + "\" is not a key; the words are: " + known_words();
    }
  }
  return steps;
}

}  // namespace linkpos::drivers::sim
