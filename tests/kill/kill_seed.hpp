#pragma once

#include <cstdint>
#include <string>

namespace linkpos::testing {

// The number every random choice of a kill run comes from, and where it came from (said in the
// output, so a failing run can be repeated).
struct KillSeed {
  std::uint64_t value = 0;
  std::string origin;
};

// LINKPOS_KILL_SEED when set to a number; a time-based seed when it says "random"; otherwise
// LINKPOS_KILL_DEFAULT_SEED (CTest sets it, so CI always runs the same schedule), else time-based.
// Throws std::invalid_argument for a value that is not a number.
KillSeed kill_seed_from_environment();

// A positive whole number from the environment variable `name`, or `fallback` when it is unset.
// Throws std::invalid_argument for anything else.
int count_from_environment(const char* name, int fallback);

// Draws that depend only on (seed, purpose, index): the 7th kill of seed 42 is planned the same
// way however the run before it went. SplitMix64, written out so every standard library draws
// the same numbers.
class SeededRandom {
 public:
  SeededRandom(std::uint64_t seed, std::uint64_t purpose, std::uint64_t index);

  std::uint64_t next();
  // Uniform enough in [low, high], both included.
  std::int64_t between(std::int64_t low, std::int64_t high);
  // True `percent` times out of a hundred.
  bool chance(int percent);

 private:
  std::uint64_t state_;
};

}  // namespace linkpos::testing
