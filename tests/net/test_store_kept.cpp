// The Store keeps the decoded venue and days between commands (store_kept):
// every change the file sees reaches the next command's check, whoever made
// it: the Store itself, another connection, or this connection outside it.
#include <doctest/doctest.h>

#include "fixtures.hpp"
#include "foh/engine/codec.hpp"
#include "foh/net/store.hpp"

using namespace foh;
using namespace foh::net;

namespace {
const Actor kManager{std::nullopt, Role::Manager};

std::string refusal(const Result<Reservation>& r) { return r.ok() ? "" : r.error().text(); }
}  // namespace

TEST_CASE("kept days: a booking another connection committed is seen by the next command") {
  fixture::TempDir dir;
  auto c = fixture::seeded_cache(dir.file("cache.sqlite"));
  Store s(*c);
  REQUIRE(s.create_reservation(fixture::booking("7", "19:00", 2, "First"), kManager).ok());
  // The sync thread's connection: a booking pulled (or made) elsewhere.
  auto other = Cache::open(dir.file("cache.sqlite"));
  REQUIRE(other.ok());
  Reservation pulled = fixture::booking("9", "19:00", 2, "Pulled");
  pulled.id = new_uuid();
  pulled.restaurant_id = fixture::demo_venue().restaurant.id;
  REQUIRE((*other)->put_row("reservations", encode(pulled)).ok());
  auto clash = s.create_reservation(fixture::booking("9", "19:30", 2, "Late"), kManager);
  REQUIRE_FALSE(clash.ok());
  CHECK(refusal(clash).find("Pulled") != std::string::npos);
}

TEST_CASE("kept days: a row written through the same connection outside the Store is seen") {
  auto c = fixture::seeded_cache();
  Store s(*c);
  REQUIRE(s.create_reservation(fixture::booking("7", "19:00", 2, "First"), kManager).ok());
  Reservation direct = fixture::booking("10", "19:00", 2, "Direct");
  direct.id = new_uuid();
  direct.restaurant_id = fixture::demo_venue().restaurant.id;
  REQUIRE(c->put_row("reservations", encode(direct)).ok());
  auto clash = s.create_reservation(fixture::booking("10", "20:00", 2, "Late"), kManager);
  REQUIRE_FALSE(clash.ok());
  CHECK(refusal(clash).find("Direct") != std::string::npos);
}

TEST_CASE("kept days: the Store's own writes are in the next check") {
  auto c = fixture::seeded_cache();
  Store s(*c);
  auto first = s.create_reservation(fixture::booking("7", "19:00", 2, "First"), kManager);
  REQUIRE(first.ok());
  // Booked: the table is taken for the next command.
  auto clash = s.create_reservation(fixture::booking("7", "19:30", 2, "Second"), kManager);
  REQUIRE_FALSE(clash.ok());
  CHECK(refusal(clash).find("First") != std::string::npos);
  // Cancelled: free again.
  REQUIRE(s.change_status(first->id, ReservationStatus::Cancelled, kManager).ok());
  auto again = s.create_reservation(fixture::booking("7", "19:30", 2, "Third"), kManager);
  CHECK_MESSAGE(again.ok(), refusal(again));
  // Moved to the next day by an edit: it holds table 7 there, no longer here.
  Reservation moved = *again;
  moved.date = moved.date.plus_days(1);
  REQUIRE(s.update_reservation(moved, kManager).ok());
  CHECK(s.create_reservation(fixture::booking("7", "19:00", 2, "Fourth"), kManager).ok());
  Reservation next_day = fixture::booking("7", "19:00", 2, "Fifth");
  next_day.date = moved.date;
  CHECK_FALSE(s.create_reservation(next_day, kManager).ok());
}

TEST_CASE("kept days: a table blocked for the day is refused at once") {
  auto c = fixture::seeded_cache();
  Store s(*c);
  REQUIRE(s.create_reservation(fixture::booking("7", "12:00", 2, "Lunch"), kManager).ok());
  const Date day = *Date::parse(fixture::kQuietDay);
  REQUIRE(s.set_table_blocked(fixture::table_named("12").id, day, true, kManager).ok());
  CHECK_FALSE(s.create_reservation(fixture::booking("12", "19:00"), kManager).ok());
  REQUIRE(s.set_table_blocked(fixture::table_named("12").id, day, false, kManager).ok());
  CHECK(s.create_reservation(fixture::booking("12", "19:00"), kManager).ok());
}
