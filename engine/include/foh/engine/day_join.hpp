#pragma once
// Two tables joined for one date by a host (issue 13 item 5): the pair is a
// combination that day (Floor::build reads it from the day's
// daily_table_overrides.joined_with, seats = both tables' capacity_max), and
// is split again by clearing it. Pure: the terminal and net's Store ask the
// same questions here.
#include <optional>
#include <vector>

#include "foh/engine/floor.hpp"
#include "foh/engine/model.hpp"
#include "foh/engine/result.hpp"

namespace foh {

// Whether a host may join tables `a` and `b` on `day.date` on `floor`
// (Floor::build(venue, &day)). Refusals, each with its code and the tables'
// names as args (the terminal words them: err.<code>):
//   unknown_table     a table the floor does not know
//   join_same_table   a and b are one table
//   join_extra_table  a daily extra table (overrides name permanent tables only)
//   join_other_plan   the tables stand on two floor plans
//   join_unavailable  one is blocked or hidden today
//   join_not_adjacent geometry.hpp's tables_adjacent says no
//   join_declared     the pair is already a declared combination
//   join_already      one of them is already joined that day
//   join_taken        a party Arrived or Seated holds one of them now
Status check_join(const Floor& floor, const DayBook& day, const Uuid& a, const Uuid& b);

// The table `t` is joined with that day (either side of the row), if any.
std::optional<Uuid> joined_partner(const DayBook& day, const Uuid& t);

// The overrides of that day that join `t` (one, unless two terminals joined
// the same pair at once: splitting clears them all).
std::vector<const DailyTableOverride*> joins_of(const DayBook& day, const Uuid& t);

}  // namespace foh
