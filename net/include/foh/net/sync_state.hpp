#pragma once
// What sync keeps in the cache between rounds: where each table's pull stands
// and the overlap conflicts waiting for a host (store.hpp resolves them).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "foh/engine/assign.hpp"
#include "foh/engine/model.hpp"
#include "foh/engine/result.hpp"

namespace foh::net {

class Cache;

// A detected overlap conflict, waiting for a host.
struct Conflict {
  Uuid reservation_id;
  int64_t outbox_seq = 0;
  std::string message;  // the backend's error text
  // The engine's table for it once sync proposed one (no table_ids when
  // nothing is free; the reason says why); none before.
  std::optional<TableChoice> proposal;
  std::string created_at;
};

// Where a table's pull stands (see tools/backend/SYNC.md).
struct SyncCursor {
  std::string updated_at;  // last row's updated_at seen ("" = from the start)
  std::string last_id;     // id of that row, tie-breaker inside one timestamp
  int64_t seq = 0;         // commit-ordered sequence when the backend offers one
};

// The sync tables of one connection: cheap to make where it is used.
class SyncState {
 public:
  explicit SyncState(Cache& cache) : cache_(cache) {}

  SyncCursor cursor(std::string_view table);  // from the start when none is kept
  Status set_cursor(std::string_view table, const SyncCursor& c);

  Status put_conflict(const Conflict& c);  // one per reservation: replaces
  Status remove_conflict(const Uuid& reservation_id);
  std::vector<Conflict> conflicts();  // oldest first
  std::optional<Conflict> conflict_of(const Uuid& reservation_id);

 private:
  Cache& cache_;
};

}  // namespace foh::net
