// A pull page carrying one poisoned row among good ones (issue 11): the good
// rows are stored and the day loads, the poisoned one is set aside, the sync
// stays online, and once the backend fixes the row the next pull releases it.
#include <doctest/doctest.h>

#include "fake_server.hpp"
#include "fixtures.hpp"
#include "foh/engine/codec.hpp"
#include "foh/net/quarantine.hpp"
#include "foh/net/sync.hpp"

using namespace foh;
using namespace foh::net;

namespace {

SyncConfig config_for(const fixture::FakeServer& s, const std::string& path) {
  SyncConfig c;
  c.rest.base_url = s.url();
  c.rest.api_key = "anon";
  c.rest.max_attempts = 1;
  c.restaurant_id = fixture::demo_venue().restaurant.id;
  c.cache_path = path;
  c.poll_interval_ms = 50;
  return c;
}

// Three bookings and three walk-ins of the quiet day; the middle one of each
// carries what PostgreSQL accepted and the engine refuses, unless `fixed`.
struct Page {
  Json reservations = Json::array(), waitlist = Json::array();
  Uuid bad_reservation, bad_entry;
};

Page page(bool fixed) {
  Page p;
  int seq = 0;
  for (const char* t : {"7", "8", "9"}) {
    Json r = encode(fixture::booking(t, "19:00"));
    r["id"] = "00000000-0000-4000-8000-00000000000" + std::string(t);
    r["sync_seq"] = ++seq;
    if (std::string(t) == "8" && !fixed) r["time"] = "24:00";
    p.reservations.push_back(r);
  }
  p.bad_reservation = p.reservations[1]["id"];
  for (int i = 0; i < 3; ++i) {
    Json w = encode(fixture::demo_day().waitlist.at(static_cast<size_t>(i)));
    w["date"] = fixture::kQuietDay;
    w["status"] = "waiting";
    w["created_at"] = "2026-12-01T19:0" + std::to_string(i) + ":00+01:00";
    w["sync_seq"] = ++seq;
    if (i == 1 && !fixed) w["created_at"] = "-infinity";
    p.waitlist.push_back(w);
  }
  p.bad_entry = p.waitlist[1]["id"];
  return p;
}

void serve(fixture::FakeServer& s, const Page& p) {
  s.answers["/rest/v1/reservations"] = p.reservations.dump();
  s.answers["/rest/v1/waitlist_entries"] = p.waitlist.dump();
}

}  // namespace

TEST_CASE("sync: a poisoned row in a pull page is set aside, the good rows arrive") {
  fixture::TempDir dir;
  auto cache = fixture::seeded_cache(dir.file("c.db"));
  fixture::FakeServer s;
  const Page bad = page(false);
  serve(s, bad);
  MainQueue q;
  Sync sync(config_for(s, dir.file("c.db")), q);
  REQUIRE(sync.run_once().ok());
  CHECK(sync.status().state == Connectivity::Online);
  const Date day = *Date::parse(fixture::kQuietDay);
  auto d = cache->load_day(day);
  REQUIRE_MESSAGE(d.ok(), (d.ok() ? "" : d.error().text()));
  CHECK(d->reservations.size() == 2);
  CHECK(d->waitlist.size() == 2);
  auto aside = Quarantine(*cache).rows();
  REQUIRE(aside.size() == 2);
  for (const auto& row : aside) {
    CHECK((row.row_id == bad.bad_reservation || row.row_id == bad.bad_entry));
    CHECK_FALSE(row.reason.empty());
  }
  CHECK_FALSE(cache->has_row("reservations", bad.bad_reservation));

  // Pulled again unchanged: still aside, once each.
  REQUIRE(sync.run_once().ok());
  CHECK(Quarantine(*cache).count() == 2);

  // Fixed at the backend: the next pull brings the rows back into the day.
  serve(s, page(true));
  REQUIRE(sync.run_once().ok());
  CHECK(Quarantine(*cache).count() == 0);
  d = cache->load_day(day);
  REQUIRE(d.ok());
  CHECK(d->reservations.size() == 3);
  CHECK(d->waitlist.size() == 3);
}
