// The one-transaction write every store command ends with.
#include "store_write.hpp"

#include <ctime>
#include <set>

namespace foh::net {

Uuid restaurant_id(Cache& cache) {
  if (auto id = cache.kv_get("restaurant_id"); id && !id->empty()) return *id;
  auto rows = cache.rows("restaurants");
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

Status write_edit(Cache& cache, const std::string& table, const Json& before, const Json& after,
                  const std::string& now_iso) {
  auto w = edit_write(table, before, after);
  if (!w) return ok();
  return write_rows(cache, {*w}, now_iso);
}

Status write_rows(Cache& cache, const std::vector<RowWrite>& writes, const std::string& now_iso) {
  Transaction tx(cache);
  if (!tx.begun()) return tx.begun();
  for (const auto& w : writes) {
    if (w.op == OutboxOp::Delete) {
      if (auto st = cache.delete_row(w.table, w.row.value("id", "")); !st) return st;
    } else if (auto st = cache.put_row(w.table, w.row); !st) {
      return st;
    }
    if (!w.outbox) continue;
    const Json& payload = w.outbox_row.is_null() ? w.row : w.outbox_row;
    if (auto seq = cache.enqueue(w.table, w.op, payload, new_uuid(), now_iso); !seq)
      return seq.error();
  }
  return tx.commit();
}

}  // namespace foh::net
