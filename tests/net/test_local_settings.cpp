// The terminal's own values in its cache file.
#include <doctest/doctest.h>

#include "fixtures.hpp"
#include "foh/net/cache.hpp"
#include "foh/net/local_settings.hpp"

using namespace foh;
using namespace foh::net;

TEST_CASE("local settings round trip: unset, set, replaced, empty") {
  auto c = std::move(Cache::open(":memory:")).value();
  LocalSettings kept(*c);
  CHECK_FALSE(kept.get("k"));
  REQUIRE(kept.set("k", "v").ok());
  CHECK(kept.get("k") == "v");
  REQUIRE(kept.set("k", "w").ok());  // replaced, not added
  CHECK(kept.get("k") == "w");
  REQUIRE(kept.set("empty", "").ok());
  CHECK(kept.get("empty") == "");  // set to nothing is not unset
  CHECK_FALSE(kept.get("K"));      // keys are exact
}

TEST_CASE("local settings survive a reopen of the file") {
  fixture::TempDir dir;
  std::string path = dir.file("cache.db");
  REQUIRE(LocalSettings(*std::move(Cache::open(path)).value()).set("login.last_member", "m1").ok());
  auto c = std::move(Cache::open(path)).value();
  CHECK(LocalSettings(*c).get("login.last_member") == "m1");
}
