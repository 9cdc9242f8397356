// Against the real backend on loopback (tools/backend/local.sh): pull, round
// trips, two terminals racing, the backend stopped mid-service, late commits,
// tokens, online PIN login.
#include <doctest/doctest.h>

#include <thread>

#include "backend_fixture.hpp"
#include "fixtures.hpp"
#include "foh/engine/codec.hpp"
#include "foh/net/login.hpp"
#include "foh/net/outbox.hpp"
#include "foh/net/rest.hpp"
#include "foh/net/store.hpp"
#include "foh/net/sync.hpp"
#include "foh/net/sync_state.hpp"
#include "terminal_fixture.hpp"

using namespace foh;
using namespace foh::net;

TEST_CASE("an empty cache pulls the demo restaurant and its day") {
  REQUIRE_BACKEND();
  fixture::TempDir dir;
  Terminal t(dir.file("t.db"), staff());
  REQUIRE(t.round().ok());
  auto v = t.cache->load_venue();
  REQUIRE_MESSAGE(v.ok(), (v.ok() ? "" : v.error().text()));
  CHECK(v->tables.size() == fixture::demo_venue().tables.size());
  CHECK(v->team_members.size() == fixture::demo_venue().team_members.size());
  auto d = t.cache->load_day(fixture::demo_day().date);
  REQUIRE(d.ok());
  CHECK(d->reservations.size() == fixture::demo_day().reservations.size());
  CHECK(t.sync.status().state == Connectivity::Online);
  // A second pull with nothing new stores nothing new.
  int64_t before = t.sync.status().rows_pulled;
  REQUIRE(t.round().ok());
  CHECK(t.sync.status().rows_pulled - before < 50);
}

TEST_CASE("round trips of every entity the terminal writes") {
  REQUIRE_BACKEND();
  fixture::TempDir dir;
  Terminal a(dir.file("a.db"), staff());
  Terminal b(dir.file("b.db"), staff());
  REQUIRE(a.round().ok());
  Date d = day_ahead(1);
  auto r = a.store.create_reservation(booking_on(d, "12", "19:00", "Round Trip"), manager());
  REQUIRE(r.ok());
  REQUIRE(a.store.change_status(r->id, ReservationStatus::Arrived, manager(), 2).ok());
  REQUIRE(a.store.change_status(r->id, ReservationStatus::Seated, manager()).ok());
  auto walk =
      a.store.seat_walk_in(2, fixture::pick("13"), d, *TimeOfDay::parse("20:00"), manager());
  REQUIRE(walk.ok());
  REQUIRE(a.store.set_table_blocked(fixture::table_named("14").id, d, true, manager()).ok());
  DailyExtraTable x;
  x.floor_plan_id = fixture::demo_venue().floor_plans[0].id;
  x.date = d;
  x.name = "X1";
  REQUIRE(a.store.save_extra_table(x, manager()).ok());
  DailyFloorNote n;
  n.date = d;
  n.note = "Anniversaire table 12";
  REQUIRE(a.store.save_floor_note(n, manager()).ok());
  WaitlistEntry w;
  w.date = d;
  w.party_size = 4;
  w.guest_name = "Queue";
  auto we = a.store.waitlist_add(w, manager());
  REQUIRE(we.ok());
  REQUIRE(a.store.waitlist_notify(we->id, manager()).ok());
  auto venue = a.cache->load_venue();
  REQUIRE(venue.ok());
  const FloorPlan& plan = venue->floor_plans[0];
  std::vector<Table> tables;
  std::vector<Zone> zones;
  for (const auto& t : venue->tables)
    if (t.floor_plan_id == plan.id) tables.push_back(t);
  for (const auto& z : venue->zones)
    if (z.floor_plan_id == plan.id) zones.push_back(z);
  tables[0].position_x += 7;
  REQUIRE(a.store.save_floor_plan(plan, zones, tables, manager()).ok());

  REQUIRE(a.round().ok());
  CHECK(Outbox(*a.cache).count() == 0);
  CHECK(SyncState(*a.cache).conflicts().empty());
  REQUIRE(b.round().ok());
  auto bd = b.cache->load_day(d);
  REQUIRE(bd.ok());
  auto got = b.cache->reservation(r->id);
  REQUIRE(got.ok());
  CHECK(got->status == ReservationStatus::Seated);
  CHECK(got->arrived_count == 2);
  CHECK(got->seated_at.has_value());
  CHECK(got->guest_name == "Round Trip");
  CHECK(b.cache->reservation(walk->id)->source == "Walk-in");
  REQUIRE(bd->table_overrides.size() == 1);
  CHECK(bd->table_overrides[0].is_blocked);
  CHECK(bd->extra_tables.size() == 1);
  CHECK(bd->floor_notes.size() == 1);
  REQUIRE(bd->waitlist.size() == 1);
  CHECK(bd->waitlist[0].status == WaitlistStatus::Notified);
  CHECK(b.cache->get_row("tables", tables[0].id)->at("position_x") == tables[0].position_x);
  // The backend's trigger wrote the audit trail, once per change.
  auto events = b.cache->events_of(r->id);
  REQUIRE(events.size() == 3);
  CHECK(events[1].to_status == "Arrived");
  CHECK(events[2].to_status == "Seated");
  // A's provisional events were replaced by the backend's.
  for (const auto& e : a.cache->events_of(r->id))
    CHECK_FALSE(e.metadata.value("provisional", false));
  CHECK(a.cache->events_of(r->id).size() == 3);
}

TEST_CASE("two terminals race for one table: one wins, the other gets a conflict and a proposal") {
  REQUIRE_BACKEND();
  fixture::TempDir dir;
  Terminal a(dir.file("a.db"), staff());
  Terminal b(dir.file("b.db"), staff());
  REQUIRE(a.round().ok());
  REQUIRE(b.round().ok());
  Date d = day_ahead(2);
  auto ra = a.store.create_reservation(booking_on(d, "9", "20:00", "Alpha"), manager());
  auto rb = b.store.create_reservation(booking_on(d, "9", "20:00", "Bravo"), manager());
  REQUIRE(ra.ok());
  REQUIRE(rb.ok());  // each terminal alone saw a free table
  // What the rounds answer depends on which pushed first; the conflicts tell.
  std::thread ta([&] { (void)a.round(); });
  std::thread tb([&] { (void)b.round(); });
  ta.join();
  tb.join();
  (void)a.round();
  (void)b.round();
  int conflicts = static_cast<int>(SyncState(*a.cache).conflicts().size() +
                                   SyncState(*b.cache).conflicts().size());
  CHECK(conflicts == 1);
  Json on_server = server_rows("reservations", "date=eq." + d.str() + "&table_number=eq.9");
  CHECK(on_server.size() == 1);
  Terminal& loser = SyncState(*a.cache).conflicts().empty() ? b : a;
  auto c = SyncState(*loser.cache).conflicts();
  REQUIRE(c.size() == 1);
  REQUIRE(c[0].proposal);
  CHECK_FALSE(c[0].proposal->table_ids.empty());
  CHECK_FALSE(c[0].proposal->reason.empty());
  CHECK(loser.cache->reservation(c[0].reservation_id).ok());  // the guest's data stays
  CHECK(loser.sync.status().conflicts == 1);
  auto fixed = loser.store.resolve_accept_proposal(c[0].reservation_id, manager());
  REQUIRE_MESSAGE(fixed.ok(), (fixed.ok() ? "" : fixed.error().text()));
  REQUIRE(loser.round().ok());
  CHECK(SyncState(*loser.cache).conflicts().empty());
  CHECK(Outbox(*loser.cache).count() == 0);
  CHECK(server_rows("reservations", "date=eq." + d.str()).size() == 2);
}

TEST_CASE("backend stopped mid-service: writes go on locally, then arrive exactly once, in order") {
  REQUIRE_BACKEND();
  fixture::TempDir dir;
  Terminal t(dir.file("t.db"), staff());
  REQUIRE(t.round().ok());
  fixture::backend().stop_gateway();
  struct Restart {
    ~Restart() { fixture::backend().start_gateway(); }
  } restart_even_on_failure;
  Date d = day_ahead(3);
  std::vector<Uuid> ids;
  const char* tables[] = {"1", "2", "3", "4", "5"};
  for (const char* name : tables) {
    auto r = t.store.create_reservation(
        booking_on(d, name, "19:30", std::string("Offline ") + name), manager());
    REQUIRE(r.ok());
    ids.push_back(r->id);
    REQUIRE(t.store.change_status(r->id, ReservationStatus::Arrived, manager()).ok());
    REQUIRE(t.store.change_status(r->id, ReservationStatus::Seated, manager()).ok());
  }
  CHECK_FALSE(t.round().ok());
  CHECK(t.sync.status().state == Connectivity::Offline);
  CHECK(t.sync.status().outbox_length == 15);
  CHECK(t.cache->load_day(d)->reservations.size() == 5);  // the floor goes on
  fixture::backend().start_gateway();
  REQUIRE(t.round().ok());
  CHECK(Outbox(*t.cache).count() == 0);
  Json rows = server_rows("reservations", "date=eq." + d.str());
  CHECK(rows.size() == 5);
  for (const auto& id : ids) {
    Json ev = server_rows("reservation_events",
                          "reservation_id=eq." + id + "&order=created_at.asc,id.asc");
    REQUIRE(ev.size() == 3);
    CHECK(ev[0]["to_status"] == "Confirmed");
    CHECK(ev[1]["to_status"] == "Arrived");
    CHECK(ev[2]["to_status"] == "Seated");
  }
  // A replayed status change (lost acknowledgement) writes no second event.
  Json replay = {{"id", ids[0]},
                 {"from", "Arrived"},
                 {"to", "Seated"},
                 {"metadata", Json::object()},
                 {"patch", Json::object()}};
  REQUIRE(Outbox(*t.cache).enqueue("reservations", OutboxOp::Status, replay, new_uuid(), "").ok());
  REQUIRE(t.round().ok());
  CHECK(server_rows("reservation_events", "reservation_id=eq." + ids[0]).size() == 3);
}

TEST_CASE("a row committed late with an older stamp is still pulled") {
  REQUIRE_BACKEND();
  fixture::TempDir dir;
  Terminal t(dir.file("t.db"), staff());
  REQUIRE(t.round().ok());
  const Reservation& victim = fixture::demo_day().reservations.front();
  // A slow transaction writes first (older updated_at/sync_seq) and commits last.
  std::thread slow([&] {
    fixture::backend().psql("BEGIN; UPDATE reservations SET notes = 'late commit' WHERE id = '" +
                            victim.id + "'; SELECT pg_sleep(2); COMMIT;");
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(700));
  auto r =
      t.store.create_reservation(booking_on(day_ahead(4), "20", "12:00", "Meanwhile"), manager());
  REQUIRE(r.ok());
  REQUIRE(t.round().ok());  // pulls past the slow row's sync_seq while it is uncommitted
  CHECK(t.cache->reservation(victim.id)->notes != "late commit");
  slow.join();
  REQUIRE(t.round().ok());
  CHECK(t.cache->reservation(victim.id)->notes == "late commit");
}

TEST_CASE("expired and forged tokens get 401 and ask for a login; restaurants are apart") {
  REQUIRE_BACKEND();
  fixture::TempDir dir;
  auto expired =
      fixture::backend().staff_token(fixture::backend().restaurant_id, manager_member().id, -60);
  Terminal t(dir.file("t.db"), expired);
  CHECK_FALSE(t.round().ok());
  CHECK(t.sync.status().state == Connectivity::LoginRequired);
  t.sync.set_bearer(
      fixture::backend().token_signed_with(std::string(64, 'a'), fixture::backend().restaurant_id));
  CHECK_FALSE(t.round().ok());
  CHECK(t.sync.status().state == Connectivity::LoginRequired);
  t.sync.set_bearer(staff());
  REQUIRE(t.round().ok());
  CHECK(t.sync.status().state == Connectivity::Online);

  // A token of another restaurant reads nothing of this one and cannot write to it.
  RestConfig c;
  c.base_url = fixture::backend().url;
  c.api_key = fixture::backend().anon_key;
  c.bearer = fixture::backend().staff_token(new_uuid(), new_uuid());
  RestClient other(c);
  auto read = other.get("/rest/v1/reservations?select=id&limit=5");
  REQUIRE(read.ok());
  CHECK(read.body.empty());
  Reservation r = booking_on(day_ahead(5), "21", "19:00", "Intruder");
  r.id = new_uuid();
  r.restaurant_id = fixture::backend().restaurant_id;
  auto write = other.post("/rest/v1/reservations", encode(r), {"Prefer: return=representation"});
  CHECK_FALSE(write.ok());
  CHECK(write.error.kind == RestErrorKind::Http);
  CHECK(server_rows("reservations", "id=eq." + r.id).empty());
}

TEST_CASE("a member's token expires: pulls go on with the terminal's login, pushes wait") {
  REQUIRE_BACKEND();
  fixture::TempDir dir;
  // The terminal's own login (local.sh's registered terminal: no member, long-lived).
  const std::string device = fixture::backend().device_token;
  Terminal t(dir.file("t.db"), device), other(dir.file("o.db"), staff());
  REQUIRE(t.round().ok());
  REQUIRE(other.round().ok());
  t.sync.set_bearer(
      fixture::backend().staff_token(fixture::backend().restaurant_id, manager_member().id, -60));
  Date d = day_ahead(7);
  auto mine = t.store.create_reservation(booking_on(d, "12", "19:00", "Waits For PIN"), manager());
  REQUIRE(mine.ok());
  CHECK_FALSE(t.round().ok());  // the push meets the expired token
  CHECK(t.sync.status().state == Connectivity::LoginRequired);

  auto theirs =
      other.store.create_reservation(booking_on(d, "13", "19:00", "Elsewhere"), manager());
  REQUIRE(theirs.ok());
  REQUIRE(other.round().ok());
  REQUIRE(t.round().ok());  // pulled as the terminal
  CHECK(t.cache->reservation(theirs->id).ok());
  CHECK(Outbox(*t.cache).count() > 0);  // its own booking waits: no member to name
  CHECK(server_rows("reservations", "id=eq." + mine->id).empty());
  CHECK(t.sync.status().state == Connectivity::LoginRequired);

  t.sync.set_bearer(staff());  // the next PIN login
  REQUIRE(t.round().ok());
  CHECK(Outbox(*t.cache).count() == 0);
  CHECK(server_rows("reservations", "id=eq." + mine->id).size() == 1);
  CHECK(t.sync.status().state == Connectivity::Online);
}

TEST_CASE("online PIN login returns the member and a token that syncs") {
  REQUIRE_BACKEND();
  fixture::TempDir dir;
  Terminal t(dir.file("t.db"), fixture::backend().anon_key);
  RestConfig c;
  c.base_url = fixture::backend().url;
  c.api_key = fixture::backend().anon_key;
  c.bearer = fixture::backend().device_token;  // pin-login takes the terminal's login only
  RestClient rest(c);
  PinLogin login(*t.cache, {}, &rest, fixture::backend().restaurant_id);
  auto now = std::chrono::system_clock::now();
  CHECK_FALSE(login.login(manager_member().id, "0000", now).ok());
  CHECK(login.failures() == 1);
  auto s = login.login(manager_member().id, "2468", now);
  REQUIRE_MESSAGE(s.ok(), (s.ok() ? "" : s.error().text()));
  CHECK(s->online);
  CHECK_FALSE(s->token.empty());
  CHECK(s->member.role == Role::Manager);
  CHECK(login.failures() == 0);
  t.sync.set_bearer(s->token);
  REQUIRE(t.round().ok());
  CHECK(t.cache->has_venue());
}

TEST_CASE("the device pulls the PIN hashes through team_member_pins; a member's pull keeps them") {
  REQUIRE_BACKEND();
  fixture::TempDir dir;
  Terminal t(dir.file("t.db"), fixture::backend().device_token);
  REQUIRE(t.round().ok());
  const Uuid id = manager_member().id;
  auto cached = t.cache->get_row("team_members", id);
  REQUIRE(cached);
  const std::string hash = cached->value("pin", "");
  CHECK(hash.rfind("pbkdf2-sha256$", 0) == 0);
  CHECK_FALSE(cached->value("pin_salt", "").empty());

  // A member's token pulls the member again (its row changed), without the hash.
  t.sync.set_bearer(staff());
  const std::string email = "pins-merge@comptoir-des-halles.example.com";
  fixture::backend().psql("UPDATE team_members SET email = '" + email + "' WHERE id = '" + id +
                          "'");
  REQUIRE(t.round().ok());
  cached = t.cache->get_row("team_members", id);
  REQUIRE(cached);
  CHECK(cached->value("email", "") == email);  // pulled again
  CHECK(cached->value("pin", "") == hash);     // and its hash kept

  // So the terminal still logs its staff in offline.
  PinLogin offline(*t.cache, {});
  auto s = offline.login(id, "2468", std::chrono::system_clock::now());
  CHECK_MESSAGE(s.ok(), (s.ok() ? "" : s.error().text()));
}
