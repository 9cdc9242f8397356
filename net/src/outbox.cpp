// The outbox of local changes waiting to be pushed. Nothing here is ever
// dropped without an acknowledgement or a host's decision.
#include "foh/net/outbox.hpp"

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

Result<int64_t> Outbox::enqueue(std::string_view table, OutboxOp op, const Json& row,
                                const std::string& idempotency_key, const std::string& created_at) {
  auto id = row.find("id");
  if (id == row.end() || !id->is_string())
    return Error{"outbox " + std::string(table), "row has no id"};
  Stmt s(cache_,
         "INSERT INTO outbox (idempotency_key, tbl, op, row_id, row_json, created_at)"
         " VALUES (?,?,?,?,?,?)");
  s.bind(1, idempotency_key.empty() ? new_uuid() : idempotency_key).bind(2, table);
  s.bind(3, to_string(op)).bind(4, id->get<std::string>()).bind(5, row.dump());
  s.bind(6, created_at.empty() ? utc_now_iso() : created_at);
  if (!s.run()) return s.error("outbox " + std::string(table));
  return s.last_insert_rowid();
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

std::vector<OutboxEntry> Outbox::entries(std::optional<OutboxState> state, int limit) {
  std::string sql = kOutboxCols;
  if (state) sql += "WHERE state = ? ";
  sql += "ORDER BY seq LIMIT ?";
  Stmt s(cache_, sql);
  int i = 1;
  if (state) s.bind(i++, to_string(*state));
  s.bind(i, limit);
  std::vector<OutboxEntry> out;
  while (s.step()) out.push_back(read_entry(s));
  return out;
}

std::optional<OutboxEntry> Outbox::entry(int64_t seq) {
  Stmt s(cache_, std::string(kOutboxCols) + "WHERE seq = ?");
  s.bind(1, seq);
  if (!s.step()) return std::nullopt;
  return read_entry(s);
}

int64_t Outbox::count(std::optional<OutboxState> state) {
  Stmt s(cache_,
         state ? "SELECT count(*) FROM outbox WHERE state = ?" : "SELECT count(*) FROM outbox");
  if (state) s.bind(1, to_string(*state));
  return s.step() ? s.int64(0) : 0;
}

bool Outbox::has_for(std::string_view table, const Uuid& row_id) {
  Stmt s(cache_, "SELECT 1 FROM outbox WHERE tbl = ? AND row_id = ? LIMIT 1");
  s.bind(1, table).bind(2, row_id);
  return s.step();
}

std::unordered_set<Uuid> Outbox::row_ids(std::string_view table) {
  Stmt s(cache_, "SELECT row_id FROM outbox WHERE tbl = ?");
  s.bind(1, table);
  std::unordered_set<Uuid> out;
  while (s.step()) out.insert(s.text(0));
  return out;
}

Status Outbox::remove(int64_t seq) {
  Stmt s(cache_, "DELETE FROM outbox WHERE seq = ?");
  s.bind(1, seq);
  if (!s.run()) return s.error("outbox #" + std::to_string(seq));
  return ok();
}

Status Outbox::mark(int64_t seq, OutboxState state, const std::string& error) {
  Stmt s(cache_, "UPDATE outbox SET state = ?, last_error = ? WHERE seq = ?");
  s.bind(1, to_string(state)).bind(2, error).bind(3, seq);
  if (!s.run()) return s.error("outbox #" + std::to_string(seq));
  return ok();
}

Status Outbox::attempted(int64_t seq, const std::string& error) {
  Stmt s(cache_, "UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE seq = ?");
  s.bind(1, error).bind(2, seq);
  if (!s.run()) return s.error("outbox #" + std::to_string(seq));
  return ok();
}

Status Outbox::rewrite(int64_t seq, OutboxOp op, const Json& row, OutboxState state) {
  Stmt s(cache_,
         "UPDATE outbox SET op = ?, row_json = ?, state = ?, last_error = '' WHERE seq = ?");
  s.bind(1, to_string(op)).bind(2, row.dump()).bind(3, to_string(state)).bind(4, seq);
  if (!s.run()) return s.error("outbox #" + std::to_string(seq));
  return ok();
}

}  // namespace foh::net
