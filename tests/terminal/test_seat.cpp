#include <doctest/doctest.h>

#include <algorithm>

#include "screens/seat.hpp"
#include "tap.hpp"
#include "view/seating.hpp"

using namespace foh;
using namespace foh::ui;
using foh::test::Fixture;
using foh::test::Headless;

TEST_CASE("seat a walk-in: the engine's suggestion is highlighted and seated with one tap") {
  Fixture fx;
  Headless h;
  SeatView v;
  v.party_size = 2;
  auto draw = [&](SeatIntents& out) { draw_seat(v, fx.desk, out); };
  test::frame<SeatIntents>(h, draw);
  REQUIRE(v.suggestion);
  CHECK(v.suggestion->accepted);
  CHECK(!v.suggestion->reason.empty());
  const auto& ids = v.suggestion->table_ids;
  REQUIRE(!ids.empty());
  // Never the seated table 1, the blocked table 5, nor table 3 held by a late booking at 19:00.
  CHECK(std::find(ids.begin(), ids.end(), "t1") == ids.end());
  CHECK(std::find(ids.begin(), ids.end(), "t5") == ids.end());
  auto out = test::tap_item<SeatIntents>(h, "seat_confirm", draw);
  REQUIRE(out.seat);
  CHECK(out.seat->source == PartySource::WalkIn);
  CHECK(out.seat->party_size == 2);
  CHECK(out.seat->table.table_ids == ids);
}

TEST_CASE("seat a booked party: its own free table is kept") {
  Fixture fx;
  SeatView v;
  v.source = PartySource::Reservation;
  v.reservation_id = "res2";  // Martin, 4, table 2 at 19:45
  v.party_size = 4;
  Decision s = suggest_for(v, fx.desk);
  CHECK(s.accepted);
  CHECK(s.table_ids == std::vector<Uuid>{"t2"});
}

TEST_CASE("seat: picking an alternative changes the table that is seated") {
  Fixture fx;
  Headless h;
  SeatView v;
  v.party_size = 2;
  auto draw = [&](SeatIntents& out) { draw_seat(v, fx.desk, out); };
  test::frame<SeatIntents>(h, draw);
  REQUIRE(v.suggestion);
  REQUIRE(!v.suggestion->alternatives.empty());  // tables 4, T1, T2 are free for a couple
  std::string alt = "alt_" + v.suggestion->alternatives[0].table_number;
  test::tap_item<SeatIntents>(h, alt, draw);
  CHECK(v.chosen == 0);
  auto out = test::tap_item<SeatIntents>(h, "seat_confirm", draw);
  REQUIRE(out.seat);
  CHECK(out.seat->table.table_ids == v.suggestion->alternatives[0].table_ids);
}

TEST_CASE(
    "overstay: a seated party past its end that pushes the next booking is warned, with a new "
    "table") {
  Fixture fx;
  fx.desk.now = LocalInstant::at(fx.day.date, *TimeOfDay::parse("20:50"));
  auto w = overstay_warnings(fx.desk);
  REQUIRE(w.size() == 1);
  CHECK(w[0].seated_reservation_id == "res1");
  CHECK(w[0].next_reservation_id == "res5");
  REQUIRE(w[0].proposal);
  CHECK(w[0].proposal->table_ids != std::vector<Uuid>{"t1"});
  // Early in the evening nobody overstays.
  fx.desk.now = LocalInstant::at(fx.day.date, *TimeOfDay::parse("19:30"));
  CHECK(overstay_warnings(fx.desk).empty());
  // The screen shows it and proposes the move.
  fx.desk.now = LocalInstant::at(fx.day.date, *TimeOfDay::parse("20:50"));
  Headless h;
  SeatView v;
  auto out = test::tap_item<SeatIntents>(h, "overstay_move",
                                         [&](SeatIntents& o) { draw_seat(v, fx.desk, o); });
  REQUIRE(out.move_next);
  CHECK(out.move_next->reservation_id == "res5");
  CHECK(out.move_next->table.table_ids == w[0].proposal->table_ids);
}

TEST_CASE("seat: tapping a table the engine did not propose takes it if free, else says why") {
  Fixture fx;
  Headless h;
  SeatView v;
  v.party_size = 2;
  auto draw = [&](SeatIntents& out) { draw_seat(v, fx.desk, out); };
  test::frame<SeatIntents>(h, draw);  // shows the suggestion's plan; the host opens the Salle
  v.floor.floor_plan_id = "p1";
  // Table 3 is held by the late 19:00 couple: refused with the overlap reason.
  test::tap_item<SeatIntents>(h, "table_3", draw);
  CHECK(v.refusal.find("Late") != std::string::npos);
  // Table 6 (4-6 seats) is free but too big for 2: refused on capacity.
  test::tap_item<SeatIntents>(h, "table_6", draw);
  CHECK(v.refusal.find("4-6") != std::string::npos);
  // With 4 guests it is taken and seated there.
  v.party_size = 4;
  test::frame<SeatIntents>(h, draw);
  v.floor.floor_plan_id = "p1";
  test::tap_item<SeatIntents>(h, "table_6", draw);
  CHECK(v.refusal.empty());
  auto out = test::tap_item<SeatIntents>(h, "seat_confirm", draw);
  REQUIRE(out.seat);
  CHECK(out.seat->table.table_ids == std::vector<Uuid>{"t6"});
}

TEST_CASE(
    "seat: when only a move makes room, the suggestion names who moves and the command carries "
    "it") {
  Fixture fx;
  // A party of 4 booked on table 6 (4-6) at 20:15, not due yet: a walk-in of 6 finds nothing free
  // (table 3 of the combination 3+4 is held by the late couple) unless a booking moves.
  fx.book("res7", "Bloc", 4, "20:15", "t6", "6");
  Headless h;
  SeatView v;
  v.party_size = 6;
  auto draw = [&](SeatIntents& out) { draw_seat(v, fx.desk, out); };
  test::frame<SeatIntents>(h, draw);
  REQUIRE(v.suggestion);
  REQUIRE_MESSAGE(v.suggestion->accepted, v.suggestion->reason);
  REQUIRE_FALSE(v.suggestion->moved.empty());
  const Move& m = v.suggestion->moved.front();
  CHECK(v.suggestion->reason.find("déplace") != std::string::npos);
  CHECK(v.suggestion->reason.find(m.from_table_number + " → " + m.to_table_number) !=
        std::string::npos);
  auto out = test::tap_item<SeatIntents>(h, "seat_confirm", draw);
  REQUIRE(out.seat);
  CHECK(out.seat->party_size == 6);
  CHECK(out.seat->table.table_ids == v.suggestion->table_ids);
  REQUIRE(out.seat->moves.size() == v.suggestion->moved.size());
  CHECK(out.seat->moves.front().reservation_id == m.reservation_id);
  // A walk-in that fits somewhere free moves no one.
  SeatView couple;
  couple.party_size = 2;
  CHECK(suggest_for(couple, fx.desk).moved.empty());
}

TEST_CASE("seat: a choice on another plan brings that plan into view, once") {
  Fixture fx;
  // Only the terrace's T2 is left for a party of 4: every indoor table is blocked today.
  for (const char* t : {"t2", "t3", "t4", "t6"}) {
    DailyTableOverride o;
    o.id = std::string("o-") + t, o.restaurant_id = "r1", o.table_id = t, o.date = fx.day.date;
    o.is_blocked = true;
    fx.day.table_overrides.push_back(o);
  }
  fx.rebuild();
  Headless h;
  SeatView v;
  v.party_size = 4;
  v.floor.floor_plan_id = "p1";  // the host was looking at the Salle
  auto draw = [&](SeatIntents& out) { draw_seat(v, fx.desk, out); };
  test::frame<SeatIntents>(h, draw);
  REQUIRE(v.suggestion);
  REQUIRE(v.suggestion->accepted);
  CHECK(v.suggestion->table_ids == std::vector<Uuid>{"t8"});
  CHECK(v.floor.floor_plan_id == std::optional<Uuid>("p2"));
  // The host goes back to the Salle: the same choice does not pull the view away again.
  v.floor.floor_plan_id = "p1";
  test::frame<SeatIntents>(h, draw);
  CHECK(v.floor.floor_plan_id == std::optional<Uuid>("p1"));
}

TEST_CASE("seat: the engine's reason is in the desk's language, and switching it rewords it") {
  Fixture fx;
  Headless h;
  SeatView v;
  v.party_size = 2;
  auto draw = [&](SeatIntents& out) { draw_seat(v, fx.desk, out); };
  fx.desk.locale = Language::Fr;
  test::frame<SeatIntents>(h, draw);
  REQUIRE(v.suggestion);
  REQUIRE(v.suggestion->accepted);
  const std::string fr = v.suggestion->reason;
  INFO(fr);
  CHECK(fr.rfind("Table " + v.suggestion->table_number + " (", 0) == 0);
  CHECK(fr.find(" places, ") != std::string::npos);
  CHECK(fr.find(")\u00a0: libre ") != std::string::npos);
  CHECK(fr.find("seat") == std::string::npos);
  CHECK(fr.find("free") == std::string::npos);
  for (const TableChoice& a : v.suggestion->alternatives)
    CHECK(a.reason.find(")\u00a0: libre") != std::string::npos);
  const std::vector<Uuid> best = v.suggestion->table_ids;
  // The EN/FR button: the same pick, reworded on the next frame.
  fx.desk.locale = Language::En;
  test::frame<SeatIntents>(h, draw);
  REQUIRE(v.suggestion);
  const std::string en = v.suggestion->reason;
  INFO(en);
  CHECK(v.suggestion->table_ids == best);
  CHECK(en.rfind("Table " + v.suggestion->table_number + " (", 0) == 0);
  CHECK(en.find(" seats, ") != std::string::npos);
  CHECK(en.find("): free ") != std::string::npos);
  CHECK(en.find("libre") == std::string::npos);
}

TEST_CASE("seat: a suggestion that moves a booking says so in French") {
  Fixture fx;
  fx.book("res7", "Bloc", 4, "20:15", "t6", "6");  // as above: only a move seats 6
  fx.desk.locale = Language::Fr;
  SeatView v;
  v.party_size = 6;
  Decision s = suggest_for(v, fx.desk);
  REQUIRE_MESSAGE(s.accepted, s.reason);
  CHECK(s.reason.find(", après avoir déplacé 1 réservation — déplace Bloc (4) 6 → ") !=
        std::string::npos);
  fx.desk.locale = Language::En;
  CHECK(suggest_for(v, fx.desk).reason.find(", after moving 1 reservation — moves Bloc (4) 6 → ") !=
        std::string::npos);
}
