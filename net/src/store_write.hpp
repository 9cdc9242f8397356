#pragma once
// Private helpers shared by the store's files: local time, the day's floor,
// and the one-transaction write of rows plus their outbox entries.
#include <chrono>
#include <string>
#include <vector>

#include "foh/engine/model.hpp"
#include "foh/engine/result.hpp"
#include "foh/net/cache.hpp"

namespace foh::net {

// Restaurant-local wall time of `tp`: the terminal runs in the restaurant's
// time zone (the tablet's local time), so localtime_r is the conversion.
LocalInstant local_instant(std::chrono::system_clock::time_point tp);

// The terminal's restaurant: the configured one, else the only one cached.
Uuid restaurant_id(Cache& cache);

// One row to write, and how it goes to the outbox.
struct RowWrite {
  std::string table;
  Json row;
  OutboxOp op = OutboxOp::Upsert;
  bool outbox = true;     // false: local-only (provisional audit events)
  Json outbox_row;        // for OutboxOp::Status: {id, from, to, metadata, patch}; else = row
};

// Writes every row and its outbox entry in ONE transaction; returns after
// COMMIT (durable) or rolls everything back.
Status write_rows(Cache& cache, const std::vector<RowWrite>& writes, const std::string& now_iso);

}  // namespace foh::net
