// Sync against a misbehaving server: every failure shows as a clear error in
// the sync status, nothing crashes, nothing in the outbox is lost.
#include <doctest/doctest.h>

#include <thread>

#include "fake_server.hpp"
#include "fixtures.hpp"
#include "foh/engine/codec.hpp"
#include "foh/engine/pin.hpp"
#include "foh/net/login.hpp"
#include "foh/net/outbox.hpp"
#include "foh/net/store.hpp"
#include "foh/net/sync.hpp"
#include "foh/net/sync_state.hpp"

using namespace foh;
using namespace foh::net;
using fixture::Mode;

namespace {
SyncConfig sync_config(const fixture::FakeServer& s, const std::string& path) {
  SyncConfig c;
  c.rest.base_url = s.url();
  c.rest.api_key = "anon";
  c.rest.total_timeout_ms = 2500;  // a loaded CI machine takes ~1 s to build the 50 MB answer
  c.rest.connect_timeout_ms = 1000;
  c.rest.max_attempts = 1;  // retries are the REST client's tests
  c.rest.backoff_base_ms = 5;
  c.restaurant_id = fixture::demo_venue().restaurant.id;
  c.cache_path = path;
  c.poll_interval_ms = 50;
  return c;
}
}  // namespace

TEST_CASE("each misbehaviour is a clear sync error and the outbox stays whole") {
  fixture::TempDir dir;
  auto cache = fixture::seeded_cache(dir.file("c.db"));
  Store store(*cache);
  for (const char* t : {"7", "8", "9"})
    REQUIRE(store.create_reservation(fixture::booking(t, "19:00"), Actor{}).ok());
  fixture::FakeServer s;
  MainQueue q;
  Sync sync(sync_config(s, dir.file("c.db")), q);
  struct Case {
    Mode mode;
    const char* expect;
  };
  for (Case c : {Case{Mode::Error500, "500"}, Case{Mode::Hang, "network"},
                 Case{Mode::Malformed, "malformed JSON"}, Case{Mode::Huge, "larger than 16 MB"},
                 Case{Mode::WrongType, "content type"}}) {
    s.mode = c.mode;
    CHECK_FALSE(sync.run_once().ok());
    SyncStatus st = sync.status();
    CHECK(st.state == Connectivity::Offline);
    CHECK_MESSAGE(st.last_error.find(c.expect) != std::string::npos, st.last_error);
    CHECK(st.outbox_length == 3);
    CHECK(Outbox(*cache).count(OutboxState::Pending) == 3);
  }
  s.mode = Mode::Ok;
  REQUIRE(sync.run_once().ok());
  CHECK(sync.status().state == Connectivity::Online);
  CHECK(sync.status().last_error.empty());
  CHECK(Outbox(*cache).count() == 0);
  CHECK(cache->load_day(*Date::parse(fixture::kQuietDay))->reservations.size() == 3);
}

TEST_CASE("an expired or forged token: 401 -> login required until a new token") {
  fixture::TempDir dir;
  auto cache = fixture::seeded_cache(dir.file("c.db"));
  Store store(*cache);
  REQUIRE(store.create_reservation(fixture::booking("7", "19:00"), Actor{}).ok());
  fixture::FakeServer s;
  MainQueue q;
  Sync sync(sync_config(s, dir.file("c.db")), q);
  s.mode = Mode::Unauthorized;
  CHECK_FALSE(sync.run_once().ok());
  CHECK(sync.status().state == Connectivity::LoginRequired);
  CHECK(s.hits == 1);  // never retried
  s.mode = Mode::Ok;
  CHECK_FALSE(sync.run_once().ok());  // still waiting for a login
  CHECK(Outbox(*cache).count() == 1);
  sync.set_bearer("fresh-token");
  REQUIRE(sync.run_once().ok());
  CHECK(s.last_authorization == "Bearer fresh-token");
  CHECK(Outbox(*cache).count() == 0);
}

TEST_CASE("a member's token expires: the terminal's own login pulls, pushes wait for a login") {
  fixture::TempDir dir;
  auto cache = fixture::seeded_cache(dir.file("c.db"));
  fixture::FakeServer s;
  MainQueue q;
  SyncConfig c = sync_config(s, dir.file("c.db"));
  c.rest.bearer = "device-token";
  Sync sync(c, q);
  REQUIRE(sync.run_once().ok());  // the terminal's own login has synced
  sync.set_bearer("member-token");
  s.refuse("member-token");
  Store store(*cache);
  REQUIRE(store.create_reservation(fixture::booking("7", "19:00"), Actor{}).ok());
  CHECK_FALSE(sync.run_once().ok());  // the push meets the expired token
  CHECK(sync.status().state == Connectivity::LoginRequired);
  CHECK_MESSAGE(sync.status().last_error.find("login expired") != std::string::npos,
                sync.status().last_error);

  std::string pulled_before = sync.status().last_success;
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));  // last_success has seconds
  REQUIRE(sync.run_once().ok());                                 // pulled as the terminal
  CHECK(s.last_authorization == "Bearer device-token");
  CHECK(sync.status().state == Connectivity::LoginRequired);
  CHECK(sync.status().last_success != pulled_before);
  CHECK(sync.status().outbox_length == 1);  // its booking waits: no member to name

  s.refuse("device-token");  // the terminal's own login refused too
  CHECK_FALSE(sync.run_once().ok());
  CHECK_MESSAGE(sync.status().last_error.find("JWT expired") != std::string::npos,
                sync.status().last_error);
  int hits = s.hits;
  CHECK_FALSE(sync.run_once().ok());  // nothing is sent until a login
  CHECK(s.hits == hits);
  CHECK(sync.status().state == Connectivity::LoginRequired);

  sync.set_bearer("fresh-token");
  REQUIRE(sync.run_once().ok());
  CHECK(sync.status().state == Connectivity::Online);
  CHECK(sync.status().last_error.empty());
  CHECK(sync.status().outbox_length == 0);
}

TEST_CASE("a rejected write is kept: 23P01 conflicted, another 4xx failed, later changes wait") {
  fixture::TempDir dir;
  auto cache = fixture::seeded_cache(dir.file("c.db"));
  Store store(*cache);
  auto r = store.create_reservation(fixture::booking("7", "19:00"), Actor{});
  REQUIRE(r.ok());
  REQUIRE(store.change_status(r->id, ReservationStatus::Arrived, Actor{}).ok());
  fixture::FakeServer s;
  MainQueue q;
  Sync sync(sync_config(s, dir.file("c.db")), q);
  s.mode = Mode::Overlap;
  (void)sync.push_once();  // the conflict shows in the outbox, checked next
  CHECK(Outbox(*cache).count(OutboxState::Conflicted) == 1);
  CHECK(Outbox(*cache).count(OutboxState::Pending) == 1);  // the status change waits behind it
  CHECK(s.hits == 1);
  auto conflicts = SyncState(*cache).conflicts();
  REQUIRE(conflicts.size() == 1);
  CHECK(conflicts[0].reservation_id == r->id);
  CHECK(conflicts[0].message.find("table 7") != std::string::npos);
  CHECK(cache->reservation(r->id).ok());  // the guest's data stays

  auto w = store.create_reservation(fixture::booking("9", "19:00"), Actor{});
  REQUIRE(w.ok());
  s.mode = Mode::BadRequest;
  s.hits = 0;
  (void)sync.push_once();  // the refusal shows in the outbox, checked next
  CHECK(s.hits == 1);      // only the new entry was tried
  CHECK(Outbox(*cache).count(OutboxState::Failed) == 1);
  CHECK(Outbox(*cache)
            .entry(Outbox(*cache).entries(OutboxState::Failed)[0].seq)
            ->last_error.find("22P02") != std::string::npos);
}

TEST_CASE("consecutive upserts go out as one array POST; a refused one is found entry by entry") {
  fixture::TempDir dir;
  auto cache = fixture::seeded_cache(dir.file("c.db"));
  Store store(*cache);
  for (const char* t : {"7", "8", "9"})
    REQUIRE(store.create_reservation(fixture::booking(t, "19:00"), Actor{}).ok());
  fixture::FakeServer s;
  MainQueue q;
  Sync sync(sync_config(s, dir.file("c.db")), q);
  s.mode = Mode::Overlap;  // the whole statement is refused: then one request per entry
  (void)sync.push_once();  // the conflicts show in the outbox, checked next
  CHECK(s.hits == 1 + 3);
  CHECK(Outbox(*cache).count(OutboxState::Conflicted) == 3);
  CHECK(SyncState(*cache).conflicts().size() == 3);
  for (const char* t : {"10", "11", "12"})
    REQUIRE(store.create_reservation(fixture::booking(t, "19:00", 4), Actor{}).ok());
  s.mode = Mode::Ok;
  s.hits = 0;
  REQUIRE(sync.push_once().ok());
  CHECK(s.hits == 1);
  CHECK(Outbox(*cache).count(OutboxState::Pending) == 0);
  CHECK(Outbox(*cache).count() == 3);  // the conflicted ones wait for a host
}

TEST_CASE("retryable failures are retried by the sync thread itself, with backoff") {
  fixture::TempDir dir;
  auto cache = fixture::seeded_cache(dir.file("c.db"));
  Store store(*cache);
  REQUIRE(store.create_reservation(fixture::booking("7", "19:00"), Actor{}).ok());
  fixture::FakeServer s;
  s.mode = Mode::Error500;
  MainQueue q;
  SyncConfig cfg = sync_config(s, dir.file("c.db"));
  cfg.poll_interval_ms = 20;
  cfg.retry_base_ms = 100;
  cfg.retry_max_ms = 400;
  Sync sync(cfg, q);
  REQUIRE(sync.start().ok());
  std::this_thread::sleep_for(std::chrono::milliseconds(1200));
  // Every 20 ms would be ~60 rounds; backing off 100, 200, 400, 400... ms
  // (half of each random) leaves a handful.
  int tried = s.hits;
  CHECK(tried >= 3);
  CHECK(tried <= 12);
  CHECK(Outbox(*cache).count(OutboxState::Pending) == 1);
  CHECK(Outbox(*cache).entries()[0].attempts >= 2);
  s.mode = Mode::Ok;  // the backend is back: no host action needed
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while ((Outbox(*cache).count() > 0 || sync.status().state != Connectivity::Online) &&
         std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  CHECK(Outbox(*cache).count() == 0);
  CHECK(sync.status().state == Connectivity::Online);
  sync.stop();
}

TEST_CASE("the sync thread reports through the main-thread queue and stops promptly") {
  fixture::TempDir dir;
  auto cache = fixture::seeded_cache(dir.file("c.db"));
  fixture::FakeServer s;
  MainQueue q;
  int statuses = 0;
  SyncEvents ev;
  ev.on_status = [&](const SyncStatus&) { ++statuses; };
  Sync sync(sync_config(s, dir.file("c.db")), q, ev);
  REQUIRE(sync.start().ok());
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (statuses < 2 && std::chrono::steady_clock::now() < deadline) {
    q.drain();  // what the UI does each frame
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  CHECK(statuses >= 2);
  s.mode = Mode::Hang;
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  auto t0 = std::chrono::steady_clock::now();
  sync.stop();
  CHECK(std::chrono::steady_clock::now() - t0 < std::chrono::seconds(1));
  s.mode = Mode::Ok;
}

namespace {
// An unsigned JWT with these claims: the terminal only reads them (the backend verifies).
std::string fake_jwt(const Json& claims) {
  static const char* abc = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::string in = claims.dump(), out;
  int bits = 0;
  uint32_t acc = 0;
  for (unsigned char ch : in) {
    acc = (acc << 8) | ch;
    for (bits += 8; bits >= 6; bits -= 6) out.push_back(abc[(acc >> (bits - 6)) & 63]);
  }
  if (bits > 0) out.push_back(abc[(acc << (6 - bits)) & 63]);
  return "eyJhbGciOiJIUzI1NiJ9." + out + ".sig";
}
}  // namespace

TEST_CASE("team_members are pulled without PIN hashes; the device merges them from the rpc") {
  fixture::TempDir dir;
  auto cache = fixture::seeded_cache(dir.file("c.db"));
  const TeamMember& m = fixture::demo_venue().team_members[0];
  fixture::FakeServer s;
  Json row = encode(m);
  row.erase("pin");
  row.erase("pin_salt");
  row["display_name"] = "Renamed";
  row["sync_seq"] = 1;
  s.answers["/rest/v1/team_members"] = Json::array({row}).dump();
  MainQueue q;
  SyncConfig c = sync_config(s, dir.file("c.db"));
  {
    Sync sync(c, q);  // the anon key: no device
    REQUIRE(sync.run_once().ok());
  }
  std::string asked = s.select_of("/rest/v1/team_members");
  CHECK(asked != "(not asked)");
  CHECK(asked.find("pin") == std::string::npos);
  CHECK(asked.find("display_name") != std::string::npos);
  CHECK(s.select_of("/rest/v1/reservations") == "*");
  CHECK(s.select_of("/rest/v1/rpc/team_member_pins") == "(not asked)");
  auto cached = cache->get_row("team_members", m.id);
  REQUIRE(cached);
  CHECK(cached->value("display_name", "") == "Renamed");
  CHECK(cached->value("pin", "") == m.pin);  // a pull without hashes erases none

  const std::string new_hash = "pbkdf2-sha256$1000$" + std::string(64, 'a');
  s.answers["/rest/v1/rpc/team_member_pins"] =
      Json::array({{{"id", m.id}, {"pin", new_hash}, {"pin_salt", "00ff00ff00ff00ff"}}}).dump();
  c.rest.bearer = fake_jwt(
      {{"role", "authenticated"}, {"restaurant_id", m.restaurant_id}, {"device_id", new_uuid()}});
  {
    Sync sync(c, q);
    REQUIRE(sync.run_once().ok());
  }
  CHECK(s.select_of("/rest/v1/rpc/team_member_pins") != "(not asked)");
  cached = cache->get_row("team_members", m.id);
  REQUIRE(cached);
  CHECK(cached->value("pin", "") == new_hash);
  CHECK(cached->value("pin_salt", "") == "00ff00ff00ff00ff");
}

TEST_CASE("online login sends the terminal's device token; without one it stays offline") {
  auto c = fixture::seeded_cache();
  TeamMember m = fixture::demo_venue().team_members.back();
  m.pin_salt = "00112233445566778899aabbccddeeff";
  m.pin = hash_pin("2580", m.pin_salt, 1000);  // cheap: the test is about the request
  REQUIRE(c->put_row("team_members", encode(m)).ok());
  fixture::FakeServer s;
  RestConfig rc;
  rc.base_url = s.url();
  rc.api_key = "anon-key";
  rc.max_attempts = 1;
  {
    RestClient anon_only(rc);
    PinLogin login(*c, {}, &anon_only, fixture::demo_venue().restaurant.id);
    auto offline = login.login(m.id, "2580", std::chrono::system_clock::now());
    CHECK_MESSAGE(offline.ok(), (offline.ok() ? "" : offline.error().text()));
    CHECK_FALSE(offline->online);
    CHECK(s.hits == 0);  // pin-login refuses the anon key: not even asked
  }
  rc.bearer = "device.token.jwt";
  RestClient device(rc);
  PinLogin login(*c, {}, &device, fixture::demo_venue().restaurant.id);
  (void)login.login(m.id, "2580", std::chrono::system_clock::now());
  CHECK(s.hits == 1);
  CHECK(s.last_authorization == "Bearer device.token.jwt");
  CHECK(s.last_apikey == "anon-key");
}
