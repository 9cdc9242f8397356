#include <doctest/doctest.h>

#include "fixtures.hpp"
#include "foh/engine/rules.hpp"

using namespace foh;
using namespace foh::test;
using RS = ReservationStatus;

TEST_CASE("turn time and duration defaults") {
  Settings s;
  s.default_duration = 100;
  CHECK(turn_time(s, 4) == 100);  // no turn_times at all
  s.turn_times = {{2, 75}, {4, 90}, {6, 120}};
  CHECK(turn_time(s, 1) == 100);  // smaller than every entry: the default
  CHECK(turn_time(s, 2) == 75);
  CHECK(turn_time(s, 3) == 75);  // largest size <= party
  CHECK(turn_time(s, 4) == 90);
  CHECK(turn_time(s, 5) == 90);
  CHECK(turn_time(s, 6) == 120);
  CHECK(turn_time(s, 99) == 120);
  Reservation r = reservation("r", "t1", "1", kFriday, "20:00", 4);
  CHECK(duration_minutes(r, s) == 90);  // turn time
  r.duration = 45;
  CHECK(duration_minutes(r, s) == 45);  // own duration first
  r.duration.reset();
  r.party_size = 1;
  CHECK(duration_minutes(r, s) == 100);  // settings default
}

TEST_CASE("service day: after midnight only when a past-midnight service runs that date") {
  auto services = venue().services;
  CHECK(service_minute(kFriday, *TimeOfDay::parse("00:30"), services) == 1470);
  CHECK(service_minute(kFriday, *TimeOfDay::parse("00:59"), services) == 1439 + 60);
  CHECK(service_minute(kFriday, *TimeOfDay::parse("01:00"), services) == 60);  // end exclusive
  CHECK(service_minute(kFriday, *TimeOfDay::parse("19:30"), services) == 1170);
  CHECK(service_minute(kThursday, *TimeOfDay::parse("00:30"), services) == 30);
  CHECK(service_minute(kFriday, TimeOfDay{86400 + 1800}, services) == 1470);  // already past 24h
  CHECK(service_minute(kFriday, *TimeOfDay::parse("00:30"), {}) == 30);
}

TEST_CASE("service date: the small hours of a past-midnight service belong to the day before") {
  auto services = venue().services;  // Friday 19:00-01:00; Thursday's dinner ends 23:00
  const Date saturday = kFriday.plus_days(1);
  auto at = [](Date d, const char* t) { return LocalInstant::at(d, *TimeOfDay::parse(t)); };
  CHECK(service_date(at(saturday, "00:30"), services) == kFriday);
  CHECK(service_date(at(saturday, "00:59"), services) == kFriday);
  CHECK(service_date(at(saturday, "01:00"), services) == saturday);  // its end, exclusive
  CHECK(service_date(at(kFriday, "00:30"), services) == kFriday);    // Thursday ends at 23:00
  CHECK(service_date(at(kFriday, "23:59"), services) == kFriday);
  CHECK(service_date(at(saturday, "00:30"), {}) == saturday);  // open all day: midnight turns
}

TEST_CASE("overlap: 00:30 on the Friday of a 19:00-01:00 service meets 23:30 the same date") {
  Venue v = venue();
  auto f = Floor::build(v).value();
  const Settings& s = v.restaurant.settings;
  Reservation late = reservation("a", "t3", "3", kFriday, "23:30", 2, RS::Confirmed, 90);
  Reservation small = reservation("b", "t3", "3", kFriday, "00:30", 2);
  CHECK(conflicts(late, small, f, s, v.services));
  CHECK(conflicts(small, late, f, s, v.services));
  // Thursday's dinner ends at 23:00: 00:30 is early morning, hours before 23:30.
  late.date = small.date = kThursday;
  CHECK_FALSE(conflicts(late, small, f, s, v.services));
  Span sp = span_of(small, s, v.services);
  CHECK(sp.start == kThursday.days_since_epoch() * 1440 + 30);
  CHECK(sp.end == sp.start + 75);
}

TEST_CASE("overlap: spans are half-open") {
  CHECK(overlaps({0, 10}, {9, 20}));
  CHECK_FALSE(overlaps({0, 10}, {10, 20}));
  CHECK_FALSE(overlaps({10, 20}, {0, 10}));
  CHECK(overlaps({0, 100}, {10, 20}));
  CHECK(overlaps({10, 20}, {0, 100}));
}

TEST_CASE("overlap: a combination whose member is taken") {
  Venue v = venue();
  auto f = Floor::build(v).value();
  const Settings& s = v.restaurant.settings;
  Reservation combo = reservation("a", "t7", "7+8", kFriday, "20:00", 6, RS::Confirmed, 120);
  Reservation on8 = reservation("b", "t8", "8", kFriday, "21:00", 2);
  Reservation on4 = reservation("c", "t4", "4", kFriday, "20:00", 2);
  CHECK(conflicts(combo, on8, f, s, v.services));
  CHECK_FALSE(conflicts(combo, on4, f, s, v.services));
  on8.time = *TimeOfDay::parse("22:00");  // starts exactly when the combination ends
  CHECK_FALSE(conflicts(combo, on8, f, s, v.services));
  on8.time = *TimeOfDay::parse("18:46");  // 75 min: ends 20:01, one minute into it
  CHECK(conflicts(combo, on8, f, s, v.services));
  on8.time = *TimeOfDay::parse("18:45");
  CHECK_FALSE(conflicts(combo, on8, f, s, v.services));
  // Two combinations sharing table 2.
  Reservation c123 = reservation("d", "t1", "1+2+3", kFriday, "12:00", 8);
  Reservation c12 = reservation("e", "t2", "2+1", kFriday, "13:00", 4);
  CHECK(conflicts(c123, c12, f, s, v.services));
}

TEST_CASE("overlap: only live statuses hold a table; a reservation never meets itself") {
  Venue v = venue();
  auto f = Floor::build(v).value();
  const Settings& s = v.restaurant.settings;
  Reservation a = reservation("a", "t5", "5", kFriday, "20:00", 4);
  Reservation b = reservation("b", "t5", "5", kFriday, "20:30", 4);
  for (RS st : {RS::Pending, RS::Confirmed, RS::Arrived, RS::Seated}) {
    b.status = st;
    CHECK(conflicts(a, b, f, s, v.services));
  }
  for (RS st : {RS::Completed, RS::Cancelled, RS::NoShow}) {
    b.status = st;
    CHECK_FALSE(conflicts(a, b, f, s, v.services));
    CHECK_FALSE(conflicts(b, a, f, s, v.services));
  }
  b = a;
  CHECK_FALSE(conflicts(a, b, f, s, v.services));  // same id: the same booking, edited
  Reservation other_day = reservation("z", "t5", "5", kThursday, "20:00", 4);
  CHECK_FALSE(conflicts(a, other_day, f, s, v.services));
  Reservation no_table = reservation("n", std::nullopt, "", kFriday, "20:00", 4);
  CHECK_FALSE(conflicts(a, no_table, f, s, v.services));
}

TEST_CASE("conflicts_with lists every live conflicting reservation of the day") {
  Venue v = venue();
  auto f = Floor::build(v).value();
  const Settings& s = v.restaurant.settings;
  std::vector<Reservation> day = {
      reservation("a", "t7", "7", kFriday, "19:00", 2),
      reservation("b", "t8", "8", kFriday, "20:30", 2),
      reservation("c", "t8", "8", kFriday, "20:00", 2, RS::Cancelled),
      reservation("d", "t6", "6", kFriday, "20:00", 4),
      reservation("x", "t7", "7+8", kFriday, "20:00", 6),
  };
  const Reservation& x = day[4];
  auto hits = conflicts_with(x, day, f, s, v.services);
  REQUIRE(hits.size() == 2);
  CHECK(hits[0]->id == "a");
  CHECK(hits[1]->id == "b");
  Reservation cancelled = x;
  cancelled.status = RS::Cancelled;
  CHECK(conflicts_with(cancelled, day, f, s, v.services).empty());
}

TEST_CASE("tables free: the refusal names the table and who holds it, in the host's language") {
  Venue v = venue();
  const Settings& s = v.restaurant.settings;
  std::vector<Reservation> day = {reservation("a", "t7", "7", kFriday, "19:00", 2)};
  day[0].guest_name = "Dupont";
  auto f = Floor::build(v).value();
  Reservation x = reservation("x", "t7", "7+8", kFriday, "20:00", 6);
  auto en = check_tables_free(x, day, f, s, v.services);
  REQUIRE_FALSE(en.ok());
  CHECK(en.error().where == "table_id");
  CHECK(en.error().message == "table 7+8 is taken 19:00-20:15 by Dupont (2)");
  CHECK(check_tables_free(x, day, f, s, v.services, Language::Fr).error().message ==
        "la table 7+8 est prise 19:00-20:15 par Dupont (2)");
  Reservation later = reservation("y", "t7", "7", kFriday, "21:00", 2);
  CHECK(check_tables_free(later, day, f, s, v.services).ok());
  // A table blocked that day refuses whoever asks, live or not.
  DayBook blocked;
  blocked.date = kFriday;
  DailyTableOverride o;
  o.table_id = "t7", o.date = kFriday, o.is_blocked = true;
  blocked.table_overrides = {o};
  auto fb = Floor::build(v, &blocked).value();
  CHECK(check_tables_free(later, {}, fb, s, v.services, Language::Fr).error().message ==
        "la table 7 est bloquée le " + kFriday.str());
  later.status = RS::Cancelled;
  CHECK(check_tables_free(later, {}, fb, s, v.services).ok());
}

TEST_CASE("opening hours: services by date, past midnight, special dates first") {
  Venue v = venue();
  auto at = [&](Date d, const char* t) { return service_at(d, *TimeOfDay::parse(t), v.services); };
  REQUIRE(at(kFriday, "12:00").has_value());
  CHECK((*at(kFriday, "12:00"))->id == "midi");
  CHECK_FALSE(at(kFriday, "14:30").has_value());  // end exclusive
  CHECK_FALSE(at(kFriday, "11:59").has_value());
  CHECK((*at(kFriday, "00:30"))->id == "soir-vendredi");
  CHECK((*at(kFriday, "23:59"))->id == "soir-vendredi");
  CHECK_FALSE(at(kFriday, "01:00").has_value());
  CHECK_FALSE(at(kThursday, "00:30").has_value());
  CHECK((*at(kThursday, "22:59"))->id == "soir");
  CHECK_FALSE(at(kThursday, "23:00").has_value());
  auto small_hours = service_at(kFriday, TimeOfDay{86400 + 1800}, v.services);
  CHECK((small_hours && (*small_hours)->id == "soir-vendredi"));
  // A special service on a date comes first.
  Service xmas = service("reveillon", "18:00", "03:00", {});
  xmas.is_special = true;
  xmas.specific_date = kThursday;
  v.services.push_back(xmas);
  CHECK((*at(kThursday, "20:00"))->id == "reveillon");
  CHECK((*at(kThursday, "02:00"))->id == "reveillon");
  CHECK_FALSE(at(kFriday, "18:30").has_value());  // not on other dates
  CHECK(service_minute(kThursday, *TimeOfDay::parse("02:00"), v.services) == 26 * 60);
  // No services at all: open all day.
  auto all_day = service_at(kFriday, *TimeOfDay::parse("04:00"), {});
  REQUIRE(all_day.has_value());
  CHECK(*all_day == nullptr);
}
