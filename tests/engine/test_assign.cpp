// Automatic table assignment: each preference of issue 2 §4 with its edges.
#include <doctest/doctest.h>

#include <algorithm>

#include "fixtures.hpp"
#include "foh/engine/assign.hpp"
#include "foh/engine/floor.hpp"
#include "foh/engine/rules.hpp"

using namespace foh;
using namespace foh::test;
using RS = ReservationStatus;

namespace {

SeatRequest request(std::string id, int party, std::string time, Date date = kThursday) {
  SeatRequest r;
  r.id = std::move(id);
  r.party_size = party;
  r.date = date;
  r.time = *TimeOfDay::parse(time);
  return r;
}

Assigner make(const Venue& v, DayBook d = day_of(), AssignOptions o = {}) {
  auto a = Assigner::create(v, std::move(d), o);
  REQUIRE(a.ok());
  return std::move(a.value());
}

const Reservation* find(const DayBook& d, const std::string& id) {
  for (const auto& r : d.reservations)
    if (r.id == id) return &r;
  return nullptr;
}

}  // namespace

TEST_CASE("party exactly at capacity_min and at capacity_max") {
  Venue v = only({table("t5", "5", 4, 6)});
  auto a = make(v);
  CHECK(a.propose(request("a", 4, "19:00")).table_number == "5");  // = capacity_min
  CHECK(a.propose(request("b", 6, "19:00")).table_number == "5");  // = capacity_max
  Decision below = a.propose(request("c", 3, "19:00"));
  CHECK_FALSE(below.accepted);
  CHECK(below.outcome == Outcome::NoTable);
  Decision above = a.propose(request("d", 7, "19:00"));
  CHECK_FALSE(above.accepted);
  CHECK(above.reason == "No table or combination seats 7 (largest: 6)");
}

TEST_CASE("single tables before combinations") {
  Venue v = only({table("t5", "5", 4, 6), table("t7", "7", 2, 4), table("t8", "8", 2, 4)});
  v.tables[1].capacity_overrides = {{"7+8", 6}};
  auto a = make(v);
  Decision d = a.assign(request("big", 6, "19:00"));
  CHECK(d.table_number == "5");
  Decision second = a.assign(request("big2", 6, "19:30"));  // 5 is taken: the combination
  REQUIRE(second.accepted);
  CHECK(second.table_number == "7+8");
  CHECK(second.table_ids == std::vector<Uuid>{"t7", "t8"});
  CHECK(second.reason.find("no single table free") != std::string::npos);
}

// assign() books what it decides itself: a proposal for another party in
// between leaves nothing behind that it would apply.
TEST_CASE("propose leaves nothing for assign; a decision passes as its table choice") {
  Venue v = only({table("t5", "5", 4, 6), table("t7", "7", 2, 4), table("t8", "8", 2, 4)});
  v.tables[1].capacity_overrides = {{"7+8", 6}};
  auto a = make(v);
  const Decision six = a.propose(request("six", 6, "19:00"));
  REQUIRE(six.table_number == "5");
  const Decision two = a.assign(request("two", 2, "19:00"));
  REQUIRE(two.accepted);
  REQUIRE(two.table_ids.size() == 1);
  const Reservation* booked = find(a.day(), "two");  // where it decided, not on 5
  REQUIRE(booked != nullptr);
  CHECK(booked->table_id == std::optional<Uuid>{two.table_ids.front()});
  CHECK(a.propose(request("six", 6, "19:00")).table_number == "5");  // still free
  const TableChoice& choice = two;  // what the seat screen and the Store take
  CHECK(choice.table_ids == two.table_ids);
  CHECK(choice.reason == two.reason);
}

TEST_CASE("tables that belong to a combination come last among singles") {
  Venue v = only({table("t3", "3", 2, 4), table("t9", "9", 2, 4), table("t4", "4", 2, 4)});
  v.tables[0].capacity_overrides = {{"3+9", 8}};
  auto a = make(v);
  Decision d = a.propose(request("x", 4, "19:00"));
  CHECK(d.table_number == "4");
  REQUIRE(d.alternatives.size() == 3);  // the combinable tables, then the combination
  CHECK(d.alternatives[0].table_number != "3+9");
  CHECK(d.alternatives[1].table_number != "3+9");
  CHECK(d.alternatives[2].table_number == "3+9");
}

TEST_CASE("fewest wasted seats: a couple does not take the six-top") {
  Venue v = only({table("t6", "6", 1, 6), table("t4", "4", 1, 4), table("t2", "2", 1, 2)});
  auto a = make(v);
  Decision d = a.propose(request("x", 2, "19:00"));
  CHECK(d.table_number == "2");
  CHECK(d.reason == "Table 2 (2 seats, Salle principale): free 19:00\u201320:15, exact fit");
  Decision three = a.propose(request("y", 3, "19:00"));
  CHECK(three.table_number == "4");
  CHECK(three.reason.find("1 seat spare") != std::string::npos);
}

TEST_CASE("fill_group: the lower group fills first") {
  Venue v = only({table("ta", "10", 1, 4), table("tb", "11", 1, 4)});
  v.tables[0].fill_group = 2;
  v.tables[1].fill_group = 1;
  CHECK(make(v).propose(request("x", 4, "19:00")).table_number == "11");
  v.tables[1].fill_group = 3;
  CHECK(make(v).propose(request("x", 4, "19:00")).table_number == "10");
}

TEST_CASE("zone preference among equal tables") {
  Venue v = only({table("ta", "10", 1, 4), table("tb", "11", 1, 4)});
  v.tables[0].zone_id = "zone-bar";
  v.tables[1].zone_id = "zone-window";
  SeatRequest r = request("x", 4, "19:00");
  r.zone_id = "zone-window";
  CHECK(make(v).propose(r).table_number == "11");
  r.zone_id = "zone-bar";
  CHECK(make(v).propose(r).table_number == "10");
  // Only one table free, in the other zone: still seated, and the reason says so.
  auto a = make(v, day_of({reservation("busy", "ta", "10", kThursday, "19:00", 4)}));
  Decision d = a.propose(r);
  CHECK(d.table_number == "11");
  CHECK(d.reason.find("not in the requested zone") != std::string::npos);
}

TEST_CASE("protect later demand: the snug gap before the open table") {
  // Two equal tables; table 10 is booked until 19:00, table 11 is empty. A
  // party at 19:00 goes back to back on 10 and leaves 11's evening open.
  Venue v = only({table("ta", "10", 1, 4), table("tb", "11", 1, 4)});
  auto a = make(v, day_of({reservation("early", "ta", "10", kThursday, "17:30", 4)}));
  CHECK(a.propose(request("x", 4, "19:00")).table_number == "10");
}

TEST_CASE("a combination whose member is taken is not offered") {
  Venue v = only({table("t7", "7", 2, 4), table("t8", "8", 2, 4)});
  v.tables[0].capacity_overrides = {{"7+8", 6}};
  // A Seated party on 7 cannot be moved: 7+8 is not free, 8 alone is too small.
  auto a = make(v, day_of({reservation("on7", "t7", "7", kThursday, "19:00", 2, RS::Seated)}));
  Decision d = a.propose(request("six", 6, "19:30"));
  CHECK_FALSE(d.accepted);
  CHECK(d.reason == "No table or combination free for 6 at 19:30");
  Decision four = a.propose(request("four", 4, "19:30"));
  REQUIRE(four.accepted);
  CHECK(four.table_number == "8");
  for (const auto& alt : four.alternatives) CHECK(alt.table_number != "7+8");
  // Once that party has left (Completed), the combination is free again.
  auto b = make(v, day_of({reservation("on7", "t7", "7", kThursday, "19:00", 2, RS::Completed)}));
  CHECK(b.propose(request("six", 6, "19:30")).table_number == "7+8");
}

TEST_CASE("hidden and blocked tables are never used") {
  Venue v = only({table("t2", "2", 1, 2), table("t4", "4", 1, 4)});
  DayBook d = day_of();
  DailyTableOverride o;
  o.id = "o1";
  o.table_id = "t2";
  o.date = kThursday;
  o.is_blocked = true;
  d.table_overrides.push_back(o);
  CHECK(make(v, d).propose(request("x", 2, "19:00")).table_number == "4");
  d.table_overrides[0].is_blocked = false;
  d.table_overrides[0].is_hidden = true;
  d.table_overrides[0].table_id = "t4";
  auto a = make(v, d);
  CHECK(a.propose(request("x", 2, "19:00")).table_number == "2");
  CHECK_FALSE(a.propose(request("y", 3, "19:00")).accepted);
}

TEST_CASE("a move keeps the moved party's time and party and fits its new table") {
  Venue v = only({table("t2", "2", 1, 2), table("t4", "4", 2, 4)});
  auto a = make(v, day_of({reservation("couple", "t4", "4", kThursday, "19:00", 2)}));
  Decision d = a.assign(request("four", 4, "19:15"));
  REQUIRE(d.accepted);
  CHECK(d.table_number == "4");
  REQUIRE(d.moved.size() == 1);
  CHECK(d.moved[0].reservation_id == "couple");
  CHECK(d.moved[0].from_table_ids == std::vector<Uuid>{"t4"});
  CHECK(d.moved[0].to_table_ids == std::vector<Uuid>{"t2"});
  CHECK(d.reason.find("after moving 1 reservation") != std::string::npos);
  const Reservation* couple = find(a.day(), "couple");
  REQUIRE(couple);
  CHECK(couple->time == *TimeOfDay::parse("19:00"));
  CHECK(couple->party_size == 2);
  CHECK(couple->table_id == Uuid("t2"));
  CHECK(couple->table_number == "2");
  auto floor = Floor::build(v, &a.day());
  REQUIRE(floor.ok());
  for (const auto& r : a.day().reservations)
    CHECK(
        conflicts_with(r, a.day().reservations, *floor, v.restaurant.settings, v.services).empty());
}

TEST_CASE("Arrived and Seated parties are never moved") {
  Venue v = only({table("t2", "2", 1, 2), table("t4", "4", 2, 4)});
  for (RS status : {RS::Arrived, RS::Seated}) {
    auto a = make(v, day_of({reservation("couple", "t4", "4", kThursday, "19:00", 2, status)}));
    Decision d = a.assign(request("four", 4, "19:15"));
    CHECK_FALSE(d.accepted);
    CHECK(d.moved.empty());
    CHECK(find(a.day(), "couple")->table_id == Uuid("t4"));
  }
  AssignOptions no_moves;
  no_moves.allow_moves = false;
  auto a = make(v, day_of({reservation("couple", "t4", "4", kThursday, "19:00", 2)}), no_moves);
  CHECK_FALSE(a.propose(request("four", 4, "19:15")).accepted);
}

TEST_CASE("moves are spent on parties of four and more") {
  // A couple holds the two-top at 19:00; one guest (below the four-top's
  // capacity_min) could only sit if the couple moved to the four-top.
  Venue v = only({table("t2", "2", 1, 2), table("t4", "4", 2, 4)});
  auto booked = day_of({reservation("couple", "t2", "2", kThursday, "19:00", 2),
                        reservation("four", "t4", "4", kThursday, "21:00", 4)});
  auto a = make(v, booked);
  Decision d = a.assign(request("single", 1, "19:15"));
  CHECK_FALSE(d.accepted);  // only a move would seat one guest: refused
  CHECK(d.moved.empty());
  CHECK(find(a.day(), "couple")->table_id == Uuid("t2"));
  AssignOptions everyone;
  everyone.moves_from_party = 1;
  auto b = make(v, booked, everyone);
  Decision e = b.assign(request("single", 1, "19:15"));
  REQUIRE(e.accepted);
  CHECK(e.table_number == "2");
  REQUIRE(e.moved.size() == 1);
  CHECK(find(b.day(), "couple")->table_id == Uuid("t4"));
}

TEST_CASE("two-level moves: a blocker displaces one more party") {
  // 4 holds a couple, 2 holds a single; the four needs table 4: the couple
  // goes to 3 (a 2..3 table only free if the single there moves to 1).
  Venue v = only({table("t1", "1", 1, 1), table("t2", "2", 1, 2), table("t3", "3", 2, 3),
                  table("t4", "4", 3, 4)});
  auto a = make(v, day_of({reservation("c", "t4", "4", kThursday, "19:00", 2),
                           reservation("s", "t1", "1", kThursday, "19:00", 1),
                           reservation("p", "t2", "2", kThursday, "19:00", 2),
                           reservation("q", "t3", "3", kThursday, "19:00", 3)}));
  Decision d = a.assign(request("four", 4, "19:00"));
  CHECK_FALSE(d.accepted);  // every table is full at 19:00: nothing can make room
  // Without table 3: the couple can only go to 2, where a single sits; the
  // single goes on to 1.
  Venue w = only({table("t1", "1", 1, 1), table("t2", "2", 1, 2), table("t4", "4", 3, 4)});
  auto b = make(w, day_of({reservation("c", "t4", "4", kThursday, "19:00", 2),
                           reservation("s", "t2", "2", kThursday, "19:00", 1)}));
  Decision e = b.assign(request("four", 4, "19:00"));
  REQUIRE(e.accepted);
  CHECK(e.table_number == "4");
  CHECK(e.moved.size() == 2);
  CHECK(find(b.day(), "c")->table_id == Uuid("t2"));
  CHECK(find(b.day(), "s")->table_id == Uuid("t1"));
  AssignOptions shallow;
  shallow.max_move_depth = 1;
  auto c = make(w,
                day_of({reservation("c", "t4", "4", kThursday, "19:00", 2),
                        reservation("s", "t2", "2", kThursday, "19:00", 1)}),
                shallow);
  CHECK_FALSE(c.propose(request("four", 4, "19:00")).accepted);
  auto floor = Floor::build(w, &b.day());
  REQUIRE(floor.ok());
  for (const auto& r : b.day().reservations) {
    CHECK(
        conflicts_with(r, b.day().reservations, *floor, w.restaurant.settings, w.services).empty());
    const Table* t = floor->table(*r.table_id);
    CHECK(t->capacity_min <= r.party_size);
    CHECK(r.party_size <= t->capacity_max);
  }
}

TEST_CASE("a move search asks once for parties booked alike") {
  // 100 four-tops at 19:00: the first 99 hold parties of three with nowhere
  // else to go, the last a couple that the free two-top can take. Each three
  // asked on its own would cost 99 x 100 option checks; asked once for all,
  // the search reaches the couple well within a budget of 1000.
  std::vector<Table> tables{table("t2", "2", 1, 2)};
  std::vector<Reservation> booked;
  for (int i = 1; i <= 100; ++i) {
    std::string id = "f" + std::to_string(i), name = std::to_string(100 + i);
    tables.push_back(table(id, name, 2, 4));
    booked.push_back(
        reservation("r" + std::to_string(i), id, name, kThursday, "19:00", i == 100 ? 2 : 3));
  }
  AssignOptions tight;
  tight.search_budget = 1000;
  auto a = make(only(tables), day_of(booked), tight);
  Decision d = a.assign(request("four", 4, "19:00"));
  REQUIRE(d.accepted);
  CHECK(d.table_number == "200");
  REQUIRE(d.moved.size() == 1);
  CHECK(d.moved[0].reservation_id == "r100");
  CHECK(find(a.day(), "r100")->table_id == Uuid("t2"));
}

TEST_CASE("closed hours are refused with the time") {
  Venue v = venue();  // lunch 12:00-14:30, dinner 19:00-23:00 on Thursdays
  auto a = make(v);
  Decision d = a.propose(request("x", 2, "16:00"));
  CHECK_FALSE(d.accepted);
  CHECK(d.outcome == Outcome::Closed);
  CHECK(d.reason == "Refused: closed at 16:00 (no service)");
  CHECK(a.propose(request("y", 2, "12:30")).accepted);
  CHECK_FALSE(a.propose(request("z", 2, "00:30")).accepted);  // Thursday ends at 23:00
}

TEST_CASE("a past-midnight service seats its small hours") {
  Venue v = venue();  // Friday dinner 19:00-01:00
  DayBook d = day_of();
  d.date = kFriday;
  auto a = make(v, d);
  Decision late = a.assign(request("late", 2, "00:30", kFriday));
  REQUIRE(late.accepted);
  CHECK(late.reason.find("free 00:30\u201301:45") != std::string::npos);
  // A 23:30 party on the same table would overlap it (23:30-00:45 vs 00:30-01:45).
  AssignOptions o;
  o.allow_moves = false;
  Venue one = only({table("t1", "1", 1, 2)});
  one.services = v.services;
  auto b = make(one, d, o);
  REQUIRE(b.assign(request("late", 2, "00:30", kFriday)).accepted);
  CHECK_FALSE(b.assign(request("before", 2, "23:30", kFriday)).accepted);
  CHECK(b.assign(request("earlier", 2, "23:15", kFriday)).accepted);  // ends 00:30 exactly
}

TEST_CASE("pacing refusals carry the pacing reason") {
  Venue v = only({table("ta", "10", 1, 4), table("tb", "11", 1, 4), table("tc", "12", 1, 4)});
  v.restaurant.settings.max_covers_per_slot = 6;
  auto a = make(v, day_of({reservation("r1", "ta", "10", kThursday, "19:00", 4)}));
  Decision d = a.propose(request("x", 4, "19:05"));
  CHECK_FALSE(d.accepted);
  CHECK(d.outcome == Outcome::Pacing);
  CHECK(d.reason.rfind("Refused: pacing \u2014 ", 0) == 0);
  CHECK(d.reason.find("8 covers > 6") != std::string::npos);
  CHECK(a.propose(request("y", 2, "19:05")).accepted);  // 6 covers: at the limit
  CHECK(a.propose(request("z", 4, "19:15")).accepted);  // next slot
  AssignOptions o;
  o.check_pacing = false;
  CHECK(make(v, day_of({reservation("r1", "ta", "10", kThursday, "19:00", 4)}), o)
            .propose(request("x", 4, "19:05"))
            .accepted);
}

TEST_CASE("assign books the request and later requests see it") {
  Venue v = only({table("t4", "4", 1, 4)});
  auto a = make(v);
  SeatRequest r = request("first", 3, "19:00");
  r.duration = 60;
  REQUIRE(a.assign(r).accepted);
  const Reservation* booked = find(a.day(), "first");
  REQUIRE(booked);
  CHECK(booked->status == RS::Confirmed);
  CHECK(booked->duration == std::optional<int>(60));
  CHECK(booked->table_number == "4");
  CHECK_FALSE(a.assign(request("second", 2, "19:59")).accepted);
  CHECK(a.assign(request("third", 2, "20:00")).accepted);  // [19:00, 20:00) is over
  CHECK(a.propose(request("bad", 0, "20:00")).outcome == Outcome::Invalid);
}

TEST_CASE("suggest_table reports floor errors") {
  Venue v = only({table("t7", "7", 2, 4)});
  v.tables[0].capacity_overrides = {{"7+99", 6}};
  auto s = suggest_table(v, day_of(), request("x", 2, "19:00"));
  CHECK_FALSE(s.ok());
  CHECK(s.error().text().find("99") != std::string::npos);
}

TEST_CASE("moved_now: a move proposed earlier, checked against the reservation now") {
  Reservation r = reservation("couple", "t4", "4", kThursday, "19:00", 2);
  r.guest_name = "Dupont";
  const Move m{"couple", {"t4"}, {"t2"}, "4", "2"};
  auto ok = moved_now(r, m, Language::En);
  REQUIRE(ok.ok());
  CHECK(ok->table_id == Uuid("t2"));
  CHECK(ok->table_number == "2");
  CHECK(ok->time == r.time);

  Reservation seated = r;
  seated.status = RS::Seated;
  CHECK(moved_now(seated, m, Language::En).error().message ==
        "Dupont is Seated now and stays where it is");
  CHECK(moved_now(seated, m, Language::Fr).error().message ==
        "Dupont\u00a0: déjà " + std::string(status_name(Language::Fr, RS::Seated)) +
            ", reste à sa place");

  Reservation elsewhere = r;
  elsewhere.table_id = Uuid("t9");
  CHECK(moved_now(elsewhere, m, Language::En).error().message == "Dupont is no longer at table 4");
  CHECK(moved_now(elsewhere, m, Language::Fr).error().message == "Dupont n'est plus à la table 4");

  // A booking that held no table when the re-plan gave it one, seated by hand since.
  const Move seat{"couple", {}, {"t2"}, "", "2"};
  CHECK(moved_now(r, seat, Language::En).error().message == "Dupont has table 4 now");
  r.guest_name.clear();
  CHECK(moved_now(r, seat, Language::Fr).error().message == "le groupe a maintenant la table 4");
  r.table_id.reset();
  CHECK(moved_now(r, seat, Language::En)->table_id == Uuid("t2"));
  CHECK(moved_now(r, Move{"couple", {}, {}, "", ""}, Language::En).error().message ==
        "the proposal moves it to no table");
}
