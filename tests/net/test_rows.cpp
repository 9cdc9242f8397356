// Rows<T>: one entity's cached rows, typed. A row goes in and comes back as
// the engine wrote it; a row the engine cannot read is reported and set
// aside, never silently left out; table names come from one list.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "fixtures.hpp"
#include "foh/engine/codec.hpp"
#include "foh/net/cache.hpp"
#include "foh/net/quarantine.hpp"
#include "foh/net/rows.hpp"

using namespace foh;
using namespace foh::net;

namespace {

std::unique_ptr<Cache> empty_cache() {
  auto c = Cache::open(":memory:");
  REQUIRE(c);
  return std::move(c).value();
}

Reservation on(const char* date, const char* hhmm, const char* guest) {
  Reservation r = fixture::booking("7", hhmm, 2, guest);
  r.id = new_uuid();
  r.restaurant_id = fixture::demo_venue().restaurant.id;
  r.date = *Date::parse(date);
  return r;
}

}  // namespace

TEST_CASE("rows: a reservation put comes back the same, then goes") {
  auto cache = empty_cache();
  Rows<Reservation> rows(*cache);
  const Reservation r = on(fixture::kQuietDay, "19:30", "Ada");
  REQUIRE(rows.put(r));
  CHECK(rows.has(r.id));
  CHECK(rows.count() == 1);
  auto back = rows.get(r.id, Error{"x", "gone", "gone"});
  REQUIRE(back);
  CHECK(*back == r);
  REQUIRE(rows.json(r.id));
  CHECK(*rows.json(r.id) == encode(r));
  CHECK(cache->get_row("reservations", r.id));  // the table the backend names

  REQUIRE(rows.remove(r.id));
  CHECK_FALSE(rows.has(r.id));
  auto gone = rows.get(r.id, Error{Rows<Reservation>::where(r.id), "no such", "reservation_gone"});
  REQUIRE_FALSE(gone);
  CHECK(gone.error().code == "reservation_gone");
  CHECK(gone.error().where == "reservations " + r.id);
}

TEST_CASE("rows: of_date reads that day's rows only, all reads every one") {
  auto cache = empty_cache();
  Rows<Reservation> rows(*cache);
  REQUIRE(rows.put(on("2026-12-01", "19:00", "Ada")));
  REQUIRE(rows.put(on("2026-12-01", "20:00", "Bob")));
  REQUIRE(rows.put(on("2026-12-02", "19:00", "Cy")));
  SetAsideRows report;
  auto day = rows.of_date(*Date::parse("2026-12-01"), &report);
  CHECK(day.size() == 2);
  for (const auto& r : day) CHECK(r.date.str() == "2026-12-01");
  CHECK(rows.of_date(*Date::parse("2026-12-02"), &report).size() == 1);
  CHECK(rows.of_date(*Date::parse("2026-12-03"), &report).empty());
  CHECK(rows.all(&report).size() == 3);
  CHECK(report.empty());
  CHECK(rows.json_of_date(*Date::parse("2026-12-01")).size() == 2);
  CHECK(rows.json_all().size() == 3);
  CHECK(Quarantine(*cache).count() == 0);
}

TEST_CASE("rows: a row the engine cannot read is reported and set aside, the others read") {
  auto cache = empty_cache();
  Rows<Reservation> rows(*cache);
  const Reservation good = on("2026-12-01", "19:00", "Ada");
  const Reservation bad = on("2026-12-01", "20:00", "Bob");
  REQUIRE(rows.put(good));
  Json poisoned = encode(bad);
  poisoned["time"] = "24:00";
  REQUIRE(rows.put_json(poisoned));  // as it is: the engine's checks come on reading

  // A point read says why and leaves the row where it is.
  auto one = rows.get(bad.id, Error{"x", "gone", "gone"});
  REQUIRE_FALSE(one);
  CHECK(one.error().text().find("time") != std::string::npos);
  CHECK(rows.has(bad.id));

  SetAsideRows report;
  auto day = rows.of_date(*Date::parse("2026-12-01"), &report);
  REQUIRE(day.size() == 1);
  CHECK(day.front().id == good.id);
  REQUIRE(report.size() == 1);
  CHECK(report.front().table == "reservations");
  CHECK(report.front().row_id == bad.id);
  CHECK(report.front().reason.find("time") != std::string::npos);
  CHECK_FALSE(rows.has(bad.id));  // out of the day, into the quarantine
  REQUIRE(Quarantine(*cache).count() == 1);
  CHECK(Quarantine(*cache).rows().front().row_id == bad.id);

  SetAsideRows again;
  CHECK(rows.all(&again).size() == 1);
  CHECK(again.empty());  // set aside once, not read again
}

TEST_CASE("rows: a waitlist entry whose created_at does not parse is set aside by all()") {
  auto cache = empty_cache();
  Rows<WaitlistEntry> rows(*cache);
  WaitlistEntry e = fixture::demo_day().waitlist.at(2);
  Json row = encode(e);
  row["created_at"] = "-infinity";  // the decoder takes it; the queue's order cannot
  REQUIRE(cache->put_row(Rows<WaitlistEntry>::table, row));
  SetAsideRows report;
  CHECK(rows.all(&report).empty());
  REQUIRE(report.size() == 1);
  CHECK(report.front().table == "waitlist_entries");
  CHECK(Quarantine(*cache).count() == 1);
}

TEST_CASE("rows: every entity's table is synced, in the pull's order") {
  std::vector<std::string_view> tables;
  for_each_entity([&](auto entity) { tables.push_back(decltype(entity)::table); });
  REQUIRE(tables.size() == std::size(kSyncedTables));
  for (size_t i = 0; i < tables.size(); ++i) {
    CHECK(tables[i] == kSyncedTables[i]);
    CHECK(is_synced_table(tables[i]));
  }
  CHECK(Rows<Table>::table == "tables");
  CHECK(Rows<Customer>::table == "customers");
  CHECK(Rows<WaitlistEntry>::table == "waitlist_entries");
}
