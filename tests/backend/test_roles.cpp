// Roles live in the database (migrations 012, 013, 017): what a Server's,
// a Manager's, an Admin's, the terminal's own and the public token may read
// and write. Each case is one attack of issue 11, tried through the REST API.
#include <doctest/doctest.h>

#include "client.hpp"
#include "jwt.hpp"

using namespace fohtest;
using nlohmann::json;

namespace {

json member_row(const std::string& id) {
  Resp r = get("/rest/v1/team_members?id=eq." + id, service());
  REQUIRE(r.status == 200);
  REQUIRE(r.body.size() == 1);
  return r.body[0];
}

std::string members(const std::string& id) { return "/rest/v1/team_members?id=eq." + id; }

}  // namespace

TEST_CASE("role: pin and pin_salt are readable by no member, device or anon token") {
  std::string r = seed_restaurant("Role pins");
  add_member(r, "Zoé", "1234", "Admin");
  for (const Call& who : {server(r), staff(r), admin(r), device(r)}) {
    Resp pin = get("/rest/v1/team_members?select=id,pin,pin_salt", who);
    CHECK(pin.status == 403);
    CHECK(pin.code() == "42501");
    CHECK(get("/rest/v1/team_members?select=*", who).status == 403);
    Resp names = get("/rest/v1/team_members?select=id,display_name,role,is_active", who);
    REQUIRE(names.status == 200);
    CHECK(names.body.size() >= 2);
  }
  Resp public_read = get("/rest/v1/team_members?select=id,display_name", anon());
  CHECK(public_read.status == 401);
  CHECK(public_read.code() == "42501");
  // Filtering on the hash is reading it, too.
  CHECK(get("/rest/v1/team_members?select=id&pin=like.*", server(r)).status == 403);
}

TEST_CASE("role: a Server cannot promote itself, copy a hash, add an Admin or deactivate") {
  std::string r = seed_restaurant("Role team");
  std::string boss = add_member(r, "Boss", "9999", "Admin");
  std::string me = member_of(r, "Server"), manager = member_of(r, "Manager");
  Call s = server(r);
  json boss_before = member_row(boss);

  Resp promote = patch(members(me), {{"role", "Admin"}}, s);
  CHECK(promote.status == 403);
  CHECK(promote.code() == "42501");
  CHECK(patch(members(boss), {{"pin", "copied"}, {"pin_salt", "copied"}}, s).status == 403);
  CHECK(patch(members(manager), {{"is_active", false}}, s).status == 403);
  Resp insert =
      post("/rest/v1/team_members",
           {{"id", uuid()}, {"restaurant_id", r}, {"display_name", "X"}, {"role", "Admin"}}, s);
  CHECK(insert.status == 403);
  del(members(boss), s);  // filtered out by the policy: nothing deleted
  CHECK(member_row(me)["role"] == "Server");
  CHECK(member_row(manager)["is_active"] == true);
  CHECK(member_row(boss) == boss_before);
  CHECK(get("/rest/v1/team_members?role=eq.Admin&restaurant_id=eq." + r, service()).body.size() ==
        1);
}

TEST_CASE("role: a Manager runs Servers and Managers, never an Admin nor itself") {
  std::string r = seed_restaurant("Role manager");
  std::string boss = add_member(r, "Boss", "9999", "Admin");
  std::string srv = member_of(r, "Server"), mgr = member_of(r, "Manager");
  Call m = staff(r);
  CHECK(patch(members(srv), {{"role", "Manager"}}, m).status == 204);
  CHECK(member_row(srv)["role"] == "Manager");
  CHECK(patch(members(srv), {{"role", "Server"}, {"is_active", false}}, m).status == 204);
  CHECK(member_row(srv)["is_active"] == false);
  CHECK(post("/rest/v1/team_members",
             {{"id", uuid()}, {"restaurant_id", r}, {"display_name", "New"}, {"role", "Server"}}, m)
            .status == 201);
  // Admins are an Admin's business (the team tab is the Admin's: permissions.hpp).
  CHECK(post("/rest/v1/team_members",
             {{"id", uuid()}, {"restaurant_id", r}, {"display_name", "N"}, {"role", "Admin"}}, m)
            .status == 403);
  CHECK(patch(members(srv), {{"role", "Admin"}}, m).status == 403);
  CHECK(patch(members(boss), {{"pin", "x"}}, m).status == 403);
  CHECK(patch(members(boss), {{"is_active", false}}, m).status == 403);
  // Nor its own role, hash or is_active; its display name is fine.
  CHECK(patch(members(mgr), {{"role", "Server"}}, m).status == 403);
  CHECK(patch(members(mgr), {{"is_active", false}}, m).status == 403);
  CHECK(patch(members(mgr), {{"pin", "x"}}, m).status == 403);
  CHECK(patch(members(mgr), {{"display_name", "Chef"}}, m).status == 204);
  CHECK(member_row(mgr)["role"] == "Manager");
  // An Admin may make an Admin.
  CHECK(post("/rest/v1/team_members",
             {{"id", uuid()}, {"restaurant_id", r}, {"display_name", "A2"}, {"role", "Admin"}},
             admin(r))
            .status == 201);
}

TEST_CASE("role: settings, floor plans, zones, tables and services are a Manager's") {
  std::string r = seed_restaurant("Role floor");
  Call s = server(r);
  std::string plan = get("/rest/v1/floor_plans?select=id&restaurant_id=eq." + r, service())
                         .body[0]["id"]
                         .get<std::string>();
  std::string t1 = table_id(r, "1");
  CHECK(patch("/rest/v1/restaurants?id=eq." + r, {{"settings", {{"default_duration", 1}}}}, s)
            .status == 403);
  CHECK(patch("/rest/v1/floor_plans?id=eq." + plan, {{"name", "Hacked"}}, s).status == 403);
  CHECK(patch("/rest/v1/tables?id=eq." + t1, {{"capacity_max", 99}}, s).status == 403);
  CHECK(post("/rest/v1/tables",
             {{"id", uuid()}, {"restaurant_id", r}, {"floor_plan_id", plan}, {"name", "X"}}, s)
            .status == 403);
  CHECK(post("/rest/v1/zones", {{"id", uuid()}, {"restaurant_id", r}, {"name", "Z"}}, s).status ==
        403);
  CHECK(post("/rest/v1/services",
             {{"id", uuid()},
              {"restaurant_id", r},
              {"name", "S"},
              {"start_time", "12:00"},
              {"end_time", "14:00"}},
             s)
            .status == 403);
  del("/rest/v1/tables?id=eq." + t1, s);
  CHECK(get("/rest/v1/tables?id=eq." + t1, service()).body.size() == 1);
  json settings = get("/rest/v1/restaurants?id=eq." + r, service()).body[0]["settings"];
  CHECK(settings["default_duration"] == 100);
  // The Manager may.
  CHECK(patch("/rest/v1/tables?id=eq." + t1, {{"capacity_max", 6}}, staff(r)).status == 204);
  CHECK(patch("/rest/v1/restaurants?id=eq." + r,
              {{"settings", {{"default_duration", 90}, {"turn_times", {{"2", 60}}}}}}, staff(r))
            .status == 204);
  CHECK(get("/rest/v1/tables?id=eq." + t1, service()).body[0]["capacity_max"] == 6);
}

TEST_CASE("role: a Server cannot cancel; nobody deletes a reservation or an event") {
  std::string r = seed_restaurant("Role cancel");
  json row = reservation(r, "1", "2026-12-12", "19:00");
  std::string id = row["id"];
  REQUIRE(post("/rest/v1/reservations", row, server(r)).status == 201);
  std::string path = "/rest/v1/reservations?id=eq." + id;

  Resp by_patch = patch(path, {{"status", "Cancelled"}}, server(r));
  CHECK(by_patch.status == 403);
  CHECK(by_patch.code() == "42501");
  Resp by_rpc = post("/rest/v1/rpc/change_reservation_status",
                     {{"p_id", id}, {"p_to", "Cancelled"}, {"p_from", "Confirmed"}}, server(r));
  CHECK(by_rpc.status == 403);
  CHECK(get(path, service()).body[0]["status"] == "Confirmed");

  for (const Call& who : {server(r), staff(r), admin(r), device(r)}) {
    Resp gone = del(path, who);
    CHECK(gone.status == 403);
    CHECK(gone.code() == "42501");
  }
  REQUIRE(get(path, service()).body.size() == 1);
  std::string events = "/rest/v1/reservation_events?reservation_id=eq." + id;
  REQUIRE(get(events, staff(r)).body.size() == 1);
  CHECK(del(events, staff(r)).status == 403);
  CHECK(patch(events, {{"to_status", "Completed"}}, admin(r)).status == 403);
  CHECK(get(events, service()).body[0]["to_status"] == "Confirmed");

  Resp cancel = post("/rest/v1/rpc/change_reservation_status",
                     {{"p_id", id}, {"p_to", "Cancelled"}, {"p_from", "Confirmed"}}, staff(r));
  REQUIRE(cancel.status == 200);
  CHECK(cancel.body["status"] == "Cancelled");
}

TEST_CASE("role: the terminal's own login reads its restaurant and writes nothing") {
  std::string r = seed_restaurant("Role device");
  REQUIRE(
      post("/rest/v1/reservations", reservation(r, "1", "2026-12-13", "19:00"), service()).status ==
      201);
  Call d = device(r);
  CHECK(get("/rest/v1/reservations?select=id", d).body.size() == 1);
  CHECK(get("/rest/v1/tables?select=id", d).body.size() == 4);
  CHECK(post("/rest/v1/rpc/sync_horizon", json::object(), d).status == 200);
  Resp write = post("/rest/v1/reservations", reservation(r, "2", "2026-12-13", "19:00"), d);
  CHECK(write.status == 403);
  CHECK(write.code() == "42501");
  CHECK(
      post("/rest/v1/customers", {{"id", uuid()}, {"restaurant_id", r}, {"name", "C"}}, d).status ==
      403);
  // Revoked: reads nothing more.
  REQUIRE(patch("/rest/v1/terminal_devices?restaurant_id=eq." + r,
                {{"revoked_at", "2026-01-01T00:00:00Z"}}, service())
              .status == 204);
  CHECK(get("/rest/v1/reservations?select=id", d).body.empty());
}

TEST_CASE("role: a deactivated member's token stops working at once") {
  std::string r = seed_restaurant("Role deactivated");
  REQUIRE(
      post("/rest/v1/reservations", reservation(r, "1", "2026-12-14", "19:00"), service()).status ==
      201);
  std::string srv = member_of(r, "Server");
  Call s = server(r);
  REQUIRE(get("/rest/v1/reservations?select=id", s).body.size() == 1);
  REQUIRE(patch(members(srv), {{"is_active", false}}, staff(r)).status == 204);
  Resp after = get("/rest/v1/reservations?select=id", s);
  CHECK(after.status == 200);
  CHECK(after.body.empty());
  CHECK(post("/rest/v1/reservations", reservation(r, "2", "2026-12-14", "19:00"), s).status == 403);
  CHECK(get("/rest/v1/team_members?select=id", s).body.empty());
}

TEST_CASE("role: changed_by comes from the token, never from created_by") {
  std::string r = seed_restaurant("Role audit");
  std::string srv = member_of(r, "Server"), mgr = member_of(r, "Manager");
  json row = reservation(r, "1", "2026-12-15", "19:00");
  row["created_by"] = mgr;  // signed as the Manager by a Server
  std::string id = row["id"];
  REQUIRE(post("/rest/v1/reservations", row, server(r)).status == 201);
  REQUIRE(post("/rest/v1/rpc/change_reservation_status",
               {{"p_id", id},
                {"p_to", "Arrived"},
                {"p_from", "Confirmed"},
                {"p_metadata", {{"changed_by", mgr}}},
                {"p_patch", {{"created_by", mgr}}}},
               server(r))
              .status == 200);
  Resp events =
      get("/rest/v1/reservation_events?reservation_id=eq." + id + "&order=sync_seq.asc", service());
  REQUIRE(events.body.size() == 2);
  CHECK(events.body[0]["changed_by"] == srv);
  CHECK(events.body[1]["changed_by"] == srv);
  // The service role acts as no member, whatever the row says.
  REQUIRE(patch("/rest/v1/reservations?id=eq." + id, {{"status", "Seated"}}, service()).status ==
          204);
  Resp third =
      get("/rest/v1/reservation_events?reservation_id=eq." + id + "&order=sync_seq.asc", service());
  REQUIRE(third.body.size() == 3);
  CHECK(third.body[2]["changed_by"].is_null());
}

TEST_CASE("role: anon may execute only the kiosk's functions") {
  std::string r = seed_restaurant("Role execute");
  json id = uuid();
  for (const char* fn : {"sync_horizon", "change_reservation_status", "foh_restaurant_ids",
                         "foh_turn_time", "team_member_pins"}) {
    CAPTURE(fn);
    json args =
        std::string(fn) == "change_reservation_status" ? json{{"p_id", id}, {"p_to", "Seated"}}
        : std::string(fn) == "foh_turn_time" ? json{{"p_settings", json::object()}, {"p_party", 2}}
                                             : json::object();
    Resp call = post(std::string("/rest/v1/rpc/") + fn, args, anon());
    CHECK(call.status == 401);
  }
  CHECK(post("/rest/v1/rpc/waitlist_position", {{"p_token", "none"}}, anon()).status == 200);
  CHECK(post("/rest/v1/rpc/sync_horizon", json::object(), server(r)).status == 200);
}

TEST_CASE("role: a member token made on a terminal dies when the terminal is revoked") {
  std::string r = seed_restaurant("Role revoked terminal");
  REQUIRE(
      post("/rest/v1/reservations", reservation(r, "1", "2026-12-16", "19:00"), service()).status ==
      201);
  std::string terminal = uuid();
  REQUIRE(post("/rest/v1/terminal_devices",
               {{"id", terminal}, {"restaurant_id", r}, {"name", "bar tablet"}}, service())
              .status == 201);
  // As pin-login makes it: the member, and the terminal it logged in on.
  json claims = {{"role", "authenticated"},
                 {"restaurant_id", r},
                 {"sub", member_of(r, "Server")},
                 {"device_id", terminal},
                 {"exp", foh::backend::unix_now() + 900}};
  Call s{backend().anon_key, foh::backend::jwt_sign(claims, backend().jwt_secret), {}};
  REQUIRE(get("/rest/v1/reservations?select=id", s).body.size() == 1);
  REQUIRE(patch("/rest/v1/terminal_devices?id=eq." + terminal,
                {{"revoked_at", "2026-01-01T00:00:00Z"}}, service())
              .status == 204);
  CHECK(get("/rest/v1/reservations?select=id", s).body.empty());
  CHECK(post("/rest/v1/reservations", reservation(r, "2", "2026-12-16", "19:00"), s).status == 403);
}
