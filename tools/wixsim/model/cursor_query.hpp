#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

#include "tools/wixsim/model/wix_error.hpp"

namespace linkpos::tools::wixsim {

struct SortOrder {
  std::string field;
  bool descending = false;
};

// A Wix CursorQuery, read: what to select, in which order, and which page.
struct CursorQuery {
  nlohmann::json filter = nlohmann::json::object();
  std::vector<SortOrder> sort;  // none: creation order
  int limit = 50;
  std::size_t offset = 0;
};

inline constexpr int kMaxPageSize = 100;

// Reads a query request body, {"query": {"filter": {...}, "sort": [{"fieldName", "order"}],
// "cursorPaging": {"limit", "cursor"}}}. As with Wix, a cursor from an earlier page carries that
// query's filter and sort, which then must not be given again, and its page size, which may
// change. A 400 error
// for a missing query, a bad filter or sort, a limit outside 1…100, a cursor that was not made
// here, or a cursor with a filter or sort beside it (FIELD_NOT_ALLOWED on query.filter /
// query.sort).
std::variant<CursorQuery, WixError> read_cursor_query(const nlohmann::json& body);

struct QueryPage {
  std::vector<nlohmann::json> items;
  nlohmann::json paging_metadata;  // {"count", "cursors": {"next"?, "prev"?}, "hasNext"}
};

// The page `query` selects from `items` (every item, in creation order).
QueryPage run_cursor_query(const CursorQuery& query, const std::vector<nlohmann::json>& items);

}  // namespace linkpos::tools::wixsim
