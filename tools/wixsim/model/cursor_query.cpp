#include "tools/wixsim/model/cursor_query.hpp"

#include <algorithm>

#include "tools/wixsim/model/query_filter.hpp"

namespace linkpos::tools::wixsim {
namespace {

using nlohmann::json;

WixError query_error(std::string field, std::string description, std::string rule) {
  return validation_error({{std::move(field), std::move(description), std::move(rule)}});
}

json sort_json(const std::vector<SortOrder>& sort) {
  json orders = json::array();
  for (const auto& order : sort) {
    orders.push_back({{"fieldName", order.field}, {"order", order.descending ? "DESC" : "ASC"}});
  }
  return orders;
}

// Cursors are opaque to clients; here they are the query's state as hex-encoded JSON, so a
// technician can still read one.
std::string make_cursor(const CursorQuery& query, std::size_t offset) {
  const std::string text = json{
      {"filter", query.filter},
      {"sort", sort_json(query.sort)},
      {"limit", query.limit},
      {"offset", offset}}.dump();
  static constexpr char kHex[] = "0123456789abcdef";
  std::string cursor;
  for (const unsigned char c : text) {
    cursor += kHex[c >> 4];
    cursor += kHex[c & 0xF];
  }
  return cursor;
}

std::optional<json> open_cursor(const std::string& cursor) {
  if (cursor.size() % 2 != 0)
    return std::nullopt;
  std::string text;
  for (std::size_t i = 0; i < cursor.size(); i += 2) {
    const auto nibble = [](char c) -> int {
      if (c >= '0' && c <= '9')
        return c - '0';
      if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
      return -1;
    };
    const int high = nibble(cursor[i]);
    const int low = nibble(cursor[i + 1]);
    if (high < 0 || low < 0)
      return std::nullopt;
    text += static_cast<char>(high * 16 + low);
  }
  json state = json::parse(text, nullptr, false);
  if (!state.is_object() || !state.contains("filter") || !state.contains("sort") ||
      !state.contains("offset") || !state["offset"].is_number_unsigned()) {
    return std::nullopt;
  }
  return state;
}

std::variant<std::vector<SortOrder>, WixError> read_sort(const json& sort) {
  if (!sort.is_array())
    return query_error("query.sort", "must be an array", "FORMAT");
  std::vector<SortOrder> orders;
  for (std::size_t i = 0; i < sort.size(); ++i) {
    const std::string field = "query.sort[" + std::to_string(i) + "]";
    const json& entry = sort[i];
    if (!entry.is_object() || !entry.contains("fieldName") || !entry["fieldName"].is_string()) {
      return query_error(field + ".fieldName", "is required", "REQUIRED_FIELD");
    }
    SortOrder order{entry["fieldName"].get<std::string>(), false};
    if (entry.contains("order")) {
      const json& direction = entry["order"];
      if (direction == "DESC") {
        order.descending = true;
      } else if (direction != "ASC") {
        return query_error(field + ".order", "must be ASC or DESC", "INVALID_ENUM_VALUE");
      }
    }
    orders.push_back(std::move(order));
  }
  return orders;
}

}  // namespace

std::variant<CursorQuery, WixError> read_cursor_query(const json& body) {
  if (!body.is_object() || !body.contains("query") || !body["query"].is_object()) {
    return query_error("query", "is required", "REQUIRED_FIELD");
  }
  const json& request = body["query"];
  CursorQuery query;
  json filter = request.contains("filter") && !request["filter"].is_null() ? request["filter"]
                                                                           : json::object();
  json sort =
      request.contains("sort") && !request["sort"].is_null() ? request["sort"] : json::array();

  if (request.contains("cursorPaging")) {
    const json& paging = request["cursorPaging"];
    if (!paging.is_object())
      return query_error("query.cursorPaging", "must be an object", "FORMAT");
    if (paging.contains("limit") && !paging["limit"].is_null()) {
      const json& limit = paging["limit"];
      if (!limit.is_number_integer())
        return query_error("query.cursorPaging.limit", "must be an integer", "FORMAT");
      const auto value = limit.get<std::int64_t>();
      if (value < 1)
        return query_error("query.cursorPaging.limit", "must be at least 1", "MIN");
      if (value > kMaxPageSize) {
        return query_error("query.cursorPaging.limit",
                           "must be at most " + std::to_string(kMaxPageSize), "MAX");
      }
      query.limit = static_cast<int>(value);
    }
    if (paging.contains("cursor") && !paging["cursor"].is_null()) {
      // Wix pages as its SDK does: a later page is the cursor alone (a new limit aside); a
      // filter or sort beside it, even an empty one, is refused rather than guessed at.
      std::vector<FieldViolation> violations;
      for (const char* part : {"filter", "sort"}) {
        if (request.contains(part) && !request[part].is_null()) {
          violations.push_back({std::string("query.") + part,
                                "must not be given with cursorPaging.cursor: the cursor "
                                "continues the query it came from, with its filter and sort",
                                "FIELD_NOT_ALLOWED"});
        }
      }
      if (!violations.empty())
        return validation_error(std::move(violations));
      const auto state = paging["cursor"].is_string()
                             ? open_cursor(paging["cursor"].get<std::string>())
                             : std::nullopt;
      if (!state) {
        return application_error(400, "INVALID_CURSOR", "the cursor was not made by this server");
      }
      filter = (*state)["filter"];
      sort = (*state)["sort"];
      query.offset = (*state)["offset"].get<std::size_t>();
      // The page size goes on as the first page set it, unless this page sets another.
      const bool new_limit = paging.contains("limit") && !paging["limit"].is_null();
      const auto kept = state->find("limit");
      if (!new_limit && kept != state->end() && kept->is_number_integer() &&
          kept->get<std::int64_t>() >= 1 && kept->get<std::int64_t>() <= kMaxPageSize) {
        query.limit = kept->get<int>();
      }
    }
  }

  if (auto problem = filter_problem(filter))
    return query_error("query.filter", *problem, "FORMAT");
  query.filter = std::move(filter);
  auto orders = read_sort(sort);
  if (auto* error = std::get_if<WixError>(&orders))
    return *error;
  query.sort = std::get<std::vector<SortOrder>>(std::move(orders));
  return query;
}

QueryPage run_cursor_query(const CursorQuery& query, const std::vector<json>& items) {
  std::vector<const json*> selected;
  for (const auto& item : items) {
    if (filter_matches(query.filter, item))
      selected.push_back(&item);
  }
  // Stable, so equal keys keep creation order. An item without the field sorts first.
  std::stable_sort(selected.begin(), selected.end(), [&](const json* a, const json* b) {
    for (const auto& order : query.sort) {
      const json* value_a = field_at(*a, order.field);
      const json* value_b = field_at(*b, order.field);
      std::partial_ordering ordering = std::partial_ordering::equivalent;
      if (value_a == nullptr || value_b == nullptr) {
        ordering = (value_a != nullptr) <=> (value_b != nullptr);
      } else {
        ordering = compare_field_values(*value_a, *value_b);
      }
      if (ordering == std::partial_ordering::less)
        return !order.descending;
      if (ordering == std::partial_ordering::greater)
        return order.descending;
    }
    return false;
  });

  QueryPage page;
  const std::size_t begin = std::min(query.offset, selected.size());
  const std::size_t end = std::min(begin + static_cast<std::size_t>(query.limit), selected.size());
  for (std::size_t i = begin; i < end; ++i)
    page.items.push_back(*selected[i]);
  const bool has_next = end < selected.size();
  json cursors = json::object();
  if (has_next)
    cursors["next"] = make_cursor(query, end);
  if (begin > 0) {
    cursors["prev"] =
        make_cursor(query, begin > static_cast<std::size_t>(query.limit) ? begin - query.limit : 0);
  }
  page.paging_metadata = {
      {"count", page.items.size()}, {"cursors", std::move(cursors)}, {"hasNext", has_next}};
  return page;
}

}  // namespace linkpos::tools::wixsim
