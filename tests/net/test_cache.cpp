// The cache: schema and migrations, rows, transactions, file mode, reads for
// the screens. (The outbox, sync state and local settings have their own.)
#include <doctest/doctest.h>
#include <sys/stat.h>

#include "fixtures.hpp"
#include "foh/engine/codec.hpp"
#include "foh/net/cache.hpp"
#include "foh/net/local_settings.hpp"
#include "foh/net/outbox.hpp"
#include "foh/net/quarantine.hpp"

using namespace foh;
using namespace foh::net;

TEST_CASE("a new cache has the current schema and every synced table") {
  auto c = Cache::open(":memory:");
  REQUIRE(c.ok());
  CHECK(c.value()->schema_version() == Cache::kSchemaVersion);
  for (const char* t : kSyncedTables) CHECK(c.value()->row_count(t) == 0);
  CHECK(c.value()->integrity_check().ok());
  CHECK_FALSE(c.value()->has_venue());
}

TEST_CASE("rows are stored as JSON and found by id and date") {
  auto c = std::move(Cache::open(":memory:")).value();
  Json r = {{"id", "r1"}, {"restaurant_id", "x"}, {"date", "2026-12-01"}, {"status", "Confirmed"}};
  REQUIRE(c->put_row("reservations", r).ok());
  REQUIRE(c->put_row("reservations", {{"id", "r2"}, {"date", "2026-12-02"}}).ok());
  CHECK(c->get_row("reservations", "r1").value() == r);
  CHECK(c->rows_of_date("reservations", *Date::parse("2026-12-01")).size() == 1);
  r["status"] = "Seated";
  REQUIRE(c->put_row("reservations", r).ok());  // replace, not duplicate
  CHECK(c->row_count("reservations") == 2);
  CHECK(c->get_row("reservations", "r1")->at("status") == "Seated");
  REQUIRE(c->delete_row("reservations", "r2").ok());
  CHECK_FALSE(c->get_row("reservations", "r2"));
  CHECK_FALSE(c->put_row("reservations", Json{{"date", "x"}}).ok());  // no id
  CHECK_FALSE(c->put_row("not_a_table", r).ok());
}

TEST_CASE("a transaction rolls back in its destructor unless committed") {
  auto c = std::move(Cache::open(":memory:")).value();
  {
    Transaction tx(*c);
    REQUIRE(tx.begun().ok());
    REQUIRE(c->put_row("zones", {{"id", "z1"}}).ok());
    REQUIRE(Outbox(*c).enqueue("zones", OutboxOp::Upsert, {{"id", "z1"}}, new_uuid(), "").ok());
  }
  CHECK(c->row_count("zones") == 0);
  CHECK(Outbox(*c).count() == 0);
  {
    Transaction tx(*c);
    REQUIRE(c->put_row("zones", {{"id", "z1"}}).ok());
    REQUIRE(tx.commit().ok());
    CHECK_FALSE(tx.commit().ok());  // twice is a bug, reported
  }
  CHECK(c->row_count("zones") == 1);
}

TEST_CASE("a schema 1 cache migrates: its outbox kept in order, a seq never reused") {
  fixture::TempDir dir;
  std::string path = dir.file("old.db");
  {
    auto c = std::move(Cache::open(path)).value();
    // Back to schema 1: its outbox knew no 'patch' op.
    REQUIRE(c->exec(R"sql(DROP TABLE outbox;
      CREATE TABLE outbox (seq INTEGER PRIMARY KEY AUTOINCREMENT,
        idempotency_key TEXT NOT NULL UNIQUE, tbl TEXT NOT NULL,
        op TEXT NOT NULL CHECK (op IN ('upsert','delete','status')), row_id TEXT NOT NULL,
        row_json TEXT NOT NULL, created_at TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0,
        last_error TEXT NOT NULL DEFAULT '',
        state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending','conflicted','failed')));
      PRAGMA user_version=1;)sql")
                .ok());
    CHECK_FALSE(Outbox(*c).enqueue("zones", OutboxOp::Patch, {{"id", "z"}}, "", "t").ok());
    for (const char* id : {"a", "b", "c"})
      REQUIRE(Outbox(*c).enqueue("zones", OutboxOp::Upsert, {{"id", id}}, "", "t").ok());
    REQUIRE(Outbox(*c).mark(2, OutboxState::Failed, "22P02").ok());
    REQUIRE(Outbox(*c).remove(3).ok());
  }
  auto c = std::move(Cache::open(path)).value();
  CHECK(c->schema_version() == Cache::kSchemaVersion);
  CHECK(Quarantine(*c).count() == 0);  // schema 3's table is there
  auto all = Outbox(*c).entries();
  REQUIRE(all.size() == 2);
  CHECK(all[0].row_id() == "a");
  CHECK(all[1].state == OutboxState::Failed);
  auto next = Outbox(*c).enqueue("zones", OutboxOp::Patch, {{"id", "a"}, {"name", "Bar"}}, "", "t");
  REQUIRE(next.ok());
  CHECK(*next == 4);
  CHECK(Outbox(*c).entry(*next)->op == OutboxOp::Patch);
  CHECK(c->integrity_check().ok());
}

TEST_CASE("the cache file and its WAL are owner-only and survive a reopen") {
  fixture::TempDir dir;
  std::string path = dir.file("cache.db");
  {
    auto c = fixture::seeded_cache(path);
    REQUIRE(LocalSettings(*c).set("x", "1").ok());
    for (std::string f : {path, path + "-wal", path + "-shm"}) {
      struct stat st {};
      REQUIRE(::stat(f.c_str(), &st) == 0);
      CHECK_MESSAGE((st.st_mode & 0777) == 0600, f);
    }
  }
  auto c = Cache::open(path);
  REQUIRE(c.ok());
  CHECK(LocalSettings(*c.value()).get("x") == "1");
  CHECK(c.value()->has_venue());
  CHECK_FALSE(c.value()->seed(fixture::demo_venue()).ok());  // never seeded twice
}

TEST_CASE("the seeded demo loads back as the same venue and day") {
  auto c = fixture::seeded_cache(":memory:", true);
  auto v = c->load_venue();
  REQUIRE_MESSAGE(v.ok(), (v.ok() ? "" : v.error().text()));
  CHECK(v->restaurant.id == fixture::demo_venue().restaurant.id);
  CHECK(v->tables.size() == fixture::demo_venue().tables.size());
  CHECK(v->team_members.size() == fixture::demo_venue().team_members.size());
  CHECK(v->restaurant.settings.turn_times == fixture::demo_venue().restaurant.settings.turn_times);
  const DayBook& demo = fixture::demo_day();
  auto d = c->load_day(demo.date);
  REQUIRE(d.ok());
  CHECK(d->reservations.size() == demo.reservations.size());
  CHECK(d->waitlist.size() == demo.waitlist.size());
  CHECK(d->table_overrides.size() == demo.table_overrides.size());
  CHECK(c->load_day(demo.date.plus_days(1))->reservations.empty());
}

TEST_CASE("a row the codec refuses is set aside with its table, id and reason") {
  auto c = fixture::seeded_cache();
  Json bad = encode(fixture::booking("7", "19:00"));
  bad["id"] = "bad-row";
  bad["party_size"] = 0;
  REQUIRE(c->put_row("reservations", bad).ok());
  auto d = c->load_day(*Date::parse(fixture::kQuietDay));
  REQUIRE(d.ok());  // the day loads without it (test_quarantine.cpp)
  CHECK(d->reservations.empty());
  auto q = Quarantine(*c).rows();
  REQUIRE(q.size() == 1);
  CHECK(q[0].table == "reservations");
  CHECK(q[0].row_id == "bad-row");
  CHECK(q[0].reason.find("party_size") != std::string::npos);
}

TEST_CASE("customer search matches name, phone and email, case-insensitively") {
  auto c = std::move(Cache::open(":memory:")).value();
  Customer a;
  a.id = "c1";
  a.name = "Amélie Durand";
  a.phone = "+33 6 12 34 56 78";
  Customer b;
  b.id = "c2";
  b.name = "Marc 100%";
  REQUIRE(c->put_row("customers", encode(a)).ok());
  REQUIRE(c->put_row("customers", encode(b)).ok());
  CHECK(c->search_customers("durand").size() == 1);
  CHECK(c->search_customers("12 34").size() == 1);
  CHECK(c->search_customers("100%").size() == 1);  // % is literal
  CHECK(c->search_customers("%").size() == 1);
  CHECK(c->search_customers("zzz").empty());
}
