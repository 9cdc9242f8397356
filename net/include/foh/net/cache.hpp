#pragma once
// The terminal's local store: one SQLite file (or ":memory:") in WAL mode with
// synchronous=FULL, so a change acknowledged to the user survives a power cut.
// Each synced row is kept as its JSON text (the seed's columns, as the codec
// writes them) plus the indexed columns we query on. Every local change is ONE
// transaction writing the row and its outbox entry (see store.hpp).
//
// A Cache is one SQLite connection: use it from one thread at a time. The sync
// thread opens its own Cache on the same file. Its tables are read and written
// through objects made over the connection: Outbox (outbox.hpp), SyncState
// (sync_state.hpp: pull cursors, conflicts), LocalSettings (local_settings.hpp);
// a Transaction (transaction.hpp) groups their writes.
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "foh/engine/model.hpp"
#include "foh/engine/result.hpp"
#include "foh/net/entities.hpp"     // kSyncedTables
#include "foh/net/transaction.hpp"  // every writer of the cache uses one

struct sqlite3;  // vendor types kept opaque
struct sqlite3_stmt;

namespace foh::net {

// A row a read met and left out because the engine cannot read it: set aside
// in the quarantine (Quarantine::rows() has the row as it was), named here so the
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
  // The rows about `ref_id` (the ref_id column: a text's subject, an event's
  // reservation), in the order they were cached.
  std::vector<Json> rows_about(std::string_view table, const Uuid& ref_id,
                               SetAsideRows* set_aside = nullptr);
  int64_t row_count(std::string_view table);

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
