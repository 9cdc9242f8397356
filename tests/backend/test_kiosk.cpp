// The kiosk (anon key), migration 015: the database orders the queue, checks
// what a guest types and caps the joins per restaurant and minute.
#include <doctest/doctest.h>

#include <chrono>
#include <string>
#include <thread>

#include "client.hpp"

using namespace fohtest;
using nlohmann::json;

namespace {

json entry(const std::string& r, const std::string& token, const std::string& name = "Guest") {
  return {{"id", uuid()},
          {"restaurant_id", r},
          {"date", "2026-12-11"},
          {"party_size", 2},
          {"guest_name", name},
          {"notification_token", token},
          {"guest_phone", "+33 6 12 34 56 78"}};
}

int position(const std::string& token) {
  Resp p = post("/rest/v1/rpc/waitlist_position", {{"p_token", token}}, anon());
  REQUIRE(p.status == 200);
  return p.body["position"].get<int>();
}

}  // namespace

TEST_CASE("kiosk: a client's created_at cannot jump the queue") {
  std::string r = seed_restaurant("Kiosk order");
  std::string t1 = uuid(), t2 = uuid(), t3 = uuid();
  REQUIRE(post("/rest/v1/waitlist_entries", entry(r, t1), anon()).status == 201);
  REQUIRE(post("/rest/v1/waitlist_entries", entry(r, t2), anon()).status == 201);
  json cheat = entry(r, t3);
  cheat["created_at"] = "2000-01-01T00:00:00Z";
  cheat["position_in_queue"] = 1;
  cheat["status"] = "notified";
  REQUIRE(post("/rest/v1/waitlist_entries", cheat, anon()).status == 201);
  CHECK(position(t1) == 1);
  CHECK(position(t2) == 2);
  CHECK(position(t3) == 3);
  json stored = get("/rest/v1/waitlist_entries?client_token=eq." + t3, service()).body[0];
  CHECK(stored["created_at"].get<std::string>().substr(0, 4) != "2000");
  CHECK(stored["position_in_queue"].is_null());
  CHECK(stored["status"] == "waiting");
  // Staff keep their own created_at (a host entering an earlier walk-in).
  json host = entry(r, uuid());
  host["created_at"] = "2026-01-01T00:00:00Z";
  REQUIRE(post("/rest/v1/waitlist_entries", host, staff(r)).status == 201);
  CHECK(position(host["notification_token"]) == 1);
}

TEST_CASE("kiosk: what a guest types is bounded and checked") {
  std::string r = seed_restaurant("Kiosk fields");
  auto refused = [&](json e, const std::string& code) {
    Resp p = post("/rest/v1/waitlist_entries", e, anon());
    CAPTURE(p.raw);
    CHECK(p.status == 400);
    CHECK(p.code() == code);
  };
  json e = entry(r, uuid());
  e["guest_name"] = "  ";
  refused(e, "P0001");
  e = entry(r, uuid());
  e["guest_phone"] = "call me maybe";
  refused(e, "P0001");
  e = entry(r, uuid());
  e["notes"] = std::string(4001, 'n');
  refused(e, "23514");
  e = entry(r, uuid(), std::string(201, 'a'));
  refused(e, "23514");
  e = entry(r, uuid());
  e["party_size"] = 100;
  refused(e, "23514");
  e = entry(r, uuid());
  e["time"] = "24:00";
  refused(e, "23514");
  e = entry(r, uuid());
  e["notes"] = std::string(4000, 'n');
  CHECK(post("/rest/v1/waitlist_entries", e, anon()).status == 201);
}

TEST_CASE("kiosk: joins per restaurant and minute are capped") {
  std::string r = seed_restaurant("Kiosk flood"), other = seed_restaurant("Kiosk calm");
  // All 31 joins in one minute of the database's clock.
  auto now = std::chrono::system_clock::now();
  auto sec = std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count() % 60;
  if (sec > 45) std::this_thread::sleep_for(std::chrono::seconds(61 - sec));
  constexpr int kCap = 30;  // foh_auth.kiosk_joins_per_minute()
  for (int i = 0; i < kCap; ++i)
    REQUIRE(post("/rest/v1/waitlist_entries", entry(r, uuid()), anon()).status == 201);
  Resp over = post("/rest/v1/waitlist_entries", entry(r, uuid()), anon());
  CHECK(over.status == 400);
  CHECK(over.code() == "P0001");
  CHECK(over.body["message"].get<std::string>().find("this minute") != std::string::npos);
  CHECK(get("/rest/v1/waitlist_entries?select=id&restaurant_id=eq." + r, service()).body.size() ==
        kCap);
  // Another restaurant's kiosk and the staff are not held back.
  CHECK(post("/rest/v1/waitlist_entries", entry(other, uuid()), anon()).status == 201);
  CHECK(post("/rest/v1/waitlist_entries", entry(r, uuid()), server(r)).status == 201);
}
