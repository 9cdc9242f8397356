// Pushing against the real backend: edits that don't overwrite another
// terminal's newer change, batched upserts with one refused row, a status
// change in one call recognised when replayed, seating with moves.
#include <doctest/doctest.h>

#include "foh/net/outbox.hpp"
#include "foh/net/sync_state.hpp"
#include "terminal_fixture.hpp"

TEST_CASE("a stale copy's edit keeps the status another terminal set") {
  REQUIRE_BACKEND();
  fixture::TempDir dir;
  Terminal a(dir.file("a.db"), staff());
  Terminal b(dir.file("b.db"), staff());
  REQUIRE(a.round().ok());
  Date d = day_ahead(10);
  auto r = a.store.create_reservation(booking_on(d, "12", "19:00", "Both"), manager());
  REQUIRE(r.ok());
  REQUIRE(a.round().ok());
  REQUIRE(b.round().ok());  // b has it Confirmed
  REQUIRE(a.store.change_status(r->id, ReservationStatus::Arrived, manager(), 2).ok());
  REQUIRE(a.round().ok());
  // b has not pulled since: its copy is still Confirmed when it edits the notes.
  auto stale = b.cache->reservation(r->id);
  REQUIRE(stale.ok());
  REQUIRE(stale->status == ReservationStatus::Confirmed);
  stale->notes = "fauteuil roulant";
  REQUIRE(b.store.update_reservation(*stale, manager()).ok());
  REQUIRE(b.round().ok());
  Json row = server_rows("reservations", "id=eq." + r->id).at(0);
  CHECK(row["status"] == "Arrived");  // both changes survive
  CHECK(row["arrived_count"] == 2);
  CHECK(row["notes"] == "fauteuil roulant");
  CHECK(b.cache->reservation(r->id)->status == ReservationStatus::Arrived);
  REQUIRE(a.round().ok());
  CHECK(a.cache->reservation(r->id)->notes == "fauteuil roulant");
}

TEST_CASE("a batch of upserts with one overlapping row: the others arrive, that one waits") {
  REQUIRE_BACKEND();
  fixture::TempDir dir;
  Terminal a(dir.file("a.db"), staff());
  Terminal b(dir.file("b.db"), staff());
  REQUIRE(a.round().ok());
  REQUIRE(b.round().ok());
  Date d = day_ahead(11);
  REQUIRE(a.store.create_reservation(booking_on(d, "9", "20:00", "First"), manager()).ok());
  REQUIRE(a.round().ok());
  std::vector<Uuid> ids;
  for (const char* t : {"1", "2", "9", "3", "4"}) {  // b doesn't know table 9 is taken
    auto r =
        b.store.create_reservation(booking_on(d, t, "20:00", std::string("Batch ") + t), manager());
    REQUIRE(r.ok());
    ids.push_back(r->id);
  }
  REQUIRE(b.round().ok());
  CHECK(server_rows("reservations", "date=eq." + d.str()).size() == 5);
  auto c = SyncState(*b.cache).conflicts();
  REQUIRE(c.size() == 1);
  CHECK(c[0].reservation_id == ids[2]);
  CHECK(Outbox(*b.cache).count() == 1);
  CHECK(Outbox(*b.cache).count(OutboxState::Conflicted) == 1);
  CHECK(b.cache->reservation(ids[2])->guest_name == "Batch 9");  // nothing discarded
}

TEST_CASE("a status change is one call with its columns, and a replay is recognised") {
  REQUIRE_BACKEND();
  fixture::TempDir dir;
  Terminal t(dir.file("t.db"), staff());
  REQUIRE(t.round().ok());
  Date d = day_ahead(12);
  auto r = t.store.create_reservation(booking_on(d, "14", "19:00", "Replay"), manager());
  REQUIRE(r.ok());
  REQUIRE(t.round().ok());
  REQUIRE(t.store.change_status(r->id, ReservationStatus::Arrived, manager(), 1).ok());
  auto arrived = Outbox(*t.cache).entries();
  REQUIRE(arrived.size() == 1);
  REQUIRE(t.round().ok());
  REQUIRE(t.store.change_status(r->id, ReservationStatus::Seated, manager()).ok());
  REQUIRE(t.round().ok());
  // The Arrived push again, as if its answer had been lost: the reservation
  // is Seated by now, yet the backend knows the change by its event id.
  REQUIRE(Outbox(*t.cache)
              .enqueue("reservations", OutboxOp::Status, arrived[0].row, new_uuid(), "")
              .ok());
  REQUIRE(t.round().ok());
  CHECK(Outbox(*t.cache).count() == 0);
  Json row = server_rows("reservations", "id=eq." + r->id).at(0);
  CHECK(row["status"] == "Seated");
  CHECK(row["arrived_count"] == 1);
  CHECK_FALSE(row["seated_at"].is_null());
  CHECK(server_rows("reservation_events", "reservation_id=eq." + r->id).size() == 3);
  // The provisional events were replaced by the backend's, one each.
  auto events = t.cache->events_of(r->id);
  CHECK(events.size() == 3);
  for (const auto& e : events) CHECK_FALSE(e.metadata.value("provisional", false));
}

TEST_CASE("seating with moves arrives whole: the moved party first, then the seat") {
  REQUIRE_BACKEND();
  fixture::TempDir dir;
  Terminal a(dir.file("a.db"), staff());
  Terminal b(dir.file("b.db"), staff());
  REQUIRE(a.round().ok());
  Date d = day_ahead(13);
  auto holder = a.store.create_reservation(booking_on(d, "23", "19:00", "Holder"), manager());
  auto guest = a.store.create_reservation(booking_on(d, "24", "19:00", "Guest"), manager());
  REQUIRE(holder.ok());
  REQUIRE(guest.ok());
  REQUIRE(a.round().ok());
  Move m{holder->id, {*holder->table_id}, {fixture::table_named("10").id}, "23", "10"};
  auto seated = a.store.seat_reservation(guest->id, fixture::pick("23"), manager(), {m});
  REQUIRE_MESSAGE(seated.ok(), (seated.ok() ? "" : seated.error().text()));
  REQUIRE(a.round().ok());
  CHECK(Outbox(*a.cache).count() == 0);
  REQUIRE(b.round().ok());
  CHECK(b.cache->reservation(holder->id)->table_number == "10");
  CHECK(b.cache->reservation(guest->id)->table_number == "23");
  CHECK(b.cache->reservation(guest->id)->status == ReservationStatus::Seated);
}

TEST_CASE(
    "a cancel a Manager's PIN approved on a Server's session goes out with the Manager's token") {
  REQUIRE_BACKEND();
  const TeamMember& server = fixture::demo_venue().team_members[2];
  REQUIRE(server.role == Role::Server);
  fixture::TempDir dir;
  Terminal t(dir.file("t.db"),
             fixture::backend().staff_token(fixture::backend().restaurant_id, server.id));
  REQUIRE(t.round().ok());
  Date d = day_ahead(13);
  Actor by_server{server.id, Role::Server};
  auto alone = t.store.create_reservation(booking_on(d, "14", "19:00", "Alone"), by_server);
  auto approved = t.store.create_reservation(booking_on(d, "15", "19:00", "Approved"), by_server);
  REQUIRE(alone.ok());
  REQUIRE(approved.ok());
  REQUIRE(t.round().ok());

  // As the terminal records it: the manager who typed the PIN is the author.
  REQUIRE(t.store.change_status(alone->id, ReservationStatus::Cancelled, manager()).ok());
  REQUIRE(t.round().ok());
  // The Server's token may not cancel: refused by the database, kept, visible.
  CHECK(server_rows("reservations", "id=eq." + alone->id).at(0)["status"] == "Confirmed");
  CHECK(Outbox(*t.cache).count(OutboxState::Failed) == 1);

  t.sync.add_signer(manager_member().id, staff());
  REQUIRE(t.store.change_status(approved->id, ReservationStatus::Cancelled, manager()).ok());
  REQUIRE(t.round().ok());
  CHECK(server_rows("reservations", "id=eq." + approved->id).at(0)["status"] == "Cancelled");
  Json events = server_rows("reservation_events",
                            "reservation_id=eq." + approved->id + "&to_status=eq.Cancelled");
  REQUIRE(events.size() == 1);
  CHECK(events[0]["changed_by"] == manager_member().id);
}

TEST_CASE("a kiosk join reaches the backend pending, and a member's accept reaches it too") {
  REQUIRE_BACKEND();
  fixture::TempDir dir;
  // The entrance kiosk: the anon key, pushes only.
  auto kiosk_cache = std::move(Cache::open(dir.file("kiosk.db"))).value();
  Store kiosk_store(*kiosk_cache);
  MainQueue queue;
  SyncConfig kc = fixture::backend().sync_config(dir.file("kiosk.db"), "");
  kc.kiosk = true;
  Sync kiosk_sync(kc, queue);
  WaitlistEntry e;
  e.id = new_uuid();
  e.restaurant_id = fixture::backend().restaurant_id;
  e.guest_name = "Kiosque";
  e.guest_phone = "0611223344";
  e.party_size = 2;
  e.date = day_ahead(14);
  e.extra["consent"] = true;
  REQUIRE(kiosk_store.kiosk_join(e).ok());
  auto pushed = kiosk_sync.run_once();
  REQUIRE_MESSAGE(pushed.ok(), pushed.error().text());
  CHECK(Outbox(*kiosk_cache).count() == 0);
  Json row = server_rows("waitlist_entries", "id=eq." + e.id).at(0);
  CHECK(row["kiosk_pending"] == true);
  CHECK(row["status"] == "waiting");

  Terminal staff_terminal(dir.file("staff.db"), staff());
  REQUIRE(staff_terminal.round().ok());
  REQUIRE(staff_terminal.store.waitlist_accept(e.id, manager()).ok());
  REQUIRE(staff_terminal.round().ok());
  CHECK(server_rows("waitlist_entries", "id=eq." + e.id).at(0)["kiosk_pending"] == false);
}
