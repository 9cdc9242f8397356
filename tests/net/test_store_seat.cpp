// Seating with the moves an engine proposal makes (one transaction, or
// nothing), the waitlist cancel, and edits that queue only what changed.
#include <doctest/doctest.h>

#include "fixtures.hpp"
#include "foh/engine/codec.hpp"
#include "foh/net/outbox.hpp"
#include "foh/net/store.hpp"

using namespace foh;
using namespace foh::net;

namespace {
const Actor kServer{std::nullopt, Role::Server};

using fixture::move_to;
using fixture::snapshot;
}  // namespace

TEST_CASE("seating a booked party with moves: the moves, the table and both steps in one go") {
  auto c = fixture::seeded_cache();
  Store s(*c);
  auto holder = s.create_reservation(fixture::booking("7", "19:00", 2, "Holder"), kServer);
  auto guest = s.create_reservation(fixture::booking("9", "19:00", 4, "Guest"), kServer);
  REQUIRE(holder.ok());
  REQUIRE(guest.ok());
  int64_t queued = Outbox(*c).count();
  auto seated =
      s.seat_reservation(guest->id, fixture::pick("7"), kServer, {move_to(*holder, "10")});
  REQUIRE_MESSAGE(seated.ok(), (seated.ok() ? "" : seated.error().text()));
  CHECK(seated->status == ReservationStatus::Seated);
  CHECK(seated->table_number == "7");
  CHECK(c->reservation(holder->id)->table_number == "10");
  CHECK(c->reservation(holder->id)->time == holder->time);  // never its time or party
  CHECK(c->reservation(guest->id)->status == ReservationStatus::Seated);
  auto out = Outbox(*c).entries();
  REQUIRE(out.size() == static_cast<size_t>(queued) + 3);
  const OutboxEntry& move = out[queued];
  CHECK(move.op == OutboxOp::Patch);
  CHECK(move.row_id() == holder->id);
  CHECK(move.row.size() == 3);  // id, table_id, table_number: nothing else is overwritten
  CHECK(move.row["table_number"] == "10");
  CHECK(out[queued + 1].op == OutboxOp::Status);
  CHECK(out[queued + 1].row["to"] == "Arrived");
  CHECK(out[queued + 1].row["patch"]["table_number"] == "7");  // the table travels with the status
  CHECK(out[queued + 2].row["to"] == "Seated");
  CHECK(out[queued + 2].row["patch"].contains("seated_at"));
  CHECK_FALSE(out[queued + 2].row.value("event_id", "").empty());
  CHECK(c->events_of(guest->id).size() == 3);
}

TEST_CASE("a stale proposal is refused and nothing is written") {
  auto c = fixture::seeded_cache();
  Store s(*c);
  auto holder = s.create_reservation(fixture::booking("7", "19:00", 2, "Holder"), kServer);
  auto other = s.create_reservation(fixture::booking("10", "19:00", 2, "Other"), kServer);
  REQUIRE(holder.ok());
  REQUIRE(other.ok());
  auto before = snapshot(*c);
  // Moved onto a table that is taken: refused by the overlap rule.
  auto taken =
      s.seat_walk_in(2, fixture::pick("7"), *Date::parse(fixture::kQuietDay),
                     *TimeOfDay::parse("19:00"), kServer, "Walk", {move_to(*holder, "10")});
  REQUIRE_FALSE(taken.ok());
  CHECK(taken.error().text().find("taken") != std::string::npos);
  CHECK(snapshot(*c) == before);
  // The party to move arrived meanwhile: it stays where it is.
  REQUIRE(s.change_status(holder->id, ReservationStatus::Arrived, kServer).ok());
  before = snapshot(*c);
  auto arrived =
      s.seat_walk_in(2, fixture::pick("7"), *Date::parse(fixture::kQuietDay),
                     *TimeOfDay::parse("19:00"), kServer, "Walk", {move_to(*holder, "9")});
  REQUIRE_FALSE(arrived.ok());
  CHECK(arrived.error().text().find("Arrived") != std::string::npos);
  CHECK(snapshot(*c) == before);
  // Moved elsewhere since the proposal was made.
  Move stale = move_to(*other, "9");
  stale.from_table_ids = {fixture::table_named("8").id};
  stale.from_table_number = "8";
  CHECK_FALSE(
      s.create_reservation(fixture::booking("10", "19:00", 2, "New"), kServer, {stale}).ok());
  CHECK(snapshot(*c) == before);
}

TEST_CASE("a walk-in and a waitlist party seated with a move") {
  auto c = fixture::seeded_cache();
  Store s(*c);
  auto holder = s.create_reservation(fixture::booking("7", "20:00", 2, "Holder"), kServer);
  REQUIRE(holder.ok());
  auto walk = s.seat_walk_in(2, fixture::pick("7"), *Date::parse(fixture::kQuietDay),
                             *TimeOfDay::parse("19:30"), kServer, "Walk", {move_to(*holder, "9")});
  REQUIRE_MESSAGE(walk.ok(), (walk.ok() ? "" : walk.error().text()));
  CHECK(c->reservation(holder->id)->table_number == "9");
  WaitlistEntry e;
  e.date = *Date::parse(fixture::kQuietDay);
  e.party_size = 2;
  e.guest_name = "Queue";
  auto added = s.waitlist_add(e, kServer);
  REQUIRE(added.ok());
  auto seated = s.waitlist_seat(added->id, fixture::pick("9"), *TimeOfDay::parse("19:30"), kServer,
                                {move_to(*c->reservation(holder->id), "10")});
  REQUIRE_MESSAGE(seated.ok(), (seated.ok() ? "" : seated.error().text()));
  CHECK(c->reservation(holder->id)->table_number == "10");
  auto out = Outbox(*c).entries();
  CHECK(out.back().op == OutboxOp::Patch);  // the entry: only its status changed
  CHECK(out.back().row["status"] == "converted");
}

TEST_CASE("cancel_waitlist: cancelled, one patch queued; closed entries refuse") {
  auto c = fixture::seeded_cache();
  Store s(*c);
  WaitlistEntry e;
  e.date = *Date::parse(fixture::kQuietDay);
  e.party_size = 3;
  e.guest_name = "Partie";
  auto added = s.waitlist_add(e, kServer);
  REQUIRE(added.ok());
  auto cancelled = s.cancel_waitlist(added->id, kServer);
  REQUIRE_MESSAGE(cancelled.ok(), (cancelled.ok() ? "" : cancelled.error().text()));
  CHECK(cancelled->status == WaitlistStatus::Cancelled);
  CHECK(c->load_day(e.date)->waitlist[0].status == WaitlistStatus::Cancelled);
  auto out = Outbox(*c).entries();
  REQUIRE(out.size() == 2);
  CHECK(out[1].op == OutboxOp::Patch);
  CHECK(out[1].row == Json{{"id", added->id}, {"status", "cancelled"}});
  CHECK_FALSE(s.cancel_waitlist(added->id, kServer).ok());  // closed
  CHECK(Outbox(*c).count() == 2);
  // A kiosk join nobody accepted can be cancelled too.
  auto joined = s.kiosk_join(e);
  REQUIRE(joined.ok());
  CHECK(s.cancel_waitlist(joined->id, kServer).ok());
}

TEST_CASE("an edit queues only the columns it changed") {
  auto c = fixture::seeded_cache();
  Store s(*c);
  auto r = s.create_reservation(fixture::booking("7", "19:00", 2, "Martin"), kServer);
  REQUIRE(r.ok());
  Reservation edited = *r;
  edited.notes = "allergie noix";
  REQUIRE(s.update_reservation(edited, kServer).ok());
  auto out = Outbox(*c).entries();
  REQUIRE(out.size() == 2);
  CHECK(out[1].op == OutboxOp::Patch);
  CHECK(out[1].row == Json{{"id", r->id}, {"notes", "allergie noix"}});
  CHECK(c->reservation(r->id)->notes == "allergie noix");
  // Saving it unchanged queues nothing.
  REQUIRE(s.update_reservation(*c->reservation(r->id), kServer).ok());
  CHECK(Outbox(*c).count() == 2);
}
