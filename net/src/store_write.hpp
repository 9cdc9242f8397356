#pragma once
// Private helpers shared by the store's files (defined in store_write.cpp):
// the rows a command writes, and their one-transaction write with the outbox.
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "foh/engine/codec.hpp"
#include "foh/engine/model.hpp"
#include "foh/engine/result.hpp"
#include "foh/net/cache.hpp"
#include "foh/net/entities.hpp"
#include "foh/net/local_time.hpp"
#include "foh/net/outbox.hpp"

namespace foh::net {

// The terminal's restaurant: the configured one, else the only one cached.
Uuid restaurant_id(Cache& cache);

// One row to write, and how it goes to the outbox.
struct RowWrite {
  std::string table;
  Json row;
  OutboxOp op = OutboxOp::Upsert;
  bool outbox = true;  // false: local-only (provisional audit events)
  // Status: {id, from, to, metadata, patch, event_id}; Patch: {id, changed
  // columns}; null: the row itself.
  Json outbox_row;
};

// The columns of `after` that differ from `before` (a column `after` lacks
// becomes null), with "id"; the backend-kept columns (updated_at, created_at,
// sync_*) are left out. Only "id" when nothing changed.
Json changed_columns(const Json& before, const Json& after);

// The write of an edited row: a Patch of the changed columns when the cache
// has the row (`before`), else an Upsert of the whole new row. nullopt when
// nothing changed.
std::optional<RowWrite> edit_write(const std::string& table, const std::optional<Json>& before,
                                   const Json& after);

// The same, typed: T's table (entities.hpp) and the engine's encoding of `after`.
template <class T>
std::optional<RowWrite> edit_write(const std::optional<Json>& before, const T& after) {
  return edit_write(std::string(Entity<T>::table), before, encode(after));
}

// A new row, whole: an Upsert to the backend.
template <class T>
RowWrite new_row_write(const T& row) {
  return {std::string(Entity<T>::table), encode(row), OutboxOp::Upsert, true, nullptr};
}

// The audit row as this terminal saw it; the backend's trigger writes the real
// one, which replaces it on the next pull (metadata.provisional).
Json provisional(const ReservationEvent& e);
// Its write: local only, never pushed.
inline RowWrite provisional_write(const ReservationEvent& e) {
  return {std::string(Entity<ReservationEvent>::table), provisional(e), OutboxOp::Upsert, false,
          nullptr};
}

// A reservation's status change: the row, and one outbox entry for the
// backend's RPC carrying the other changed columns and the event id.
RowWrite status_write(const Reservation& before, const Reservation& after,
                      const ReservationEvent& event);

// Moved reservations (same time and party, another table): a Patch each of
// table_id and table_number only.
std::vector<RowWrite> move_writes(const std::vector<Reservation>& moved);

// Runs `apply` in ONE transaction: returns after COMMIT (durable) when it
// succeeds, else everything it wrote is rolled back.
template <class Apply>
Status in_one_transaction(Cache& cache, Apply&& apply) {
  Transaction tx(cache);
  if (!tx.begun()) return tx.begun();
  if (Status st = apply(); !st) return st;
  return tx.commit();
}

// Writes every row and its outbox entry in ONE transaction (Store::commit_rows
// is the store's way in: it also keeps its decoded days up to date).
Status write_rows(Cache& cache, const std::vector<RowWrite>& writes, const std::string& now_iso);

}  // namespace foh::net
