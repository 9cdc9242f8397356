// Opening the cache file, its schema and migrations, rows.
#include "foh/net/cache.hpp"

#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <mutex>
#include <unordered_map>

#include "foh/net/entities.hpp"
#include "set_aside.hpp"
#include "sqlite_stmt.hpp"

namespace foh::net {

bool is_synced_table(std::string_view table) {
  return std::any_of(std::begin(kSyncedTables), std::end(kSyncedTables),
                     [&](const char* t) { return table == t; });
}

namespace {

std::string str_field(const Json& row, const char* key) {
  auto it = row.find(key);
  return it != row.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// The column a table is most often filtered by besides date.
const char* ref_column(std::string_view table) {
  if (table == Entity<ReservationEvent>::table) return "reservation_id";
  if (table == Entity<Table>::table || table == Entity<Zone>::table ||
      table == Entity<DailyExtraTable>::table)
    return "floor_plan_id";
  if (table == Entity<DailyTableOverride>::table) return "table_id";
  return nullptr;
}

// The row a guest text is about: a waitlist entry or a booking (never both).
std::string text_subject(const Json& row) {
  std::string w = str_field(row, "waitlist_entry_id");
  return w.empty() ? str_field(row, "reservation_id") : w;
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

std::string search_text(std::string_view table, const Json& row) {
  if (table == Entity<Customer>::table)
    return lower(str_field(row, "name") + " " + str_field(row, "phone") + " " +
                 str_field(row, "email"));
  if (table == Entity<Reservation>::table)
    return lower(str_field(row, "guest_name") + " " + str_field(row, "guest_phone"));
  return {};
}

std::string row_table_sql(const char* t) {
  std::string n(t);
  return "CREATE TABLE IF NOT EXISTS " + n +
         " (id TEXT PRIMARY KEY, restaurant_id TEXT, date TEXT, updated_at TEXT, status TEXT,"
         " ref_id TEXT, search TEXT, json TEXT NOT NULL);"
         "CREATE INDEX IF NOT EXISTS " +
         n + "_date ON " + n +
         "(date);"
         "CREATE INDEX IF NOT EXISTS " +
         n + "_ref ON " + n + "(ref_id);";
}

// The outbox table under `name` (schema 2: op 'patch' allowed).
std::string outbox_sql(const char* name) {
  return std::string("CREATE TABLE IF NOT EXISTS ") + name + R"sql( (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  idempotency_key TEXT NOT NULL UNIQUE,
  tbl TEXT NOT NULL,
  op TEXT NOT NULL CHECK (op IN ('upsert','delete','status','patch')),
  row_id TEXT NOT NULL,
  row_json TEXT NOT NULL,
  created_at TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  last_error TEXT NOT NULL DEFAULT '',
  state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending','conflicted','failed')));
)sql";
}

const char* kOutboxIndexes =
    "CREATE INDEX IF NOT EXISTS outbox_row ON outbox(tbl, row_id);"
    "CREATE INDEX IF NOT EXISTS outbox_state ON outbox(state, seq);";

// Schema 1 -> 2: SQLite cannot change a CHECK constraint, so the outbox is
// copied into a new table, keeping seq and the AUTOINCREMENT counter (a seq
// is never reused: conflicts name entries by it).
const char* kOutboxToV2 = R"sql(
INSERT INTO outbox_v2 SELECT * FROM outbox;
DELETE FROM sqlite_sequence WHERE name = 'outbox_v2';
INSERT INTO sqlite_sequence (name, seq) SELECT 'outbox_v2', seq FROM sqlite_sequence WHERE name = 'outbox';
DROP TABLE outbox;
ALTER TABLE outbox_v2 RENAME TO outbox;
)sql";

const char* kMetaSchema = R"sql(
CREATE TABLE IF NOT EXISTS conflicts (
  reservation_id TEXT PRIMARY KEY, outbox_seq INTEGER NOT NULL, message TEXT NOT NULL,
  proposal_json TEXT NOT NULL, created_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sync_cursors (
  tbl TEXT PRIMARY KEY, updated_at TEXT NOT NULL DEFAULT '', last_id TEXT NOT NULL DEFAULT '',
  seq INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS kv (key TEXT PRIMARY KEY, value TEXT NOT NULL);
)sql";

// Schema 3: rows the engine cannot read, kept aside (quarantine.cpp).
const char* kQuarantineSchema = R"sql(
CREATE TABLE IF NOT EXISTS quarantine (
  tbl TEXT NOT NULL, row_id TEXT NOT NULL, json TEXT NOT NULL, reason TEXT NOT NULL,
  first_seen TEXT NOT NULL, last_seen TEXT NOT NULL, PRIMARY KEY (tbl, row_id));
)sql";

// Owner-only permissions before SQLite touches the file: SQLite gives the
// -wal and -shm files the database file's mode.
Status prepare_file(const std::string& path) {
  if (path == ":memory:" || path.empty()) return ok();
  int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0) return Error{path, std::string("cannot create cache file: ") + std::strerror(errno)};
  bool chmod_ok = ::fchmod(fd, 0600) == 0;
  ::close(fd);
  if (!chmod_ok) return Error{path, std::string("cannot set mode 0600: ") + std::strerror(errno)};
  for (const char* suffix : {"-wal", "-shm"}) ::chmod((path + suffix).c_str(), 0600);
  return ok();
}

}  // namespace

struct Cache::Statements {
  std::unordered_map<std::string, sqlite3_stmt*> by_sql;
  ~Statements() {
    for (auto& [sql, st] : by_sql) sqlite3_finalize(st);
  }
};

Cache::Cache(sqlite3* db, std::string path)
    : db_(db), path_(std::move(path)), statements_(std::make_unique<Statements>()) {}
Cache::~Cache() {
  statements_.reset();  // finalized before the connection closes
  sqlite3_close_v2(db_);
}

Cache::Revision Cache::revision() {
  Revision r;
  r.own = sqlite3_total_changes64(db_);
  Stmt s(*this, "PRAGMA data_version");
  if (s.step()) r.others = s.int64(0);
  return r;
}

sqlite3_stmt* Cache::reusable(std::string_view sql) {
  auto& map = statements_->by_sql;
  auto it = map.find(std::string(sql));
  if (it != map.end()) return sqlite3_stmt_busy(it->second) ? nullptr : it->second;
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                         &st, nullptr) != SQLITE_OK ||
      !st) {
    sqlite3_finalize(st);
    return nullptr;
  }
  map.emplace(std::string(sql), st);
  return st;
}

// SQLite's memory statistics take one process-wide mutex on every allocation
// (Debian's build has no lookaside): the UI's reader then queues behind the
// sync thread's writer, and behind its preemption on a busy CPU. Nobody here
// reads those statistics. Must run before SQLite initialises.
static void configure_sqlite_once() {
  static std::once_flag once;
  std::call_once(once, [] { sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); });
}

Result<std::unique_ptr<Cache>> Cache::open(const std::string& path, CacheOptions opts) {
  configure_sqlite_once();
  if (auto st = prepare_file(path); !st) return st.error();
  sqlite3* db = nullptr;
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  if (sqlite3_open_v2(path.c_str(), &db, flags, nullptr) != SQLITE_OK) {
    Error e = sqlite_error(db, path);
    sqlite3_close_v2(db);
    return e;
  }
  std::unique_ptr<Cache> c(new Cache(db, path));
  sqlite3_busy_timeout(db, opts.busy_timeout_ms);
  // WAL: readers never wait for the sync thread's writes. FULL: a commit is
  // on disk before it returns (survives a power cut, not only a crash).
  if (path != ":memory:") {
    Stmt wal(db, "PRAGMA journal_mode=WAL");
    if (!wal.step() || wal.text(0) != "wal") return Error{path, "cannot switch to WAL mode"};
  }
  for (const char* pragma :
       {"PRAGMA synchronous=FULL", "PRAGMA foreign_keys=OFF", "PRAGMA temp_store=MEMORY"})
    if (auto st = c->exec(pragma); !st) return st.error();
  if (auto st = c->migrate(); !st) return st.error();
  if (auto st = prepare_file(path); !st) return st.error();  // -wal/-shm now exist
  return c;
}

Status Cache::exec(const std::string& sql) {
  char* msg = nullptr;
  if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &msg) != SQLITE_OK) {
    Error e{path_, std::string("SQLite: ") + (msg ? msg : "error") + " in: " + sql.substr(0, 60)};
    sqlite3_free(msg);
    return e;
  }
  return ok();
}

int Cache::schema_version() {
  Stmt s(db_, "PRAGMA user_version");
  return s.step() ? static_cast<int>(s.int64(0)) : -1;
}

// Migrations run in one transaction with the version bump.
Status Cache::migrate() {
  int v = schema_version();
  if (v > kSchemaVersion)
    return Error{path_, "cache schema version " + std::to_string(v) +
                            " is newer than this build (" + std::to_string(kSchemaVersion) + ")"};
  if (v == kSchemaVersion) return ok();
  Transaction tx(*this);
  if (!tx.begun()) return tx.begun().error();
  if (v < 1) {
    for (const char* t : kSyncedTables)
      if (auto st = exec(row_table_sql(t)); !st) return st;
    if (auto st = exec(kMetaSchema); !st) return st;
    if (auto st = exec(outbox_sql("outbox")); !st) return st;
  } else if (v < 2) {
    if (auto st = exec(outbox_sql("outbox_v2")); !st) return st;
    if (auto st = exec(kOutboxToV2); !st) return st;
  }
  // Tables synced since (CREATE ... IF NOT EXISTS): guest texts (4), server sections (5).
  for (const char* t : kSyncedTables)
    if (auto st = exec(row_table_sql(t)); !st) return st;
  if (auto st = exec(kOutboxIndexes); !st) return st;
  if (auto st = exec(kQuarantineSchema); !st) return st;
  if (auto st = exec("PRAGMA user_version=" + std::to_string(kSchemaVersion)); !st) return st;
  return tx.commit();
}

namespace {
Status check_pragma(sqlite3* db, const std::string& path, const char* pragma) {
  Stmt s(db, std::string("PRAGMA ") + pragma);
  if (!s.step()) return s.error(path);
  std::string r = s.text(0);
  return r == "ok" ? ok() : Status(Error{path, std::string(pragma) + ": " + r});
}
}  // namespace

Status Cache::integrity_check() { return check_pragma(db_, path_, "integrity_check"); }
Status Cache::quick_check() { return check_pragma(db_, path_, "quick_check"); }

// ---------------------------------------------------------------- rows

Status Cache::put_row(std::string_view table, const Json& row) {
  if (!is_synced_table(table)) return Error{std::string(table), "not a synced table"};
  std::string id = str_field(row, "id");
  if (id.empty()) return Error{std::string(table) + ".id", "missing row id"};
  std::string rid = table == Entity<Restaurant>::table ? id : str_field(row, "restaurant_id");
  std::string updated = str_field(row, "updated_at");
  if (updated.empty()) updated = str_field(row, "created_at");
  const char* ref = ref_column(table);
  Stmt s(*this, "INSERT OR REPLACE INTO " + std::string(table) +
                    " (id, restaurant_id, date, updated_at, status, ref_id, search, json)"
                    " VALUES (?,?,?,?,?,?,?,?)");
  s.bind(1, id).bind_opt(2, rid).bind_opt(3, str_field(row, "date")).bind_opt(4, updated);
  std::string ref_id = table == Entity<CommunicationEvent>::table ? text_subject(row)
                       : ref                                      ? str_field(row, ref)
                                                                  : std::string();
  s.bind_opt(5, str_field(row, "status")).bind_opt(6, ref_id);
  s.bind_opt(7, search_text(table, row)).bind(8, row.dump());
  if (!s.run()) return s.error(std::string(table) + " " + id);
  return ok();
}

Status Cache::delete_row(std::string_view table, const Uuid& id) {
  if (!is_synced_table(table)) return Error{std::string(table), "not a synced table"};
  Stmt s(*this, "DELETE FROM " + std::string(table) + " WHERE id = ?");
  s.bind(1, id);
  if (!s.run()) return s.error(std::string(table) + " " + id);
  return ok();
}

std::vector<Json> Cache::collect(Stmt& s, std::string_view table, SetAsideRows* report) {
  std::vector<Json> out;
  std::vector<std::pair<std::string, std::string>> not_json;  // id, text
  while (s.step()) {
    std::string_view text = s.view(0);
    auto j = Json::parse(text.begin(), text.end(), nullptr, false);
    if (!j.is_discarded())
      out.push_back(std::move(j));
    else
      not_json.emplace_back(s.text(1), std::string(text));
  }
  s.reset();  // done reading before the rows are moved aside
  for (const auto& [id, text] : not_json)
    set_aside(*this, table, id, text, "the cached row is not JSON", report);
  return out;
}

std::optional<Json> Cache::get_row(std::string_view table, const Uuid& id,
                                   SetAsideRows* set_aside) {
  if (!is_synced_table(table)) return std::nullopt;
  Stmt s(*this, "SELECT json, id FROM " + std::string(table) + " WHERE id = ?");
  s.bind(1, id);
  auto v = collect(s, table, set_aside);
  if (v.empty()) return std::nullopt;
  return std::move(v.front());
}

bool Cache::has_row(std::string_view table, const Uuid& id) {
  if (!is_synced_table(table)) return false;
  Stmt s(*this, "SELECT 1 FROM " + std::string(table) + " WHERE id = ?");
  s.bind(1, id);
  return s.step();
}

std::vector<Json> Cache::rows(std::string_view table, SetAsideRows* set_aside) {
  if (!is_synced_table(table)) return {};
  Stmt s(*this, "SELECT json, id FROM " + std::string(table) + " ORDER BY rowid");
  return collect(s, table, set_aside);
}

std::vector<Json> Cache::rows_of_date(std::string_view table, Date date, SetAsideRows* set_aside) {
  if (!is_synced_table(table)) return {};
  Stmt s(*this, "SELECT json, id FROM " + std::string(table) + " WHERE date = ? ORDER BY rowid");
  s.bind(1, date.str());
  return collect(s, table, set_aside);
}

std::vector<Json> Cache::rows_about(std::string_view table, const Uuid& ref_id,
                                    SetAsideRows* set_aside) {
  if (!is_synced_table(table)) return {};
  Stmt s(*this, "SELECT json, id FROM " + std::string(table) + " WHERE ref_id = ? ORDER BY rowid");
  s.bind(1, ref_id);
  return collect(s, table, set_aside);
}

int64_t Cache::row_count(std::string_view table) {
  if (!is_synced_table(table)) return 0;
  Stmt s(*this, "SELECT count(*) FROM " + std::string(table));
  return s.step() ? s.int64(0) : 0;
}

}  // namespace foh::net
