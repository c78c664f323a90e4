#include "config/json_fields.hpp"

namespace linkpos::config {
namespace {

const nlohmann::json& empty_object() {
  static const nlohmann::json kEmpty = nlohmann::json::object();
  return kEmpty;
}

}  // namespace

JsonFields::JsonFields(const nlohmann::json& object, std::string path,
                       std::vector<std::string>& errors)
    : object_(object.is_object() ? object : empty_object()),
      path_(std::move(path)),
      errors_(errors) {
  if (!object.is_object())
    errors_.push_back((path_.empty() ? "the config" : path_) + ": must be a JSON object");
}

std::string JsonFields::path_of(const char* key) const {
  return path_.empty() ? key : path_ + "." + key;
}

void JsonFields::error(const char* key, const std::string& message) {
  errors_.push_back(path_of(key) + ": " + message);
}

const nlohmann::json* JsonFields::find(const char* key) const {
  const auto found = object_.find(key);
  return found == object_.end() ? nullptr : &*found;
}

std::optional<std::string> JsonFields::string(const char* key, bool required) {
  const auto* value = find(key);
  if (value == nullptr) {
    if (required)
      error(key, "missing; it is required");
    return std::nullopt;
  }
  if (!value->is_string()) {
    error(key, "must be a string (in double quotes)");
    return std::nullopt;
  }
  return value->get<std::string>();
}

std::optional<std::int64_t> JsonFields::integer(const char* key, std::int64_t min,
                                                std::int64_t max) {
  const auto* value = find(key);
  if (value == nullptr)
    return std::nullopt;
  if (!value->is_number_integer()) {
    error(key, "must be a whole number from " + std::to_string(min) + " to " + std::to_string(max));
    return std::nullopt;
  }
  const auto number = value->get<std::int64_t>();
  if (number < min || number > max) {
    error(key, std::to_string(number) + " is out of range; use " + std::to_string(min) + " to " +
                   std::to_string(max));
    return std::nullopt;
  }
  return number;
}

std::optional<std::vector<std::string>> JsonFields::strings(const char* key) {
  const auto* value = find(key);
  if (value == nullptr)
    return std::nullopt;
  if (!value->is_array()) {
    error(key, "must be a list of strings, e.g. [\"line 1\", \"line 2\"]");
    return std::nullopt;
  }
  std::vector<std::string> out;
  for (const auto& item : *value) {
    if (!item.is_string()) {
      error(key, "every entry must be a string");
      return std::nullopt;
    }
    out.push_back(item.get<std::string>());
  }
  return out;
}

std::optional<std::vector<std::int64_t>> JsonFields::integers(const char* key, std::int64_t min,
                                                              std::int64_t max) {
  const auto* value = find(key);
  if (value == nullptr)
    return std::nullopt;
  const std::string range = std::to_string(min) + " to " + std::to_string(max);
  if (!value->is_array()) {
    error(key, "must be a list of whole numbers from " + range + ", e.g. [0, 10, 15]");
    return std::nullopt;
  }
  std::vector<std::int64_t> out;
  for (const auto& item : *value) {
    if (!item.is_number_integer() || item.get<std::int64_t>() < min ||
        item.get<std::int64_t>() > max) {
      error(key, "every entry must be a whole number from " + range);
      return std::nullopt;
    }
    out.push_back(item.get<std::int64_t>());
  }
  return out;
}

std::vector<JsonFields> JsonFields::objects(const char* key) {
  std::vector<JsonFields> out;
  const auto* value = find(key);
  if (value == nullptr)
    return out;
  if (!value->is_array()) {
    error(key, "must be a list of objects");
    return out;
  }
  for (std::size_t i = 0; i < value->size(); ++i)
    out.emplace_back((*value)[i], path_of(key) + "[" + std::to_string(i) + "]", errors_);
  return out;
}

std::optional<bool> JsonFields::boolean(const char* key) {
  const auto* value = find(key);
  if (value == nullptr)
    return std::nullopt;
  if (!value->is_boolean()) {
    error(key, "must be true or false");
    return std::nullopt;
  }
  return value->get<bool>();
}

std::optional<std::map<std::string, std::string>> JsonFields::string_map(const char* key) {
  const auto* value = find(key);
  if (value == nullptr)
    return std::nullopt;
  if (!value->is_object()) {
    error(key, "must be an object of strings, e.g. {\"KEY_KPASTERISK\": \"CANCEL\"}");
    return std::nullopt;
  }
  std::map<std::string, std::string> out;
  for (const auto& [name, item] : value->items()) {
    if (!item.is_string()) {
      error(key, "the value of \"" + name + "\" must be a string");
      return std::nullopt;
    }
    out[name] = item.get<std::string>();
  }
  return out;
}

JsonFields JsonFields::object(const char* key) {
  const auto* value = find(key);
  if (value == nullptr)
    return JsonFields(empty_object(), path_of(key), errors_);
  return JsonFields(*value, path_of(key), errors_);
}

void JsonFields::refuse_unknown(std::initializer_list<const char*> known) {
  for (const auto& [key, value] : object_.items()) {
    bool is_known = false;
    for (const char* name : known)
      is_known = is_known || key == name;
    if (!is_known)
      errors_.push_back(path_of(key.c_str()) + ": unknown field (misspelt?)");
  }
}

}  // namespace linkpos::config
