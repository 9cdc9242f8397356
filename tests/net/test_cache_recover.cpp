// A damaged cache file at start (issue 11): a truncated file, a garbled
// header ("cannot switch to WAL mode" before), a failed integrity check.
// Each opens as a fresh cache, the old file kept aside, its readable unsent
// changes queued again.
#include <doctest/doctest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "fixtures.hpp"
#include "foh/engine/codec.hpp"
#include "foh/net/cache_recover.hpp"
#include "foh/net/outbox.hpp"

using namespace foh;
using namespace foh::net;
namespace fs = std::filesystem;

namespace {

const auto kNow = std::chrono::system_clock::time_point{} + std::chrono::seconds(1795000000);

// A cache with the demo day and three unsent changes; returns their keys.
std::vector<std::string> make_cache(const std::string& path) {
  auto cache = fixture::seeded_cache(path, true);
  std::vector<std::string> keys;
  for (int i = 0; i < 3; ++i) {
    keys.push_back(new_uuid());
    Json row = encode(fixture::booking("7", "19:00"));
    row["id"] = new_uuid();
    REQUIRE(Outbox(*cache)
                .enqueue("reservations", OutboxOp::Upsert, row, keys.back(), utc_now_iso())
                .ok());
  }
  // Enough rows that the file has pages past its outbox.
  for (int i = 0; i < 3000; ++i) {
    Json c = {{"id", new_uuid()}, {"name", "Client " + std::to_string(i)}, {"phone", "0600000000"}};
    REQUIRE(cache->put_row("customers", c).ok());
  }
  return keys;
}

std::string read_all(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

void write_at(const std::string& path, int64_t offset, const std::string& bytes) {
  std::fstream f(path, std::ios::in | std::ios::out | std::ios::binary);
  f.seekp(offset);
  f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

// The root page of a table or index, by name.
int64_t root_page_of(const std::string& path, const std::string& name) {
  sqlite3* db = nullptr;
  sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(db, ("SELECT rootpage FROM sqlite_master WHERE name = '" + name + "'").c_str(),
                     -1, &st, nullptr);
  int64_t page = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
  sqlite3_finalize(st);
  sqlite3_close_v2(db);
  return page;
}

void check_recovered(const std::string& path, const std::string& damaged,
                     const std::vector<std::string>& keys, const char* problem) {
  CHECK(cache_damage(path).has_value());
  auto opened = open_cache(path, kNow);
  REQUIRE_MESSAGE(opened.ok(), (opened.ok() ? "" : opened.error().text()));
  REQUIRE(opened->recovery.has_value());
  const CacheRecovery& rec = *opened->recovery;
  CHECK_MESSAGE(rec.problem.find(problem) != std::string::npos, rec.problem);
  CHECK(rec.kept_as == path + ".corrupt-20261118T110640");
  CHECK(read_all(rec.kept_as) == damaged);  // kept as found, for support
  CHECK(rec.outbox_salvaged == static_cast<int>(keys.size()));
  CHECK(rec.message().find(path) != std::string::npos);
  CHECK(rec.message().find(rec.kept_as) != std::string::npos);
  Cache& fresh = *opened->cache;
  CHECK(fresh.quick_check().ok());
  CHECK_FALSE(fresh.has_venue());  // filled by the first pull, or seeded standalone
  auto outbox = Outbox(fresh).entries(OutboxState::Pending);
  REQUIRE(outbox.size() == keys.size());
  for (size_t i = 0; i < keys.size(); ++i) CHECK(outbox[i].idempotency_key == keys[i]);
  CHECK(cache_damage(path) == std::nullopt);
}

}  // namespace

TEST_CASE("corrupt cache: a sound or missing file opens as it is, nothing moved") {
  fixture::TempDir dir;
  const std::string path = dir.file("foh.sqlite");
  auto fresh = open_cache(path, kNow);
  REQUIRE(fresh.ok());
  CHECK_FALSE(fresh->recovery);
  fresh->cache.reset();
  make_cache(path);
  auto again = open_cache(path, kNow);
  REQUIRE(again.ok());
  CHECK_FALSE(again->recovery);
  CHECK(again->cache->has_venue());
  CHECK(Outbox(*again->cache).count() == 3);
  CHECK(std::distance(fs::directory_iterator(dir.path), fs::directory_iterator{}) <= 3);
}

TEST_CASE("corrupt cache: a garbled header") {
  fixture::TempDir dir;
  const std::string path = dir.file("foh.sqlite");
  auto keys = make_cache(path);
  write_at(path, 0, "garbage garbage!");
  CHECK_FALSE(Cache::open(path).ok());  // what the terminal met: "cannot switch to WAL mode"
  check_recovered(path, read_all(path), keys, "header");
  CHECK_FALSE(fs::exists(path + ".salvage"));  // the repaired copy read, then removed
  CHECK_FALSE(fs::exists(path + ".salvage-shm"));
  CHECK_FALSE(fs::exists(path + ".salvage-wal"));
}

TEST_CASE("corrupt cache: a truncated file") {
  fixture::TempDir dir;
  const std::string path = dir.file("foh.sqlite");
  auto keys = make_cache(path);
  const auto size = fs::file_size(path);
  REQUIRE(size > 64 * 1024);
  fs::resize_file(path, size / 2);
  check_recovered(path, read_all(path), keys, "truncated");
}

TEST_CASE("corrupt cache: a file whose integrity check fails") {
  fixture::TempDir dir;
  const std::string path = dir.file("foh.sqlite");
  auto keys = make_cache(path);
  const int64_t page = root_page_of(path, "customers");
  REQUIRE(page > 1);
  write_at(path, (page - 1) * 4096 + 8, std::string(200, '\xA5'));  // inside its b-tree page
  REQUIRE(Cache::open(path).ok());                                  // it opened before, silently
  check_recovered(path, read_all(path), keys, "quick_check");
}

TEST_CASE("corrupt cache: two recoveries in the same second keep both files") {
  fixture::TempDir dir;
  const std::string path = dir.file("foh.sqlite");
  for (int i = 0; i < 2; ++i) {
    make_cache(path);
    write_at(path, 0, "garbage garbage!");
    auto opened = open_cache(path, kNow);
    REQUIRE(opened.ok());
    REQUIRE(opened->recovery);
    CHECK(fs::exists(opened->recovery->kept_as));
  }
  CHECK(fs::exists(path + ".corrupt-20261118T110640"));
  CHECK(fs::exists(path + ".corrupt-20261118T110640-2"));
}
