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

// The turn rule (rules.hpp expected_leave): the floor's tiles, the
// reservations' chips and the waitlist's quotes all read it.
TEST_CASE("turn: a party leaves its duration after it sat down, else at its span's end") {
  Reservation r;
  r.date = *Date::parse("2026-11-28");
  const int64_t midnight = r.date.days_since_epoch() * 1440;
  const Span booked{midnight + 19 * 60, midnight + 19 * 60 + 90};  // 19:00, 90 minutes
  CHECK(expected_leave(r, booked, 3600) == booked.end);            // not seated yet
  r.seated_at = "2026-11-28T18:40:00+00:00";                       // 19:40 in Paris
  CHECK(expected_leave(r, booked, 3600) == midnight + 19 * 60 + 40 + 90);
  CHECK(expected_leave(r, booked, 0) == midnight + 18 * 60 + 40 + 90);  // read at UTC
  r.seated_at = "not a time";  // unreadable: the booked span holds
  CHECK(expected_leave(r, booked, 3600) == booked.end);
}
