// local.sh pause/resume: the API goes away and comes back on the same URL
// with the same keys and the data kept (what the net tests use for "backend
// down mid-service").
#include <doctest/doctest.h>
#include <libpq-fe.h>

#include <cstdlib>

#include "client.hpp"

using namespace fohtest;
using nlohmann::json;

namespace {

void restart_gateway() {
  std::string sh = std::string(FOH_LOCAL_SH) + " ";
  REQUIRE(std::system((sh + "pause " + backend().dir + " >/dev/null").c_str()) == 0);
  REQUIRE(std::system((sh + "resume " + backend().dir + " >/dev/null").c_str()) == 0);
}

// Ends the member's current lock now, as if its time had passed.
void expire_lock(const std::string& member) {
  PGconn* c = PQconnectdb(backend().db.c_str());
  PGresult* r = PQexec(c, ("update foh_private.pin_attempts set locked_until = now() - "
                           "interval '1 s' where team_member_id = '" +
                           member + "'")
                              .c_str());
  CHECK(std::string(PQcmdTuples(r)) == "1");
  PQclear(r);
  PQfinish(c);
}

}  // namespace

TEST_CASE("local.sh pause and resume keep the URL, the keys and the data") {
  std::string r = seed_restaurant("Pause");
  std::string sh = std::string(FOH_LOCAL_SH) + " ";
  REQUIRE(std::system((sh + "pause " + backend().dir + " >/dev/null").c_str()) == 0);
  CHECK(get("/rest/v1/restaurants?id=eq." + r, service()).status == 0);  // nobody listening
  REQUIRE(std::system((sh + "resume " + backend().dir + " >/dev/null").c_str()) == 0);
  Resp back = get("/rest/v1/restaurants?id=eq." + r, service());
  CHECK(back.status == 200);
  CHECK(back.body.size() == 1);
}

TEST_CASE("the demo restaurant is loaded when assets/demo has one") {
  if (backend().restaurant_id.empty()) return;  // no demo files in this checkout
  Resp venue = get("/rest/v1/restaurants?id=eq." + backend().restaurant_id, service());
  REQUIRE(venue.body.size() == 1);
  CHECK(get("/rest/v1/tables?select=id&limit=1&restaurant_id=eq." + backend().restaurant_id,
            service())
            .body.size() == 1);
}

TEST_CASE("the pin-login lockout survives a restart of foh-backend and doubles") {
  std::string r = seed_restaurant("Lockout restart");
  std::string member = add_member(r, "Alex", "5173");
  json login = {{"restaurant_id", r}, {"team_member_id", member}, {"pin", "0000"}};
  for (int i = 0; i < 5; ++i) CHECK(post("/functions/v1/pin-login", login, anon()).status == 401);
  restart_gateway();
  login["pin"] = "5173";
  Resp locked = post("/functions/v1/pin-login", login, anon());
  CHECK(locked.status == 429);
  CHECK(locked.code() == "FOH_LOCKED");
  int first = std::stoi(locked.header("Retry-After"));
  CHECK(first > 20);
  CHECK(first <= 30);

  // Once the lock is over, one more wrong PIN locks for twice as long.
  expire_lock(member);
  login["pin"] = "0000";
  CHECK(post("/functions/v1/pin-login", login, anon()).status == 401);
  restart_gateway();
  Resp again = post("/functions/v1/pin-login", login, anon());
  CHECK(again.status == 429);
  CHECK(std::stoi(again.header("Retry-After")) > 50);

  // The right PIN after the lock clears the count.
  expire_lock(member);
  login["pin"] = "5173";
  CHECK(post("/functions/v1/pin-login", login, anon()).status == 200);
  login["pin"] = "0000";
  CHECK(post("/functions/v1/pin-login", login, anon()).status == 401);  // 1 of 5 again
}
