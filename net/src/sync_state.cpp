// Sync's bookkeeping in the cache: pull cursors and overlap conflicts.
#include "foh/net/sync_state.hpp"

#include "foh/net/cache.hpp"
#include "sqlite_stmt.hpp"

namespace foh::net {

SyncCursor SyncState::cursor(std::string_view table) {
  Stmt s(cache_, "SELECT updated_at, last_id, seq FROM sync_cursors WHERE tbl = ?");
  s.bind(1, table);
  if (!s.step()) return {};
  return SyncCursor{s.text(0), s.text(1), s.int64(2)};
}

Status SyncState::set_cursor(std::string_view table, const SyncCursor& c) {
  Stmt s(cache_,
         "INSERT OR REPLACE INTO sync_cursors (tbl, updated_at, last_id, seq) VALUES (?,?,?,?)");
  s.bind(1, table).bind(2, c.updated_at).bind(3, c.last_id).bind(4, c.seq);
  if (!s.run()) return s.error("sync_cursors " + std::string(table));
  return ok();
}

namespace {

// The proposal column keeps the JSON it always had; no proposal is an empty
// one (as files written before the optional hold it).
std::string proposal_json(const std::optional<TableChoice>& p) {
  if (!p) return Json{{"table_ids", Json::array()}, {"table_number", ""}, {"reason", ""}}.dump();
  return Json{{"table_ids", p->table_ids}, {"table_number", p->table_number}, {"reason", p->reason}}
      .dump();
}

std::optional<TableChoice> read_proposal(std::string_view text) {
  Json p = Json::parse(text.begin(), text.end(), nullptr, false);
  if (!p.is_object()) return std::nullopt;
  TableChoice c;
  for (const auto& id : p.value("table_ids", Json::array()))
    if (id.is_string()) c.table_ids.push_back(id.get<std::string>());
  c.table_number = p.value("table_number", "");
  c.reason = p.value("reason", "");
  if (c.table_ids.empty() && c.reason.empty()) return std::nullopt;
  return c;
}

Conflict read_conflict(const Stmt& s) {
  Conflict c;
  c.reservation_id = s.text(0);
  c.outbox_seq = s.int64(1);
  c.message = s.text(2);
  c.proposal = read_proposal(s.view(3));
  c.created_at = s.text(4);
  return c;
}

}  // namespace

Status SyncState::put_conflict(const Conflict& c) {
  Stmt s(cache_,
         "INSERT OR REPLACE INTO conflicts (reservation_id, outbox_seq, message, proposal_json,"
         " created_at) VALUES (?,?,?,?,?)");
  s.bind(1, c.reservation_id).bind(2, c.outbox_seq).bind(3, c.message);
  s.bind(4, proposal_json(c.proposal));
  s.bind(5, c.created_at.empty() ? utc_now_iso() : c.created_at);
  if (!s.run()) return s.error("conflicts " + c.reservation_id);
  return ok();
}

Status SyncState::remove_conflict(const Uuid& reservation_id) {
  Stmt s(cache_, "DELETE FROM conflicts WHERE reservation_id = ?");
  s.bind(1, reservation_id);
  if (!s.run()) return s.error("conflicts " + reservation_id);
  return ok();
}

std::vector<Conflict> SyncState::conflicts() {
  Stmt s(cache_,
         "SELECT reservation_id, outbox_seq, message, proposal_json, created_at FROM conflicts"
         " ORDER BY created_at");
  std::vector<Conflict> out;
  while (s.step()) out.push_back(read_conflict(s));
  return out;
}

std::optional<Conflict> SyncState::conflict_of(const Uuid& reservation_id) {
  Stmt s(cache_,
         "SELECT reservation_id, outbox_seq, message, proposal_json, created_at FROM conflicts"
         " WHERE reservation_id = ?");
  s.bind(1, reservation_id);
  if (!s.step()) return std::nullopt;
  return read_conflict(s);
}

}  // namespace foh::net
