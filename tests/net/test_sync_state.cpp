// Sync's state in the cache: pull cursors and conflicts with the engine's
// table choice as their proposal.
#include <doctest/doctest.h>

#include "foh/net/cache.hpp"
#include "foh/net/sync_state.hpp"

using namespace foh;
using namespace foh::net;

namespace {
std::unique_ptr<Cache> memory_cache() { return std::move(Cache::open(":memory:")).value(); }
}  // namespace

TEST_CASE("conflicts and cursors persist their fields") {
  auto c = memory_cache();
  SyncState sync(*c);
  Conflict k{"res1", 7, "overlap", TableChoice{{"t1", "t2"}, "7+8", "Tables 7+8 free"}, ""};
  REQUIRE(sync.put_conflict(k).ok());
  auto got = sync.conflict_of("res1");
  REQUIRE(got);
  REQUIRE(got->proposal);
  CHECK(got->proposal->table_ids == std::vector<Uuid>{"t1", "t2"});
  CHECK(got->proposal->table_number == "7+8");
  CHECK(got->proposal->reason == "Tables 7+8 free");
  CHECK(got->outbox_seq == 7);
  CHECK(got->message == "overlap");
  CHECK_FALSE(got->created_at.empty());  // stamped when not given
  REQUIRE(sync.remove_conflict("res1").ok());
  CHECK(sync.conflicts().empty());

  CHECK(sync.cursor("tables").seq == 0);
  REQUIRE(sync.set_cursor("tables", {"", "", 12345}).ok());
  CHECK(sync.cursor("tables").seq == 12345);
}

TEST_CASE("a conflict's proposal: none yet, nothing free, or a table") {
  auto c = memory_cache();
  SyncState sync(*c);
  REQUIRE(sync.put_conflict({"none", 1, "overlap", std::nullopt, "2026-12-01T10:00:00Z"}).ok());
  REQUIRE(sync.put_conflict({"full", 2, "overlap", TableChoice{{}, "", "no free table: full"},
                             "2026-12-01T10:01:00Z"})
              .ok());
  REQUIRE(sync.put_conflict({"nine", 3, "overlap", TableChoice{{"t9"}, "9", "Table 9 free"},
                             "2026-12-01T10:02:00Z"})
              .ok());
  auto all = sync.conflicts();
  REQUIRE(all.size() == 3);  // oldest first
  CHECK(all[0].reservation_id == "none");
  CHECK_FALSE(all[0].proposal);  // sync has not proposed yet
  REQUIRE(all[1].proposal);      // proposed, nothing free: the reason says so
  CHECK(all[1].proposal->table_ids.empty());
  CHECK(all[1].proposal->reason == "no free table: full");
  REQUIRE(all[2].proposal);
  CHECK(all[2].proposal->table_ids == std::vector<Uuid>{"t9"});
  CHECK(all[2].proposal->table_number == "9");

  // Replacing a conflict (sync's proposal after a pull) keeps one per reservation.
  Conflict later = all[0];
  later.proposal = TableChoice{{"t4"}, "4", "Table 4 free"};
  REQUIRE(sync.put_conflict(later).ok());
  CHECK(sync.conflicts().size() == 3);
  CHECK(sync.conflict_of("none")->proposal->table_number == "4");
}

TEST_CASE("a conflict written before proposals were optional reads as not proposed") {
  auto c = memory_cache();
  REQUIRE(c->exec("INSERT INTO conflicts VALUES ('old', 4, 'overlap',"
                  " '{\"table_ids\":[],\"table_number\":\"\",\"reason\":\"\"}', '2026-12-01')")
              .ok());
  REQUIRE(
      c->exec("INSERT INTO conflicts VALUES ('bad', 5, 'overlap', 'not json', '2026-12-02')").ok());
  SyncState sync(*c);
  CHECK_FALSE(sync.conflict_of("old")->proposal);
  CHECK_FALSE(sync.conflict_of("bad")->proposal);
  CHECK(sync.conflict_of("bad")->outbox_seq == 5);
}

TEST_CASE("each table keeps its own cursor") {
  auto c = memory_cache();
  SyncState sync(*c);
  REQUIRE(sync.set_cursor("tables", {"2026-12-01T10:00:00Z", "t1", 10}).ok());
  REQUIRE(sync.set_cursor("zones", {"", "", 20}).ok());
  REQUIRE(sync.set_cursor("tables", {"2026-12-01T11:00:00Z", "t2", 30}).ok());  // replaced
  SyncCursor t = sync.cursor("tables");
  CHECK(t.updated_at == "2026-12-01T11:00:00Z");
  CHECK(t.last_id == "t2");
  CHECK(t.seq == 30);
  CHECK(sync.cursor("zones").seq == 20);
  CHECK(sync.cursor("customers").updated_at.empty());
}
