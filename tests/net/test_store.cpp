// Store commands: each checks the engine's rules against the cached day, then
// writes row(s) + outbox in one transaction; refusals write nothing.
#include <doctest/doctest.h>

#include "fixtures.hpp"
#include "foh/engine/codec.hpp"
#include "foh/net/outbox.hpp"
#include "foh/net/store.hpp"
#include "foh/net/sync_state.hpp"

using namespace foh;
using namespace foh::net;

namespace {
const Actor kServer{std::nullopt, Role::Server};
Actor manager() { return Actor{fixture::demo_venue().team_members[1].id, Role::Manager}; }
Date quiet() { return *Date::parse(fixture::kQuietDay); }
}  // namespace

TEST_CASE("creating a reservation writes the row, a provisional event and one outbox entry") {
  auto c = fixture::seeded_cache();
  fixture::ManualClock clock;
  Store s(*c, clock.fn());
  auto r = s.create_reservation(fixture::booking("7", "19:00", 4, "Martin"), manager());
  REQUIRE_MESSAGE(r.ok(), (r.ok() ? "" : r.error().text()));
  CHECK(r->id.size() == 36);
  CHECK(r->restaurant_id == fixture::demo_venue().restaurant.id);
  CHECK(r->created_by == manager().member_id);
  auto back = c->reservation(r->id);
  REQUIRE(back.ok());
  CHECK(back->guest_name == "Martin");
  auto out = Outbox(*c).entries();
  REQUIRE(out.size() == 1);
  CHECK(out[0].table == "reservations");
  CHECK(out[0].op == OutboxOp::Upsert);
  CHECK(out[0].row_id() == r->id);
  auto events = c->events_of(r->id);
  REQUIRE(events.size() == 1);
  CHECK(events[0].to_status == "Confirmed");
  CHECK(events[0].metadata.value("provisional", false));
}

TEST_CASE("an overlapping booking is refused with a reason, and nothing is written") {
  auto c = fixture::seeded_cache();
  Store s(*c);
  REQUIRE(s.create_reservation(fixture::booking("7", "19:00", 4, "Martin"), kServer).ok());
  auto clash = s.create_reservation(fixture::booking("7", "20:00", 2, "Dupont"), kServer);
  REQUIRE_FALSE(clash.ok());
  CHECK(clash.error().text().find("table 7 is taken 19:00-20:30 by Martin (4)") !=
        std::string::npos);
  // A combination holding table 7 is refused as well.
  Reservation combo = fixture::booking("7", "19:30", 6, "Leroy");
  combo.table_number = "7+8";
  CHECK_FALSE(s.create_reservation(combo, kServer).ok());
  CHECK(Outbox(*c).count() == 1);
  CHECK(c->load_day(quiet())->reservations.size() == 1);
  // After the first party's slot the table is free again.
  CHECK(s.create_reservation(fixture::booking("7", "20:30", 2, "Dupont"), kServer).ok());
  Reservation zero = fixture::booking("9", "12:00", 0);
  auto bad = s.create_reservation(zero, kServer);
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().text().find("party_size") != std::string::npos);
}

TEST_CASE("editing checks the overlap rule against everybody but itself") {
  auto c = fixture::seeded_cache();
  Store s(*c);
  auto a = s.create_reservation(fixture::booking("7", "19:00", 4, "A"), kServer);
  auto b = s.create_reservation(fixture::booking("8", "19:00", 4, "B"), kServer);
  REQUIRE(a.ok());
  REQUIRE(b.ok());
  Reservation moved = *a;
  moved.time = *TimeOfDay::parse("19:30");
  CHECK(s.update_reservation(moved, kServer).ok());  // overlaps only itself
  moved.table_id = b->table_id;
  moved.table_number = "8";
  CHECK_FALSE(s.update_reservation(moved, kServer).ok());
  moved = *a;
  moved.status = ReservationStatus::Seated;
  auto own = s.update_reservation(moved, kServer);  // status has its own action
  REQUIRE_FALSE(own.ok());
  CHECK(own.error().code == "status_own_action");  // the terminal words it by its code
}

TEST_CASE("status changes go through the engine and write row + event + outbox") {
  auto c = fixture::seeded_cache();
  Store s(*c);
  auto r = s.create_reservation(fixture::booking("7", "19:00", 4, "Martin"), kServer);
  REQUIRE(r.ok());
  auto arrived = s.change_status(r->id, ReservationStatus::Arrived, kServer, 3);
  REQUIRE_MESSAGE(arrived.ok(), (arrived.ok() ? "" : arrived.error().text()));
  CHECK(arrived->arrived_count == 3);
  auto seated = s.change_status(r->id, ReservationStatus::Seated, kServer);
  REQUIRE(seated.ok());
  CHECK(seated->seated_at.has_value());
  CHECK(c->reservation(r->id)->status == ReservationStatus::Seated);
  auto out = Outbox(*c).entries();
  REQUIRE(out.size() == 3);
  CHECK(out[2].op == OutboxOp::Status);
  CHECK(out[2].row["from"] == "Arrived");
  CHECK(out[2].row["to"] == "Seated");
  CHECK(out[2].row["patch"].contains("seated_at"));
  CHECK(c->events_of(r->id).size() == 3);
  auto illegal = s.change_status(r->id, ReservationStatus::Pending, kServer);
  REQUIRE_FALSE(illegal.ok());
  CHECK(Outbox(*c).entries().size() == 3);
}

TEST_CASE("undo of the last transition: managers only, back to the previous status") {
  auto c = fixture::seeded_cache();
  Store s(*c);
  auto r = s.create_reservation(fixture::booking("7", "19:00", 4), kServer);
  REQUIRE(r.ok());
  REQUIRE(s.change_status(r->id, ReservationStatus::Arrived, kServer).ok());
  CHECK_FALSE(s.undo_last_transition(r->id, kServer).ok());
  auto undone = s.undo_last_transition(r->id, manager());
  REQUIRE_MESSAGE(undone.ok(), (undone.ok() ? "" : undone.error().text()));
  CHECK(undone->status == ReservationStatus::Confirmed);
  CHECK(c->reservation(r->id)->status == ReservationStatus::Confirmed);
}

TEST_CASE("the engine's refusals reach the actor in the actor's language") {
  auto c = fixture::seeded_cache();
  Store s(*c);
  auto r = s.create_reservation(fixture::booking("7", "19:00", 4), kServer);
  REQUIRE(r.ok());
  Actor fr = manager();
  fr.language = Language::Fr;
  auto nothing = s.undo_last_transition(r->id, fr);  // only the creation: nothing to undo
  REQUIRE_FALSE(nothing.ok());
  CHECK(nothing.error().message == "impossible d'annuler la création d'une réservation");
  auto illegal = s.change_status(r->id, ReservationStatus::Completed, fr);
  REQUIRE_FALSE(illegal.ok());
  CHECK(illegal.error().message.find("impossible de passer") != std::string::npos);
  auto english = s.change_status(r->id, ReservationStatus::Completed, manager());
  REQUIRE_FALSE(english.ok());
  CHECK(english.error().message.find("cannot go from") != std::string::npos);
  CHECK(c->events_of(r->id).size() == 1);  // nothing written by the refusals
}

TEST_CASE("undoing a cancel is refused when the table was given away meanwhile") {
  auto c = fixture::seeded_cache();
  Store s(*c);
  auto r = s.create_reservation(fixture::booking("7", "19:00", 4, "A"), kServer);
  REQUIRE(r.ok());
  REQUIRE(s.change_status(r->id, ReservationStatus::Cancelled, manager()).ok());
  REQUIRE(s.create_reservation(fixture::booking("7", "19:00", 2, "B"), kServer).ok());
  auto undo = s.undo_last_transition(r->id, manager());
  REQUIRE_FALSE(undo.ok());
  CHECK(undo.error().text().find("taken") != std::string::npos);
  CHECK(c->reservation(r->id)->status == ReservationStatus::Cancelled);
}

TEST_CASE("a walk-in is seated now; a blocked table refuses it") {
  auto c = fixture::seeded_cache();
  Store s(*c);
  REQUIRE(s.set_table_blocked(fixture::table_named("9").id, quiet(), true, kServer).ok());
  auto refused =
      s.seat_walk_in(2, fixture::pick("9"), quiet(), *TimeOfDay::parse("20:00"), kServer);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().text().find("blocked") != std::string::npos);
  auto w = s.seat_walk_in(2, fixture::pick("10"), quiet(), *TimeOfDay::parse("20:00"), kServer);
  REQUIRE_MESSAGE(w.ok(), (w.ok() ? "" : w.error().text()));
  CHECK(w->status == ReservationStatus::Seated);
  CHECK(w->source == "Walk-in");
  CHECK(w->seated_at.has_value());
  auto day = c->load_day(quiet());
  REQUIRE(day->table_overrides.size() == 1);
  CHECK(day->table_overrides[0].is_blocked);
  REQUIRE(s.set_table_blocked(fixture::table_named("9").id, quiet(), false, kServer).ok());
  CHECK(c->load_day(quiet())->table_overrides.size() == 1);  // the same row, unblocked
  CHECK_FALSE(c->load_day(quiet())->table_overrides[0].is_blocked);
}

TEST_CASE("waitlist: staff add, notify, call, seat; kiosk joins wait for acceptance") {
  auto c = fixture::seeded_cache();
  Store s(*c);
  WaitlistEntry e;
  e.date = quiet();
  e.party_size = 2;
  e.guest_name = "Noé";
  auto added = s.waitlist_add(e, kServer);
  REQUIRE_MESSAGE(added.ok(), (added.ok() ? "" : added.error().text()));
  CHECK(added->position_in_queue == 1);
  CHECK(s.waitlist_notify(added->id, kServer)->status == WaitlistStatus::Notified);
  CHECK(s.waitlist_call(added->id, kServer)->called_at.has_value());
  auto seated = s.waitlist_seat(added->id, fixture::pick("9"), *TimeOfDay::parse("20:00"), kServer);
  REQUIRE_MESSAGE(seated.ok(), (seated.ok() ? "" : seated.error().text()));
  CHECK(seated->source == "Liste d'attente");
  CHECK(seated->guest_name == "Noé");
  auto day = c->load_day(quiet());
  CHECK(day->waitlist[0].status == WaitlistStatus::Converted);
  CHECK_FALSE(s.waitlist_expire(added->id, kServer).ok());  // closed

  WaitlistEntry k;
  k.date = quiet();
  k.party_size = 3;
  k.guest_name = "Kiosk guest";
  auto joined = s.kiosk_join(k);
  REQUIRE(joined.ok());
  CHECK_FALSE(joined->position_in_queue);
  CHECK(joined->extra.value("kiosk_pending", false) == true);
  CHECK(joined->status == WaitlistStatus::Waiting);
  CHECK_FALSE(s.waitlist_notify(joined->id, kServer).ok());  // not accepted yet
  auto accepted = s.waitlist_accept(joined->id, kServer);
  REQUIRE(accepted.ok());
  CHECK(accepted->extra.value("kiosk_pending", true) == false);  // no longer "to accept"
  CHECK(accepted->position_in_queue == 2);
  CHECK_FALSE(s.waitlist_accept(joined->id, kServer).ok());
  k.guest_name = "";
  CHECK_FALSE(s.kiosk_join(k).ok());
}

TEST_CASE("floor plan save: managers only, duplicate names and overlaps refused") {
  auto c = fixture::seeded_cache();
  Store s(*c);
  const Venue& v = fixture::demo_venue();
  const FloorPlan& plan = v.floor_plans.front();
  std::vector<Table> tables;
  for (const auto& t : v.tables)
    if (t.floor_plan_id == plan.id) tables.push_back(t);
  std::vector<Zone> zones;
  for (const auto& z : v.zones)
    if (z.floor_plan_id == plan.id) zones.push_back(z);
  CHECK_FALSE(s.save_floor_plan(plan, zones, tables, kServer).ok());
  auto dup = tables;
  dup[1].name = dup[0].name;
  auto refused = s.save_floor_plan(plan, zones, dup, manager());
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().text().find("duplicate") != std::string::npos);

  // The engine's overlap rule (geometry.hpp): one table stacked on another.
  auto stacked = tables;
  stacked[1].position_x = stacked[0].position_x + 5;
  stacked[1].position_y = stacked[0].position_y + 5;
  auto overlap = s.save_floor_plan(plan, zones, stacked, manager());
  REQUIRE_FALSE(overlap.ok());
  CHECK(overlap.error().text().find("overlaps table " + stacked[0].name) != std::string::npos);
  CHECK(Outbox(*c).count() == 0);

  auto moved = tables;
  moved[0].position_x += 500;
  Uuid removed_id = moved.back().id;
  moved.pop_back();
  auto saved = s.save_floor_plan(plan, zones, moved, manager());
  REQUIRE_MESSAGE(saved.ok(), (saved.ok() ? "" : saved.error().text()));
  CHECK(c->get_row("tables", moved[0].id)->at("position_x") == moved[0].position_x);
  CHECK_FALSE(c->get_row("tables", removed_id));
  bool delete_queued = false;
  for (const auto& e : Outbox(*c).entries())
    delete_queued |= e.op == OutboxOp::Delete && e.row_id() == removed_id;
  CHECK(delete_queued);
}

TEST_CASE("a conflict is resolved by the proposal, another table, or cancelling") {
  auto c = fixture::seeded_cache();
  Store s(*c);
  auto r = s.create_reservation(fixture::booking("7", "19:00", 2, "Loser"), kServer);
  REQUIRE(r.ok());
  int64_t seq = Outbox(*c).entries()[0].seq;
  // What sync does on a 23P01: the entry conflicted, a conflict with a proposal.
  REQUIRE(Outbox(*c).mark(seq, OutboxState::Conflicted, "23P01").ok());
  REQUIRE(SyncState(*c)
              .put_conflict({r->id, seq, "overlap",
                             TableChoice{{fixture::table_named("9").id}, "9", "free"}, ""})
              .ok());
  CHECK(s.conflicts().size() == 1);
  auto ok = s.resolve_accept_proposal(r->id, kServer);
  REQUIRE_MESSAGE(ok.ok(), (ok.ok() ? "" : ok.error().text()));
  CHECK(ok->table_number == "9");
  CHECK(s.conflicts().empty());
  auto e = Outbox(*c).entry(seq);
  REQUIRE(e);
  CHECK(e->state == OutboxState::Pending);
  CHECK(e->row["table_number"] == "9");
  CHECK(e->row["guest_name"] == "Loser");  // the guest's data stays

  REQUIRE(Outbox(*c).mark(seq, OutboxState::Conflicted, "23P01").ok());
  REQUIRE(SyncState(*c)
              .put_conflict({r->id, seq, "overlap", TableChoice{{}, "", "no free table"}, ""})
              .ok());
  CHECK_FALSE(s.resolve_accept_proposal(r->id, kServer).ok());  // nothing proposed
  CHECK(s.resolve_pick_table(r->id, fixture::pick("10"), kServer)->table_number == "10");

  REQUIRE(Outbox(*c).mark(seq, OutboxState::Conflicted, "23P01").ok());
  REQUIRE(SyncState(*c).put_conflict({r->id, seq, "overlap", std::nullopt, ""}).ok());
  CHECK_FALSE(s.resolve_cancel(r->id, kServer).ok());  // cancelling is a manager's
  auto cancelled = s.resolve_cancel(r->id, manager());
  REQUIRE(cancelled.ok());
  // A new booking the backend refused, now cancelled: kept here, never sent
  // (the database creates no booking Cancelled).
  CHECK_FALSE(Outbox(*c).entry(seq));
  CHECK(c->reservation(r->id)->status == ReservationStatus::Cancelled);
  CHECK(c->reservation(r->id)->guest_name == "Loser");
  CHECK(s.conflicts().empty());
}

TEST_CASE("a failed entry is retried only on request") {
  auto c = fixture::seeded_cache();
  Store s(*c);
  REQUIRE(s.create_reservation(fixture::booking("7", "19:00"), kServer).ok());
  int64_t seq = Outbox(*c).entries()[0].seq;
  CHECK_FALSE(s.retry_failed(seq).ok());
  REQUIRE(Outbox(*c).mark(seq, OutboxState::Failed, "400 22P02").ok());
  REQUIRE(s.retry_failed(seq).ok());
  CHECK(Outbox(*c).entry(seq)->state == OutboxState::Pending);
}
