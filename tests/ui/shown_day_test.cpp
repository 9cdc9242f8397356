// The day on screen (app/shown_day.hpp): a snapshot adopted becomes what the
// Desk points into; another day shown is read at the next frame, a day not
// after today shows today again; conflicts carry their guest and the engine's
// table; the quotes are computed once a minute, and a new service day asks
// for a read.
#include "app/shown_day.hpp"

#include <doctest/doctest.h>

#include "demo_cache.hpp"
#include "foh/net/cache.hpp"
#include "i18n.hpp"

using namespace foh;
using namespace foh::app;

namespace {

const Date kToday = *Date::parse("2026-11-28");
const LocalInstant kEvening = LocalInstant::at(kToday, *TimeOfDay::parse("19:30"));

struct SeededDay {
  std::unique_ptr<net::Cache> cache;
  AppClock clock{kEvening};
  ShownDay shown;
  ui::Desk desk;
  SeededDay() {
    cache = test::demo_cache(":memory:", kToday);
    desk.now = kEvening;
  }
  DaySnapshot read() {
    auto s = load_snapshot(*cache, shown.shown_date(), kEvening);
    REQUIRE_MESSAGE(s.ok(), s.error().text());
    return std::move(*s);
  }
  void adopt(DaySnapshot s) {
    auto st = shown.adopt(std::move(s), clock, desk);
    REQUIRE_MESSAGE(st.ok(), st.error().text());
  }
};

}  // namespace

TEST_CASE("shown day: the desk points into the adopted day, its index too") {
  SeededDay d;
  const uint64_t revision = d.desk.revision;
  d.adopt(d.read());
  CHECK(d.desk.venue == &d.shown.venue());
  CHECK(d.desk.day == &d.shown.day());
  REQUIRE(d.desk.floor != nullptr);
  CHECK(d.desk.floor == d.shown.floor());
  CHECK(d.desk.revision == revision + 1);
  CHECK(d.desk.today == kToday);
  REQUIRE(d.desk.index != nullptr);
  REQUIRE_FALSE(d.shown.day().reservations.empty());
  int indexed = 0;
  for (const Reservation& r : d.shown.day().reservations)
    if (const ui::Booking* b = d.desk.index->booking(r.id)) {
      CHECK(b->r == &r);
      ++indexed;
    }
  CHECK(indexed > 0);
}

TEST_CASE("shown day: another day is read at the next frame; one not after today is today") {
  SeededDay d;
  CHECK(d.shown.stale());  // nothing read yet
  d.adopt(d.read());
  d.shown.reading();
  CHECK_FALSE(d.shown.stale());

  d.shown.show(kToday.plus_days(1));
  CHECK(d.shown.stale());
  d.shown.reading();
  d.adopt(d.read());
  CHECK(d.desk.day->date == kToday.plus_days(1));
  CHECK(d.shown.shown_date() == kToday.plus_days(1));
  CHECK_FALSE(d.desk.shows_today());

  d.shown.show(kToday.plus_days(-1));  // the past: today is shown instead
  d.adopt(d.read());
  CHECK(d.desk.day->date == kToday);
  CHECK_FALSE(d.shown.shown_date());
}

TEST_CASE("shown day: a conflict carries its guest and the engine's table") {
  SeededDay d;
  DaySnapshot s = d.read();
  REQUIRE_FALSE(s.day.reservations.empty());
  const Reservation& r = s.day.reservations.front();
  const TableChoice proposal{{"table-7"}, "7", "Table 7 (4 seats)"};
  s.conflicts.push_back(net::Conflict{r.id, 1, "23P01", proposal, ""});
  s.conflicts.push_back(net::Conflict{r.id, 2, "23P01", std::nullopt, ""});
  const std::string name = r.guest_name;
  d.adopt(std::move(s));
  REQUIRE(d.desk.conflicts.size() == 2);
  CHECK(d.desk.conflicts[0].guest_name == name);
  CHECK(d.desk.conflicts[0].has_table());
  CHECK(d.desk.conflicts[0].proposal->table_ids == proposal.table_ids);
  CHECK_FALSE(d.desk.conflicts[1].has_table());
}

TEST_CASE("shown day: an anonymous walk-in is named in the host's language") {
  SeededDay d;
  DaySnapshot s = d.read();
  REQUIRE_FALSE(s.day.reservations.empty());
  s.day.reservations.front().source = "Walk-in";
  s.day.reservations.front().guest_name = "Walk-in";
  const Uuid id = s.day.reservations.front().id;
  d.desk.locale = ui::Language::Fr;
  d.adopt(std::move(s));
  CHECK(d.desk.index->booking(id)->r->guest_name == ui::tr(ui::Language::Fr, "floor.walk_in"));
}

TEST_CASE("shown day: quotes once a minute; a new service day asks for a read") {
  SeededDay d;
  d.adopt(d.read());
  d.shown.reading();
  REQUIRE(d.shown.tick(d.desk).ok());
  const size_t quoted = d.desk.quotes.size();
  REQUIRE(quoted > 0);  // the demo's evening has parties waiting
  d.desk.quotes.clear();
  REQUIRE(d.shown.tick(d.desk).ok());  // the same minute: not computed again
  CHECK(d.desk.quotes.empty());
  d.desk.now = LocalInstant::at(kToday, *TimeOfDay::parse("19:31"));
  REQUIRE(d.shown.tick(d.desk).ok());
  CHECK(d.desk.quotes.size() == quoted);
  CHECK_FALSE(d.shown.stale());

  d.desk.now = LocalInstant::at(kToday.plus_days(1), *TimeOfDay::parse("12:00"));
  REQUIRE(d.shown.tick(d.desk).ok());
  CHECK(d.shown.stale());  // left on overnight: the new service day is read
}
