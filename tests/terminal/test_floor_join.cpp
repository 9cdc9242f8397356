// The floor's changes of the day (issue 13 item 5): join mode (tap two
// tables, confirm), the engine's refusal shown in place, split from the
// table's panel, undo, and the day's note a Manager writes.
#include <doctest/doctest.h>

#include "screens/floor.hpp"
#include "tap.hpp"

using namespace foh;
using namespace foh::ui;
using foh::test::Fixture;
using foh::test::Headless;

namespace {

// Table 2 moved next to table 3 (20 apart): a pair a host may join.
void pair_2_3(Fixture& fx) {
  fx.venue.tables[1].position_x = 250;
  fx.rebuild();
}

DailyTableOverride joined(const Fixture& fx, const Uuid& a, const Uuid& b) {
  DailyTableOverride o;
  o.id = "j1", o.restaurant_id = "r1", o.table_id = a, o.date = fx.day.date, o.joined_with = b;
  return o;
}

struct Screen {
  Fixture& fx;
  FloorView v;
  void operator()(FloorIntents& out) { draw_floor(v, fx.desk, out); }
};

}  // namespace

TEST_CASE("join mode: two taps pick the pair, Confirm asks for it, no panel opens") {
  Fixture fx;
  pair_2_3(fx);
  Headless h;
  Screen s{fx, {}};
  test::tap_item<FloorIntents>(h, "day_join", s);
  REQUIRE(s.v.day.joining);
  auto first = test::tap_item<FloorIntents>(h, "table_2", s);
  CHECK_FALSE(first.select_table);
  CHECK_FALSE(s.v.selected_table);
  CHECK(s.v.day.first == std::optional<Uuid>("t2"));
  test::tap_item<FloorIntents>(h, "table_3", s);
  CHECK(s.v.day.second == std::optional<Uuid>("t3"));
  CHECK(s.v.day.refusal.empty());
  auto out = test::tap_item<FloorIntents>(h, "day_join_confirm", s);
  REQUIRE(out.day.join);
  CHECK(out.day.join->first == "t2");
  CHECK(out.day.join->second == "t3");
  CHECK_FALSE(s.v.day.joining);
  // Out of join mode, a tap opens the table again.
  auto tap = test::tap_item<FloorIntents>(h, "table_2", s);
  CHECK(tap.select_table == std::optional<Uuid>("t2"));
}

TEST_CASE("join mode: a pair the engine refuses says why and offers no Confirm") {
  Fixture fx;
  pair_2_3(fx);
  Headless h;
  Screen s{fx, {}};
  s.v.day.joining = true;
  test::tap_item<FloorIntents>(h, "table_2", s);
  test::tap_item<FloorIntents>(h, "table_4", s);  // 3 stands between them
  CHECK(s.v.day.refusal == "Les tables 2 et 4 ne sont pas côte à côte");
  test::frame<FloorIntents>(h, s);
  CHECK_FALSE(h.item("day_join_confirm"));
  CHECK(h.item("error:Les tables 2 et 4 ne sont pas côte à côte"));
  // A seated table is not free (table 1 at 10 from table 2 here).
  fx.venue.tables[1].position_x = 140;
  fx.rebuild();
  fx.desk.locale = Language::En;
  s.v.day = FloorDayView{};
  s.v.day.joining = true;
  test::tap_item<FloorIntents>(h, "table_2", s);
  test::tap_item<FloorIntents>(h, "table_1", s);
  CHECK(s.v.day.refusal == "Table 1 is not free: guests are there");
  // Tapping the first table again unpicks it; Cancel leaves join mode.
  s.v.day = FloorDayView{};
  s.v.day.joining = true;
  test::tap_item<FloorIntents>(h, "table_2", s);
  test::tap_item<FloorIntents>(h, "table_2", s);
  CHECK_FALSE(s.v.day.first);
  test::tap_item<FloorIntents>(h, "day_join_cancel", s);
  CHECK_FALSE(s.v.day.joining);
}

TEST_CASE("a joined table's panel offers Split; the engine sees the pair; undo is one tap") {
  Fixture fx;
  pair_2_3(fx);
  fx.day.table_overrides.push_back(joined(fx, "t2", "t3"));
  fx.rebuild();
  bool found = false;
  for (const Combination& c : fx.floor->combinations())
    if (c.daily && c.key == "2+3" && c.seats == 8) found = true;
  CHECK(found);
  Headless h;
  Screen s{fx, {}};
  s.v.selected_table = "t3";
  auto out = test::tap_item<FloorIntents>(h, "day_split", s);
  CHECK(out.day.split == std::optional<Uuid>("t3"));
  // A table not joined has no Split.
  s.v.selected_table = "t6";
  test::frame<FloorIntents>(h, s);
  CHECK_FALSE(h.item("day_split"));
  // The last join made here can be undone.
  test::frame<FloorIntents>(h, s);
  CHECK_FALSE(h.item("day_undo"));
  s.v.day.undo = DayUndo{true, "t2", "t3"};
  auto undo = test::tap_item<FloorIntents>(h, "day_undo", s);
  REQUIRE(undo.day.undo);
  CHECK(undo.day.undo->joined);
  CHECK(undo.day.undo->a == "t2");
  // While that write has not landed, the button waits.
  fx.desk.pending_writes = {kWriteDayJoin};
  test::frame<FloorIntents>(h, s);
  auto again = test::tap_item<FloorIntents>(h, "day_undo", s);
  CHECK_FALSE(again.day.undo);
}

TEST_CASE("the day's note: every member reads it, a Manager edits it, a Server cannot") {
  Fixture fx;  // note n1 on plan p1: "Anniversaire table 6"; Alice is an Admin
  Headless h;
  Screen s{fx, {}};
  test::tap_item<FloorIntents>(h, "day_note_edit", s);
  REQUIRE(s.v.day.editing_note);
  CHECK(s.v.day.note == "Anniversaire table 6");
  s.v.day.note = "Anniversaire table 6, gâteau à 21h";
  auto out = test::tap_item<FloorIntents>(h, "day_note_save", s);
  REQUIRE(out.day.save_note);
  CHECK(out.day.save_note->id == std::optional<Uuid>("n1"));
  CHECK(out.day.save_note->floor_plan_id == std::optional<Uuid>("p1"));
  CHECK(out.day.save_note->note == "Anniversaire table 6, gâteau à 21h");
  CHECK_FALSE(s.v.day.editing_note);

  fx.desk.member = &fx.venue.team_members[1];  // Bob, a Server
  Screen server{fx, {}};
  test::frame<FloorIntents>(h, server);
  CHECK_FALSE(h.item("day_note_edit"));
  CHECK(h.item("day_join"));  // a host joins tables whatever the role
}
