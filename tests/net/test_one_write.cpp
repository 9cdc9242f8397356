// One write per intent: a command carries its id (the row it makes), and the
// same command again — a double tap, a retry, a replayed script — finds the
// row written and writes nothing more.
#include <doctest/doctest.h>

#include "fixtures.hpp"
#include "foh/net/outbox.hpp"
#include "foh/net/store.hpp"

using namespace foh;
using namespace foh::net;

namespace {
const Actor kServer{std::nullopt, Role::Server};

Date quiet() { return *Date::parse(fixture::kQuietDay); }
TimeOfDay at(const char* hhmm) { return *TimeOfDay::parse(hhmm); }

size_t rows_of(Cache& c, const char* table) { return c.rows_of_date(table, quiet()).size(); }

WaitlistEntry entry(const std::string& id, const std::string& name) {
  WaitlistEntry e;
  e.id = id;
  e.date = quiet();
  e.time = at("19:30");
  e.party_size = 4;
  e.guest_name = name;
  return e;
}
}  // namespace

TEST_CASE("a walk-in seated twice with one command id is one reservation on one table") {
  auto c = fixture::seeded_cache();
  Store s(*c);
  const Uuid id = new_uuid();
  auto first = s.seat_walk_in(4, fixture::pick("7"), quiet(), at("19:30"), kServer, "", {}, id);
  REQUIRE_MESSAGE(first.ok(), (first.ok() ? "" : first.error().text()));
  const int64_t queued = Outbox(*c).count();
  // The second tap: the engine would now propose another table; the id says it is the same party.
  auto again = s.seat_walk_in(4, fixture::pick("9"), quiet(), at("19:30"), kServer, "", {}, id);
  REQUIRE(again.ok());
  CHECK(again->id == id);
  CHECK(again->table_number == "7");
  CHECK(rows_of(*c, "reservations") == 1);
  CHECK(Outbox(*c).count() == queued);
  // A new command (a new id) is a new party.
  CHECK(s.seat_walk_in(2, fixture::pick("9"), quiet(), at("19:30"), kServer).ok());
  CHECK(rows_of(*c, "reservations") == 2);
}

TEST_CASE("a booking created twice with its id is saved once") {
  auto c = fixture::seeded_cache();
  Store s(*c);
  Reservation r = fixture::booking("7", "20:00", 2, "Martin");
  r.id = new_uuid();
  REQUIRE(s.create_reservation(r, kServer).ok());
  const auto before = fixture::snapshot(*c);
  auto again = s.create_reservation(r, kServer);
  REQUIRE(again.ok());
  CHECK(again->id == r.id);
  CHECK(fixture::snapshot(*c) == before);
}

TEST_CASE("seating a booked party twice at the same table writes the seat once") {
  auto c = fixture::seeded_cache();
  Store s(*c);
  auto booked = s.create_reservation(fixture::booking("7", "19:30", 2, "Dupont"), kServer);
  REQUIRE(booked.ok());
  REQUIRE(s.seat_reservation(booked->id, fixture::pick("7"), kServer).ok());
  const auto before = fixture::snapshot(*c);
  auto again = s.seat_reservation(booked->id, fixture::pick("7"), kServer);
  REQUIRE_MESSAGE(again.ok(), (again.ok() ? "" : again.error().text()));
  CHECK(again->status == ReservationStatus::Seated);
  CHECK(fixture::snapshot(*c) == before);
  CHECK(c->events_of(booked->id).size() == 3);  // created, arrived, seated: once each
}

TEST_CASE("a waitlist party seated twice with one command id is one reservation") {
  auto c = fixture::seeded_cache();
  Store s(*c);
  auto added = s.waitlist_add(entry(new_uuid(), "Queue"), kServer);
  REQUIRE(added.ok());
  const Uuid id = new_uuid();
  REQUIRE(s.waitlist_seat(added->id, fixture::pick("9"), at("19:40"), kServer, {}, id).ok());
  const auto before = fixture::snapshot(*c);
  auto again = s.waitlist_seat(added->id, fixture::pick("10"), at("19:40"), kServer, {}, id);
  REQUIRE(again.ok());
  CHECK(again->id == id);
  CHECK(again->table_number == "9");
  CHECK(fixture::snapshot(*c) == before);
}

TEST_CASE("waitlist add and kiosk join with their entry id queue the party once") {
  auto c = fixture::seeded_cache();
  Store s(*c);
  const Uuid added_id = new_uuid(), joined_id = new_uuid();
  auto added = s.waitlist_add(entry(added_id, "Hugo"), kServer);
  REQUIRE(added.ok());
  auto joined = s.kiosk_join(entry(joined_id, "Léa"));
  REQUIRE(joined.ok());
  const auto before = fixture::snapshot(*c);
  auto added_again = s.waitlist_add(entry(added_id, "Hugo"), kServer);
  auto joined_again = s.kiosk_join(entry(joined_id, "Léa"));
  REQUIRE(added_again.ok());
  REQUIRE(joined_again.ok());
  // The same entries, their place in the queue kept.
  CHECK(added_again->position_in_queue == added->position_in_queue);
  CHECK_FALSE(joined_again->position_in_queue);
  CHECK(fixture::snapshot(*c) == before);
  CHECK(rows_of(*c, "waitlist_entries") == 2);
}
