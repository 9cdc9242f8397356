// A damaged cache file at start: detected (header, quick_check), kept aside
// for support, replaced by a fresh cache that gets the unsent outbox entries
// still readable in the old one. See cache_recover.hpp.
#include "foh/net/cache_recover.hpp"

#include <sqlite3.h>
#include <sys/stat.h>

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fstream>

#include "sqlite_stmt.hpp"

namespace foh::net {

namespace {

constexpr char kMagic[] = "SQLite format 3";  // the first 16 bytes, NUL included

bool exists(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0;
}

int64_t file_size(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 ? static_cast<int64_t>(st.st_size) : -1;
}

bool header_ok(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  char head[16] = {};
  in.read(head, sizeof head);
  return in.gcount() == 16 && std::memcmp(head, kMagic, 16) == 0;
}

uint32_t big_endian(const unsigned char* p, int n) {
  uint32_t v = 0;
  for (int i = 0; i < n; ++i) v = (v << 8) | p[i];
  return v;
}

// The size the header says the file has (page count x page size), when the
// header's count is valid (its version-valid-for equals the change counter).
std::optional<int64_t> header_size(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  unsigned char h[100] = {};
  in.read(reinterpret_cast<char*>(h), sizeof h);
  if (in.gcount() != 100 || big_endian(h + 24, 4) != big_endian(h + 92, 4)) return std::nullopt;
  const uint32_t page = big_endian(h + 16, 2) == 1 ? 65536 : big_endian(h + 16, 2);
  return static_cast<int64_t>(big_endian(h + 28, 4)) * page;
}

// quick_check reads every page (~1 ms a MB): at every start up to this size,
// and on a larger cache when its last session did not end cleanly (its -wal
// is still there: a crash or a power cut, what damages files).
constexpr int64_t kFullCheckBytes = 32 << 20;

bool damage_code(int rc) {
  rc &= 0xff;
  return rc == SQLITE_CORRUPT || rc == SQLITE_NOTADB;
}

// RAII read-only connection.
struct ReadOnly {
  explicit ReadOnly(const std::string& path) {
    rc = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr);
  }
  ~ReadOnly() { sqlite3_close_v2(db); }
  sqlite3* db = nullptr;
  int rc = SQLITE_OK;
};

std::vector<OutboxEntry> read_outbox(const std::string& path) {
  std::vector<OutboxEntry> out;
  ReadOnly ro(path);
  if (ro.rc != SQLITE_OK) return out;
  // A truncated file is shorter than its header says: SQLite refuses it
  // outright unless the schema checks are relaxed (read-only here).
  sqlite3_exec(ro.db, "PRAGMA writable_schema=ON", nullptr, nullptr, nullptr);
  Stmt s(ro.db,
         "SELECT seq, idempotency_key, tbl, op, row_json, created_at FROM outbox ORDER BY seq");
  // A damaged page ends the scan: the entries read before it are kept.
  while (s.step()) {
    OutboxEntry e;
    e.seq = s.int64(0);
    e.idempotency_key = s.text(1);
    e.table = s.text(2);
    auto op = parse_outbox_op(s.text(3));
    e.row = Json::parse(s.text(4), nullptr, false);
    e.created_at = s.text(5);
    if (!op || e.row.is_discarded() || e.row_id().empty() || e.idempotency_key.empty()) continue;
    e.op = *op;
    out.push_back(std::move(e));
  }
  return out;
}

// A copy of the file with SQLite's magic written back over a garbled header,
// so the pages behind it can still be read; removed by the destructor.
struct HeaderRepaired {
  explicit HeaderRepaired(const std::string& path) : copy(path + ".salvage") {
    {
      std::ifstream in(path, std::ios::binary);
      std::ofstream out(copy, std::ios::binary | std::ios::trunc);
      out << in.rdbuf();
      out.seekp(0);
      out.write(kMagic, 16);
    }
    if (exists(path + "-wal")) {  // its last commits, not yet in the file
      std::ifstream in(path + "-wal", std::ios::binary);
      std::ofstream out(copy + "-wal", std::ios::binary | std::ios::trunc);
      out << in.rdbuf();
    }
  }
  ~HeaderRepaired() {
    for (const char* suffix : {"", "-wal", "-shm"}) std::remove((copy + suffix).c_str());
  }
  std::string copy;
};

std::string stamp(std::chrono::system_clock::time_point now) {
  const std::time_t t = std::chrono::system_clock::to_time_t(now);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y%m%dT%H%M%S", &tm);
  return buf;
}

// Renames the file and its -wal/-shm to `path.corrupt-STAMP` (+ "-2", ...
// when that name is taken), so SQLite can open the kept copy with its WAL.
Result<std::string> move_aside(const std::string& path, std::chrono::system_clock::time_point now) {
  std::string kept = path + ".corrupt-" + stamp(now);
  for (int n = 2; exists(kept); ++n)
    kept = path + ".corrupt-" + stamp(now) + "-" + std::to_string(n);
  if (std::rename(path.c_str(), kept.c_str()) != 0)
    return Error{path, std::string("cannot move the damaged cache aside: ") + std::strerror(errno)};
  for (const char* suffix : {"-wal", "-shm"})
    if (exists(path + suffix)) std::rename((path + suffix).c_str(), (kept + suffix).c_str());
  return kept;
}

Status requeue(Cache& cache, const std::vector<OutboxEntry>& entries) {
  Transaction tx(cache);
  if (!tx.begun()) return tx.begun();
  for (const OutboxEntry& e : entries)
    if (auto seq = Outbox(cache).enqueue(e.table, e.op, e.row, e.idempotency_key, e.created_at);
        !seq)
      return seq.error();
  return tx.commit();
}

}  // namespace

std::string CacheRecovery::message() const {
  return "cache " + path + " was damaged (" + problem + "): kept as " + kept_as +
         ", a fresh cache was created, " + std::to_string(outbox_salvaged) +
         " unsent change(s) salvaged";
}

std::optional<std::string> cache_damage(const std::string& path) {
  if (path.empty() || path == ":memory:" || file_size(path) <= 0) return std::nullopt;
  if (!header_ok(path)) return "not an SQLite database: garbled or truncated header";
  const int64_t size = file_size(path);
  if (auto expected = header_size(path); expected && size < *expected && !exists(path + "-wal"))
    return "truncated: " + std::to_string(size) + " of " + std::to_string(*expected) + " bytes";
  if (size > kFullCheckBytes && !exists(path + "-wal")) return std::nullopt;
  ReadOnly ro(path);
  if (ro.rc != SQLITE_OK)  // cannot even read it: Cache::open reports why
    return damage_code(ro.rc) ? std::optional<std::string>(sqlite3_errstr(ro.rc)) : std::nullopt;
  Stmt s(ro.db, "PRAGMA quick_check");
  if (!s.step())
    return damage_code(s.rc()) || damage_code(sqlite3_extended_errcode(ro.db))
               ? std::optional<std::string>(sqlite3_errmsg(ro.db))
               : std::nullopt;
  std::string r = s.text(0);
  if (r == "ok") return std::nullopt;
  return "quick_check: " + r;
}

std::vector<OutboxEntry> salvage_outbox(const std::string& path) {
  if (header_ok(path)) return read_outbox(path);
  HeaderRepaired repaired(path);
  return read_outbox(repaired.copy);
}

Result<OpenedCache> open_cache(const std::string& path, std::chrono::system_clock::time_point now,
                               CacheOptions opts) {
  OpenedCache out;
  auto damage = cache_damage(path);
  if (!damage) {
    auto c = Cache::open(path, opts);
    if (!c) return c.error();
    out.cache = std::move(*c);
    return out;
  }
  CacheRecovery rec;
  rec.path = path;
  rec.problem = *damage;
  const auto salvaged = salvage_outbox(path);
  auto kept = move_aside(path, now);
  if (!kept) return kept.error();
  rec.kept_as = *kept;
  auto c = Cache::open(path, opts);
  if (!c) return c.error();
  if (auto st = requeue(**c, salvaged); !st) return st.error();
  rec.outbox_salvaged = static_cast<int>(salvaged.size());
  out.cache = std::move(*c);
  out.recovery = std::move(rec);
  return out;
}

}  // namespace foh::net
