// Pull (tools/backend/SYNC.md): read the transaction-id horizon H, page every
// table through the rows written by transactions >= its cursor C (keyset on
// sync_seq), then set C := H. A row committed late with an older updated_at
// has an id >= H, so the next pull takes it. Pages download on a helper
// thread while the sync thread stores the previous one, a few hundred rows
// per transaction.
#include <sqlite3.h>

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

#include "foh/net/cache.hpp"
#include "foh/net/entities.hpp"
#include "foh/net/quarantine.hpp"
#include "foh/net/sync_state.hpp"
#include "foh/net/texts.hpp"
#include "sqlite_stmt.hpp"
#include "sync_pins.hpp"
#include "sync_worker.hpp"

namespace foh::net {

namespace {

constexpr std::string_view kEvents = Entity<ReservationEvent>::table;

int64_t json_int(const Json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end()) return 0;
  if (it->is_number_integer()) return it->get<int64_t>();
  if (it->is_string()) return std::strtoll(it->get<std::string>().c_str(), nullptr, 10);
  return 0;
}

// A string column, "" when absent or of another JSON type (a garbled row
// must not throw on the sync thread).
std::string text_of(const Json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// A pulled audit event replaces the provisional one this terminal wrote for
// the same change (the backend's trigger makes the real one): the one whose
// id the status push sent (metadata.client_event_id), else the oldest
// provisional event of that reservation with the same new status.
Status drop_provisional_event(Cache& c, const Json& ev) {
  auto meta = ev.find("metadata");
  if (meta != ev.end() && meta->is_object())
    if (auto id = text_of(*meta, "client_event_id"); !id.empty()) return c.delete_row(kEvents, id);
  Stmt s(c,
         "DELETE FROM reservation_events WHERE rowid = (SELECT rowid FROM reservation_events"
         " WHERE ref_id = ? AND json_extract(json, '$.metadata.provisional') = 1"
         " AND json_extract(json, '$.to_status') = ? ORDER BY rowid LIMIT 1)");
  s.bind(1, text_of(ev, "reservation_id")).bind(2, text_of(ev, "to_status"));
  if (!s.run()) return s.error(std::string(kEvents));
  return ok();
}

// Stores rows [begin, end) of a page in one short transaction: a local
// command waits at most that long for the write lock (readers never wait
// on WAL). Rows with local changes not yet pushed keep the local version:
// the outbox will overwrite the server's.
Status store_rows(Cache& c, const std::string& table, const Json& rows, std::size_t begin,
                  std::size_t end, int64_t& stored) {
  Transaction tx(c);
  if (!tx.begun()) return tx.begun();
  // Read under the write lock: no local change can slip in before the rows.
  Outbox outbox(c);
  const auto local = outbox.row_ids(table);
  for (std::size_t i = begin; i < end; ++i) {
    const Json& row = rows[i];
    if (!row.is_object()) return Error{table, "a pulled row is not an object"};
    if (table == "sync_tombstones") {
      std::string t = text_of(row, "table_name"), id = text_of(row, "row_id");
      if (!is_synced_table(t) || id.empty() || outbox.has_for(t, id)) continue;
      if (auto st = c.delete_row(t, id); !st) return st;
      continue;
    }
    std::string id = text_of(row, "id");
    if (id.empty()) return Error{table, "a pulled row has no id"};
    if (local.count(id)) continue;
    if (table == kEvents && !c.has_row(table, id))
      if (auto st = drop_provisional_event(c, row); !st) return st;
    // A row the engine cannot read is set aside, the rest of the page goes on.
    if (auto st = Quarantine(c).put_pulled_row(table, row); !st) return st;
    ++stored;
  }
  return tx.commit();
}

// Pulled rows are a copy of the backend's: this connection commits them
// without waiting for the disk (synchronous=NORMAL; still atomic, and WAL
// keeps commits in order, so a cursor that survives a power cut implies its
// rows did). The UI's connection stays FULL: its commits flush the same WAL,
// so an acknowledged local change is on disk whatever this one does.
struct RelaxedSync {
  // A pragma that fails leaves the stricter or the usual durability: safe either way.
  explicit RelaxedSync(Cache& c) : cache(c) { (void)cache.exec("PRAGMA synchronous=NORMAL"); }
  ~RelaxedSync() { (void)cache.exec("PRAGMA synchronous=FULL"); }
  Cache& cache;
};

// The pages of one table travel from the fetching thread (HTTP + JSON) to the
// sync thread (SQLite), so the next page downloads while this one is stored.
struct PageQueue {
  std::mutex mu;
  std::condition_variable cv;
  std::deque<Json> pages;
  bool done = false, cancelled = false;
  RestError error;  // kind None unless the fetch failed
  std::string bad_answer;
};

void fetch_pages(RestClient& rest, const std::string& first_path, const std::string& table,
                 int page_size, PageQueue& q) {
  int64_t after = 0;
  for (;;) {
    auto r = rest.get(first_path + "&sync_seq=gt." + std::to_string(after));
    std::unique_lock lock(q.mu);
    if (!r.ok() || !r.body.is_array()) {
      if (!r.ok())
        q.error = r.error;
      else
        q.bad_answer = "pull " + table + ": answer is not a JSON array";
      break;
    }
    bool last = static_cast<int>(r.body.size()) < page_size;
    if (!r.body.empty()) after = json_int(r.body.back(), "sync_seq");
    q.pages.push_back(std::move(r.body));
    q.cv.notify_all();
    if (last) break;
    q.cv.wait(lock, [&] { return q.pages.size() < 2 || q.cancelled; });
    if (q.cancelled) break;
  }
  std::lock_guard lock(q.mu);
  q.done = true;
  q.cv.notify_all();
}

}  // namespace

Status Sync::Worker::pull_table(const std::string& table, int64_t horizon, int64_t& total) {
  SyncCursor cur = SyncState(*cache).cursor(table);
  const int64_t total_before = total;
  std::string path = "/rest/v1/" + table + "?select=" + pull_columns(table) + "&sync_xid=gte." +
                     std::to_string(cur.seq) + restaurant_filter(table, cfg.restaurant_id) +
                     "&order=sync_seq.asc&limit=" + std::to_string(cfg.page_size);
  PageQueue q;
  std::thread fetcher([&] {
    lower_priority();
    fetch_pages(*rest, path, table, cfg.page_size, q);
  });
  Status st = ok();
  for (;;) {
    Json page;
    {
      std::unique_lock lock(q.mu);
      q.cv.wait(lock, [&] { return !q.pages.empty() || q.done; });
      if (q.pages.empty()) break;
      page = std::move(q.pages.front());
      q.pages.pop_front();
      q.cv.notify_all();
    }
    if (table == Entity<TeamMember>::table) keep_cached_pins(*cache, page);
    const std::size_t chunk = static_cast<std::size_t>(std::max(1, cfg.store_chunk));
    for (std::size_t i = 0; st && i < page.size(); i += chunk)
      st = store_rows(*cache, table, page, i, std::min(page.size(), i + chunk), total);
    if (!st || stopping) {
      std::lock_guard lock(q.mu);
      q.cancelled = true;
      q.cv.notify_all();
      break;
    }
  }
  fetcher.join();
  if (!st) return st;
  if (stopping) return Error{"pull", "stopped"};
  // A backend from before guest texts (migration 019) has no such table:
  // the rest of the pull goes on, and the next one asks again.
  // Nor server sections before 026.
  if ((table == Entity<CommunicationEvent>::table || table == Entity<ServerSection>::table) &&
      q.error.status == 404)
    return ok();
  if (q.error.kind != RestErrorKind::None) {
    if (q.error.is_auth()) apply(LinkEvent::Refused, q.error.text());
    return Error{"pull " + table, q.error.text()};
  }
  if (!q.bad_answer.empty()) return Error{"pull " + table, q.bad_answer};
  if (table == Entity<TeamMember>::table && is_device_token(rest->config().bearer))
    if (auto pins = fetch_team_pins(*cache, *rest, total > total_before); !pins) return pins;
  if (cur.seq == horizon) return ok();
  cur.seq = horizon;
  return SyncState(*cache).set_cursor(table, cur);
}

Status Sync::Worker::pull() {
  auto h = rest->post("/rest/v1/rpc/sync_horizon", Json::object());
  if (!h.ok()) {
    if (h.error.is_auth()) apply(LinkEvent::Refused, h.error.text());
    return Error{"pull sync_horizon", h.error.text()};
  }
  const Json& hb = h.body.is_array() && !h.body.empty() ? h.body.front() : h.body;
  if (!hb.is_object() || !hb.contains("horizon"))
    return Error{"pull sync_horizon", "answer has no horizon"};
  int64_t horizon = json_int(hb, "horizon");

  std::vector<std::string> tables(std::begin(kSyncedTables), std::end(kSyncedTables));
  tables.push_back("sync_tombstones");
  int64_t total = 0;
  RelaxedSync relaxed(*cache);
  for (const auto& table : tables) {
    if (stopping) return Error{"pull", "stopped"};
    if (auto st = pull_table(table, horizon, total); !st) return st;
  }
  // Rows set aside earlier are decoded again: one that now reads goes back.
  auto released = Quarantine(*cache).retry();
  if (!released) return released.error();
  total += *released;
  if (auto now = std::chrono::steady_clock::now(); now - quota_read >= kQuotaEvery) {
    // The quota is for display: a failed read keeps the last one shown and
    // never fails the pull that brought the day's rows.
    bool changed = false;
    quota_read = now;
    if (pull_sms_quota(*cache, *rest, cfg.restaurant_id, changed) && changed) data_changed = true;
  }
  std::lock_guard lock(mu);
  status.rows_pulled += total;
  if (total > 0) data_changed = true;
  return ok();
}

}  // namespace foh::net
