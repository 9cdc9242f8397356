#include "foh/engine/floor.hpp"

#include <algorithm>

#include "foh/engine/validate.hpp"

namespace foh {

Result<Floor> Floor::build(const Venue& v, const DayBook* day) {
  Floor f;
  f.tables_ = v.tables;
  std::vector<std::string> where;
  for (size_t i = 0; i < v.tables.size(); ++i) where.push_back(row_where("", "tables", i));
  if (day) {
    for (size_t i = 0; i < day->extra_tables.size(); ++i) {
      if (day->extra_tables[i].date != day->date) continue;
      f.tables_.push_back(as_table(day->extra_tables[i]));
      where.push_back(row_where("", "daily_extra_tables", i));
    }
  }
  if (auto st = validate_floor_tables(f.tables_, where, v.floor_plans); !st) return st.error();
  f.index_tables();
  size_t n = f.tables_.size();
  f.extra_.assign(n, 0);
  f.hidden_.assign(n, 0);
  f.blocked_.assign(n, 0);
  for (size_t i = v.tables.size(); i < n; ++i) f.extra_[i] = 1;
  if (day) {
    for (const auto& o : day->table_overrides) {
      int i = o.date == day->date ? f.index_of(o.table_id) : -1;
      if (i < 0) continue;  // an override of a deleted table changes nothing
      f.hidden_[i] |= o.is_hidden;
      f.blocked_[i] |= o.is_blocked;
      if (o.position_x) f.tables_[i].position_x = *o.position_x;
      if (o.position_y) f.tables_[i].position_y = *o.position_y;
    }
  }
  f.unavailable_.resize(n);
  for (size_t i = 0; i < n; ++i) f.unavailable_[i] = f.hidden_[i] || f.blocked_[i];
  if (auto st = f.add_combinations(v.tables); !st) return st.error();
  if (day) f.add_daily_joins(*day);
  return f;
}

void Floor::index_tables() {
  by_id_.reserve(tables_.size());
  for (size_t i = 0; i < tables_.size(); ++i) {
    const Table& t = tables_[i];
    by_id_.emplace(t.id, static_cast<int>(i));
    auto it = std::find_if(plans_.begin(), plans_.end(),
                           [&](const PlanNames& p) { return p.floor_plan_id == t.floor_plan_id; });
    if (it == plans_.end()) it = plans_.insert(plans_.end(), PlanNames{t.floor_plan_id, {}});
    it->by_name.emplace_back(t.name, static_cast<int>(i));
  }
  for (auto& p : plans_) std::sort(p.by_name.begin(), p.by_name.end());
  // Plans in id order: a name looked up without a floor plan resolves as the
  // backend's trigger does (004_overlap.sql: permanent tables first, then the
  // lowest floor_plan_id).
  std::sort(plans_.begin(), plans_.end(), [](const PlanNames& a, const PlanNames& b) {
    return a.floor_plan_id < b.floor_plan_id;
  });
}

int Floor::index_named_anywhere(std::string_view name) const {
  int extra_match = -1;
  for (const auto& p : plans_) {
    int i = index_named(p.floor_plan_id, name);
    if (i >= 0 && !extra_[i]) return i;
    if (i >= 0 && extra_match < 0) extra_match = i;
  }
  return extra_match;
}

// Each combination once: "7+8" declared on 7 and "8+7" on 8 are the same
// member set; the first declaration (table order) gives the key and seats.
Status Floor::add_combinations(const std::vector<Table>& declared) {
  combos_of_.assign(tables_.size(), {});
  std::vector<std::vector<int>> seen;  // sorted member sets
  for (const Table& t : declared) {
    for (const auto& [key, seats] : t.capacity_overrides) {
      auto names = split_combination(key);
      if (names.size() < 2) continue;
      Combination c{key, t.floor_plan_id, {}, {}, seats};
      for (auto name : names) {
        int i = index_named(t.floor_plan_id, name);
        c.members.push_back(i);  // validated: every name resolves
        c.table_ids.push_back(tables_[i].id);
      }
      std::vector<int> sorted = c.members;
      std::sort(sorted.begin(), sorted.end());
      if (std::find(seen.begin(), seen.end(), sorted) != seen.end()) continue;
      seen.push_back(std::move(sorted));
      int ci = static_cast<int>(combinations_.size());
      for (int m : c.members) combos_of_[m].push_back(ci);
      combinations_.push_back(std::move(c));
    }
  }
  return ok();
}

// The day's joins (day_join.hpp) after the declared combinations: a pair
// already declared stays as declared; a join naming a table that is gone, of
// another floor plan, or hidden for the day changes nothing (as an override
// of a deleted table). Adjacency is checked when a host joins, not here: a
// table moved later in the editor does not undo the host's join.
void Floor::add_daily_joins(const DayBook& day) {
  for (const auto& o : day.table_overrides) {
    if (o.date != day.date || !o.joined_with) continue;
    int a = index_of(o.table_id), b = index_of(*o.joined_with);
    if (a < 0 || b < 0 || a == b || tables_[a].floor_plan_id != tables_[b].floor_plan_id) continue;
    if (hidden_[a] || hidden_[b]) continue;
    HeldTables pair;
    pair.add(a);
    pair.add(b);
    if (combination_of(pair) >= 0) continue;
    Combination c{tables_[a].name + "+" + tables_[b].name,
                  tables_[a].floor_plan_id,
                  {tables_[a].id, tables_[b].id},
                  {a, b},
                  tables_[a].capacity_max + tables_[b].capacity_max,
                  true};
    int ci = static_cast<int>(combinations_.size());
    combos_of_[a].push_back(ci);
    combos_of_[b].push_back(ci);
    combinations_.push_back(std::move(c));
  }
}

const Floor::PlanNames* Floor::plan(const Uuid& floor_plan_id) const {
  for (const auto& p : plans_)
    if (p.floor_plan_id == floor_plan_id) return &p;
  return nullptr;
}

int Floor::index_of(const Uuid& table_id) const {
  auto it = by_id_.find(table_id);
  return it == by_id_.end() ? -1 : it->second;
}

int Floor::index_named(const Uuid& floor_plan_id, std::string_view name) const {
  const PlanNames* p = plan(floor_plan_id);
  if (!p) return -1;
  auto it = std::lower_bound(p->by_name.begin(), p->by_name.end(), name,
                             [](const auto& e, std::string_view n) { return e.first < n; });
  return it != p->by_name.end() && it->first == name ? it->second : -1;
}

const Table* Floor::table(const Uuid& id) const {
  int i = index_of(id);
  return i < 0 ? nullptr : &tables_[i];
}

const Table* Floor::table_named(const Uuid& floor_plan_id, std::string_view name) const {
  int i = index_named(floor_plan_id, name);
  return i < 0 ? nullptr : &tables_[i];
}

bool Floor::is_unavailable(const Uuid& table_id) const {
  int i = index_of(table_id);
  return i >= 0 && unavailable_[i];
}
bool Floor::is_hidden(const Uuid& table_id) const {
  int i = index_of(table_id);
  return i >= 0 && hidden_[i];
}
bool Floor::is_blocked(const Uuid& table_id) const {
  int i = index_of(table_id);
  return i >= 0 && blocked_[i];
}
bool Floor::is_extra(const Uuid& table_id) const {
  int i = index_of(table_id);
  return i >= 0 && extra_[i];
}

HeldTables Floor::held_by(const Reservation& r) const {
  HeldTables held;
  int own = r.table_id ? index_of(*r.table_id) : -1;
  held.add(own);
  if (r.table_number.empty()) return held;
  // The common case, "7" on table 7: nothing to resolve.
  if (own >= 0 && r.table_number == tables_[own].name) return held;
  const Uuid* plan_id = own >= 0 ? &tables_[own].floor_plan_id : nullptr;
  // Resolve table_number's names without allocating: split in place.
  std::string_view rest = r.table_number;
  while (true) {
    size_t plus = rest.find('+');
    std::string_view name = rest.substr(0, plus);
    while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
    while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
    if (!name.empty()) {
      if (plan_id) {
        held.add(index_named(*plan_id, name));
      } else {
        // No table_id: the first name found fixes the floor plan for the rest.
        int i = index_named_anywhere(name);
        if (i >= 0) {
          held.add(i);
          plan_id = &tables_[i].floor_plan_id;
        }
      }
    }
    if (plus == std::string_view::npos) break;
    rest.remove_prefix(plus + 1);
  }
  return held;
}

std::vector<Uuid> Floor::tables_of(const Reservation& r) const {
  HeldTables held = held_by(r);
  std::vector<Uuid> ids;
  ids.reserve(held.count);
  for (int k = 0; k < held.count; ++k) ids.push_back(tables_[held.index[k]].id);
  return ids;
}

int Floor::combination_of(const HeldTables& members) const {
  if (members.count < 2) return -1;
  for (int ci : combos_of_[members.index[0]]) {
    const auto& m = combinations_[ci].members;
    if (static_cast<int>(m.size()) != members.count) continue;
    bool all = std::all_of(m.begin(), m.end(), [&](int i) { return members.contains(i); });
    if (all) return ci;
  }
  return -1;
}

}  // namespace foh
