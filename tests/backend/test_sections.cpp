// Server sections (migration 026): Managers and Admins give tables to
// servers, every member and the terminal read them, anon nothing; a row
// names only its own restaurant's table, service and server; one row per
// table per service and date.
#include <doctest/doctest.h>

#include "client.hpp"

using namespace fohtest;
using nlohmann::json;

namespace {

std::string service_of(const std::string& r) {
  Resp s = get("/rest/v1/services?select=id&restaurant_id=eq." + r, service());
  REQUIRE(s.status == 200);
  REQUIRE(!s.body.empty());
  return s.body[0]["id"].get<std::string>();
}

json section(const std::string& r, const std::string& table, const std::string& member,
             const std::string& service_id) {
  return {{"id", uuid()},      {"restaurant_id", r},       {"date", "2026-12-04"},
          {"table_id", table}, {"team_member_id", member}, {"service_id", service_id}};
}

std::string rows(const std::string& id) { return "/rest/v1/server_sections?id=eq." + id; }

}  // namespace

TEST_CASE("sections: a Manager or Admin writes, members and the terminal read, anon nothing") {
  std::string r = seed_restaurant("Sections roles");
  std::string srv = member_of(r, "Server"), soir = service_of(r);
  json row = section(r, table_id(r, "1"), srv, soir);
  const std::string id = row["id"];

  // A Server cannot give tables, not even to itself; the terminal writes nothing.
  CHECK(post("/rest/v1/server_sections", row, server(r)).status == 403);
  CHECK(post("/rest/v1/server_sections", row, device(r)).status == 403);
  Resp public_write = post("/rest/v1/server_sections", row, anon());
  CHECK(public_write.status == 401);
  CHECK(public_write.code() == "42501");

  REQUIRE(post("/rest/v1/server_sections", row, staff(r)).status == 201);
  for (const Call& who : {server(r), staff(r), admin(r), device(r)}) {
    Resp read = get(rows(id), who);
    REQUIRE(read.status == 200);
    REQUIRE(read.body.size() == 1);
    CHECK(read.body[0]["team_member_id"] == srv);
    CHECK(read.body[0]["sync_seq"].get<long long>() > 0);  // pulled like the day's rows
  }
  Resp public_read = get(rows(id), anon());
  CHECK(public_read.status == 401);
  CHECK(public_read.code() == "42501");

  // A Server's take-back is refused and changes nothing; a Manager's and an Admin's go through.
  Resp take = patch(rows(id), {{"team_member_id", nullptr}}, server(r));
  CHECK(take.status == 403);
  CHECK(take.code() == "42501");
  CHECK(get(rows(id), service()).body[0]["team_member_id"] == srv);
  CHECK(patch(rows(id), {{"team_member_id", nullptr}}, staff(r)).status == 204);
  CHECK(get(rows(id), service()).body[0]["team_member_id"].is_null());
  CHECK(patch(rows(id), {{"team_member_id", member_of(r, "Manager")}}, admin(r)).status == 204);
  del(rows(id), server(r));  // filtered out by the policy: nothing deleted
  CHECK(get(rows(id), service()).body.size() == 1);
  CHECK(del(rows(id), staff(r)).status == 204);
  CHECK(get(rows(id), service()).body.empty());
  Resp tomb = get("/rest/v1/sync_tombstones?row_id=eq." + id, service());
  REQUIRE(tomb.status == 200);
  CHECK(tomb.body.size() == 1);
}

TEST_CASE("sections: another restaurant's rows are neither read nor named") {
  std::string r = seed_restaurant("Sections mine"), other = seed_restaurant("Sections theirs");
  std::string soir = service_of(r);
  json mine = section(r, table_id(r, "2"), member_of(r, "Server"), soir);
  REQUIRE(post("/rest/v1/server_sections", mine, service()).status == 201);
  // The other restaurant's Manager sees nothing and cannot write for r.
  Resp theirs = get(rows(mine["id"]), staff(other));
  REQUIRE(theirs.status == 200);
  CHECK(theirs.body.empty());
  CHECK(post("/rest/v1/server_sections", section(r, table_id(r, "3"), member_of(r, "Server"), soir),
             staff(other))
            .status == 403);
  patch(rows(mine["id"]), {{"team_member_id", nullptr}}, staff(other));  // not theirs to see
  CHECK(get(rows(mine["id"]), service()).body[0]["team_member_id"] == member_of(r, "Server"));
  // r's Manager cannot name another restaurant's table, service or server.
  for (json bad : {section(r, table_id(other, "1"), member_of(r, "Server"), soir),
                   section(r, table_id(r, "1"), member_of(other, "Server"), soir),
                   section(r, table_id(r, "1"), member_of(r, "Server"), service_of(other))}) {
    Resp refused = post("/rest/v1/server_sections", bad, staff(r));
    CHECK(refused.status == 403);
    CHECK(refused.code() == "42501");
  }
}

TEST_CASE("sections: one row per table, service and date") {
  std::string r = seed_restaurant("Sections unique");
  std::string soir = service_of(r), t = table_id(r, "4");
  REQUIRE(post("/rest/v1/server_sections", section(r, t, member_of(r, "Server"), soir), staff(r))
              .status == 201);
  Resp twice =
      post("/rest/v1/server_sections", section(r, t, member_of(r, "Manager"), soir), staff(r));
  CHECK(twice.status == 409);
  CHECK(twice.code() == "23505");
  // No service (a restaurant open all day): nulls are one service too.
  json all_day = section(r, t, member_of(r, "Server"), "");
  all_day["service_id"] = nullptr;
  CHECK(post("/rest/v1/server_sections", all_day, staff(r)).status == 201);
  all_day["id"] = uuid();
  CHECK(post("/rest/v1/server_sections", all_day, staff(r)).status == 409);
  // Another date is another row.
  json tomorrow = section(r, t, member_of(r, "Server"), soir);
  tomorrow["date"] = "2026-12-05";
  CHECK(post("/rest/v1/server_sections", tomorrow, staff(r)).status == 201);
}
