// Rows the engine cannot read (issue 11): PostgreSQL takes time "24:00",
// created_at "-infinity", "0001-01-01 BC"; such a row is set aside with the
// reason, left out of the day, tried again, and never stops the terminal.
#include <doctest/doctest.h>

#include <set>

#include "fixtures.hpp"
#include "foh/engine/codec.hpp"
#include "foh/engine/waitlist.hpp"
#include "foh/net/cache.hpp"
#include "foh/net/quarantine.hpp"

using namespace foh;
using namespace foh::net;

namespace {

const Date kDemoDay = *Date::parse("2026-11-28");

// A demo row with one column replaced, as a backend without the checks could send it.
struct Poison {
  const char* table;
  const char* column;
  Json value;
  const char* reason;  // what the set-aside reason names
};

Json demo_row(std::string_view table) {
  if (table == "reservations") return encode(fixture::demo_day().reservations.at(5));
  return encode(fixture::demo_day().waitlist.at(2));
}

const Poison kPoisons[] = {
    {"reservations", "time", "24:00", "time"},
    {"reservations", "party_size", "four", "party_size"},
    {"reservations", "tags", 7, "tags"},
    {"reservations", "status", Json::array(), "status"},
    {"waitlist_entries", "created_at", "-infinity", "created_at"},
    {"waitlist_entries", "created_at", "0001-01-01 00:00:00+00 BC", "created_at"},
    {"waitlist_entries", "party_size", 0, "party_size"},
};

size_t day_rows(const DayBook& d, std::string_view table) {
  return table == "reservations" ? d.reservations.size() : d.waitlist.size();
}

bool day_has(const DayBook& d, const Uuid& id) {
  for (const auto& r : d.reservations)
    if (r.id == id) return true;
  for (const auto& w : d.waitlist)
    if (w.id == id) return true;
  return false;
}

}  // namespace

TEST_CASE("quarantine: a row the engine cannot read is set aside and the day loads without it") {
  for (const Poison& p : kPoisons) {
    CAPTURE(p.table);
    CAPTURE(p.column);
    CAPTURE(p.value.dump());
    auto cache = fixture::seeded_cache(":memory:", true);
    const size_t before = day_rows(*cache->load_day(kDemoDay), p.table);
    Json bad = demo_row(p.table);
    bad[p.column] = p.value;
    REQUIRE(cache->put_row(p.table, bad).ok());  // stored as an older build did
    auto day = cache->load_day(kDemoDay);
    REQUIRE_MESSAGE(day.ok(), (day.ok() ? "" : day.error().text()));
    CHECK(day_rows(*day, p.table) == before - 1);
    CHECK_FALSE(day_has(*day, bad["id"]));
    auto q = Quarantine(*cache).rows();
    REQUIRE(q.size() == 1);
    CHECK(q[0].table == p.table);
    CHECK(q[0].row_id == bad["id"]);
    CHECK_MESSAGE(q[0].reason.find(p.reason) != std::string::npos, q[0].reason);
    CHECK(Json::parse(q[0].raw) == bad);
    CHECK_FALSE(cache->has_row(p.table, bad["id"]));  // out of its table
    CHECK(cache->load_day(kDemoDay).ok());
    CHECK(Quarantine(*cache).count() == 1);  // met again: still one row
  }
}

TEST_CASE("quarantine: cached text that is not JSON is set aside, not silently dropped") {
  auto cache = fixture::seeded_cache(":memory:", true);
  const Uuid id = fixture::demo_day().reservations.at(3).id;
  REQUIRE(cache
              ->exec("UPDATE reservations SET json = '{\"id\": \"" + id +
                     "\", \"broken' WHERE id = '" + id + "'")
              .ok());
  auto day = cache->load_day(kDemoDay);
  REQUIRE(day.ok());
  CHECK(day->reservations.size() == fixture::demo_day().reservations.size() - 1);
  auto q = Quarantine(*cache).rows();
  REQUIRE(q.size() == 1);
  CHECK(q[0].row_id == id);
  CHECK(q[0].reason.find("not JSON") != std::string::npos);
}

TEST_CASE("quarantine: a read names every row it set aside; the good rows all come back") {
  auto cache = fixture::seeded_cache(":memory:", true);
  const auto& demo = fixture::demo_day();
  const Uuid not_json = demo.reservations.at(3).id;
  Json undecodable = encode(demo.reservations.at(5));
  undecodable["time"] = "24:00";
  const Uuid bad_id = undecodable["id"];
  // Corrupted behind the cache's back, as a disk or an older build could leave them.
  REQUIRE(
      cache->exec("UPDATE reservations SET json = 'not json' WHERE id = '" + not_json + "'").ok());
  REQUIRE(cache
              ->exec("UPDATE reservations SET json = '" + undecodable.dump() + "' WHERE id = '" +
                     bad_id + "'")
              .ok());
  SetAsideRows set_aside;
  auto day = cache->load_day(kDemoDay, false, &set_aside);
  REQUIRE(day.ok());
  CHECK(day->reservations.size() == demo.reservations.size() - 2);
  for (const auto& r : demo.reservations)
    if (r.id != not_json && r.id != bad_id) CHECK_MESSAGE(day_has(*day, r.id), r.id);
  REQUIRE(set_aside.size() == 2);
  std::set<Uuid> named;
  for (const SetAside& a : set_aside) {
    CHECK(a.table == "reservations");
    named.insert(a.row_id);
    if (a.row_id == not_json)
      CHECK_MESSAGE(a.reason.find("not JSON") != std::string::npos, a.reason);
    if (a.row_id == bad_id) CHECK_MESSAGE(a.reason.find("time") != std::string::npos, a.reason);
  }
  CHECK(named == std::set<Uuid>{not_json, bad_id});
  CHECK(Quarantine(*cache).count() == 2);
  // Read again: nothing more to set aside, the same good rows.
  SetAsideRows again;
  auto day2 = cache->load_day(kDemoDay, false, &again);
  REQUIRE(day2.ok());
  CHECK(again.empty());
  CHECK(day2->reservations.size() == day->reservations.size());
}

TEST_CASE("quarantine: the venue's read names a table it set aside") {
  auto cache = fixture::seeded_cache(":memory:", true);
  Json bad = encode(fixture::demo_venue().tables.at(0));
  bad["floor_plan_id"] = 7;
  REQUIRE(cache->put_row("tables", bad).ok());
  SetAsideRows set_aside;
  auto venue = cache->load_venue(&set_aside);
  REQUIRE(venue.ok());
  CHECK(venue->tables.size() == fixture::demo_venue().tables.size() - 1);
  REQUIRE(set_aside.size() == 1);
  CHECK(set_aside[0].table == "tables");
  CHECK(set_aside[0].row_id == bad["id"]);
  CHECK(Quarantine(*cache).rows().size() == 1);
}

TEST_CASE(
    "quarantine: a -infinity created_at leaves the good entries' order and quotes as they were") {
  auto cache = fixture::seeded_cache(":memory:", true);
  const auto venue = *cache->load_venue();
  const LocalInstant now = *LocalInstant::parse("2026-11-28T19:30:00");
  auto good_day = cache->load_day(kDemoDay);
  REQUIRE(good_day.ok());
  auto good = plan_waitlist(venue, *good_day, now);
  REQUIRE(good.ok());
  REQUIRE(good->quotes.size() >= 2);
  for (const char* at : {"-infinity", "infinity", "0001-01-01 00:00:00+00 BC"}) {
    CAPTURE(at);
    Json bad = encode(fixture::demo_day().waitlist.at(0));
    bad["id"] = new_uuid();
    bad["status"] = "waiting";
    bad["created_at"] = at;  // would be first in the queue, or a date the engine refuses
    REQUIRE(cache->put_row("waitlist_entries", bad).ok());
    auto day = cache->load_day(kDemoDay);
    REQUIRE(day.ok());
    auto plan = plan_waitlist(venue, *day, now);
    REQUIRE_MESSAGE(plan.ok(), (plan.ok() ? "" : plan.error().text()));
    CHECK(plan->seating_order == good->seating_order);
    REQUIRE(plan->quotes.size() == good->quotes.size());
    for (size_t i = 0; i < plan->quotes.size(); ++i) {
      CHECK(plan->quotes[i].entry_id == good->quotes[i].entry_id);
      CHECK(plan->quotes[i].quoted_minutes == good->quotes[i].quoted_minutes);
    }
  }
  CHECK(Quarantine(*cache).count() == 3);
}

TEST_CASE("quarantine: a pulled row is checked; a newer readable version releases it") {
  auto cache = fixture::seeded_cache(":memory:", true);
  Json r = encode(fixture::demo_day().reservations.at(7));
  const Uuid id = r["id"];
  SUBCASE("a BC date never reaches the reservations") {
    Json bad = r;
    bad["date"] = "0001-01-01 BC";
    REQUIRE(Quarantine(*cache).put_pulled_row("reservations", bad).ok());
    CHECK_FALSE(cache->has_row("reservations", id));  // its older copy left the day too
    REQUIRE(Quarantine(*cache).count() == 1);
    CHECK(Quarantine(*cache).rows()[0].reason.find("date") != std::string::npos);
  }
  SUBCASE("time 24:00, then fixed at the backend") {
    Json bad = r;
    bad["time"] = "24:00";
    REQUIRE(Quarantine(*cache).put_pulled_row("reservations", bad).ok());
    CHECK(Quarantine(*cache).count() == 1);
    const std::string first_seen = Quarantine(*cache).rows()[0].first_seen;
    REQUIRE(
        Quarantine(*cache).put_pulled_row("reservations", bad).ok());  // pulled again, still bad
    REQUIRE(Quarantine(*cache).count() == 1);
    CHECK(Quarantine(*cache).rows()[0].first_seen == first_seen);
    Json fixed = r;
    fixed["time"] = "23:30:00";
    REQUIRE(Quarantine(*cache).put_pulled_row("reservations", fixed).ok());
    CHECK(Quarantine(*cache).count() == 0);
    CHECK(cache->reservation(id)->time.hhmm() == "23:30");
  }
  SUBCASE("garbage JSON types") {
    for (Json bad : {Json::array({1, 2}), Json{{"id", id}, {"party_size", Json::object()}}}) {
      if (bad.is_object()) REQUIRE(Quarantine(*cache).put_pulled_row("reservations", bad).ok());
      CHECK_FALSE(readable_row("reservations", bad).ok());
    }
    CHECK(Quarantine(*cache).count() == 1);
  }
}

TEST_CASE("quarantine: rows set aside are tried again and leave once they read") {
  auto cache = fixture::seeded_cache(":memory:", true);
  Json r = encode(fixture::demo_day().reservations.at(9));
  Json bad = r;
  bad["time"] = "24:00";
  REQUIRE(Quarantine(*cache).put_pulled_row("reservations", bad).ok());
  CHECK(*Quarantine(*cache).retry() == 0);  // still unreadable: stays aside
  CHECK(Quarantine(*cache).count() == 1);
  // What a newer build (or a repaired row) reads: the same row, readable.
  REQUIRE(cache->exec("UPDATE quarantine SET json = '" + r.dump() + "'").ok());
  CHECK(*Quarantine(*cache).retry() == 1);
  CHECK(Quarantine(*cache).count() == 0);
  CHECK(cache->has_row("reservations", r["id"]));
  auto day = cache->load_day(kDemoDay);
  CHECK(day_has(*day, r["id"]));
}
