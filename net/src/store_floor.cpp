// The day's floor (blocked/hidden tables, extra tables, notes) and the floor
// plan editor's save.
#include <set>

#include "foh/engine/codec.hpp"
#include "foh/engine/geometry.hpp"
#include "foh/engine/limits.hpp"
#include "foh/engine/permissions.hpp"
#include "foh/engine/validate.hpp"
#include "foh/net/store.hpp"
#include "store_write.hpp"

namespace foh::net {

namespace {

// The cached row as the codec writes it (so that only real changes differ
// from the edited row), nullopt when the row is new.
template <class Decode>
std::optional<Json> cached(Cache& cache, const char* table, const Uuid& id, Decode decode) {
  auto j = cache.get_row(table, id);
  if (!j) return std::nullopt;
  auto d = decode(*j, std::string("cache: ") + table + " " + id);
  if (!d) return j;
  return encode(*d);
}

}  // namespace

Status Store::put_override(const Uuid& table_id, Date date, bool set_blocked, bool value,
                           const Actor& /*by*/) {
  if (!cache_.get_row("tables", table_id))
    return Error{"tables " + table_id, "unknown table", "unknown_table"};
  DailyTableOverride o;
  std::optional<Json> before;
  for (const auto& j : cache_.rows_of_date("daily_table_overrides", date)) {
    if (j.value("table_id", "") != table_id) continue;
    auto d = decode_daily_table_override(j, "cache: daily_table_overrides");
    if (!d) return d.error();
    o = std::move(d).value();
    before = encode(o);
  }
  if (!before) {
    o.id = new_uuid();
    o.restaurant_id = restaurant_id(cache_);
    o.table_id = table_id;
    o.date = date;
  }
  (set_blocked ? o.is_blocked : o.is_hidden) = value;
  o.updated_at = now_iso();
  auto w = edit_write("daily_table_overrides", before, encode(o));
  return w ? commit_rows({*w}, o.updated_at) : ok();
}

Status Store::set_table_blocked(const Uuid& table_id, Date date, bool blocked, const Actor& by) {
  return put_override(table_id, date, true, blocked, by);
}

Status Store::set_table_hidden(const Uuid& table_id, Date date, bool hidden, const Actor& by) {
  return put_override(table_id, date, false, hidden, by);
}

Result<DailyExtraTable> Store::save_extra_table(DailyExtraTable t, const Actor& /*by*/) {
  if (t.id.empty()) t.id = new_uuid();
  if (t.restaurant_id.empty()) t.restaurant_id = restaurant_id(cache_);
  if (auto st = validate_table_row(as_table(t), "daily_extra_tables " + t.id); !st)
    return st.error();
  t.updated_at = now_iso();
  auto before = cached(cache_, "daily_extra_tables", t.id, decode_daily_extra_table);
  if (auto w = edit_write("daily_extra_tables", before, encode(t)))
    if (auto st = commit_rows({*w}, t.updated_at); !st) return st.error();
  return t;
}

Result<DailyFloorNote> Store::save_floor_note(DailyFloorNote n, const Actor& by) {
  if (!may_authorize(by.role, action::kFloorNote))
    return Error{"daily_floor_notes " + n.id, "the day's floor note is written by a Manager",
                 "floor_note_needs_manager"};
  if (limits::utf8_chars(n.note) > limits::kMaxNotesChars)
    return Error{"daily_floor_notes " + n.id + ".note",
                 "longer than " + std::to_string(limits::kMaxNotesChars) + " characters",
                 "note_too_long",
                 {std::to_string(limits::kMaxNotesChars)}};
  if (n.id.empty()) n.id = new_uuid();
  if (n.restaurant_id.empty()) n.restaurant_id = restaurant_id(cache_);
  n.updated_at = now_iso();
  auto before = cached(cache_, "daily_floor_notes", n.id, decode_daily_floor_note);
  if (auto w = edit_write("daily_floor_notes", before, encode(n)))
    if (auto st = commit_rows({*w}, n.updated_at); !st) return st.error();
  return n;
}

namespace {

// Rows of `table` on this floor plan that the new set no longer has.
std::vector<RowWrite> removed(Cache& cache, const char* table, const Uuid& plan_id,
                              const std::set<Uuid>& kept) {
  std::vector<RowWrite> out;
  for (const auto& j : cache.rows(table)) {
    if (j.value("floor_plan_id", "") != plan_id || kept.count(j.value("id", ""))) continue;
    out.push_back({table, Json{{"id", j.value("id", "")}}, OutboxOp::Delete, true, nullptr});
  }
  return out;
}

}  // namespace

Status Store::save_floor_plan(const FloorPlan& plan, const std::vector<Zone>& zones,
                              const std::vector<Table>& tables, const Actor& by) {
  if (!may_authorize(by.role, action::kEditor))
    return Error{"floor_plans " + plan.id, "editing the floor plan needs a Manager or Admin",
                 "editor_needs_manager"};
  std::vector<std::string> where;
  for (size_t i = 0; i < tables.size(); ++i) where.push_back(row_where("", "tables", i));
  for (const auto& t : tables)
    if (t.floor_plan_id != plan.id)
      return Error{"tables " + t.name + ".floor_plan_id",
                   "belongs to another floor plan",
                   "other_plan",
                   {t.name}};
  if (auto st = validate_floor_tables(tables, where, {plan}); !st) return st;
  for (size_t i = 0; i < tables.size(); ++i)
    for (size_t k = i + 1; k < tables.size(); ++k)
      if (tables_overlap(tables[i], tables[k]))
        return Error{where[k],
                     "table " + tables[k].name + " overlaps table " + tables[i].name,
                     "tables_overlap",
                     {tables[k].name, tables[i].name}};
  std::string now = now_iso();
  // Only what the manager changed goes out: another terminal's edit of
  // another table (or column) survives.
  std::vector<RowWrite> w;
  auto edit = [&](const std::string& table, const std::optional<Json>& before, const Json& after) {
    if (auto e = edit_write(table, before, after)) w.push_back(std::move(*e));
  };
  edit("floor_plans", cached(cache_, "floor_plans", plan.id, decode_floor_plan), encode(plan));
  std::set<Uuid> zone_ids, table_ids;
  for (const auto& z : zones) {
    zone_ids.insert(z.id);
    edit("zones", cached(cache_, "zones", z.id, decode_zone), encode(z));
  }
  for (const auto& t : tables) {
    table_ids.insert(t.id);
    edit("tables", cached(cache_, "tables", t.id, decode_table), encode(t));
  }
  for (auto& r : removed(cache_, "tables", plan.id, table_ids)) w.push_back(std::move(r));
  for (auto& r : removed(cache_, "zones", plan.id, zone_ids)) w.push_back(std::move(r));
  return commit_rows(w, now);
}

}  // namespace foh::net
