// check_move: may a booking move to these tables at that time? (the timeline's
// drag and the seat screen ask it; moved here from tests/terminal).
#include <doctest/doctest.h>

#include "fixtures.hpp"
#include "foh/engine/floor.hpp"
#include "foh/engine/move_check.hpp"

using namespace foh;
using namespace foh::test;

namespace {

Reservation named(Reservation r, std::string guest) {
  r.guest_name = std::move(guest);
  return r;
}

struct MoveFixture {
  Venue v = venue();
  Floor f = Floor::build(v).value();
  std::vector<Reservation> day = {
      named(reservation("late", "t3", "3", kFriday, "19:00", 2), "Late"),
      named(reservation("martin", "t2", "2", kFriday, "19:45", 4), "Martin"),
  };
  MoveVerdict move(const Reservation& r, const Uuid& table, const std::string& number,
                   const char* time, Language l = Language::En) const {
    return check_move(r, {table}, number, *TimeOfDay::parse(time), day, f, v.restaurant.settings,
                      v.services, l);
  }
};

}  // namespace

TEST_CASE("check_move: a table too small for the party is refused with its seats") {
  MoveFixture fx;
  auto verdict = fx.move(fx.day[1], "t1", "1", "19:45");
  CHECK_FALSE(verdict.allowed);
  CHECK(verdict.refusal.find("1-2") != std::string::npos);  // capacity
  CHECK(verdict.refusal == "Table 1 seats 1-2, party of 4");
  CHECK(fx.move(fx.day[1], "t1", "1", "19:45", Language::Fr).refusal ==
        "Table 1\u00a0: 1-2, groupe de 4");
}

TEST_CASE("check_move: a free table is allowed; a held one names who holds it (the overlap rule)") {
  MoveFixture fx;
  auto free = fx.move(fx.day[1], "t4", "4", "19:45");
  CHECK(free.allowed);
  CHECK(free.refusal.empty());
  auto held = fx.move(fx.day[1], "t3", "3", "19:45");
  CHECK_FALSE(held.allowed);
  CHECK(held.refusal == "Overlaps Late (2) 19:00 on table 3");
  // A booking never overlaps itself: the late couple stays on table 3, half an hour later.
  CHECK(fx.move(fx.day[0], "t3", "3", "19:30").allowed);
}

TEST_CASE("check_move: no service at that time, or a table blocked today, is refused") {
  MoveFixture fx;
  auto closed = fx.move(fx.day[1], "t4", "4", "16:00", Language::Fr);
  CHECK_FALSE(closed.allowed);
  CHECK(closed.refusal == "Fermé à 16:00");
  DayBook blocked;
  blocked.date = kFriday;
  DailyTableOverride o;
  o.table_id = "t4", o.date = kFriday, o.is_blocked = true;
  blocked.table_overrides = {o};
  fx.f = Floor::build(fx.v, &blocked).value();
  CHECK(fx.move(fx.day[1], "t4", "4", "19:45").refusal == "Table 4 is blocked today");
}
