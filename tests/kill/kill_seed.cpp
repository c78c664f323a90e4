#include "kill/kill_seed.hpp"

#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <stdexcept>

namespace linkpos::testing {
namespace {

std::uint64_t mix(std::uint64_t z) {
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

std::uint64_t parse_number(const std::string& text, const char* name) {
  if (text.empty() || text.find_first_not_of("0123456789") != std::string::npos ||
      text.size() > 20) {
    throw std::invalid_argument(std::string(name) + "=\"" + text +
                                "\" is not a number (or \"random\")");
  }
  try {
    return std::stoull(text);
  } catch (const std::out_of_range&) {
    throw std::invalid_argument(std::string(name) + "=\"" + text + "\" is too large");
  }
}

std::uint64_t time_seed() {
  const auto now = std::chrono::system_clock::now().time_since_epoch();
  const auto nanoseconds = std::chrono::duration_cast<std::chrono::nanoseconds>(now).count();
  // Small enough to type back in; the pid keeps two runs started together apart.
  return mix(static_cast<std::uint64_t>(nanoseconds) ^ static_cast<std::uint64_t>(::getpid())) %
         1'000'000'000ULL;
}

}  // namespace

KillSeed kill_seed_from_environment() {
  const char* chosen = std::getenv("LINKPOS_KILL_SEED");
  if (chosen != nullptr && *chosen != '\0') {
    if (std::string(chosen) == "random")
      return {time_seed(), "random: LINKPOS_KILL_SEED=random"};
    return {parse_number(chosen, "LINKPOS_KILL_SEED"), "from LINKPOS_KILL_SEED"};
  }
  const char* fixed = std::getenv("LINKPOS_KILL_DEFAULT_SEED");
  if (fixed != nullptr && *fixed != '\0') {
    return {parse_number(fixed, "LINKPOS_KILL_DEFAULT_SEED"),
            "the fixed CI seed (LINKPOS_KILL_DEFAULT_SEED)"};
  }
  return {time_seed(), "random: no LINKPOS_KILL_SEED"};
}

int count_from_environment(const char* name, int fallback) {
  const char* text = std::getenv(name);
  if (text == nullptr || *text == '\0')
    return fallback;
  const std::uint64_t value = parse_number(text, name);
  if (value == 0 || value > 100'000) {
    throw std::invalid_argument(std::string(name) + " must be from 1 to 100000");
  }
  return static_cast<int>(value);
}

SeededRandom::SeededRandom(std::uint64_t seed, std::uint64_t purpose, std::uint64_t index)
    : state_(mix(seed) ^ mix(purpose * 0x9e3779b97f4a7c15ULL + 1) ^ mix(~index)) {}

std::uint64_t SeededRandom::next() {
  state_ += 0x9e3779b97f4a7c15ULL;
  return mix(state_);
}

std::int64_t SeededRandom::between(std::int64_t low, std::int64_t high) {
  if (high <= low)
    return low;
  const auto span = static_cast<std::uint64_t>(high - low) + 1;
  return low + static_cast<std::int64_t>(next() % span);
}

bool SeededRandom::chance(int percent) {
  return between(0, 99) < percent;
}

}  // namespace linkpos::testing
