// The day's floor (blocked/hidden tables, extra tables, notes) and the floor
// plan editor's save.
#include <set>

#include "foh/engine/codec.hpp"
#include "foh/engine/geometry.hpp"
#include "foh/engine/limits.hpp"
#include "foh/engine/permissions.hpp"
#include "foh/engine/validate.hpp"
#include "foh/net/rows.hpp"
#include "foh/net/store.hpp"
#include "store_write.hpp"

namespace foh::net {

namespace {

// The cached row as the codec writes it (so that only real changes differ
// from the edited row), nullopt when the row is new.
template <class T>
std::optional<Json> cached(Cache& cache, const Uuid& id) {
  auto j = Rows<T>(cache).json(id);
  if (!j) return std::nullopt;
  auto d = Entity<T>::decode(*j, "cache: " + Rows<T>::where(id));
  if (!d) return j;
  return encode(*d);
}

}  // namespace

Status Store::put_override(const Uuid& table_id, Date date, bool set_blocked, bool value,
                           const Actor& /*by*/) {
  if (!Rows<Table>(cache_).json(table_id))
    return Error{Rows<Table>::where(table_id), "unknown table", "unknown_table"};
  DailyTableOverride o;
  std::optional<Json> before;
  using Overrides = Rows<DailyTableOverride>;
  for (const auto& j : Overrides(cache_).json_of_date(date)) {
    if (j.value("table_id", "") != table_id) continue;
    auto d = Entity<DailyTableOverride>::decode(j, "cache: " + std::string(Overrides::table));
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
  auto w = edit_write(before, o);
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
  auto before = cached<DailyExtraTable>(cache_, t.id);
  if (auto w = edit_write(before, t))
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
  auto before = cached<DailyFloorNote>(cache_, n.id);
  if (auto w = edit_write(before, n))
    if (auto st = commit_rows({*w}, n.updated_at); !st) return st.error();
  return n;
}

namespace {

// T's rows on this floor plan that the new set no longer has.
template <class T>
std::vector<RowWrite> removed(Cache& cache, const Uuid& plan_id, const std::set<Uuid>& kept) {
  const std::string table(Rows<T>::table);
  std::vector<RowWrite> out;
  for (const auto& j : Rows<T>(cache).json_all()) {
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
  for (size_t i = 0; i < tables.size(); ++i) where.push_back(row_where("", Rows<Table>::table, i));
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
  auto edit = [&](const auto& row) {
    using T = std::decay_t<decltype(row)>;
    if (auto e = edit_write(cached<T>(cache_, row.id), row)) w.push_back(std::move(*e));
  };
  edit(plan);
  std::set<Uuid> zone_ids, table_ids;
  for (const auto& z : zones) {
    zone_ids.insert(z.id);
    edit(z);
  }
  for (const auto& t : tables) {
    table_ids.insert(t.id);
    edit(t);
  }
  for (auto& r : removed<Table>(cache_, plan.id, table_ids)) w.push_back(std::move(r));
  for (auto& r : removed<Zone>(cache_, plan.id, zone_ids)) w.push_back(std::move(r));
  return commit_rows(w, now);
}

}  // namespace foh::net
