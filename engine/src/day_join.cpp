// A host's join of two tables for the day: the checks before writing it.
#include "foh/engine/day_join.hpp"

#include <algorithm>

#include "foh/engine/geometry.hpp"

namespace foh {
namespace {

Error refusal(const char* code, std::string message, std::vector<std::string> args) {
  return Error{"daily_table_overrides.joined_with", std::move(message), code, std::move(args)};
}

// A party that came holds its table now; a booking later that day does not
// stop a join (both tables stay bookable alone, and the pair is one more
// choice for the engine).
bool taken(const Floor& floor, const DayBook& day, int index) {
  return std::any_of(day.reservations.begin(), day.reservations.end(), [&](const Reservation& r) {
    if (r.date != day.date) return false;
    if (r.status != ReservationStatus::Arrived && r.status != ReservationStatus::Seated)
      return false;
    return floor.held_by(r).contains(index);
  });
}

}  // namespace

std::vector<const DailyTableOverride*> joins_of(const DayBook& day, const Uuid& t) {
  std::vector<const DailyTableOverride*> out;
  for (const auto& o : day.table_overrides)
    if (o.date == day.date && o.joined_with && (o.table_id == t || *o.joined_with == t))
      out.push_back(&o);
  return out;
}

std::optional<Uuid> joined_partner(const DayBook& day, const Uuid& t) {
  for (const DailyTableOverride* o : joins_of(day, t))
    return o->table_id == t ? *o->joined_with : o->table_id;
  return std::nullopt;
}

Status check_join(const Floor& floor, const DayBook& day, const Uuid& a, const Uuid& b) {
  const int ia = floor.index_of(a), ib = floor.index_of(b);
  if (ia < 0 || ib < 0)
    return Error{"daily_table_overrides.table_id", "unknown table " + (ia < 0 ? a : b),
                 "unknown_table"};
  const Table &ta = floor.tables()[ia], &tb = floor.tables()[ib];
  const std::vector<std::string> names{ta.name, tb.name};
  if (ia == ib) return refusal("join_same_table", "a table cannot be joined with itself", names);
  for (const Table* t : {&ta, &tb})
    if (floor.is_extra(t->id))
      return refusal("join_extra_table",
                     "table " + t->name + " is an extra table of the day and cannot be joined",
                     {t->name});
  if (ta.floor_plan_id != tb.floor_plan_id)
    return refusal("join_other_plan",
                   "tables " + ta.name + " and " + tb.name + " are on two floor plans", names);
  for (const Table* t : {&ta, &tb})
    if (floor.is_unavailable(t->id))
      return refusal("join_unavailable", "table " + t->name + " is blocked or hidden today",
                     {t->name});
  if (!tables_adjacent(ta, tb))
    return refusal("join_not_adjacent",
                   "tables " + ta.name + " and " + tb.name + " are not next to each other", names);
  HeldTables pair;
  pair.add(ia);
  pair.add(ib);
  const int declared = floor.combination_of(pair);
  if (declared >= 0 && !floor.combinations()[declared].daily)
    return refusal("join_declared",
                   "tables " + ta.name + " and " + tb.name + " are already a combination", names);
  for (const Table* t : {&ta, &tb})
    if (auto other = joined_partner(day, t->id)) {
      const Table* o = floor.table(*other);
      std::string with = o ? o->name : *other;
      return refusal("join_already",
                     "table " + t->name + " is already joined with " + with + " today",
                     {t->name, with});
    }
  for (int i : {ia, ib})
    if (taken(floor, day, i))
      return refusal("join_taken",
                     "table " + floor.tables()[i].name + " is not free: a party is there",
                     {floor.tables()[i].name});
  return ok();
}

}  // namespace foh
