// Tables joined for the day through net's Store (issue 13 item 5): the join
// is one row with its outbox entry, the engine then proposes the pair from
// the cached day, refusals write nothing, split and undo; the day's floor
// note is a Manager's.
#include <doctest/doctest.h>

#include "fixtures.hpp"
#include "foh/engine/assign.hpp"
#include "foh/engine/floor.hpp"
#include "foh/net/outbox.hpp"
#include "foh/net/store.hpp"

using namespace foh;
using namespace foh::net;

namespace {
const Actor kServer{std::nullopt, Role::Server};
Actor manager() { return Actor{fixture::demo_venue().team_members[1].id, Role::Manager}; }
Date quiet() { return *Date::parse(fixture::kQuietDay); }
Uuid id_of(const std::string& name) { return fixture::table_named(name).id; }

// The engine's proposal for a party of `party` at 20:00 on the quiet day, as
// the cache holds it.
Decision proposal(Cache& c, int party) {
  auto venue = c.load_venue();
  auto day = c.load_day(quiet());
  REQUIRE(venue.ok());
  REQUIRE(day.ok());
  SeatRequest r;
  r.id = "walk-in";
  r.party_size = party;
  r.date = quiet();
  r.time = *TimeOfDay::parse("20:00");
  auto d = suggest_table(*venue, *day, r);
  REQUIRE(d.ok());
  return *d;
}

std::string refusal(const Status& st) { return st ? std::string() : st.error().code; }
}  // namespace

TEST_CASE("day join: the Store writes one row, the engine proposes the pair, split takes it back") {
  auto c = fixture::seeded_cache();
  fixture::ManualClock clock;
  Store s(*c, clock.fn());
  // Every table but 2 and 3 (Salle principale, 20 apart, not declared as a
  // pair) blocked: a party of 4 has nowhere to go.
  for (const Table& t : fixture::demo_venue().tables)
    if (t.name != "2" && t.name != "3")
      REQUIRE(s.set_table_blocked(t.id, quiet(), true, kServer).ok());
  CHECK_FALSE(proposal(*c, 4).accepted);
  const int64_t outbox = static_cast<int64_t>(Outbox(*c).entries().size());

  REQUIRE(s.join_tables(id_of("2"), id_of("3"), quiet(), kServer).ok());
  auto out = Outbox(*c).entries();
  REQUIRE(static_cast<int64_t>(out.size()) == outbox + 1);
  CHECK(out.back().table == "daily_table_overrides");
  auto day = c->load_day(quiet());
  REQUIRE(day.ok());
  int joins = 0;
  for (const auto& o : day->table_overrides)
    if (o.joined_with) {
      ++joins;
      CHECK(o.table_id == id_of("2"));
      CHECK(*o.joined_with == id_of("3"));
    }
  CHECK(joins == 1);
  Decision d = proposal(*c, 4);
  REQUIRE(d.accepted);
  CHECK(d.table_number == "2+3");

  // Seated there, the pair cannot be split under the party.
  auto seated = s.seat_walk_in(4, d, quiet(), *TimeOfDay::parse("20:00"), kServer);
  REQUIRE_MESSAGE(seated.ok(), (seated.ok() ? "" : seated.error().text()));
  CHECK(seated->table_number == "2+3");
  auto before = fixture::snapshot(*c);
  auto busy = s.split_tables(id_of("3"), quiet(), kServer);
  REQUIRE_FALSE(busy.ok());
  CHECK(busy.error().code == "split_booked");
  CHECK(fixture::snapshot(*c) == before);
  REQUIRE(s.change_status(seated->id, ReservationStatus::Completed, kServer).ok());

  // Split from either table; then the engine no longer has the pair.
  auto partner = s.split_tables(id_of("3"), quiet(), kServer);
  REQUIRE_MESSAGE(partner.ok(), (partner.ok() ? "" : partner.error().text()));
  CHECK(*partner == id_of("2"));
  CHECK_FALSE(proposal(*c, 4).accepted);
  auto again = s.split_tables(id_of("3"), quiet(), kServer);
  REQUIRE_FALSE(again.ok());
  CHECK(again.error().code == "split_not_joined");
  CHECK(again.error().args == std::vector<std::string>{"3"});
  // The undo of the split: joined again, on the same row (32 blocks + 1).
  REQUIRE(s.join_tables(id_of("2"), id_of("3"), quiet(), kServer).ok());
  CHECK(proposal(*c, 4).table_number == "2+3");
  CHECK(c->load_day(quiet())->table_overrides.size() == fixture::demo_venue().tables.size() - 1);
}

TEST_CASE("day join: refusals name the tables and write nothing") {
  auto c = fixture::seeded_cache();
  Store s(*c);
  auto before = fixture::snapshot(*c);
  auto code = [&](const std::string& a, const std::string& b) {
    return refusal(s.join_tables(id_of(a), id_of(b), quiet(), kServer));
  };
  CHECK(code("3", "4") == "join_not_adjacent");  // 70 apart
  CHECK(code("7", "8") == "join_declared");
  CHECK(code("2", "30") == "join_other_plan");
  CHECK(code("2", "2") == "join_same_table");
  auto st = s.join_tables(id_of("3"), id_of("4"), quiet(), kServer);
  CHECK(st.error().args == std::vector<std::string>{"3", "4"});
  CHECK(fixture::snapshot(*c) == before);
  // A party seated at 3: not free; once it left, 2 and 3 join.
  auto seated = s.seat_walk_in(2, fixture::pick("3"), quiet(), *TimeOfDay::parse("20:00"), kServer);
  REQUIRE(seated.ok());
  before = fixture::snapshot(*c);
  CHECK(code("2", "3") == "join_taken");
  CHECK(fixture::snapshot(*c) == before);
  REQUIRE(s.change_status(seated->id, ReservationStatus::Completed, kServer).ok());
  REQUIRE(s.join_tables(id_of("2"), id_of("3"), quiet(), kServer).ok());
  // Joined once, a second join of one of its tables is refused.
  CHECK(code("3", "2") == "join_already");
}

TEST_CASE("day note: a Server's is refused, a Manager's is written and read back") {
  auto c = fixture::seeded_cache();
  Store s(*c);
  DailyFloorNote n;
  n.date = quiet();
  n.note = "Groupe de 12 à 20h, table 13";
  auto before = fixture::snapshot(*c);
  auto refused = s.save_floor_note(n, kServer);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().code == "floor_note_needs_manager");
  CHECK(fixture::snapshot(*c) == before);
  auto saved = s.save_floor_note(n, manager());
  REQUIRE(saved.ok());
  auto day = c->load_day(quiet());
  REQUIRE(day->floor_notes.size() == 1);
  CHECK(day->floor_notes[0].note == "Groupe de 12 à 20h, table 13");
  n = *saved;
  n.note = std::string(4001, 'x');
  CHECK(s.save_floor_note(n, manager()).error().code == "note_too_long");
}
