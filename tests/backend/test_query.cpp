// PostgREST query strings -> SQL with parameters, without a server.
#include <doctest/doctest.h>

#include "pgrst_query.hpp"

using namespace foh::backend;

namespace {
TableInfo reservations() {
  TableInfo t;
  t.name = "reservations";
  t.columns = {"id", "date", "time", "status", "table_number", "notes"};
  t.primary_key = {"id"};
  return t;
}
}  // namespace

TEST_CASE("filters become parameterised conditions") {
  QueryParams p = {{"date", "eq.2026-11-23"},
                   {"status", "in.(Confirmed,\"Seated, late\")"},
                   {"notes", "is.null"},
                   {"time", "not.gte.19:00"}};
  auto q = parse_query(p, reservations());
  REQUIRE(q.ok());
  Params values;
  std::string where = where_sql(q.value(), values);
  CHECK(where ==
        " where \"date\" = $1 and \"notes\" is null and \"status\" in ($2,$3) and "
        "not (\"time\" >= $4)");
  REQUIRE(values.size() == 4);
  CHECK(values[2] == "Seated, late");
  CHECK(values[3] == "19:00");
}

TEST_CASE("a value never reaches the SQL text") {
  QueryParams p = {{"notes", "eq.'; drop table reservations; --"}};
  auto q = parse_query(p, reservations());
  REQUIRE(q.ok());
  Params values;
  std::string where = where_sql(q.value(), values);
  CHECK(where.find("drop") == std::string::npos);
  CHECK(values[0] == "'; drop table reservations; --");
}

TEST_CASE("select, order, limit and offset") {
  QueryParams p = {{"select", "id,time"},
                   {"order", "date.desc,time.asc.nullslast"},
                   {"limit", "10"},
                   {"offset", "20"}};
  auto q = parse_query(p, reservations());
  REQUIRE(q.ok());
  const auto& parts = q.value();
  CHECK(select_sql(parts) == "\"id\", \"time\"");
  CHECK(order_sql(parts) == " order by \"date\" desc, \"time\" asc nulls last");
  CHECK(limit_sql(parts.limit, parts.offset) == " limit 10 offset 20");
}

TEST_CASE("malformed or unknown parts are PostgREST errors") {
  auto code = [](QueryParams p) {
    auto q = parse_query(p, reservations());
    return !q.ok() ? q.error().code : std::string("ok");
  };
  CHECK(code({{"date", "zz.1"}}) == "PGRST100");
  CHECK(code({{"date", "eq"}}) == "PGRST100");
  CHECK(code({{"status", "in.Confirmed"}}) == "PGRST100");
  CHECK(code({{"limit", "ten"}}) == "PGRST100");
  CHECK(code({{"order", "date.sideways"}}) == "PGRST100");
  CHECK(code({{"select", "id,tables(*"}}) == "PGRST100");
  CHECK(code({{"select", "id,(*)"}}) == "ok");  // checked against the catalog later
  CHECK(code({{"select", "id:date"}}) == "PGRST100");
  CHECK(code({{"select", "date::text"}}) == "PGRST100");
  CHECK(code({{"nope", "eq.1"}}) == "42703");
  CHECK(code({{"\"id\"; drop", "eq.1"}}) == "42703");
  CHECK(code({{"select", "*"}}) == "ok");
}

TEST_CASE("a Range header intersects limit and offset as PostgREST does") {
  QueryParts q;
  CHECK(apply_range_header(q, "10-19").ok());
  CHECK(q.offset == 10);
  CHECK(q.limit == 10);

  QueryParts open;
  CHECK(apply_range_header(open, "5-").ok());
  CHECK(open.offset == 5);
  CHECK_FALSE(open.limit);

  QueryParts both;
  both.offset = 2;
  both.limit = 5;  // rows 2..6
  CHECK(apply_range_header(both, "4-99").ok());
  CHECK(both.offset == 4);
  CHECK(both.limit == 3);

  for (const char* ignored : {"bytes=0-9", "items=0-9", "-5", "a-b", ""}) {
    QueryParts untouched;
    CHECK(apply_range_header(untouched, ignored).ok());
    CHECK_FALSE(untouched.offset);
    CHECK_FALSE(untouched.limit);
  }
  QueryParts reversed;
  auto bad = apply_range_header(reversed, "9-3");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().status == 416);
  CHECK(bad.error().code == "PGRST103");
  QueryParts disjoint;
  disjoint.limit = 2;
  CHECK_FALSE(apply_range_header(disjoint, "5-9").ok());
}

TEST_CASE("or= and and= trees become one parameterised condition") {
  QueryParams p = {{"or", "(status.eq.Seated,and(time.gte.19:00,notes.is.null),notes.eq.\"a,b\")"},
                   {"not.and", "(date.eq.2026-11-28,table_number.in.(1,\"7+8\"))"}};
  auto q = parse_query(p, reservations());
  REQUIRE(q.ok());
  Params values;
  std::string where = where_sql(q.value(), values);
  CHECK(where ==
        " where not (\"date\" = $1 and \"table_number\" in ($2,$3)) and (\"status\" = $4 or "
        "(\"time\" >= $5 and \"notes\" is null) or \"notes\" = $6)");
  REQUIRE(values.size() == 6);
  CHECK(values[2] == "7+8");
  CHECK(values[5] == "a,b");

  for (const char* bad : {"status.eq.Seated", "(status.eq.Seated", "(status.eq.\"x)", "()",
                          "(status.zz.1)", "(nope.eq.1)", "(or(status.eq.1)"}) {
    CAPTURE(bad);
    auto r = parse_query({{"or", bad}}, reservations());
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().status == 400);
  }
}

TEST_CASE("select= with embeds: columns, then one select-list entry per embed") {
  auto q = parse_query({{"select", "id, guest:customers(name,phone),reservation_events(*)"}},
                       reservations());
  REQUIRE(q.ok());
  QueryParts& parts = q.value();
  CHECK_FALSE(parts.star);
  CHECK(parts.select == std::vector<std::string>{"id"});
  REQUIRE(parts.embeds.size() == 2);
  CHECK(parts.embeds[0].name == "guest");
  CHECK(parts.embeds[0].table == "customers");
  CHECK(parts.embeds[0].columns == std::vector<std::string>{"name", "phone"});
  CHECK(parts.embeds[1].name == "reservation_events");
  CHECK(parts.embeds[1].columns.empty());
  parts.embeds[0].sql = "E0";
  parts.embeds[1].sql = "E1";
  CHECK(select_sql(parts) == "\"id\", E0, E1");
}
