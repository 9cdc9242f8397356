// Pull (tools/backend/SYNC.md): read the transaction-id horizon H, page every
// table through the rows written by transactions >= its cursor C (keyset on
// sync_seq), then set C := H. A row committed late with an older updated_at
// has an id >= H, so the next pull takes it.
#include <sqlite3.h>

#include "foh/net/cache.hpp"
#include "sqlite_stmt.hpp"
#include "sync_worker.hpp"

namespace foh::net {

namespace {

int64_t json_int(const Json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end()) return 0;
  if (it->is_number_integer()) return it->get<int64_t>();
  if (it->is_string()) return std::strtoll(it->get<std::string>().c_str(), nullptr, 10);
  return 0;
}

// A pulled audit event replaces the provisional one this terminal wrote for
// the same change (the backend's trigger makes the real one): the one whose
// id the status push sent (metadata.client_event_id), else the oldest
// provisional event of that reservation with the same new status.
Status drop_provisional_event(Cache& c, const Json& ev) {
  auto meta = ev.find("metadata");
  if (meta != ev.end() && meta->is_object())
    if (auto id = meta->value("client_event_id", ""); !id.empty())
      return c.delete_row("reservation_events", id);
  Stmt s(c,
         "DELETE FROM reservation_events WHERE rowid = (SELECT rowid FROM reservation_events"
         " WHERE ref_id = ? AND json_extract(json, '$.metadata.provisional') = 1"
         " AND json_extract(json, '$.to_status') = ? ORDER BY rowid LIMIT 1)");
  s.bind(1, ev.value("reservation_id", "")).bind(2, ev.value("to_status", ""));
  if (!s.run()) return s.error("reservation_events");
  return ok();
}

// Stores one page in one short transaction (readers never wait on WAL; a
// local writer waits at most one page). Rows with local changes not yet
// pushed keep the local version: the outbox will overwrite the server's.
Status store_page(Cache& c, const std::string& table, const Json& rows, int64_t& stored) {
  Transaction tx(c);
  if (!tx.begun()) return tx.begun();
  // Read under the write lock: no local change can slip in before the page.
  const auto local = c.outbox_row_ids(table);
  for (const auto& row : rows) {
    if (!row.is_object()) return Error{table, "a pulled row is not an object"};
    if (table == "sync_tombstones") {
      std::string t = row.value("table_name", ""), id = row.value("row_id", "");
      if (!is_synced_table(t) || id.empty() || c.has_outbox_for(t, id)) continue;
      if (auto st = c.delete_row(t, id); !st) return st;
      continue;
    }
    std::string id = row.value("id", "");
    if (id.empty()) return Error{table, "a pulled row has no id"};
    if (local.count(id)) continue;
    if (table == "reservation_events" && !c.has_row(table, id))
      if (auto st = drop_provisional_event(c, row); !st) return st;
    if (auto st = c.put_row(table, row); !st) return st;
    ++stored;
  }
  return tx.commit();
}

}  // namespace

Status Sync::Worker::pull() {
  auto h = rest->post("/rest/v1/rpc/sync_horizon", Json::object());
  if (!h.ok()) {
    if (h.error.is_auth()) set_state(Connectivity::LoginRequired, h.error.text());
    return Error{"pull sync_horizon", h.error.text()};
  }
  const Json& hb = h.body.is_array() && !h.body.empty() ? h.body.front() : h.body;
  if (!hb.is_object() || !hb.contains("horizon"))
    return Error{"pull sync_horizon", "answer has no horizon"};
  int64_t horizon = json_int(hb, "horizon");

  std::vector<std::string> tables(std::begin(kSyncedTables), std::end(kSyncedTables));
  tables.push_back("sync_tombstones");
  int64_t total = 0;
  for (const auto& table : tables) {
    if (stopping) return Error{"pull", "stopped"};
    SyncCursor cur = cache->cursor(table);
    int64_t after = 0;
    for (;;) {
      std::string path = "/rest/v1/" + table + "?select=*&sync_xid=gte." + std::to_string(cur.seq) +
                         "&sync_seq=gt." + std::to_string(after) +
                         restaurant_filter(table, cfg.restaurant_id) +
                         "&order=sync_seq.asc&limit=" + std::to_string(cfg.page_size);
      auto r = rest->get(path);
      if (!r.ok()) {
        if (r.error.is_auth()) set_state(Connectivity::LoginRequired, r.error.text());
        return Error{"pull " + table, r.error.text()};
      }
      if (!r.body.is_array()) return Error{"pull " + table, "answer is not a JSON array"};
      if (auto st = store_page(*cache, table, r.body, total); !st) return st;
      if (!r.body.empty()) after = json_int(r.body.back(), "sync_seq");
      if (static_cast<int>(r.body.size()) < cfg.page_size) break;
    }
    if (cur.seq != horizon) {
      cur.seq = horizon;
      if (auto st = cache->set_cursor(table, cur); !st) return st;
    }
  }
  std::lock_guard lock(status_mu);
  status.rows_pulled += total;
  if (total > 0) data_changed = true;
  return ok();
}

}  // namespace foh::net
