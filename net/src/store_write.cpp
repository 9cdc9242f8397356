// The rows a store command writes, and the one transaction it ends with.
#include "store_write.hpp"

#include <ctime>
#include <set>

#include "foh/net/entities.hpp"
#include "foh/net/local_settings.hpp"
#include "foh/net/rows.hpp"

namespace foh::net {

Uuid restaurant_id(Cache& cache) {
  if (auto id = LocalSettings(cache).get("restaurant_id"); id && !id->empty()) return *id;
  auto rows = Rows<Restaurant>(cache).json_all();
  return rows.size() == 1 ? rows.front().value("id", "") : Uuid();
}

Json changed_columns(const Json& before, const Json& after) {
  static const std::set<std::string, std::less<>> kKept = {"id", "updated_at", "created_at",
                                                           "sync_xid", "sync_seq"};
  Json out = Json::object();
  out["id"] = after.value("id", before.value("id", ""));
  for (const auto& [k, v] : after.items()) {
    if (kKept.count(k)) continue;
    auto it = before.find(k);
    if (it == before.end() || *it != v) out[k] = v;
  }
  for (const auto& [k, v] : before.items())
    if (!kKept.count(k) && !after.contains(k) && !v.is_null()) out[k] = nullptr;
  return out;
}

std::optional<RowWrite> edit_write(const std::string& table, const std::optional<Json>& before,
                                   const Json& after) {
  if (!before) return RowWrite{table, after, OutboxOp::Upsert, true, nullptr};
  Json patch = changed_columns(*before, after);
  if (patch.size() <= 1) return std::nullopt;
  return RowWrite{table, after, OutboxOp::Patch, true, std::move(patch)};
}

Json provisional(const ReservationEvent& e) {
  Json j = encode(e);
  j["metadata"]["provisional"] = true;
  return j;
}

// A status change goes out as ONE call of the backend's replay-safe RPC,
// with the other columns that changed with it (arrived_count, seated_at, a
// new table) and this change's event id, which the backend keeps so that a
// replay is recognised (tools/backend/SYNC.md).
RowWrite status_write(const Reservation& before, const Reservation& after,
                      const ReservationEvent& event) {
  Json row = encode(after);
  Json patch = changed_columns(encode(before), row);
  patch.erase("id");
  patch.erase("status");
  Json out = {{"id", after.id},
              {"from", to_string(before.status)},
              {"to", to_string(after.status)},
              {"metadata", event.metadata},
              {"patch", patch},
              {"event_id", event.id}};
  // Local only: whose token should carry it (Sync::add_signer).
  if (event.changed_by) out["by"] = *event.changed_by;
  return {std::string(Entity<Reservation>::table), row, OutboxOp::Status, true, out};
}

std::vector<RowWrite> move_writes(const std::vector<Reservation>& moved) {
  std::vector<RowWrite> w;
  for (const auto& m : moved) {
    Json row = encode(m);
    Json patch = {{"id", m.id}, {"table_id", row["table_id"]}, {"table_number", m.table_number}};
    w.push_back({std::string(Entity<Reservation>::table), std::move(row), OutboxOp::Patch, true,
                 std::move(patch)});
  }
  return w;
}

Status write_rows(Cache& cache, const std::vector<RowWrite>& writes, const std::string& now_iso) {
  return in_one_transaction(cache, [&]() -> Status {
    for (const auto& w : writes) {
      if (w.op == OutboxOp::Delete) {
        if (auto st = cache.delete_row(w.table, w.row.value("id", "")); !st) return st;
      } else if (auto st = cache.put_row(w.table, w.row); !st) {
        return st;
      }
      if (!w.outbox) continue;
      const Json& payload = w.outbox_row.is_null() ? w.row : w.outbox_row;
      if (auto seq = Outbox(cache).enqueue(w.table, w.op, payload, new_uuid(), now_iso); !seq)
        return seq.error();
    }
    return ok();
  });
}

}  // namespace foh::net
