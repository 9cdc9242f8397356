// Sync against a misbehaving server: every failure shows as a clear error in
// the sync status, nothing crashes, nothing in the outbox is lost.
#include <doctest/doctest.h>

#include "fake_server.hpp"
#include "fixtures.hpp"
#include "foh/net/store.hpp"
#include "foh/net/sync.hpp"

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
  c.rest.max_attempts = 1;        // retries are the REST client's tests
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
    CHECK(cache->outbox_count(OutboxState::Pending) == 3);
  }
  s.mode = Mode::Ok;
  REQUIRE(sync.run_once().ok());
  CHECK(sync.status().state == Connectivity::Online);
  CHECK(sync.status().last_error.empty());
  CHECK(cache->outbox_count() == 0);
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
  CHECK(cache->outbox_count() == 1);
  sync.set_bearer("fresh-token");
  REQUIRE(sync.run_once().ok());
  CHECK(s.last_authorization == "Bearer fresh-token");
  CHECK(cache->outbox_count() == 0);
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
  sync.push_once();
  CHECK(cache->outbox_count(OutboxState::Conflicted) == 1);
  CHECK(cache->outbox_count(OutboxState::Pending) == 1);  // the status change waits behind it
  CHECK(s.hits == 1);
  auto conflicts = cache->conflicts();
  REQUIRE(conflicts.size() == 1);
  CHECK(conflicts[0].reservation_id == r->id);
  CHECK(conflicts[0].message.find("table 7") != std::string::npos);
  CHECK(cache->reservation(r->id).ok());  // the guest's data stays

  auto w = store.create_reservation(fixture::booking("9", "19:00"), Actor{});
  REQUIRE(w.ok());
  s.mode = Mode::BadRequest;
  s.hits = 0;
  sync.push_once();
  CHECK(s.hits == 1);  // only the new entry was tried
  CHECK(cache->outbox_count(OutboxState::Failed) == 1);
  CHECK(cache->outbox_entry(cache->outbox(OutboxState::Failed)[0].seq)->last_error.find("22P02") !=
        std::string::npos);
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
