#pragma once

#include <cstdint>
#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace linkpos::config {

// Reads the fields of one JSON object, collecting a message for every field that is missing,
// of the wrong type, out of range or unknown, so one run names every mistake in a config.
class JsonFields {
 public:
  JsonFields(const nlohmann::json& object, std::string path, std::vector<std::string>& errors);

  std::optional<std::string> string(const char* key, bool required);
  std::optional<std::int64_t> integer(const char* key, std::int64_t min, std::int64_t max);
  std::optional<std::vector<std::string>> strings(const char* key);
  // A list of whole numbers, each from `min` to `max`.
  std::optional<std::vector<std::int64_t>> integers(const char* key, std::int64_t min,
                                                    std::int64_t max);
  // A list of objects, each read with its own fields ("catalogue[2].price").
  std::vector<JsonFields> objects(const char* key);
  std::optional<bool> boolean(const char* key);
  // An object whose values are all strings, e.g. {"KEY_KPASTERISK": "CANCEL"}.
  std::optional<std::map<std::string, std::string>> string_map(const char* key);
  // A nested object; absent gives an empty one, so its fields take their defaults.
  JsonFields object(const char* key);
  bool has(const char* key) const { return find(key) != nullptr; }

  void error(const char* key, const std::string& message);
  // Names every key not in `known` (usually a typo).
  void refuse_unknown(std::initializer_list<const char*> known);

  std::string path_of(const char* key) const;

 private:
  const nlohmann::json* find(const char* key) const;

  const nlohmann::json& object_;
  std::string path_;
  std::vector<std::string>& errors_;
};

}  // namespace linkpos::config
