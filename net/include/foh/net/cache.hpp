#pragma once
// The terminal's local store: one SQLite file (or ":memory:") in WAL mode with
// synchronous=FULL, so a change acknowledged to the user survives a power cut.
// Each synced row is kept as its JSON text (the seed's columns, as the codec
// writes them) plus the indexed columns we query on. Every local change is ONE
// transaction writing the row and its outbox entry (see store.hpp).
//
// A Cache is one SQLite connection: use it from one thread at a time. The sync
// thread opens its own Cache on the same file.
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "foh/engine/model.hpp"
#include "foh/engine/result.hpp"

struct sqlite3;  // vendor types kept opaque
struct sqlite3_stmt;

namespace foh::net {

// Every entity mirrored from the backend, by backend table name, in the order
// a pull applies them (parents first).
inline constexpr const char* kSyncedTables[] = {"restaurants",
                                                "floor_plans",
                                                "zones",
                                                "tables",
                                                "services",
                                                "team_members",
                                                "customers",
                                                "reservations",
                                                "reservation_events",
                                                "waitlist_entries",
                                                "daily_table_overrides",
                                                "daily_extra_tables",
                                                "daily_floor_notes",
                                                "server_sections",
                                                "communication_events"};
bool is_synced_table(std::string_view table);

// upsert: POST with merge-duplicates (new rows, whole-row saves such as the
// floor editor's; consecutive upserts of one table go out as one array POST);
// delete: DELETE by id; status: a reservation status change through the
// replay-safe RPC, with the columns that go with it (row: {id, from, to,
// metadata, patch, event_id}); patch: PATCH by id of only the columns the
// local command changed (row: {id, changed columns...}), so an edit made on a
// stale copy never overwrites another terminal's newer status or columns.
enum class OutboxOp { Upsert, Delete, Status, Patch };
// pending: waits for the sync thread; conflicted: the backend refused it with
// an overlap (23P01), waiting for a host's decision; failed: refused for another
// reason (a 4xx: kept, visible, retried only on request). Transport errors,
// 5xx and 429 leave an entry pending; the sync thread retries it by itself.
enum class OutboxState { Pending, Conflicted, Failed };
const char* to_string(OutboxOp op);
const char* to_string(OutboxState s);
std::optional<OutboxOp> parse_outbox_op(std::string_view s);
std::optional<OutboxState> parse_outbox_state(std::string_view s);

struct OutboxEntry {
  int64_t seq = 0;              // push order
  std::string idempotency_key;  // UUID v4, made when the change was made
  std::string table;
  OutboxOp op = OutboxOp::Upsert;
  Json row;                // the row as it was written locally
  std::string created_at;  // UTC ISO-8601
  int attempts = 0;
  std::string last_error;
  OutboxState state = OutboxState::Pending;
  Uuid row_id() const;  // row["id"]
};

// A detected overlap conflict, waiting for a host (store.hpp resolves it).
struct Conflict {
  Uuid reservation_id;
  int64_t outbox_seq = 0;
  std::string message;                   // the backend's error text
  std::vector<Uuid> proposed_table_ids;  // empty when nothing is free
  std::string proposed_table_number;     // "7" or "7+8"
  std::string proposal_reason;           // one line a host can read
  std::string created_at;
};

// Where a table's pull stands (see tools/backend/SYNC.md).
struct SyncCursor {
  std::string updated_at;  // last row's updated_at seen ("" = from the start)
  std::string last_id;     // id of that row, tie-breaker inside one timestamp
  int64_t seq = 0;         // commit-ordered sequence when the backend offers one
};

// A row the engine cannot read (time "24:00", created_at "-infinity", a BC
// date, a wrong JSON type, text that is not JSON): kept aside in the cache's
// quarantine table with the reason, out of the day, tried again on every pull.
struct QuarantinedRow {
  std::string table;
  Uuid row_id;
  std::string raw;                    // the row as it came (JSON text, or whatever the cache held)
  std::string reason;                 // the decoder's message, naming the column
  std::string first_seen, last_seen;  // UTC ISO-8601
};

// A row a read met and left out because the engine cannot read it: set aside
// in the quarantine (quarantined() has the row as it was), named here so the
// reader knows what it did not get. `reason` says so when the quarantine
// write itself failed (the row then stays where it was).
struct SetAside {
  std::string table;
  Uuid row_id;
  std::string reason;
};
using SetAsideRows = std::vector<SetAside>;

// OK when the terminal can use `row` of synced table `table`: the engine's
// decoder accepts it, and the timestamps the engine orders by parse (a
// waitlist entry's created_at orders the queue). Tombstones and unknown
// tables are not checked here.
Status readable_row(std::string_view table, const Json& row);

struct CacheOptions {
  int busy_timeout_ms = 5000;
};

class Cache;
class Stmt;  // sqlite_stmt.hpp, net internals

// RAII transaction: BEGIN IMMEDIATE on construction, ROLLBACK in the
// destructor unless commit() succeeded. commit() returns after COMMIT, i.e.
// once the change is durable.
class Transaction {
 public:
  explicit Transaction(Cache& cache);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  const Status& begun() const { return begun_; }  // BEGIN's result
  Status commit();
  bool committed() const { return committed_; }

 private:
  Cache& cache_;
  Status begun_;
  bool committed_ = false;
};

class Cache {
 public:
  // Creates the file with owner-only permissions (0600, also -wal/-shm),
  // applies migrations up to kSchemaVersion.
  static Result<std::unique_ptr<Cache>> open(const std::string& path, CacheOptions opts = {});
  ~Cache();
  Cache(const Cache&) = delete;
  Cache& operator=(const Cache&) = delete;

  // 2: outbox op 'patch'; 3: quarantine; 4: communication_events; 5: server_sections
  static constexpr int kSchemaVersion = 5;
  int schema_version();
  const std::string& path() const { return path_; }
  Status exec(const std::string& sql);  // statements without results
  Status integrity_check();             // PRAGMA integrity_check == "ok"

  // What the file holds, as far as this connection can tell: another
  // connection's commit moves `others` (PRAGMA data_version), any change made
  // through this one moves `own` (sqlite3_total_changes64, rolled back or
  // not). Anything read and decoded under one revision is still what the file
  // holds while revision() returns the same (the Store keeps the venue and
  // days this way).
  struct Revision {
    int64_t others = -1;
    int64_t own = -1;
    bool operator==(const Revision&) const = default;
  };
  Revision revision();
  Status quick_check();  // PRAGMA quick_check == "ok" (no index contents)

  // ---- rows (JSON of the seed's columns; "id" required)
  // Every read below that takes `set_aside` appends to it each row it left
  // out (text that is not JSON, a row the engine cannot decode); those rows
  // are in the quarantine either way.
  Status put_row(std::string_view table, const Json& row);  // insert or replace
  Status delete_row(std::string_view table, const Uuid& id);
  std::optional<Json> get_row(std::string_view table, const Uuid& id,
                              SetAsideRows* set_aside = nullptr);
  bool has_row(std::string_view table, const Uuid& id);
  std::vector<Json> rows(std::string_view table, SetAsideRows* set_aside = nullptr);
  std::vector<Json> rows_of_date(std::string_view table, Date date,
                                 SetAsideRows* set_aside = nullptr);
  int64_t row_count(std::string_view table);

  // ---- outbox
  Result<int64_t> enqueue(std::string_view table, OutboxOp op, const Json& row,
                          const std::string& idempotency_key, const std::string& created_at);
  std::vector<OutboxEntry> outbox(std::optional<OutboxState> state = std::nullopt,
                                  int limit = 1000);
  std::optional<OutboxEntry> outbox_entry(int64_t seq);
  int64_t outbox_count(std::optional<OutboxState> state = std::nullopt);
  bool has_outbox_for(std::string_view table, const Uuid& row_id);  // any state
  std::unordered_set<Uuid> outbox_row_ids(std::string_view table);  // any state
  Status outbox_remove(int64_t seq);                                // pushed and acknowledged
  Status outbox_mark(int64_t seq, OutboxState state, const std::string& error);
  Status outbox_attempted(int64_t seq, const std::string& error);  // attempts+1
  // A host's decision on a conflicted entry: same place in the order, new
  // content, back to pending.
  Status outbox_rewrite(int64_t seq, OutboxOp op, const Json& row, OutboxState state);

  // ---- conflicts
  Status put_conflict(const Conflict& c);
  Status remove_conflict(const Uuid& reservation_id);
  std::vector<Conflict> conflicts();
  std::optional<Conflict> conflict_of(const Uuid& reservation_id);

  // ---- rows the engine cannot read (quarantine.cpp)
  // Stores a pulled row: a readable one into its table (leaving quarantine if
  // an older version was there), an unreadable one into quarantine instead
  // (its older copy leaves the day: the backend's row is no longer that).
  Status put_pulled_row(std::string_view table, const Json& row);
  // Sets the row `raw` of `table` aside with `reason` (first_seen kept when
  // it was there already) and removes it from its table.
  Status quarantine(std::string_view table, const Uuid& id, std::string_view raw,
                    std::string_view reason);
  std::vector<QuarantinedRow> quarantined();
  int64_t quarantine_count();
  // Decodes every quarantined row again: those that now read go back to
  // their table. Returns how many did.
  Result<int> retry_quarantine();

  // ---- per-table sync cursors
  SyncCursor cursor(std::string_view table);
  Status set_cursor(std::string_view table, const SyncCursor& c);

  // ---- settings and login lockout state
  std::optional<std::string> kv_get(std::string_view key);
  Status kv_set(std::string_view key, std::string_view value);

  // ---- reads for the screens
  bool has_venue();  // a restaurant row is present
  Result<Venue> load_venue(SetAsideRows* set_aside = nullptr);
  // live_only: reservations that hold a table (Pending, Confirmed, Arrived,
  // Seated) only — what the overlap check needs, much less to decode.
  Result<DayBook> load_day(Date date, bool live_only = false, SetAsideRows* set_aside = nullptr);
  std::vector<Customer> search_customers(std::string_view query, int limit = 20,
                                         SetAsideRows* set_aside = nullptr);
  std::vector<ReservationEvent> events_of(const Uuid& reservation_id,
                                          SetAsideRows* set_aside = nullptr);
  Result<Reservation> reservation(const Uuid& id);

  // Standalone first run: writes the venue and (optionally) a day, without
  // outbox entries, in one transaction. Refuses when a venue is present.
  Status seed(const Venue& venue, const DayBook* day = nullptr);

 private:
  friend class Stmt;  // the connection is for net internals only (sqlite_stmt.hpp)
  Cache(sqlite3* db, std::string path);
  sqlite3* db() { return db_; }
  // This connection's prepared statement for `sql`, kept for reuse; nullptr
  // when it cannot be prepared or is in use (not reset).
  sqlite3_stmt* reusable(std::string_view sql);
  Status migrate();
  // The JSON of each row `s` returns (columns: json, id); a row whose text
  // is not JSON goes to quarantine once `s` is done, named in `set_aside`.
  std::vector<Json> collect(Stmt& s, std::string_view table, SetAsideRows* set_aside);
  sqlite3* db_;
  std::string path_;
  struct Statements;  // the kept prepared statements
  std::unique_ptr<Statements> statements_;
};

// A UTC time as "YYYY-MM-DDTHH:MM:SS.uuuuuuZ".
std::string iso_utc(std::chrono::system_clock::time_point tp);
// Current UTC time as "YYYY-MM-DDTHH:MM:SS.uuuuuuZ" (the backend's timestamptz text form).
std::string utc_now_iso();
// Random UUID v4 (OpenSSL RAND_bytes), lowercase canonical text.
Uuid new_uuid();

}  // namespace foh::net
