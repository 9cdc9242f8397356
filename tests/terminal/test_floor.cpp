#include <doctest/doctest.h>

#include "screens/floor.hpp"
#include "tap.hpp"
#include "view/floor_geometry.hpp"
#include "view/table_state.hpp"

using namespace foh;
using namespace foh::ui;
using foh::test::Fixture;
using foh::test::Headless;

TEST_CASE("table states at 19:30: seated, arriving soon, late, blocked, free") {
  Fixture fx;
  const Desk& d = fx.desk;
  TableStatus t1 = table_status(d, fx.table("1"));
  CHECK(t1.state == TableState::Seated);
  CHECK(t1.elapsed_minutes == 30);
  CHECK(table_status(d, fx.table("2")).state == TableState::ArrivingSoon);  // 19:45
  TableStatus t3 = table_status(d, fx.table("3"));
  CHECK(t3.next_late);  // 19:00, 30 min past, still Confirmed
  CHECK(table_status(d, fx.table("5")).state == TableState::Blocked);
  CHECK(table_status(d, fx.table("6")).state == TableState::Free);
  // At 20:20 the 19:00 couple (75 min) is past its expected end.
  fx.desk.now = LocalInstant::at(fx.day.date, *TimeOfDay::parse("20:20"));
  CHECK(table_status(fx.desk, fx.table("1")).state == TableState::Overdue);
}

TEST_CASE("late: the floor and the list read the venue's late_after_minutes, defaults without") {
  Fixture fx;  // table 3's couple is booked for 19:00, still Confirmed
  const auto at = [&](const char* hhmm) {
    fx.desk.now = LocalInstant::at(fx.day.date, *TimeOfDay::parse(hhmm));
  };
  fx.venue.restaurant.settings.late_after_minutes = 20;
  fx.rebuild();
  at("19:19");  // one minute before: not late, the table waits for them
  TableStatus t3 = table_status(fx.desk, fx.table("3"));
  CHECK_FALSE(t3.next_late);
  CHECK(t3.state == TableState::ArrivingSoon);
  CHECK(booking_tone(*t3.next, fx.desk) == Tone::Booked);
  at("19:20");  // exactly the setting: late, the free table is held
  t3 = table_status(fx.desk, fx.table("3"));
  CHECK(t3.next_late);
  CHECK(t3.late_minutes == 20);
  CHECK(t3.state == TableState::Held);
  CHECK(booking_tone(*t3.next, fx.desk) == Tone::Late);
  fx.venue.restaurant.settings.late_after_minutes = 0;
  fx.rebuild();
  at("19:00");
  CHECK(table_status(fx.desk, fx.table("3")).next_late);
  // No venue yet: the settings' default (15 minutes).
  at("19:14");
  fx.desk.venue = nullptr;
  CHECK_FALSE(table_status(fx.desk, fx.table("3")).next_late);
  at("19:15");
  CHECK(table_status(fx.desk, fx.table("3")).next_late);
}

TEST_CASE("a seated time stamped in UTC by the backend reads in the restaurant's time") {
  Fixture fx;
  for (Reservation& r : fx.day.reservations)
    if (r.seated_at) r.seated_at = "2026-11-28T18:00:00+00:00";  // 19:00 in Paris
  fx.day.utc_offset_s = 3600;
  fx.rebuild();
  CHECK(table_status(fx.desk, fx.table("1")).elapsed_minutes == 30);  // not 90
}

TEST_CASE("a party seated late: the table and its booking turn overdue at the same minute") {
  Fixture fx;  // table 1's Dupont couple, booked 19:00 for 75 minutes
  for (Reservation& r : fx.day.reservations)
    if (r.seated_at) r.seated_at = "2026-11-28T18:30:00+00:00";  // sat down 19:30 in Paris
  fx.day.utc_offset_s = 3600;
  fx.rebuild();
  const auto at = [&](const char* hhmm) {
    fx.desk.now = LocalInstant::at(fx.day.date, *TimeOfDay::parse(hhmm));
  };
  auto seated = [&] {
    TableStatus st = table_status(fx.desk, fx.table("1"));
    REQUIRE(st.seated);
    return st;
  };
  at("20:20");  // the booked span is over, but they sat down late: not overdue yet
  CHECK(seated().state == TableState::Seated);
  CHECK(booking_tone(*seated().seated, fx.desk) == Tone::Seated);
  at("20:45");  // 75 minutes after they sat down
  CHECK(seated().state == TableState::Overdue);
  CHECK(booking_tone(*seated().seated, fx.desk) == Tone::Overdue);
}

TEST_CASE("a later day on the floor is a plan: nobody late, nobody arriving soon") {
  Fixture fx;
  fx.desk.today = fx.day.date.plus_days(-1);  // the day shown is tomorrow
  TableStatus t3 = table_status(fx.desk, fx.table("3"));
  REQUIRE(t3.next);  // its 19:00 booking is listed
  CHECK_FALSE(t3.next_late);
  CHECK(table_status(fx.desk, fx.table("2")).state == TableState::Free);  // 19:45 is not "soon"
}

TEST_CASE("geometry: rotation, hit test and overlap") {
  Table a, b;
  a.position_x = 0, a.position_y = 0, a.width = 100, a.height = 50;
  b = a;
  b.position_x = 100;  // touching edge: not an overlap
  CHECK_FALSE(tables_overlap(a, b));
  b.position_x = 90;
  CHECK(tables_overlap(a, b));
  CHECK(table_contains(a, nullptr, PlanPoint{95, 45}));
  a.rotation = 90;  // now 50 wide, 100 high around (50, 25)
  CHECK_FALSE(table_contains(a, nullptr, PlanPoint{95, 45}));
  CHECK(table_contains(a, nullptr, PlanPoint{50, 70}));
  Table c;
  c.capacity_max = 4, c.chair_sides = kChairTop | kChairBottom, c.width = 80, c.height = 80;
  CHECK(chair_positions(c).size() == 4);
}

TEST_CASE("geometry: the floor turns tables as the engine does, clockwise on screen") {
  Table a;
  a.width = 100, a.height = 50, a.rotation = 90;  // centre (50, 25)
  const PlanPoint top_left = table_corners(a)[0];
  CHECK(top_left.x == doctest::Approx(75));
  CHECK(top_left.y == doctest::Approx(-25));
  PlanPoint mn, mx;
  table_bounds(a, nullptr, mn, mx);
  CHECK(mn.x == doctest::Approx(25));
  CHECK(mx.y == doctest::Approx(75));
  // A chair on the top side ends up on the right once turned, as the engine's rotation puts it.
  a.capacity_max = 1, a.chair_sides = kChairTop;
  const PlanPoint chair = chair_positions(a)[0], engine = rotate_about({50, -10}, {50, 25}, 90);
  CHECK(chair.x == doctest::Approx(engine.x));
  CHECK(chair.y == doctest::Approx(engine.y));
  CHECK(chair.x == doctest::Approx(85));
}

TEST_CASE("floor smoke frame: tapping a table selects it and opens its panel") {
  Fixture fx;
  Headless h;
  FloorView v;
  auto draw = [&](FloorIntents& out) { draw_floor(v, fx.desk, out); };
  test::frame<FloorIntents>(h, draw);
  REQUIRE(h.item("table_1"));
  REQUIRE(h.item("table_6"));
  CHECK(h.item("plan_Terrasse"));
  CHECK_FALSE(h.item("table_T1"));  // other plan not drawn
  auto out = test::tap_item<FloorIntents>(h, "table_2", draw);
  REQUIRE(out.select_table);
  CHECK(*out.select_table == "t2");
  CHECK(v.selected_table == std::optional<Uuid>("t2"));
  // The panel offers a walk-in at that table.
  auto seat = test::tap_item<FloorIntents>(h, "seat_walkin", draw);
  REQUIRE(seat.seat_walk_in);
  CHECK(seat.seat_walk_in->table.table_ids == std::vector<Uuid>{"t2"});
  CHECK(seat.seat_walk_in->party_size == 2);
  // Block it for today.
  auto block = test::tap_item<FloorIntents>(h, "table_block", draw);
  REQUIRE(block.block_table);
  CHECK(block.block_table->first == "t2");
  CHECK(block.block_table->second);
}

TEST_CASE("floor: the seated table offers complete; plan tab switches; wheel zooms") {
  Fixture fx;
  Headless h;
  FloorView v;
  v.selected_table = "t1";
  auto draw = [&](FloorIntents& out) { draw_floor(v, fx.desk, out); };
  auto out = test::tap_item<FloorIntents>(h, "table_complete", draw);
  REQUIRE(out.complete_reservation);
  CHECK(*out.complete_reservation == "res1");
  v.selected_table.reset();
  test::tap_item<FloorIntents>(h, "plan_Terrasse", draw);
  CHECK(v.floor_plan_id == std::optional<Uuid>("p2"));
  test::frame<FloorIntents>(h, draw);
  CHECK(h.item("table_T1"));
  auto before = *h.item("table_T1");
  h.move(before.cx(), before.cy());
  h.wheel(2);
  test::frame<FloorIntents>(h, draw);
  test::frame<FloorIntents>(h, draw);
  auto after = *h.item("table_T1");
  CHECK((after.x1 - after.x0) > (before.x1 - before.x0) * 1.2f);
}
