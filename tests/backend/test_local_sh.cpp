// local.sh pause/resume: the API goes away and comes back on the same URL
// with the same keys and the data kept (what the net tests use for "backend
// down mid-service").
#include <doctest/doctest.h>

#include <cstdlib>

#include "client.hpp"

using namespace fohtest;
using nlohmann::json;

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
