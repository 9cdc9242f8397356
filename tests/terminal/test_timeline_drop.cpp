#include <doctest/doctest.h>

#include "screens/reservations.hpp"
#include "tap.hpp"

using namespace foh;
using namespace foh::ui;
using foh::test::Fixture;
using foh::test::Headless;

namespace {

// A party of 6 at 21:00 on table 6 (4-6 seats); the fixture declares 3+4 for 6.
void add_group(Fixture& fx) { fx.book("res6", "Groupe", 6, "21:00", "t6", "6"); }

}  // namespace

TEST_CASE("timeline drop: a party too big for the table goes to its declared combination") {
  Fixture fx;
  add_group(fx);
  const Reservation& g = fx.day.reservations.back();
  auto at = [](const char* hhmm) { return *TimeOfDay::parse(hhmm); };
  // On table 4 (2-4 seats) at 21:00: 3+4 seats 6 and is free.
  DropVerdict onto4 = propose_drop(g, fx.table("4"), at("21:00"), fx.desk);
  CHECK(onto4.allowed);
  CHECK(onto4.choice.table_number == "3+4");
  CHECK(onto4.choice.table_ids == std::vector<Uuid>{"t3", "t4"});
  CHECK(onto4.choice.reason.find("3+4") != std::string::npos);
  CHECK(onto4.choice.reason.find("2-4") != std::string::npos);  // why table 4 alone will not do
  // At 19:30 table 3 still holds the late couple (19:00-20:15): refused, naming them.
  DropVerdict early = propose_drop(g, fx.table("4"), at("19:30"), fx.desk);
  CHECK_FALSE(early.allowed);
  CHECK(early.choice.reason.find("Late") != std::string::npos);
  // Table 2 belongs to no combination: refused for its size.
  DropVerdict onto2 = propose_drop(g, fx.table("2"), at("21:00"), fx.desk);
  CHECK_FALSE(onto2.allowed);
  CHECK(onto2.choice.reason.find("2-4") != std::string::npos);
  // A party the table seats stays on the table alone.
  DropVerdict couple = propose_drop(fx.day.reservations[4], fx.table("4"), at("21:00"), fx.desk);
  CHECK(couple.allowed);
  CHECK(couple.choice.table_number == "4");
  // A combination with a member blocked today is refused.
  fx.venue.tables[4].capacity_overrides = {{"4+5", 6}};
  fx.venue.tables[3].capacity_overrides = {{"4+5", 6}};
  fx.venue.tables[2].capacity_overrides.clear();
  fx.rebuild();
  DropVerdict blocked =
      propose_drop(fx.day.reservations.back(), fx.table("4"), at("21:00"), fx.desk);
  CHECK_FALSE(blocked.allowed);
  CHECK(blocked.choice.reason.find("bloqu") !=
        std::string::npos);  // "La table 5 est bloquée aujourd'hui"
}

TEST_CASE("timeline: dragging the party of 6 onto table 4's row books 3+4") {
  Fixture fx;
  add_group(fx);
  Headless h;
  ReservationsView v;
  v.mode = ReservationsMode::Timeline;
  auto draw = [&](ReservationsIntents& o) { draw_reservations(v, fx.desk, o); };
  test::frame<ReservationsIntents>(h, draw);
  auto bar = h.item("bar_Groupe");
  auto row = h.item("tl_row_4");
  REQUIRE(bar);
  REQUIRE(row);
  test::press_at<ReservationsIntents>(h, bar->x0 + 2, bar->cy(), draw);
  test::move_to<ReservationsIntents>(h, bar->x0 + 2, row->cy(), draw);
  REQUIRE(v.drag);
  CHECK(v.drag->verdict.allowed);
  CHECK(v.drag->verdict.choice.table_number == "3+4");
  const std::string judged = v.drag->verdict.choice.reason;  // what the ghost was judged with
  auto out = test::release<ReservationsIntents>(h, draw);
  REQUIRE(out.move);
  CHECK(out.move->reservation_id == "res6");
  CHECK(out.move->table.table_number == "3+4");
  CHECK(out.move->table.table_ids == std::vector<Uuid>{"t3", "t4"});
  CHECK(out.move->time.hhmm() == "21:00");
  CHECK(out.move->table.reason == judged);  // the Store is told why, as the host was
  CHECK(out.move->table.reason.find("3+4") != std::string::npos);
}
