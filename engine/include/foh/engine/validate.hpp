#pragma once
// Checks that a single row's decoder cannot make: duplicates, references
// between rows, declared combinations. Every error names the row and the field,
// e.g. `R.json: tables[5].name: duplicate table name "12" in floor plan "Salle principale"`.
// Used by decode_venue, by Floor::build and by the floor editor before saving.
#include <string>
#include <string_view>
#include <vector>

#include "foh/engine/model.hpp"
#include "foh/engine/result.hpp"

namespace foh {

// "R.json: tables[3]" (prefix "R.json") or "tables[3]" (empty prefix).
std::string row_where(const std::string& prefix, std::string_view collection, size_t i);

// "7+8" -> {"7", "8"}; names are trimmed of surrounding spaces. Empty parts stay
// (as empty names) so that validation can report them.
std::vector<std::string_view> split_combination(std::string_view key);

// One table row alone: non-empty name, 1 <= capacity_min <= capacity_max <= 99,
// combination seats >= 1.
Status validate_table_row(const Table& t, const std::string& where);

// The tables of one floor (permanent tables, then the day's extra tables), each
// with its row name in `where`: per-row checks, duplicate ids, duplicate names
// within a floor plan, combinations naming unknown tables or a table twice.
Status validate_floor_tables(const std::vector<Table>& tables,
                             const std::vector<std::string>& where,
                             const std::vector<FloorPlan>& plans);

// The whole R.json: the above plus references (a table's or zone's floor plan,
// a table's zone) and duplicate ids of floor plans, zones, services, members.
Status validate_venue(const Venue& v, const std::string& prefix);

// A day: duplicate reservation ids, the rows' dates equal to the day's date.
Status validate_day(const DayBook& d, const std::string& prefix);

// A day's reservations against the floor of that day: a table_id or a name in
// table_number that names no table is an error (a booking that silently held
// no table would let the planner seat someone else there).
class Floor;
Status validate_bookings(const DayBook& d, const Floor& f, const std::string& prefix);

// The day's extra tables as Table rows (what Floor and the screens use).
Table as_table(const DailyExtraTable& x);

}  // namespace foh
