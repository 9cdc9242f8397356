#include <doctest/doctest.h>

#include "fixtures.hpp"
#include "foh/engine/floor.hpp"
#include "foh/engine/validate.hpp"

using namespace foh;
using namespace foh::test;

TEST_CASE("floor: tables, names per floor plan, combinations declared once") {
  auto f = Floor::build(venue());
  REQUIRE(f.ok());
  CHECK(f->tables().size() == 9);
  CHECK(f->table("t5")->name == "5");
  CHECK(f->table("nope") == nullptr);
  CHECK(f->table_named("fp-main", "1")->id == "t1");
  CHECK(f->table_named("fp-terrace", "1")->id == "tt1");
  CHECK(f->table_named("fp-terrace", "2") == nullptr);
  REQUIRE(f->combinations().size() == 2);  // "7+8" on 7 and "8+7" on 8 are one
  const Combination* c78 = nullptr;
  for (const auto& c : f->combinations())
    if (c.key == "7+8") c78 = &c;
  REQUIRE(c78 != nullptr);
  CHECK(c78->seats == 6);
  CHECK(c78->table_ids == std::vector<Uuid>{"t7", "t8"});
  CHECK(f->combinations_with(f->index_of("t7")).size() == 1);
  CHECK(f->combinations_with(f->index_of("t4")).empty());
}

TEST_CASE("floor: the tables a reservation holds") {
  auto f = Floor::build(venue()).value();
  using V = std::vector<Uuid>;
  CHECK(f.tables_of(reservation("r", "t7", "7+8", kFriday, "20:00")) == V{"t7", "t8"});
  CHECK(f.tables_of(reservation("r", "t3", "3", kFriday, "20:00")) == V{"t3"});
  CHECK(f.tables_of(reservation("r", "t3", "", kFriday, "20:00")) == V{"t3"});
  // No table_id: names resolve in the first floor plan that has the first name.
  CHECK(f.tables_of(reservation("r", std::nullopt, "7+8", kFriday, "20:00")) == V{"t7", "t8"});
  CHECK(f.tables_of(reservation("r", std::nullopt, "", kFriday, "20:00")).empty());
  // Names resolve within table_id's floor plan: "1" on the terrace is tt1.
  CHECK(f.tables_of(reservation("r", "tt1", "1", kFriday, "20:00")) == V{"tt1"});
  CHECK(f.tables_of(reservation("r", "t1", "1+2", kFriday, "20:00")) == V{"t1", "t2"});
  // An undeclared combination still holds its named tables.
  CHECK(f.tables_of(reservation("r", "t4", "4+5", kFriday, "20:00")) == V{"t4", "t5"});
  HeldTables held = f.held_by(reservation("r", "t8", "8+7", kFriday, "20:00"));
  CHECK(f.combination_of(held) >= 0);
  CHECK(f.combination_of(f.held_by(reservation("r", "t4", "4+5", kFriday, "20:00"))) == -1);
}

TEST_CASE("floor: the day's extra tables, hidden and blocked tables, moved tables") {
  Venue v = venue();
  DayBook day;
  day.date = kFriday;
  DailyExtraTable x;
  x.id = "x1";
  x.floor_plan_id = "fp-main";
  x.date = kFriday;
  x.name = "20";
  x.capacity_min = 2;
  x.capacity_max = 8;
  day.extra_tables.push_back(x);
  x.id = "x-other-day";
  x.name = "21";
  x.date = kThursday;
  day.extra_tables.push_back(x);
  day.table_overrides.push_back(
      DailyTableOverride{"o1", "rest-1", "t2", kFriday, 10.0, 20.0, true, false, "", {}, {}});
  day.table_overrides.push_back(
      DailyTableOverride{"o2", "rest-1", "t3", kFriday, {}, {}, false, true, "", {}, {}});
  day.table_overrides.push_back(
      DailyTableOverride{"o3", "rest-1", "t4", kThursday, {}, {}, true, true, "", {}, {}});
  auto f = Floor::build(v, &day);
  REQUIRE(f.ok());
  CHECK(f->tables().size() == 10);
  CHECK(f->table("x1")->capacity_max == 8);
  CHECK(f->is_extra("x1"));
  CHECK_FALSE(f->is_extra("t1"));
  CHECK(f->table("x-other-day") == nullptr);
  CHECK(f->is_unavailable("t2"));
  CHECK(f->is_hidden("t2"));
  CHECK(f->is_blocked("t3"));
  CHECK_FALSE(f->is_hidden("t3"));
  CHECK(f->is_unavailable("t3"));
  CHECK_FALSE(f->is_unavailable("t4"));  // that override is for another date
  CHECK_FALSE(f->is_unavailable("t1"));
  CHECK(f->table("t2")->position_x == 10.0);
  CHECK(f->table("t2")->position_y == 20.0);
}

TEST_CASE("floor: bad floors are refused naming the row and the field") {
  Venue v = venue();
  v.tables[5].name = "3";
  auto f = Floor::build(v);
  REQUIRE_FALSE(f.ok());
  CHECK(f.error().text() ==
        "tables[5].name: duplicate table name \"3\" in floor plan \"Salle principale\"");

  v = venue();
  v.tables[2].capacity_overrides = {{"7+99", 6}};
  f = Floor::build(v);
  REQUIRE_FALSE(f.ok());
  CHECK(f.error().text() ==
        "tables[2].capacity_overrides: combination \"7+99\" names unknown table \"99\"");

  v = venue();
  v.tables[3].capacity_min = 6;
  f = Floor::build(v);
  REQUIRE_FALSE(f.ok());
  CHECK(f.error().text() == "tables[3].capacity_min: capacity_min (6) > capacity_max (4)");

  // A combination is resolved within the declaring table's floor plan: the
  // terrace has no table 7.
  v = venue();
  v.tables[8].capacity_overrides = {{"1+7", 4}};
  f = Floor::build(v);
  REQUIRE_FALSE(f.ok());
  CHECK(f.error().text() ==
        "tables[8].capacity_overrides: combination \"1+7\" names unknown table \"7\"");

  v = venue();
  v.tables[6].capacity_overrides = {{"7+7", 6}};
  CHECK(Floor::build(v).error().text() ==
        "tables[6].capacity_overrides: combination \"7+7\" names table \"7\" twice");
  v.tables[6].capacity_overrides = {{"7+", 6}};
  CHECK(Floor::build(v).error().text() ==
        "tables[6].capacity_overrides: combination \"7+\" has an empty table name");

  // An extra table may not take a permanent table's name.
  DayBook day;
  day.date = kFriday;
  DailyExtraTable x;
  x.id = "x1";
  x.floor_plan_id = "fp-main";
  x.date = kFriday;
  x.name = "4";
  day.extra_tables.push_back(x);
  auto g = Floor::build(venue(), &day);
  REQUIRE_FALSE(g.ok());
  CHECK(
      g.error().text() ==
      "daily_extra_tables[0].name: duplicate table name \"4\" in floor plan \"Salle principale\"");
}

TEST_CASE("floor: party exactly at capacity_min and capacity_max is valid data") {
  Venue v = venue();
  v.tables[0].capacity_min = 2;
  v.tables[0].capacity_max = 2;  // min == max is a valid table
  CHECK(Floor::build(v).ok());
  v.tables[0].capacity_min = 0;
  CHECK(Floor::build(v).error().text() == "tables[0].capacity_min: must be >= 1, got 0");
}

TEST_CASE("floor: a day's bookings must name tables of that floor") {
  auto f = Floor::build(venue()).value();
  DayBook d;
  d.date = kFriday;
  d.reservations = {reservation("a", "t7", "7+8", kFriday, "20:00", 6),
                    reservation("b", std::nullopt, "", kFriday, "20:00", 2),
                    reservation("c", std::nullopt, "5", kFriday, "20:00", 4)};
  CHECK(validate_bookings(d, f, "D.json").ok());
  d.reservations.push_back(reservation("d", "t99", "99", kFriday, "20:00", 2));
  CHECK(validate_bookings(d, f, "D.json").error().text() ==
        "D.json: reservations[3].table_id: unknown table \"t99\"");
  d.reservations.back() = reservation("d", "t7", "7+9", kFriday, "20:00", 2);
  CHECK(validate_bookings(d, f, "D.json").error().text() ==
        "D.json: reservations[3].table_number: table_number \"7+9\" names unknown table \"9\"");
  d.reservations.back() = reservation("d", "tt1", "1+2", kFriday, "20:00", 2);  // terrace has no 2
  CHECK(validate_bookings(d, f, "D.json").error().text() ==
        "D.json: reservations[3].table_number: table_number \"1+2\" names unknown table \"2\"");
}

TEST_CASE("floor: names without a table_id resolve as the backend's trigger does") {
  Venue v = venue();
  v.tables.push_back(table("tt30", "30", 2, 4, "fp-terrace"));
  DayBook day;
  day.date = kFriday;
  DailyExtraTable x;
  x.id = "x30";
  x.floor_plan_id = "fp-main";  // sorts before fp-terrace, but it is an extra table
  x.date = kFriday;
  x.name = "30";
  day.extra_tables.push_back(x);
  auto f = Floor::build(v, &day).value();
  using V = std::vector<Uuid>;
  CHECK(f.tables_of(reservation("r", std::nullopt, "1", kFriday, "20:00")) == V{"t1"});
  CHECK(f.tables_of(reservation("r", std::nullopt, "30", kFriday, "20:00")) == V{"tt30"});
  CHECK(f.tables_of(reservation("r", "x30", "30", kFriday, "20:00")) == V{"x30"});
  // An unknown table_id holds nothing itself; its names still resolve.
  CHECK(f.tables_of(reservation("r", "gone", "7", kFriday, "20:00")) == V{"t7"});
}
