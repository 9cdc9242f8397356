// A host's join of two tables for the day (issue 13 item 5): the adjacency
// rule, the refusals, and the engine proposing the joined pair.
#include <doctest/doctest.h>

#include "fixtures.hpp"
#include "foh/engine/assign.hpp"
#include "foh/engine/day_join.hpp"
#include "foh/engine/floor.hpp"
#include "foh/engine/geometry.hpp"

using namespace foh;
using namespace foh::test;
using RS = ReservationStatus;

namespace {

Table at(std::string id, std::string name, double x, double y, int cmax = 4,
         std::string plan = "fp-main") {
  Table t = table(std::move(id), std::move(name), 2, cmax, std::move(plan));
  t.position_x = x;
  t.position_y = y;
  t.width = 80;
  t.height = 80;
  return t;
}

// 3 and 4 stand 20 apart (a pair), 4 and 5 70 apart (neighbours), 6 on the
// terrace at 3's place; 7+8 declared and touching.
Venue room() {
  Venue v =
      only({at("t3", "3", 0, 0), at("t4", "4", 100, 0), at("t5", "5", 250, 0),
            at("t6", "6", 100, 0, 4, "fp-terrace"), at("t7", "7", 0, 200), at("t8", "8", 80, 200)});
  v.tables[4].capacity_overrides = {{"7+8", 6}};
  return v;
}

DailyTableOverride join(std::string id, Uuid a, Uuid b, Date date = kThursday) {
  DailyTableOverride o;
  o.id = std::move(id);
  o.restaurant_id = "rest-1";
  o.table_id = std::move(a);
  o.date = date;
  o.joined_with = std::move(b);
  return o;
}

Floor floor_of(const Venue& v, const DayBook& d) {
  auto f = Floor::build(v, &d);
  REQUIRE(f.ok());
  return std::move(f.value());
}

std::string refusal(const Venue& v, const DayBook& d, const Uuid& a, const Uuid& b) {
  Floor f = floor_of(v, d);
  auto st = check_join(f, d, a, b);
  return st ? "" : st.error().code;
}

SeatRequest six(const std::string& time = "19:30") {
  SeatRequest r;
  r.id = "six";
  r.party_size = 7;
  r.date = kThursday;
  r.time = *TimeOfDay::parse(time);
  return r;
}

}  // namespace

TEST_CASE("adjacency: edge to edge closer than kAdjacentGap, same floor plan, no overlap") {
  Table a = at("a", "a", 0, 0);
  CHECK(tables_adjacent(a, at("b", "b", 80, 0)));         // touching
  CHECK(tables_adjacent(a, at("b", "b", 109, 0)));        // 29 apart
  CHECK_FALSE(tables_adjacent(a, at("b", "b", 111, 0)));  // 31 apart
  CHECK(tables_adjacent(a, at("b", "b", 0, 100)));        // below, 20 apart
  CHECK_FALSE(tables_adjacent(a, at("b", "b", 40, 0)));   // overlapping is not a pair
  CHECK_FALSE(tables_adjacent(a, at("b", "b", 90, 0, 4, "fp-terrace")));
  CHECK_FALSE(tables_adjacent(a, a));
  // Rotated 45°: its corner reaches towards a; the rule sees the real shape.
  Table r = at("r", "r", 130, 0);
  r.rotation = 45;  // corner at 170 - 56.6 = 113.4: 33.4 from a
  CHECK_FALSE(tables_adjacent(a, r));
  r.position_x = 120;  // corner at 103.4: 23.4 from a
  CHECK(tables_adjacent(a, r));
  // Symmetric.
  CHECK(tables_adjacent(at("b", "b", 109, 0), a));
}

TEST_CASE("day join: every refusal names its tables") {
  Venue v = room();
  DayBook d = day_of();
  CHECK(refusal(v, d, "t3", "t4") == "");
  CHECK(refusal(v, d, "t3", "nope") == "unknown_table");
  CHECK(refusal(v, d, "t3", "t3") == "join_same_table");
  CHECK(refusal(v, d, "t4", "t5") == "join_not_adjacent");
  CHECK(refusal(v, d, "t4", "t6") == "join_other_plan");
  CHECK(refusal(v, d, "t7", "t8") == "join_declared");
  {
    DayBook b = d;
    DailyTableOverride o;
    o.id = "o1", o.table_id = "t4", o.date = kThursday, o.is_blocked = true;
    b.table_overrides.push_back(o);
    CHECK(refusal(v, b, "t3", "t4") == "join_unavailable");
  }
  {
    DayBook seated = day_of({reservation("r1", "t4", "4", kThursday, "19:00", 2, RS::Seated)});
    Floor f = floor_of(v, seated);
    auto st = check_join(f, seated, "t3", "t4");
    REQUIRE_FALSE(st.ok());
    CHECK(st.error().code == "join_taken");
    CHECK(st.error().args == std::vector<std::string>{"4"});
    // A booking later that day does not stop the join; nor a party that left.
    DayBook later = day_of({reservation("r1", "t4", "4", kThursday, "21:00", 2),
                            reservation("r2", "t3", "3", kThursday, "12:00", 2, RS::Completed)});
    CHECK(refusal(v, later, "t3", "t4") == "");
  }
  {
    DayBook joined = d;
    joined.table_overrides.push_back(join("j1", "t3", "t4"));
    CHECK(refusal(v, joined, "t4", "t3") == "join_already");
    Floor f = floor_of(v, joined);
    auto st = check_join(f, joined, "t4", "t3");
    CHECK(st.error().args == std::vector<std::string>{"4", "3"});
    CHECK(joined_partner(joined, "t4") == std::optional<Uuid>("t3"));
    CHECK(joined_partner(joined, "t3") == std::optional<Uuid>("t4"));
    CHECK_FALSE(joined_partner(joined, "t5"));
  }
}

TEST_CASE("day join: the engine proposes the joined pair that day only, and not once split") {
  Venue v = room();
  // Nothing seats 7 without the join (7+8 seats 6).
  auto before = suggest_table(v, day_of(), six());
  REQUIRE(before.ok());
  CHECK_FALSE(before->accepted);

  DayBook d = day_of();
  d.table_overrides.push_back(join("j1", "t3", "t4"));
  Floor f = floor_of(v, d);
  REQUIRE(f.combinations().size() == 2);
  const Combination& c = f.combinations()[1];
  CHECK(c.daily);
  CHECK(c.key == "3+4");
  CHECK(c.seats == 8);  // 4 + 4
  auto with = suggest_table(v, d, six());
  REQUIRE(with.ok());
  REQUIRE(with->accepted);
  CHECK(with->table_number == "3+4");
  CHECK(with->table_ids == std::vector<Uuid>{"t3", "t4"});

  // The pair held by that booking holds both tables: a couple cannot take 4.
  Reservation r = booking_of(six(), v);
  r.table_id = "t3";
  r.table_number = "3+4";
  d.reservations.push_back(r);
  Floor held = floor_of(v, d);
  CHECK(held.held_by(r).count == 2);

  // Another date: the join is not there.
  DayBook other = day_of();
  other.date = kFriday;
  other.table_overrides.push_back(join("j1", "t3", "t4"));
  CHECK(floor_of(v, other).combinations().size() == 1);

  // Split (joined_with cleared): gone.
  DayBook split = day_of();
  split.table_overrides.push_back(join("j1", "t3", "t4"));
  split.table_overrides[0].joined_with.reset();
  CHECK(floor_of(v, split).combinations().size() == 1);
  CHECK_FALSE(suggest_table(v, split, six())->accepted);
}

TEST_CASE("day join: a join of a declared pair or of a hidden table adds nothing") {
  Venue v = room();
  DayBook d = day_of();
  d.table_overrides.push_back(join("j1", "t8", "t7"));
  Floor f = floor_of(v, d);
  REQUIRE(f.combinations().size() == 1);
  CHECK_FALSE(f.combinations()[0].daily);
  DailyTableOverride hide;
  hide.id = "h", hide.table_id = "t4", hide.date = kThursday, hide.is_hidden = true;
  d.table_overrides = {join("j1", "t3", "t4"), hide};
  CHECK(floor_of(v, d).combinations().size() == 1);
}
