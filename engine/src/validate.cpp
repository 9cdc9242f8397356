#include "foh/engine/validate.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "foh/engine/floor.hpp"

namespace foh {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

std::string in_quotes(std::string_view s) {
  std::string out;  // built by append: GCC 12 warns falsely on "\"" + std::string&&
  out.reserve(s.size() + 2);
  out.append(1, '"').append(s).append(1, '"');
  return out;
}

std::string plan_label(const Uuid& id, const std::vector<FloorPlan>& plans) {
  for (const auto& p : plans)
    if (p.id == id) return in_quotes(p.name);
  return in_quotes(id);
}

Status check_combination(const std::string& key, const Table& t, const std::string& where,
                         const std::map<std::pair<Uuid, std::string>, size_t>& names) {
  auto parts = split_combination(key);
  if (parts.size() < 2) return ok();  // a single name overrides one table, not a combination
  if (static_cast<int>(parts.size()) > HeldTables::kMax)
    return Error{where + ".capacity_overrides", "combination " + in_quotes(key) +
                                                    " has more than " +
                                                    std::to_string(HeldTables::kMax) + " tables"};
  std::set<std::string_view> seen;
  for (auto name : parts) {
    if (name.empty())
      return Error{where + ".capacity_overrides",
                   "combination " + in_quotes(key) + " has an empty table name"};
    if (!seen.insert(name).second)
      return Error{where + ".capacity_overrides",
                   "combination " + in_quotes(key) + " names table " + in_quotes(name) + " twice"};
    if (!names.count({t.floor_plan_id, std::string(name)}))
      return Error{where + ".capacity_overrides",
                   "combination " + in_quotes(key) + " names unknown table " + in_quotes(name)};
  }
  return ok();
}

template <class Row>
Status unique_ids(const std::vector<Row>& rows, const std::string& prefix, std::string_view what) {
  std::set<std::string_view> ids;
  for (size_t i = 0; i < rows.size(); ++i) {
    if (rows[i].id.empty()) return Error{row_where(prefix, what, i) + ".id", "must not be empty"};
    if (!ids.insert(rows[i].id).second)
      return Error{row_where(prefix, what, i) + ".id", "duplicate id " + in_quotes(rows[i].id)};
  }
  return ok();
}

template <class Row>
bool has_id(const std::vector<Row>& rows, const Uuid& id) {
  return std::any_of(rows.begin(), rows.end(), [&](const Row& r) { return r.id == id; });
}

Status check_references(const Venue& v, const std::string& prefix) {
  bool plans = !v.floor_plans.empty();  // floor plans are optional in a bare R.json
  for (size_t i = 0; i < v.zones.size(); ++i)
    if (plans && !has_id(v.floor_plans, v.zones[i].floor_plan_id))
      return Error{row_where(prefix, "zones", i) + ".floor_plan_id",
                   "unknown floor plan " + in_quotes(v.zones[i].floor_plan_id)};
  for (size_t i = 0; i < v.tables.size(); ++i) {
    const Table& t = v.tables[i];
    if (plans && !has_id(v.floor_plans, t.floor_plan_id))
      return Error{row_where(prefix, "tables", i) + ".floor_plan_id",
                   "unknown floor plan " + in_quotes(t.floor_plan_id)};
    if (t.zone_id && !has_id(v.zones, *t.zone_id))
      return Error{row_where(prefix, "tables", i) + ".zone_id",
                   "unknown zone " + in_quotes(*t.zone_id)};
  }
  return ok();
}

}  // namespace

std::string row_where(const std::string& prefix, std::string_view collection, size_t i) {
  std::string row = std::string(collection) + "[" + std::to_string(i) + "]";
  return prefix.empty() ? row : prefix + ": " + row;
}

std::vector<std::string_view> split_combination(std::string_view key) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  while (true) {
    size_t plus = key.find('+', start);
    parts.push_back(
        trim(key.substr(start, plus == std::string_view::npos ? key.npos : plus - start)));
    if (plus == std::string_view::npos) break;
    start = plus + 1;
  }
  return parts;
}

Status validate_table_row(const Table& t, const std::string& where) {
  if (t.name.empty()) return Error{where + ".name", "must not be empty"};
  if (t.capacity_min < 1)
    return Error{where + ".capacity_min", "must be >= 1, got " + std::to_string(t.capacity_min)};
  if (t.capacity_max > 99)
    return Error{where + ".capacity_max", "must be <= 99, got " + std::to_string(t.capacity_max)};
  if (t.capacity_min > t.capacity_max)
    return Error{where + ".capacity_min", "capacity_min (" + std::to_string(t.capacity_min) +
                                              ") > capacity_max (" +
                                              std::to_string(t.capacity_max) + ")"};
  for (const auto& [key, seats] : t.capacity_overrides)
    if (seats < 1)
      return Error{
          where + ".capacity_overrides",
          "combination " + in_quotes(key) + " must seat at least 1, got " + std::to_string(seats)};
  return ok();
}

Status validate_floor_tables(const std::vector<Table>& tables,
                             const std::vector<std::string>& where,
                             const std::vector<FloorPlan>& plans) {
  std::map<std::pair<Uuid, std::string>, size_t> names;
  std::set<std::string_view> ids;
  for (size_t i = 0; i < tables.size(); ++i) {
    const Table& t = tables[i];
    if (auto st = validate_table_row(t, where[i]); !st) return st;
    if (t.id.empty()) return Error{where[i] + ".id", "must not be empty"};
    if (!ids.insert(t.id).second) return Error{where[i] + ".id", "duplicate id " + in_quotes(t.id)};
    if (!names.emplace(std::pair{t.floor_plan_id, t.name}, i).second)
      return Error{where[i] + ".name", "duplicate table name " + in_quotes(t.name) +
                                           " in floor plan " + plan_label(t.floor_plan_id, plans)};
  }
  for (size_t i = 0; i < tables.size(); ++i)
    for (const auto& [key, seats] : tables[i].capacity_overrides)
      if (auto st = check_combination(key, tables[i], where[i], names); !st) return st;
  return ok();
}

Status validate_venue(const Venue& v, const std::string& prefix) {
  if (auto st = unique_ids(v.floor_plans, prefix, "floor_plans"); !st) return st;
  if (auto st = unique_ids(v.zones, prefix, "zones"); !st) return st;
  if (auto st = unique_ids(v.services, prefix, "services"); !st) return st;
  if (auto st = unique_ids(v.team_members, prefix, "team_members"); !st) return st;
  if (auto st = check_references(v, prefix); !st) return st;
  std::vector<std::string> where;
  for (size_t i = 0; i < v.tables.size(); ++i) where.push_back(row_where(prefix, "tables", i));
  return validate_floor_tables(v.tables, where, v.floor_plans);
}

Status validate_day(const DayBook& d, const std::string& prefix) {
  if (auto st = unique_ids(d.reservations, prefix, "reservations"); !st) return st;
  if (auto st = unique_ids(d.waitlist, prefix, "waitlist_entries"); !st) return st;
  for (size_t i = 0; i < d.reservations.size(); ++i)
    if (d.reservations[i].date != d.date)
      return Error{row_where(prefix, "reservations", i) + ".date",
                   d.reservations[i].date.str() + " is not the day's date " + d.date.str()};
  return ok();
}

Status validate_bookings(const DayBook& d, const Floor& f, const std::string& prefix) {
  for (size_t i = 0; i < d.reservations.size(); ++i) {
    const Reservation& r = d.reservations[i];
    std::string where = row_where(prefix, "reservations", i);
    const Table* own = r.table_id ? f.table(*r.table_id) : nullptr;
    if (r.table_id && !own)
      return Error{where + ".table_id", "unknown table " + in_quotes(*r.table_id)};
    if (r.table_number.empty()) continue;
    for (auto name : split_combination(r.table_number)) {
      bool known = false;
      if (own) {
        known = f.table_named(own->floor_plan_id, name) != nullptr;
      } else {
        for (const Table& t : f.tables()) known = known || t.name == name;
      }
      if (!known)
        return Error{where + ".table_number", "table_number " + in_quotes(r.table_number) +
                                                  " names unknown table " + in_quotes(name)};
    }
  }
  return ok();
}

Table as_table(const DailyExtraTable& x) {
  Table t;
  t.id = x.id;
  t.restaurant_id = x.restaurant_id;
  t.floor_plan_id = x.floor_plan_id;
  t.zone_id = x.zone_id;
  t.name = x.name;
  t.capacity_min = x.capacity_min;
  t.capacity_max = x.capacity_max;
  t.position_x = x.position_x;
  t.position_y = x.position_y;
  t.width = x.width;
  t.height = x.height;
  t.rotation = x.rotation;
  t.shape = x.shape;
  t.chair_sides = x.chair_sides;
  t.fill_group = 0;
  t.updated_at = x.updated_at;
  return t;
}

}  // namespace foh
