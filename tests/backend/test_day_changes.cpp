// Notes and small changes of the day (issue 13 item 5, migration 027): the
// day's floor note is a Manager's to write and every member's to read; any
// member joins two tables for the day (daily_table_overrides.joined_with),
// and the database refuses a partner that is not a table of the same
// restaurant and floor plan.
#include <doctest/doctest.h>

#include "client.hpp"

using namespace fohtest;
using nlohmann::json;

namespace {

json note(const std::string& r, const std::string& id, const std::string& text) {
  return {{"id", id}, {"restaurant_id", r}, {"date", "2026-11-28"}, {"note", text}};
}

json join_row(const std::string& r, const std::string& table, const std::string& with) {
  return {{"id", uuid()},
          {"restaurant_id", r},
          {"table_id", table},
          {"date", "2026-11-28"},
          {"joined_with", with}};
}

}  // namespace

TEST_CASE("day: a Server reads the day's floor note but cannot write it; a Manager can") {
  std::string r = seed_restaurant("Day note");
  std::string id = uuid();
  Resp refused = post("/rest/v1/daily_floor_notes", note(r, id, "Groupe 20h"), server(r));
  CHECK(refused.status == 403);
  CHECK(refused.code() == "42501");
  CHECK(post("/rest/v1/daily_floor_notes", note(r, id, "Groupe de 12 à 20h"), staff(r)).status ==
        201);
  Resp read = get("/rest/v1/daily_floor_notes?id=eq." + id, server(r));
  REQUIRE(read.status == 200);
  REQUIRE(read.body.size() == 1);
  CHECK(read.body[0]["note"] == "Groupe de 12 à 20h");
  CHECK(patch("/rest/v1/daily_floor_notes?id=eq." + id, {{"note", "x"}}, server(r)).status == 403);
  del("/rest/v1/daily_floor_notes?id=eq." + id, server(r));  // filtered out: nothing deleted
  CHECK(get("/rest/v1/daily_floor_notes?id=eq." + id, service()).body[0]["note"] ==
        "Groupe de 12 à 20h");
  CHECK(patch("/rest/v1/daily_floor_notes?id=eq." + id, {{"note", "Groupe à 21h"}}, admin(r))
            .status == 204);
  CHECK(get("/rest/v1/daily_floor_notes?id=eq." + id, device(r)).body[0]["note"] == "Groupe à 21h");
}

TEST_CASE("day: a Server joins two tables for the day and splits them; the partner is checked") {
  std::string r = seed_restaurant("Day join");
  std::string other = seed_restaurant("Day join elsewhere");
  std::string t1 = table_id(r, "1"), t2 = table_id(r, "2");
  json row = join_row(r, t1, t2);
  const std::string id = row["id"];
  REQUIRE(post("/rest/v1/daily_table_overrides", row, server(r)).status == 201);
  Resp back = get("/rest/v1/daily_table_overrides?id=eq." + id, device(r));
  REQUIRE(back.body.size() == 1);
  CHECK(back.body[0]["joined_with"] == t2);
  CHECK(patch("/rest/v1/daily_table_overrides?id=eq." + id, {{"joined_with", nullptr}}, server(r))
            .status == 204);
  CHECK(get("/rest/v1/daily_table_overrides?id=eq." + id, service()).body[0]["joined_with"] ==
        nullptr);

  // Itself, another restaurant's table, another floor plan's table: refused.
  Resp self = post("/rest/v1/daily_table_overrides", join_row(r, t1, t1), server(r));
  CHECK(self.status == 400);
  CHECK(self.code() == "23514");
  Resp foreign =
      post("/rest/v1/daily_table_overrides", join_row(r, t1, table_id(other, "1")), server(r));
  CHECK(foreign.status == 400);
  CHECK(foreign.code() == "23514");
  std::string terrace = uuid(), t9 = uuid();
  REQUIRE(post("/rest/v1/floor_plans", {{"id", terrace}, {"restaurant_id", r}, {"name", "T"}},
               service())
              .status == 201);
  REQUIRE(post("/rest/v1/tables",
               {{"id", t9}, {"restaurant_id", r}, {"floor_plan_id", terrace}, {"name", "9"}},
               service())
              .status == 201);
  Resp plans = post("/rest/v1/daily_table_overrides", join_row(r, t1, t9), server(r));
  CHECK(plans.status == 400);
  CHECK(plans.code() == "23514");
  // A joined partner deleted from the plan: the join goes, the override stays.
  REQUIRE(patch("/rest/v1/daily_table_overrides?id=eq." + id, {{"joined_with", t2}}, server(r))
              .status == 204);
  REQUIRE(del("/rest/v1/tables?id=eq." + t2, service()).status == 204);
  CHECK(get("/rest/v1/daily_table_overrides?id=eq." + id, service()).body[0]["joined_with"] ==
        nullptr);
}
