#pragma once
// The outbox: local changes waiting to be pushed, in the order they were made.
// Each is written in the same transaction as the row it changes (store.hpp);
// nothing leaves it without an acknowledgement or a host's decision.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "foh/engine/model.hpp"
#include "foh/engine/result.hpp"

namespace foh::net {

class Cache;

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

// The outbox table of one connection: cheap to make where it is used
// (`Outbox(cache).count()`); the connection keeps the prepared statements.
class Outbox {
 public:
  explicit Outbox(Cache& cache) : cache_(cache) {}

  // Appends a change; an empty key or time gets a fresh one. Returns its seq.
  Result<int64_t> enqueue(std::string_view table, OutboxOp op, const Json& row,
                          const std::string& idempotency_key, const std::string& created_at);
  std::vector<OutboxEntry> entries(std::optional<OutboxState> state = std::nullopt,
                                   int limit = 1000);  // in seq order
  std::optional<OutboxEntry> entry(int64_t seq);
  int64_t count(std::optional<OutboxState> state = std::nullopt);
  bool has_for(std::string_view table, const Uuid& row_id);  // any state
  std::unordered_set<Uuid> row_ids(std::string_view table);  // any state
  Status remove(int64_t seq);                                // pushed and acknowledged
  Status mark(int64_t seq, OutboxState state, const std::string& error);
  Status attempted(int64_t seq, const std::string& error);  // attempts+1
  // A host's decision on a conflicted entry: same place in the order, new
  // content, back to pending.
  Status rewrite(int64_t seq, OutboxOp op, const Json& row, OutboxState state);

 private:
  Cache& cache_;
};

}  // namespace foh::net
