// Tokens, row-level security per restaurant and the kiosk's anon key
// (pin-login and its lockout: test_pin_login.cpp).
#include <doctest/doctest.h>

#include <vector>

#include "client.hpp"
#include "jwt.hpp"

using namespace fohtest;
using nlohmann::json;

TEST_CASE("a token of restaurant A neither reads nor writes restaurant B") {
  std::string a = seed_restaurant("A"), b = seed_restaurant("B");
  json rb = reservation(b, "1", "2026-12-10", "12:00");
  REQUIRE(post("/rest/v1/reservations", rb, service()).status == 201);
  REQUIRE(
      post("/rest/v1/reservations", reservation(a, "1", "2026-12-10", "12:00"), service()).status ==
      201);
  Call staff_a = staff(a);

  Resp mine = get("/rest/v1/reservations?select=restaurant_id", staff_a);
  REQUIRE(mine.status == 200);
  REQUIRE(mine.body.size() == 1);
  CHECK(mine.body[0]["restaurant_id"] == a);
  CHECK(get("/rest/v1/reservations?restaurant_id=eq." + b, staff_a).body.empty());
  CHECK(get("/rest/v1/tables?restaurant_id=eq." + b, staff_a).body.empty());
  CHECK(get("/rest/v1/restaurants", staff_a).body.size() == 1);
  // Events carry their restaurant (migration 010) and are scoped by it.
  Resp events_a = get("/rest/v1/reservation_events?select=restaurant_id", staff_a);
  REQUIRE(events_a.body.size() == 1);
  CHECK(events_a.body[0]["restaurant_id"] == a);
  CHECK(get("/rest/v1/reservation_events?reservation_id=eq." + rb["id"].get<std::string>(), staff_a)
            .body.empty());
  CHECK(
      get("/rest/v1/reservation_events?reservation_id=eq." + rb["id"].get<std::string>(), staff(b))
          .body.size() == 1);

  Resp insert_b =
      post("/rest/v1/reservations", reservation(b, "2", "2026-12-10", "12:00"), staff_a);
  CHECK(insert_b.status == 403);
  CHECK(insert_b.code() == "42501");
  std::string id_b = rb["id"];
  Resp patch_b = patch("/rest/v1/reservations?id=eq." + id_b, {{"notes", "hacked"}},
                       with(staff_a, "Prefer", "return=representation"));
  CHECK(patch_b.body.empty());
  del("/rest/v1/reservations?id=eq." + id_b, staff_a);
  Resp still = get("/rest/v1/reservations?id=eq." + id_b, service());
  REQUIRE(still.body.size() == 1);
  CHECK(still.body[0]["notes"].is_null());
  // Moving one's own row into B is refused as well (WITH CHECK).
  std::string id_a = get("/rest/v1/reservations?select=id", staff_a).body[0]["id"];
  CHECK(patch("/rest/v1/reservations?id=eq." + id_a, {{"restaurant_id", b}, {"time", "18:00"}},
              staff_a)
            .status == 403);
}

TEST_CASE("expired, forged or missing tokens get 401") {
  std::string r = seed_restaurant("Tokens");
  Resp expired = get("/rest/v1/reservations", staff(r, -10));
  CHECK(expired.status == 401);
  CHECK(expired.code() == "PGRST301");
  Call forged = staff(r);
  forged.bearer = foh::backend::jwt_sign({{"role", "service_role"}}, "not-the-secret");
  Resp f = get("/rest/v1/reservations", forged);
  CHECK(f.status == 401);
  CHECK(f.code() == "PGRST301");
  Call garbage = staff(r);
  garbage.bearer = "garbage";
  CHECK(get("/rest/v1/reservations", garbage).status == 401);
  CHECK(get("/rest/v1/reservations", Call{"not-a-key", "", {}}).status == 401);
  Call no_key;
  no_key.apikey = " ";
  CHECK(get("/rest/v1/reservations", no_key).status == 401);
}

TEST_CASE("the kiosk (anon) joins the waitlist and reads only its own position") {
  std::string r = seed_restaurant("Kiosk");
  std::string token1 = uuid(), token2 = uuid();
  json first = {{"id", uuid()},      {"restaurant_id", r},  {"date", "2026-12-11"},
                {"party_size", 2},   {"guest_name", "Ann"}, {"notification_token", token1},
                {"status", "called"}};
  json second = first;
  second["id"] = uuid();
  second["notification_token"] = token2;
  REQUIRE(post("/rest/v1/waitlist_entries", first, anon()).status == 201);
  REQUIRE(post("/rest/v1/waitlist_entries", second, anon()).status == 201);

  Resp pos = post("/rest/v1/rpc/waitlist_position", {{"p_token", token2}}, anon());
  REQUIRE(pos.status == 200);
  CHECK(pos.body["position"] == 2);
  CHECK(pos.body["status"] == "waiting");  // forced: the kiosk can't confirm itself
  CHECK(post("/rest/v1/rpc/waitlist_position", {{"p_token", "unknown"}}, anon()).body.is_null());

  Resp read = get("/rest/v1/reservations", anon());
  CHECK(read.status == 401);
  CHECK(read.code() == "42501");
  CHECK(get("/rest/v1/waitlist_entries", anon()).status == 401);
  CHECK(post("/rest/v1/reservations", reservation(r, "1", "2026-12-11", "12:00"), anon()).status ==
        401);
  CHECK(patch("/rest/v1/waitlist_entries?id=eq." + first["id"].get<std::string>(),
              {{"status", "converted"}}, anon())
            .status == 401);
}
