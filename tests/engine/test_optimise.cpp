// "Optimise tonight": the batch re-plan keeps Arrived/Seated parties, never
// drops or re-times a reservation, and seats more when it can.
#include <doctest/doctest.h>

#include <algorithm>

#include "fixtures.hpp"
#include "foh/engine/floor.hpp"
#include "foh/engine/optimise.hpp"
#include "foh/engine/rules.hpp"

using namespace foh;
using namespace foh::test;
using RS = ReservationStatus;

namespace {

Venue small() {
  Venue v = venue();
  v.tables = {table("t2", "2", 1, 2), table("t4", "4", 2, 4)};
  v.services.clear();
  return v;
}

SeatRequest request(std::string id, int party, std::string time) {
  SeatRequest r;
  r.id = std::move(id);
  r.party_size = party;
  r.date = kThursday;
  r.time = *TimeOfDay::parse(time);
  return r;
}

const Reservation* find(const DayBook& d, const std::string& id) {
  for (const auto& r : d.reservations)
    if (r.id == id) return &r;
  return nullptr;
}

}  // namespace

TEST_CASE("optimise moves a confirmed couple to seat a waiting four") {
  Venue v = small();
  DayBook d = day_of({reservation("couple", "t4", "4", kThursday, "19:00", 2)});
  auto out = optimise_day(v, d, {request("four", 4, "19:30")});
  REQUIRE(out.ok());
  CHECK(out->seated == std::vector<std::string>{"four"});
  CHECK(out->refused.empty());
  REQUIRE(out->moved.size() == 1);
  CHECK(out->moved[0].reservation_id == "couple");
  CHECK(out->moved[0].to_table_ids == std::vector<Uuid>{"t2"});
  const Reservation* couple = find(out->day, "couple");
  REQUIRE(couple);
  CHECK(couple->time == *TimeOfDay::parse("19:00"));
  CHECK(couple->party_size == 2);
  CHECK(find(out->day, "four")->table_id == Uuid("t4"));
  CHECK(out->covers_before == 2);
  CHECK(out->covers_after == 6);
  CHECK(out->reason["four"].rfind("Table 4 (4 seats", 0) == 0);
}

TEST_CASE("optimise seats a booking that holds no table, moving a couple for it") {
  Venue v = small();
  DayBook d = day_of({reservation("couple", "t4", "4", kThursday, "19:00", 2),
                      reservation("four", std::nullopt, "", kThursday, "19:30", 4)});
  auto out = optimise_day(v, d, {});
  REQUIRE(out.ok());
  CHECK(out->seated == std::vector<std::string>{"four"});
  REQUIRE(out->moved.size() == 1);  // the couple; the four held no table to move from
  CHECK(out->moved[0].reservation_id == "couple");
  CHECK(find(out->day, "four")->table_id == Uuid("t4"));
  CHECK(out->day.reservations.size() == 2);
  CHECK(out->covers_before == 2);
  CHECK(out->covers_after == 6);
}

TEST_CASE("optimise keeps Arrived and Seated parties where they are") {
  Venue v = small();
  for (RS status : {RS::Arrived, RS::Seated}) {
    DayBook d = day_of({reservation("couple", "t4", "4", kThursday, "19:00", 2, status)});
    auto out = optimise_day(v, d, {request("four", 4, "19:30")});
    REQUIRE(out.ok());
    CHECK(out->seated.empty());
    CHECK(out->refused == std::vector<std::string>{"four"});
    CHECK(out->moved.empty());
    CHECK(find(out->day, "couple")->table_id == Uuid("t4"));
    CHECK(find(out->day, "four") == nullptr);
    CHECK(out->reason["four"].find("No table or combination free for 4") == 0);
  }
}

TEST_CASE("optimise never drops a seated reservation, prefers more covers") {
  // One 4-top, two overlapping waiting parties (2 and 4) and an accepted
  // couple later on: the four is seated, the couple stays.
  Venue v = small();
  v.tables = {table("t4", "4", 1, 4)};
  DayBook d = day_of({reservation("late", "t4", "4", kThursday, "21:30", 2)});
  auto out = optimise_day(v, d, {request("two", 2, "19:00"), request("four", 4, "19:30")});
  REQUIRE(out.ok());
  CHECK(out->seated == std::vector<std::string>{"four"});
  CHECK(out->refused == std::vector<std::string>{"two"});
  CHECK(find(out->day, "late")->table_id == Uuid("t4"));
  CHECK(out->covers_after == 6);
}

TEST_CASE("optimise is deterministic for a seed and leaves the input untouched") {
  Venue v = venue();
  v.services.clear();
  DayBook d = day_of({});
  std::vector<SeatRequest> waiting;
  for (int i = 0; i < 40; ++i) {
    char t[8];
    std::snprintf(t, sizeof t, "%02d:%02d", 18 + (i * 7) % 4, (i * 15) % 60);
    waiting.push_back(request("w" + std::to_string(i), 1 + (i * 5) % 6, t));
  }
  auto a = optimise_day(v, d, waiting);
  auto b = optimise_day(v, d, waiting);
  REQUIRE(a.ok());
  REQUIRE(b.ok());
  CHECK(a->seated == b->seated);
  CHECK(a->covers_after == b->covers_after);
  REQUIRE(a->day.reservations.size() == b->day.reservations.size());
  for (size_t i = 0; i < a->day.reservations.size(); ++i)
    CHECK(a->day.reservations[i].table_number == b->day.reservations[i].table_number);
  CHECK(d.reservations.empty());
  auto floor = Floor::build(v, &a->day);
  REQUIRE(floor.ok());
  for (const auto& r : a->day.reservations)
    CHECK(
        conflicts_with(r, a->day.reservations, *floor, v.restaurant.settings, v.services).empty());
}
