// The late rule (rules.hpp is_late): the one the floor, the timeline, the
// list and the shift at a glance all read.
#include <doctest/doctest.h>

#include "foh/engine/rules.hpp"

using namespace foh;
using RS = ReservationStatus;

TEST_CASE("late: from its time + late_after_minutes on, that minute included") {
  Settings s;
  REQUIRE(s.late_after_minutes == 15);  // the default a terminal without a venue uses
  const int64_t start = 1200;           // 20:00 on the day's timeline
  CHECK_FALSE(is_late(RS::Confirmed, start, start, s));
  CHECK_FALSE(is_late(RS::Confirmed, start, start + 14, s));  // one minute before
  CHECK(is_late(RS::Confirmed, start, start + 15, s));        // exactly at the setting
  CHECK(is_late(RS::Pending, start, start + 15, s));
  CHECK(is_late(RS::Confirmed, start, start + 240, s));
  s.late_after_minutes = 20;
  CHECK_FALSE(is_late(RS::Confirmed, start, start + 19, s));
  CHECK(is_late(RS::Confirmed, start, start + 20, s));
}

TEST_CASE("late: a setting of 0 makes a party late at its very time") {
  Settings s;
  s.late_after_minutes = 0;
  CHECK_FALSE(is_late(RS::Confirmed, 1200, 1199, s));
  CHECK(is_late(RS::Confirmed, 1200, 1200, s));
}

TEST_CASE("late: only a party still to come (Pending, Confirmed) is late") {
  Settings s;
  for (RS status : {RS::Arrived, RS::Seated, RS::Completed, RS::Cancelled, RS::NoShow})
    CHECK_FALSE(is_late(status, 1200, 1300, s));
}
