#pragma once

#include <memory>
#include <utility>

namespace linkpos::app {

// The answers to an object's requests can come after the object is gone (a sale replaced, a
// menu closed). The object keeps a Lifetime; callbacks wrapped by guard() do nothing once it
// has been destroyed.
class Lifetime {
 public:
  Lifetime() = default;
  Lifetime(const Lifetime&) = delete;
  Lifetime& operator=(const Lifetime&) = delete;

  template <class Callback>
  auto guard(Callback callback) const {
    return [alive = std::weak_ptr<const int>(alive_),
            callback = std::move(callback)](auto&&... args) mutable {
      if (alive.lock())
        callback(std::forward<decltype(args)>(args)...);
    };
  }

 private:
  std::shared_ptr<const int> alive_ = std::make_shared<const int>(0);
};

}  // namespace linkpos::app
