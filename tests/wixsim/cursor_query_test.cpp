// Query Payment Links / Query Payments: Wix's filter operators, sorting, and cursor paging.
#include <gtest/gtest.h>

#include "tools/wixsim/model/cursor_query.hpp"
#include "tools/wixsim/model/query_filter.hpp"

namespace linkpos::tools::wixsim {
namespace {

using nlohmann::json;

std::vector<json> sample_links() {
  return {
      {{"id", "a"},
       {"status", "ACTIVE"},
       {"createdDate", "2025-01-21T09:00:00.000Z"},
       {"amount", "9.50"}},
      {{"id", "b"},
       {"status", "PAID"},
       {"createdDate", "2025-01-21T10:00:00.000Z"},
       {"amount", "12.00"}},
      {{"id", "c"},
       {"status", "ACTIVE"},
       {"createdDate", "2025-01-22T09:00:00.000Z"},
       {"amount", "100"}},
      {{"id", "d"},
       {"status", "INACTIVE"},
       {"createdDate", "2025-01-23T09:00:00.000Z"},
       {"note", {{"text", "DEMO1-01J"}}}},
  };
}

CursorQuery read(const json& query) {
  auto result = read_cursor_query({{"query", query}});
  if (auto* error = std::get_if<WixError>(&result)) {
    ADD_FAILURE() << error_body(*error).dump();
    return {};
  }
  return std::get<CursorQuery>(result);
}

std::vector<std::string> ids(const QueryPage& page) {
  std::vector<std::string> found;
  for (const auto& item : page.items)
    found.push_back(item["id"]);
  return found;
}

std::vector<std::string> select(const json& filter) {
  return ids(run_cursor_query(read({{"filter", filter}}), sample_links()));
}

using Ids = std::vector<std::string>;

TEST(CursorQueryTest, FiltersByEqualityAndEqualityOperators) {
  EXPECT_EQ(select({{"status", "ACTIVE"}}), (Ids{"a", "c"}));
  EXPECT_EQ(select({{"status", {{"$eq", "PAID"}}}}), (Ids{"b"}));
  EXPECT_EQ(select({{"status", {{"$ne", "ACTIVE"}}}}), (Ids{"b", "d"}));
  EXPECT_EQ(select({{"id", {{"$in", {"b", "d", "zz"}}}}}), (Ids{"b", "d"}));
  EXPECT_EQ(select({{"note.text", "DEMO1-01J"}}), (Ids{"d"})) << "dotted paths reach nested fields";
  EXPECT_EQ(select({{"note", {{"$exists", true}}}}), (Ids{"d"}));
}

TEST(CursorQueryTest, FiltersDateRangesAsInstantsWhateverTheirForm) {
  EXPECT_EQ(select({{"createdDate",
                     {{"$gte", "2025-01-21T10:00:00Z"}, {"$lt", "2025-01-23T09:00:00.000Z"}}}}),
            (Ids{"b", "c"}));
  EXPECT_EQ(select({{"createdDate", {{"$gt", "2025-01-21T11:00:00+01:00"}}}}), (Ids{"c", "d"}));
  EXPECT_EQ(select({{"createdDate", {{"$lte", "2025-01-21T09:00:00Z"}}}}), (Ids{"a"}));
}

TEST(CursorQueryTest, ComparesDecimalStringsAsNumbers) {
  EXPECT_EQ(select({{"amount", {{"$gt", "10"}}}}), (Ids{"b", "c"}));
  EXPECT_EQ(select({{"amount", "12"}}), (Ids{"b"}));
}

TEST(CursorQueryTest, CombinesFiltersWithAndOrNot) {
  EXPECT_EQ(select({{"$or", {{{"id", "a"}}, {{"status", "PAID"}}}}}), (Ids{"a", "b"}));
  EXPECT_EQ(select({{"$and", {{{"status", "ACTIVE"}}, {{"id", {{"$ne", "a"}}}}}}}), (Ids{"c"}));
  EXPECT_EQ(select({{"$not", {{"status", "ACTIVE"}}}}), (Ids{"b", "d"}));
}

TEST(CursorQueryTest, SortsByCreatedDateEitherWay) {
  const auto newest_first = read({{"sort", {{{"fieldName", "createdDate"}, {"order", "DESC"}}}}});
  EXPECT_EQ(ids(run_cursor_query(newest_first, sample_links())), (Ids{"d", "c", "b", "a"}));
  const auto oldest_first = read({{"sort", {{{"fieldName", "createdDate"}}}}});
  EXPECT_EQ(ids(run_cursor_query(oldest_first, sample_links())), (Ids{"a", "b", "c", "d"}));
}

TEST(CursorQueryTest, PagesThroughResultsWithTheNextCursorWhichKeepsTheFilterAndSort) {
  const auto first =
      run_cursor_query(read({{"filter", {{"status", {{"$ne", "PAID"}}}}},
                             {"sort", {{{"fieldName", "createdDate"}, {"order", "DESC"}}}},
                             {"cursorPaging", {{"limit", 2}}}}),
                       sample_links());
  EXPECT_EQ(ids(first), (Ids{"d", "c"}));
  EXPECT_EQ(first.paging_metadata["count"], 2);
  ASSERT_EQ(first.paging_metadata["hasNext"], true);
  const std::string next = first.paging_metadata["cursors"]["next"];

  const auto second =
      run_cursor_query(read({{"cursorPaging", {{"limit", 2}, {"cursor", next}}}}), sample_links());
  EXPECT_EQ(ids(second), (Ids{"a"}));
  EXPECT_EQ(second.paging_metadata["count"], 1);
  EXPECT_EQ(second.paging_metadata["hasNext"], false);
  EXPECT_FALSE(second.paging_metadata["cursors"].contains("next"));
}

TEST(CursorQueryTest, ACursorAloneKeepsThePageSizeOfItsQueryUnlessItGivesAnother) {
  std::vector<json> many;
  for (int i = 0; i < 250; ++i)
    many.push_back({{"id", std::to_string(i)}});
  const auto first = run_cursor_query(read({{"cursorPaging", {{"limit", 100}}}}), many);
  ASSERT_EQ(first.items.size(), 100u);
  const std::string next = first.paging_metadata["cursors"]["next"];
  const auto second = run_cursor_query(read({{"cursorPaging", {{"cursor", next}}}}), many);
  ASSERT_EQ(second.items.size(), 100u) << "not the default 50";
  EXPECT_EQ(second.items.front()["id"], "100");
  const auto third = run_cursor_query(
      read({{"cursorPaging", {{"cursor", second.paging_metadata["cursors"]["next"]}}}}), many);
  EXPECT_EQ(third.items.size(), 50u);
  EXPECT_EQ(third.paging_metadata["hasNext"], false);
  const auto smaller =
      run_cursor_query(read({{"cursorPaging", {{"cursor", next}, {"limit", 7}}}}), many);
  EXPECT_EQ(smaller.items.size(), 7u);
}

TEST(CursorQueryTest, ACursorWithAFilterOrASortBesideItIsRefusedNamingThem) {
  const auto first = run_cursor_query(read({{"cursorPaging", {{"limit", 1}}}}), sample_links());
  const std::string next = first.paging_metadata["cursors"]["next"];
  const auto refused = [&](const json& query) {
    const auto result = read_cursor_query({{"query", query}});
    if (!std::holds_alternative<WixError>(result)) {
      ADD_FAILURE() << "accepted " << query.dump();
      return std::vector<std::string>{};
    }
    const auto& error = std::get<WixError>(result);
    EXPECT_EQ(error.http_status, 400);
    std::vector<std::string> fields;
    for (const auto& violation : error.violations) {
      EXPECT_EQ(violation.violated_rule, "FIELD_NOT_ALLOWED");
      fields.push_back(violation.field);
    }
    return fields;
  };
  EXPECT_EQ(refused({{"filter", {{"status", "ACTIVE"}}}, {"cursorPaging", {{"cursor", next}}}}),
            (Ids{"query.filter"}));
  EXPECT_EQ(
      refused({{"sort", {{{"fieldName", "createdDate"}}}}, {"cursorPaging", {{"cursor", next}}}}),
      (Ids{"query.sort"}));
  EXPECT_EQ(refused({{"filter", json::object()},
                     {"sort", json::array()},
                     {"cursorPaging", {{"cursor", next}, {"limit", 2}}}}),
            (Ids{"query.filter", "query.sort"}))
      << "even empty ones: the cursor alone continues its query";

  const auto alone = read({{"cursorPaging", {{"cursor", next}, {"limit", 2}}}});
  EXPECT_EQ(alone.limit, 2) << "the cursor with a new limit is how Wix pages";
  EXPECT_EQ(ids(run_cursor_query(alone, sample_links())), (Ids{"b", "c"}));
  EXPECT_TRUE(std::holds_alternative<CursorQuery>(
      read_cursor_query({{"query", {{"filter", nullptr}, {"cursorPaging", {{"cursor", next}}}}}})))
      << "null is no filter";
}

TEST(CursorQueryTest, ComparesAmountsWrittenAsNumbersWithDecimalStrings) {
  EXPECT_EQ(compare_field_values(12.5, "12.50"), std::partial_ordering::equivalent);
  EXPECT_EQ(compare_field_values("9.5", 12), std::partial_ordering::less);
  EXPECT_EQ(compare_field_values(12, "abc"), std::partial_ordering::unordered);
}

TEST(CursorQueryTest, RefusesPagesAboveOneHundredAndForeignCursors) {
  const auto too_big = read_cursor_query({{"query", {{"cursorPaging", {{"limit", 101}}}}}});
  ASSERT_TRUE(std::holds_alternative<WixError>(too_big));
  EXPECT_EQ(std::get<WixError>(too_big).violations.at(0).violated_rule, "MAX");
  EXPECT_EQ(
      std::get<CursorQuery>(read_cursor_query({{"query", {{"cursorPaging", {{"limit", 100}}}}}}))
          .limit,
      100);

  const auto forged =
      read_cursor_query({{"query", {{"cursorPaging", {{"cursor", "not-a-cursor"}}}}}});
  ASSERT_TRUE(std::holds_alternative<WixError>(forged));
  EXPECT_EQ(std::get<WixError>(forged).http_status, 400);
}

TEST(CursorQueryTest, RefusesUnsupportedOperatorsAndAMissingQuery) {
  EXPECT_TRUE(std::holds_alternative<WixError>(
      read_cursor_query({{"query", {{"filter", {{"id", {{"$regex", "a"}}}}}}}})));
  EXPECT_TRUE(std::holds_alternative<WixError>(
      read_cursor_query({{"query", {{"filter", {{"id", {{"$in", "a"}}}}}}}})));
  EXPECT_TRUE(std::holds_alternative<WixError>(read_cursor_query(json::object())));
  EXPECT_TRUE(filter_problem({{"$nor", json::array()}}));
}

TEST(CursorQueryTest, AnEmptyQueryReturnsEverythingInCreationOrderFiftyAtATime) {
  std::vector<json> many;
  for (int i = 0; i < 60; ++i)
    many.push_back({{"id", std::to_string(i)}});
  const auto page = run_cursor_query(read(json::object()), many);
  EXPECT_EQ(page.items.size(), 50u);
  EXPECT_EQ(page.items.front()["id"], "0");
  EXPECT_EQ(page.paging_metadata["hasNext"], true);
}

}  // namespace
}  // namespace linkpos::tools::wixsim
