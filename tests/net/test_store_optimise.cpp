// "Optimise tonight" applied: the moves of a day's re-plan in one
// transaction, or nothing when any is stale or clashes; managers only.
#include <doctest/doctest.h>

#include <algorithm>

#include "fixtures.hpp"
#include "foh/engine/codec.hpp"
#include "foh/engine/optimise.hpp"
#include "foh/net/outbox.hpp"
#include "foh/net/store.hpp"

using namespace foh;
using namespace foh::net;

namespace {
const Actor kServer{std::nullopt, Role::Server};

Actor manager() { return Actor{fixture::demo_venue().team_members[1].id, Role::Manager}; }

using fixture::move_to;
using fixture::snapshot;

// A reservation that holds no table yet, seated by the re-plan.
Move seat_at(const Reservation& r, const std::string& to) {
  return Move{r.id, {}, {fixture::table_named(to).id}, "", to};
}

Reservation tableless(const std::string& hhmm, int party, const std::string& guest) {
  Reservation r = fixture::booking("7", hhmm, party, guest);
  r.table_id.reset();
  r.table_number.clear();
  return r;
}

// A host puts the party on table `to` by hand (an edit, not a proposal).
void put_by_hand(Store& s, Cache& c, const Uuid& id, const std::string& to) {
  Reservation r = *c.reservation(id);
  r.table_id = fixture::table_named(to).id;
  r.table_number = to;
  REQUIRE(s.update_reservation(r, kServer).ok());
}

std::string error_of(const Result<int>& r) { return r.ok() ? "" : r.error().text(); }
}  // namespace

TEST_CASE("apply_moves: every move and seat of the re-plan, one patch each") {
  auto c = fixture::seeded_cache();
  Store s(*c);
  auto a = s.create_reservation(fixture::booking("7", "19:00", 2, "Aubert"), kServer);
  auto b = s.create_reservation(fixture::booking("9", "19:00", 2, "Blanc"), kServer);
  auto n = s.create_reservation(tableless("19:00", 4, "Nadal"), kServer);
  REQUIRE(a.ok());
  REQUIRE(b.ok());
  REQUIRE_MESSAGE(n.ok(), (n.ok() ? "" : n.error().text()));
  const int64_t queued = Outbox(*c).count();
  auto none = s.apply_moves({}, manager());
  REQUIRE(none.ok());
  CHECK(*none == 0);
  CHECK(Outbox(*c).count() == queued);
  // Blanc takes Aubert's table 7 as Aubert leaves it: checked all together.
  auto done = s.apply_moves({move_to(*a, "10"), move_to(*b, "7"), seat_at(*n, "9")}, manager());
  REQUIRE_MESSAGE(done.ok(), error_of(done));
  CHECK(*done == 3);
  CHECK(c->reservation(a->id)->table_number == "10");
  CHECK(c->reservation(b->id)->table_number == "7");
  CHECK(c->reservation(n->id)->table_id == fixture::table_named("9").id);
  CHECK(c->reservation(n->id)->time == n->time);  // never its time or party
  auto out = Outbox(*c).entries();
  REQUIRE(out.size() == static_cast<size_t>(queued) + 3);
  for (size_t i = queued; i < out.size(); ++i) {
    CHECK(out[i].op == OutboxOp::Patch);
    CHECK(out[i].row.size() == 3);  // id, table_id, table_number: nothing else overwritten
  }
  CHECK(out[queued].row["table_number"] == "10");
  CHECK(out[queued + 2].row["id"] == n->id);
}

TEST_CASE("apply_moves: one stale move refuses the whole re-plan, nothing written") {
  auto c = fixture::seeded_cache();
  Store s(*c);
  auto a = s.create_reservation(fixture::booking("7", "19:00", 2, "Aubert"), kServer);
  auto b = s.create_reservation(fixture::booking("9", "19:00", 2, "Blanc"), kServer);
  auto n = s.create_reservation(tableless("19:00", 2, "Nadal"), kServer);
  REQUIRE((a.ok() && b.ok() && n.ok()));
  // Planned before Blanc was seated, Aubert moved and Nadal given a table.
  const std::vector<Move> plan = {move_to(*a, "10"), move_to(*b, "14")};
  REQUIRE(s.seat_reservation(b->id, fixture::pick("9"), kServer).ok());
  auto before = snapshot(*c);
  auto seated = s.apply_moves(plan, manager());
  REQUIRE_FALSE(seated.ok());
  CHECK(seated.error().text().find("Blanc is Seated now") != std::string::npos);
  CHECK(snapshot(*c) == before);
  // Aubert moved to 8 by hand since: no longer at table 7.
  put_by_hand(s, *c, a->id, "8");
  before = snapshot(*c);
  auto moved = s.apply_moves({seat_at(*n, "15"), move_to(*a, "10")}, manager());
  REQUIRE_FALSE(moved.ok());
  CHECK(moved.error().text().find("no longer at table 7") != std::string::npos);
  Actor french = manager();
  french.language = Language::Fr;  // the refusal in the manager's language
  auto refused = s.apply_moves({move_to(*a, "10")}, french);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().message == "Aubert n'est plus à la table 7");
  CHECK(snapshot(*c) == before);
  // Nadal got a table meanwhile: the plan's seat for it is stale too.
  put_by_hand(s, *c, n->id, "12");
  before = snapshot(*c);
  auto late = s.apply_moves({seat_at(*n, "15")}, manager());
  REQUIRE_FALSE(late.ok());
  CHECK(late.error().text().find("has table 12") != std::string::npos);
  CHECK(snapshot(*c) == before);
}

TEST_CASE("apply_moves: servers and the kiosk are refused; a taken table is refused") {
  auto c = fixture::seeded_cache();
  Store s(*c);
  auto a = s.create_reservation(fixture::booking("7", "19:00", 2, "Aubert"), kServer);
  auto b = s.create_reservation(fixture::booking("10", "19:30", 2, "Blanc"), kServer);
  REQUIRE((a.ok() && b.ok()));
  auto before = snapshot(*c);
  auto server = s.apply_moves({move_to(*a, "9")}, Actor{fixture::demo_venue().team_members[2].id});
  REQUIRE_FALSE(server.ok());
  CHECK(server.error().text().find("a Server may not") != std::string::npos);
  auto kiosk = s.apply_moves({move_to(*a, "9")}, kServer);
  REQUIRE_FALSE(kiosk.ok());
  CHECK(kiosk.error().text().find("the kiosk may not") != std::string::npos);
  CHECK(snapshot(*c) == before);
  auto twice = s.apply_moves({move_to(*a, "9"), move_to(*a, "14")}, manager());
  REQUIRE_FALSE(twice.ok());
  CHECK(twice.error().text().find("moved twice") != std::string::npos);
  // Table 10 holds Blanc from 19:30: Aubert's 19:00 couple would overlap.
  auto clash = s.apply_moves({move_to(*a, "10")}, manager());
  REQUIRE_FALSE(clash.ok());
  CHECK(clash.error().text().find("taken") != std::string::npos);
  CHECK(clash.error().text().find("Blanc") != std::string::npos);
  CHECK(snapshot(*c) == before);
}

// The whole flow below the terminal: optimise_day on the cached day, its moves
// (and the tableless party it seats) applied, the cache holding the new tables.
TEST_CASE("optimise_day then apply_moves: a four off the 6-top, the six seated on it") {
  Venue venue = fixture::demo_venue();
  std::erase_if(venue.tables, [](const Table& t) { return t.name != "27" && t.name != "9"; });
  auto c = Cache::open(":memory:");
  REQUIRE(c.ok());
  REQUIRE((*c)->seed(venue, nullptr).ok());
  Store s(**c);
  // Table 27 seats 4-6, table 9 seats 2-4: the four sits where only the six fits.
  auto four = s.create_reservation(fixture::booking("27", "19:00", 4, "Four"), kServer);
  auto six = s.create_reservation(tableless("19:00", 6, "Six"), kServer);
  REQUIRE((four.ok() && six.ok()));
  auto day = (*c)->load_day(six->date);
  REQUIRE(day.ok());
  auto plan = optimise_day(*(*c)->load_venue(), *day, {});
  REQUIRE_MESSAGE(plan.ok(), (plan.ok() ? "" : plan.error().text()));
  REQUIRE(plan->moved.size() == 1);
  CHECK(plan->moved[0].to_table_number == "9");
  REQUIRE(plan->seated == std::vector<Uuid>{six->id});
  std::vector<Move> moves = plan->moved;
  for (const Reservation& r : plan->day.reservations)
    if (r.id == six->id) moves.push_back(Move{r.id, {}, {*r.table_id}, "", r.table_number});
  auto done = s.apply_moves(moves, manager());
  REQUIRE_MESSAGE(done.ok(), error_of(done));
  CHECK(*done == 2);
  CHECK((*c)->reservation(four->id)->table_number == "9");
  CHECK((*c)->reservation(six->id)->table_number == "27");
  CHECK(plan->covers_after == plan->covers_before + 6);
}
