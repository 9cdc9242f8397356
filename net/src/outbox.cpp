// The outbox of local changes waiting to be pushed, and the overlap conflicts
// waiting for a host. Nothing here is ever dropped without a decision.
#include <sqlite3.h>

#include "foh/net/cache.hpp"
#include "sqlite_stmt.hpp"

namespace foh::net {

const char* to_string(OutboxOp op) {
  switch (op) {
    case OutboxOp::Upsert:
      return "upsert";
    case OutboxOp::Delete:
      return "delete";
    case OutboxOp::Status:
      return "status";
    case OutboxOp::Patch:
      return "patch";
  }
  return "upsert";
}

const char* to_string(OutboxState s) {
  switch (s) {
    case OutboxState::Pending:
      return "pending";
    case OutboxState::Conflicted:
      return "conflicted";
    case OutboxState::Failed:
      return "failed";
  }
  return "pending";
}

std::optional<OutboxOp> parse_outbox_op(std::string_view s) {
  for (auto op : {OutboxOp::Upsert, OutboxOp::Delete, OutboxOp::Status, OutboxOp::Patch})
    if (s == to_string(op)) return op;
  return std::nullopt;
}

std::optional<OutboxState> parse_outbox_state(std::string_view s) {
  for (auto st : {OutboxState::Pending, OutboxState::Conflicted, OutboxState::Failed})
    if (s == to_string(st)) return st;
  return std::nullopt;
}

Uuid OutboxEntry::row_id() const {
  auto it = row.find("id");
  return it != row.end() && it->is_string() ? it->get<std::string>() : Uuid();
}

Result<int64_t> Cache::enqueue(std::string_view table, OutboxOp op, const Json& row,
                               const std::string& idempotency_key, const std::string& created_at) {
  auto id = row.find("id");
  if (id == row.end() || !id->is_string())
    return Error{"outbox " + std::string(table), "row has no id"};
  Stmt s(*this,
         "INSERT INTO outbox (idempotency_key, tbl, op, row_id, row_json, created_at)"
         " VALUES (?,?,?,?,?,?)");
  s.bind(1, idempotency_key.empty() ? new_uuid() : idempotency_key).bind(2, table);
  s.bind(3, to_string(op)).bind(4, id->get<std::string>()).bind(5, row.dump());
  s.bind(6, created_at.empty() ? utc_now_iso() : created_at);
  if (!s.run()) return s.error("outbox " + std::string(table));
  return static_cast<int64_t>(sqlite3_last_insert_rowid(db_));
}

namespace {
const char* kOutboxCols =
    "SELECT seq, idempotency_key, tbl, op, row_json, created_at, attempts, last_error, state"
    " FROM outbox ";

OutboxEntry read_entry(const Stmt& s) {
  OutboxEntry e;
  e.seq = s.int64(0);
  e.idempotency_key = s.text(1);
  e.table = s.text(2);
  e.op = parse_outbox_op(s.text(3)).value_or(OutboxOp::Upsert);
  e.row = Json::parse(s.text(4), nullptr, false);
  e.created_at = s.text(5);
  e.attempts = static_cast<int>(s.int64(6));
  e.last_error = s.text(7);
  e.state = parse_outbox_state(s.text(8)).value_or(OutboxState::Pending);
  return e;
}
}  // namespace

std::vector<OutboxEntry> Cache::outbox(std::optional<OutboxState> state, int limit) {
  std::string sql = kOutboxCols;
  if (state) sql += "WHERE state = ? ";
  sql += "ORDER BY seq LIMIT ?";
  Stmt s(*this, sql);
  int i = 1;
  if (state) s.bind(i++, to_string(*state));
  s.bind(i, limit);
  std::vector<OutboxEntry> out;
  while (s.step()) out.push_back(read_entry(s));
  return out;
}

std::optional<OutboxEntry> Cache::outbox_entry(int64_t seq) {
  Stmt s(*this, std::string(kOutboxCols) + "WHERE seq = ?");
  s.bind(1, seq);
  if (!s.step()) return std::nullopt;
  return read_entry(s);
}

int64_t Cache::outbox_count(std::optional<OutboxState> state) {
  Stmt s(*this,
         state ? "SELECT count(*) FROM outbox WHERE state = ?" : "SELECT count(*) FROM outbox");
  if (state) s.bind(1, to_string(*state));
  return s.step() ? s.int64(0) : 0;
}

bool Cache::has_outbox_for(std::string_view table, const Uuid& row_id) {
  Stmt s(*this, "SELECT 1 FROM outbox WHERE tbl = ? AND row_id = ? LIMIT 1");
  s.bind(1, table).bind(2, row_id);
  return s.step();
}

std::unordered_set<Uuid> Cache::outbox_row_ids(std::string_view table) {
  Stmt s(*this, "SELECT row_id FROM outbox WHERE tbl = ?");
  s.bind(1, table);
  std::unordered_set<Uuid> out;
  while (s.step()) out.insert(s.text(0));
  return out;
}

Status Cache::outbox_remove(int64_t seq) {
  Stmt s(*this, "DELETE FROM outbox WHERE seq = ?");
  s.bind(1, seq);
  if (!s.run()) return s.error("outbox #" + std::to_string(seq));
  return ok();
}

Status Cache::outbox_mark(int64_t seq, OutboxState state, const std::string& error) {
  Stmt s(*this, "UPDATE outbox SET state = ?, last_error = ? WHERE seq = ?");
  s.bind(1, to_string(state)).bind(2, error).bind(3, seq);
  if (!s.run()) return s.error("outbox #" + std::to_string(seq));
  return ok();
}

Status Cache::outbox_attempted(int64_t seq, const std::string& error) {
  Stmt s(*this, "UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE seq = ?");
  s.bind(1, error).bind(2, seq);
  if (!s.run()) return s.error("outbox #" + std::to_string(seq));
  return ok();
}

Status Cache::outbox_rewrite(int64_t seq, OutboxOp op, const Json& row, OutboxState state) {
  Stmt s(*this, "UPDATE outbox SET op = ?, row_json = ?, state = ?, last_error = '' WHERE seq = ?");
  s.bind(1, to_string(op)).bind(2, row.dump()).bind(3, to_string(state)).bind(4, seq);
  if (!s.run()) return s.error("outbox #" + std::to_string(seq));
  return ok();
}

// ---------------------------------------------------------------- conflicts

Status Cache::put_conflict(const Conflict& c) {
  Json proposal = {{"table_ids", c.proposed_table_ids},
                   {"table_number", c.proposed_table_number},
                   {"reason", c.proposal_reason}};
  Stmt s(*this,
         "INSERT OR REPLACE INTO conflicts (reservation_id, outbox_seq, message, proposal_json,"
         " created_at) VALUES (?,?,?,?,?)");
  s.bind(1, c.reservation_id).bind(2, c.outbox_seq).bind(3, c.message).bind(4, proposal.dump());
  s.bind(5, c.created_at.empty() ? utc_now_iso() : c.created_at);
  if (!s.run()) return s.error("conflicts " + c.reservation_id);
  return ok();
}

Status Cache::remove_conflict(const Uuid& reservation_id) {
  Stmt s(*this, "DELETE FROM conflicts WHERE reservation_id = ?");
  s.bind(1, reservation_id);
  if (!s.run()) return s.error("conflicts " + reservation_id);
  return ok();
}

namespace {
Conflict read_conflict(const Stmt& s) {
  Conflict c;
  c.reservation_id = s.text(0);
  c.outbox_seq = s.int64(1);
  c.message = s.text(2);
  Json p = Json::parse(s.text(3), nullptr, false);
  if (p.is_object()) {
    for (const auto& id : p.value("table_ids", Json::array()))
      if (id.is_string()) c.proposed_table_ids.push_back(id.get<std::string>());
    c.proposed_table_number = p.value("table_number", "");
    c.proposal_reason = p.value("reason", "");
  }
  c.created_at = s.text(4);
  return c;
}
}  // namespace

std::vector<Conflict> Cache::conflicts() {
  Stmt s(*this,
         "SELECT reservation_id, outbox_seq, message, proposal_json, created_at FROM conflicts"
         " ORDER BY created_at");
  std::vector<Conflict> out;
  while (s.step()) out.push_back(read_conflict(s));
  return out;
}

std::optional<Conflict> Cache::conflict_of(const Uuid& reservation_id) {
  Stmt s(*this,
         "SELECT reservation_id, outbox_seq, message, proposal_json, created_at FROM conflicts"
         " WHERE reservation_id = ?");
  s.bind(1, reservation_id);
  if (!s.step()) return std::nullopt;
  return read_conflict(s);
}

}  // namespace foh::net
