// Guest texts through sync (issue 14, item 5): communication_events is pulled
// like the other tables and read back per waitlist entry or booking, an
// unreadable one is set aside, the month's quota is kept for offline display,
// and a Notify made offline waits in the outbox and goes out once.
#include <doctest/doctest.h>

#include <algorithm>

#include "fake_server.hpp"
#include "fixtures.hpp"
#include "foh/engine/codec.hpp"
#include "foh/net/local_settings.hpp"
#include "foh/net/outbox.hpp"
#include "foh/net/quarantine.hpp"
#include "foh/net/store.hpp"
#include "foh/net/sync.hpp"
#include "foh/net/texts.hpp"

using namespace foh;
using namespace foh::net;
using fixture::Mode;

namespace {

SyncConfig texts_config(const fixture::FakeServer& s, const std::string& path) {
  SyncConfig c;
  c.rest.base_url = s.url();
  c.rest.api_key = "anon";
  c.rest.total_timeout_ms = 2500;
  c.rest.connect_timeout_ms = 1000;
  c.rest.max_attempts = 1;
  c.rest.backoff_base_ms = 5;
  c.restaurant_id = fixture::demo_venue().restaurant.id;
  c.cache_path = path;
  c.poll_interval_ms = 50;
  return c;
}

Json text_row(const std::string& id, const std::string& entry, const std::string& status, int seq) {
  return {{"id", id},
          {"restaurant_id", fixture::demo_venue().restaurant.id},
          {"reservation_id", nullptr},
          {"customer_id", nullptr},
          {"waitlist_entry_id", entry},
          {"type", "table_ready"},
          {"channel", "sms"},
          {"direction", "outbound"},
          {"recipient", "+33612345678"},
          {"body", "Votre table est prête"},
          {"status", status},
          {"reason", nullptr},
          {"created_at", "2026-12-01T18:40:00+00:00"},
          {"updated_at", "2026-12-01T18:41:00+00:00"},
          {"sync_xid", 5},
          {"sync_seq", seq}};
}

WaitlistEntry walk_in(const std::string& name, bool consent) {
  WaitlistEntry e;
  e.id = new_uuid();
  e.restaurant_id = fixture::demo_venue().restaurant.id;
  e.date = *Date::parse(fixture::kQuietDay);
  e.party_size = 2;
  e.guest_name = name;
  e.guest_phone = "+33 6 12 34 56 78";
  e.extra["consent"] = consent;
  return e;
}

}  // namespace

TEST_CASE("texts: communication_events are pulled and read back per waitlist entry") {
  fixture::TempDir dir;
  auto cache = fixture::seeded_cache(dir.file("c.db"));
  Store store(*cache);
  auto entry = store.waitlist_add(walk_in("Camille", true), Actor{});
  REQUIRE(entry.ok());
  fixture::FakeServer s;
  Json broken = text_row(new_uuid(), entry->id, "delivered", 3);
  broken.erase("type");  // the engine cannot read it: set aside, not shown
  s.answers["/rest/v1/communication_events"] =
      Json::array({text_row("11111111-1111-4111-8111-111111111111", entry->id, "sent", 1),
                   text_row("22222222-2222-4222-8222-222222222222", "someone-else", "sent", 2),
                   broken})
          .dump();
  s.answers["/rest/v1/rpc/get_sms_quota"] =
      R"({"month":"2026-12","included":200,"sms_credits":0,"sms_sent":48,"remaining":152})";
  MainQueue q;
  {
    Sync sync(texts_config(s, dir.file("c.db")), q);
    REQUIRE(sync.run_once().ok());
  }
  CHECK(s.select_of("/rest/v1/communication_events") == "*");
  CHECK(cache->row_count("communication_events") == 2);
  auto day = cache->load_day(*Date::parse(fixture::kQuietDay));
  REQUIRE(day.ok());
  std::vector<CommunicationEvent> texts = texts_of_day(*cache, *day);
  REQUIRE(texts.size() == 1);
  CHECK(texts[0].id == "11111111-1111-4111-8111-111111111111");
  GuestTexts g = guest_texts(entry->id, texts, Json::object());
  CHECK(g.type == "table_ready");
  CHECK(g.delivery == Delivery::Sent);
  bool set_aside = false;
  for (const QuarantinedRow& r : Quarantine(*cache).rows())
    set_aside |= r.table == "communication_events" && r.reason.find("type") != std::string::npos;
  CHECK(set_aside);

  // The quota is kept: a manager sees it with the backend gone.
  auto quota = cached_sms_quota(*cache);
  REQUIRE(quota);
  CHECK(quota->remaining == 152);
  CHECK(quota->month == "2026-12");

  // A later status of the same text replaces it (delivered).
  s.answers["/rest/v1/communication_events"] =
      Json::array({text_row("11111111-1111-4111-8111-111111111111", entry->id, "delivered", 4)})
          .dump();
  {
    Sync sync(texts_config(s, dir.file("c.db")), q);
    REQUIRE(sync.run_once().ok());
  }
  texts = texts_of_day(*cache, *day);
  REQUIRE(texts.size() == 1);
  CHECK(guest_texts(entry->id, texts, Json::object()).delivery == Delivery::Delivered);
}

// Issue 15 item 4: a read returns what it left out, it never drops a row.
TEST_CASE("texts: a cached text the engine cannot read is set aside and named, not dropped") {
  fixture::TempDir dir;
  auto cache = fixture::seeded_cache(dir.file("c.db"));
  const Uuid subject = "55555555-5555-4555-8555-555555555555";  // a waiting party
  const Uuid good = "11111111-1111-4111-8111-111111111111";
  const Uuid rotten = "33333333-3333-4333-8333-333333333333";
  const Uuid undecodable = "44444444-4444-4444-8444-444444444444";
  for (const Uuid& id : {good, rotten, undecodable})
    REQUIRE(cache->put_row("communication_events", text_row(id, subject, "sent", 1)));
  REQUIRE(
      cache->exec("UPDATE communication_events SET json = 'not json' WHERE id = '" + rotten + "'"));
  Json bad = text_row(undecodable, subject, "sent", 1);
  bad["type"] = 42;
  REQUIRE(cache->put_row("communication_events", bad));

  SetAsideRows left_out;
  std::vector<CommunicationEvent> texts = texts_of(*cache, {subject}, &left_out);
  REQUIRE(texts.size() == 1);
  CHECK(texts[0].id == good);
  auto named = [&](const Uuid& id) {
    return std::count_if(left_out.begin(), left_out.end(), [&](const SetAside& r) {
      return r.table == "communication_events" && r.row_id == id;
    });
  };
  CHECK(named(rotten) == 1);
  CHECK(named(undecodable) == 1);
  CHECK(Quarantine(*cache).count() == 2);
}

TEST_CASE("texts: a quota the backend cannot give keeps the last one and fails nothing") {
  fixture::TempDir dir;
  auto cache = fixture::seeded_cache(dir.file("c.db"));
  REQUIRE(
      LocalSettings(*cache)
          .set(kSmsQuotaKey,
               R"({"month":"2026-12","included":200,"sms_credits":0,"sms_sent":0,"remaining":200})")
          .ok());
  fixture::FakeServer s;  // answers the rpc with its echo: not a quota
  MainQueue q;
  Sync sync(texts_config(s, dir.file("c.db")), q);
  REQUIRE(sync.run_once().ok());
  auto quota = cached_sms_quota(*cache);
  REQUIRE(quota);
  CHECK(quota->remaining == 200);
}

TEST_CASE("texts: a Notify made offline waits in the outbox and goes out once") {
  fixture::TempDir dir;
  auto cache = fixture::seeded_cache(dir.file("c.db"));
  Store store(*cache);
  auto entry = store.waitlist_add(walk_in("Hugo", true), Actor{});
  REQUIRE(entry.ok());
  fixture::FakeServer s;
  MainQueue q;
  Sync sync(texts_config(s, dir.file("c.db")), q);
  REQUIRE(sync.run_once().ok());  // the add is pushed
  CHECK(Outbox(*cache).count() == 0);

  s.mode = Mode::Hang;  // the Wi-Fi drops
  auto notified = store.waitlist_notify(entry->id, Actor{});
  REQUIRE(notified.ok());
  CHECK(notified->status == WaitlistStatus::Notified);
  CHECK(Outbox(*cache).count(OutboxState::Pending) == 1);
  CHECK_FALSE(sync.run_once().ok());
  CHECK(Outbox(*cache).count(OutboxState::Pending) == 1);  // kept, not lost

  s.mode = Mode::Ok;  // back: pushed once, then nothing more to send
  REQUIRE(sync.run_once().ok());
  CHECK(Outbox(*cache).count() == 0);
  int after = s.hits;
  REQUIRE(sync.push_once().ok());
  CHECK(s.hits == after);
  auto row = cache->get_row("waitlist_entries", entry->id);
  REQUIRE(row);
  CHECK(row->value("status", "") == "notified");
}
