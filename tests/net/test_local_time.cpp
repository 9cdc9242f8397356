// Local wall time <-> UTC in the restaurant's zone, both ways, across the
// daylight-saving change (the store's audit stamps and the terminal's clock).
#include <doctest/doctest.h>

#include <cstdlib>
#include <ctime>
#include <optional>
#include <string>

#include "foh/net/local_time.hpp"

using namespace foh;

namespace {

// Sets TZ for one test and puts the old value back.
struct ZoneForTest {
  std::optional<std::string> before;
  explicit ZoneForTest(const char* zone) {
    if (const char* tz = std::getenv("TZ")) before = tz;
    setenv("TZ", zone, 1);
    tzset();
  }
  ~ZoneForTest() {
    if (before)
      setenv("TZ", before->c_str(), 1);
    else
      unsetenv("TZ");
    tzset();
  }
};

}  // namespace

TEST_CASE("local time in Paris: summer is UTC+2, winter UTC+1, both ways") {
  ZoneForTest paris("Europe/Paris");
  const LocalInstant summer = LocalInstant::at(Date{2026, 7, 1}, TimeOfDay{12 * 3600});
  const LocalInstant winter = LocalInstant::at(Date{2026, 11, 29}, TimeOfDay{12 * 3600});
  CHECK(net::utc_of(summer) == 1782900000);  // 2026-07-01T10:00:00Z
  CHECK(net::utc_of(winter) == 1795950000);  // 2026-11-29T11:00:00Z
  CHECK(net::local_instant(std::time_t{1782900000}) == summer);
  CHECK(net::local_instant(std::chrono::system_clock::from_time_t(1795950000)) == winter);
  CHECK(net::utc_offset_s(summer.date()) == 7200);
  CHECK(net::utc_offset_s(winter.date()) == 3600);
}
