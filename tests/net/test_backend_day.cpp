// Tables joined for the day, synced through the real backend (issue 13 item
// 5): a Server's terminal joins two tables, another terminal's engine then has
// the pair as a combination and books a party on it; the split waits until
// that party is gone, and reaches the other terminal too.
#include <doctest/doctest.h>

#include "backend_fixture.hpp"
#include "fixtures.hpp"
#include "foh/engine/floor.hpp"
#include "foh/net/outbox.hpp"
#include "foh/net/store.hpp"
#include "foh/net/sync.hpp"
#include "foh/net/sync_state.hpp"
#include "terminal_fixture.hpp"

namespace {

// The day's combinations made by a join, as `t`'s engine sees them.
std::vector<std::string> joined_pairs(Terminal& t, Date d) {
  auto venue = t.cache->load_venue();
  auto day = t.cache->load_day(d);
  REQUIRE(venue.ok());
  REQUIRE(day.ok());
  auto floor = Floor::build(*venue, &*day);
  REQUIRE(floor.ok());
  std::vector<std::string> out;
  for (const Combination& c : floor->combinations())
    if (c.daily) out.push_back(c.key + ":" + std::to_string(c.seats));
  return out;
}

}  // namespace

TEST_CASE("a join made on one terminal is a combination on another; the split follows") {
  REQUIRE_BACKEND();
  fixture::TempDir dir;
  const TeamMember& lea = fixture::demo_venue().team_members[2];  // a Server
  REQUIRE(lea.role == Role::Server);
  Terminal host(dir.file("host.db"),
                fixture::backend().staff_token(fixture::backend().restaurant_id, lea.id));
  Terminal other(dir.file("other.db"), staff());
  REQUIRE(host.round().ok());
  REQUIRE(other.round().ok());
  const Date d = day_ahead(4);
  const Actor server{lea.id, Role::Server};
  const Uuid t2 = fixture::table_named("2").id, t3 = fixture::table_named("3").id;

  REQUIRE(host.store.join_tables(t2, t3, d, server).ok());
  REQUIRE(host.round().ok());
  CHECK(Outbox(*host.cache).count() == 0);
  CHECK(SyncState(*host.cache).conflicts().empty());
  CHECK(
      server_rows("daily_table_overrides", "date=eq." + d.str() + "&joined_with=eq." + t3).size() ==
      1);
  REQUIRE(other.round().ok());
  CHECK(joined_pairs(other, d) == std::vector<std::string>{"2+3:4"});

  // The other terminal books a party of 4 on the pair; the backend takes it.
  Reservation r = booking_on(d, "2", "20:00", "Paire");
  r.party_size = 4;
  r.table_number = "2+3";
  auto booked = other.store.create_reservation(r, manager());
  REQUIRE_MESSAGE(booked.ok(), (booked.ok() ? "" : booked.error().text()));
  REQUIRE(other.round().ok());
  CHECK(SyncState(*other.cache).conflicts().empty());
  REQUIRE(host.round().ok());
  auto early = host.store.split_tables(t3, d, server);
  REQUIRE_FALSE(early.ok());
  CHECK(early.error().code == "split_booked");

  REQUIRE(other.store.change_status(booked->id, ReservationStatus::Cancelled, manager()).ok());
  REQUIRE(other.round().ok());
  REQUIRE(host.round().ok());
  auto split = host.store.split_tables(t3, d, server);
  REQUIRE_MESSAGE(split.ok(), (split.ok() ? "" : split.error().text()));
  REQUIRE(host.round().ok());
  CHECK(Outbox(*host.cache).count() == 0);
  REQUIRE(other.round().ok());
  CHECK(joined_pairs(other, d).empty());
  CHECK(server_rows("daily_table_overrides", "date=eq." + d.str() + "&joined_with=not.is.null")
            .empty());
}
