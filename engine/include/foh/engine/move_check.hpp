#pragma once
// May a booking move to other tables or another time? The rule the timeline's
// drag and the seat screen ask before they propose a move: the tables in use
// today, a single table that seats the party, a service open then, and no
// live booking overlapping (THE overlap rule, conflicts_with in rules.hpp).
#include <string>
#include <vector>

#include "foh/engine/calendar.hpp"
#include "foh/engine/language.hpp"
#include "foh/engine/model.hpp"

namespace foh {

class Floor;

struct MoveVerdict {
  bool allowed = false;
  std::string refusal;  // why not, in the host's language; empty when allowed
};

// `r` moved to `table_ids` (named `table_number`) at `t` on `f`'s day, against
// the day's other reservations. A combination's seats are its own rule
// (capacity_overrides), so seats are checked for a single table only.
MoveVerdict check_move(const Reservation& r, const std::vector<Uuid>& table_ids,
                       const std::string& table_number, TimeOfDay t,
                       const std::vector<Reservation>& day, const Floor& f, const Settings& s,
                       const std::vector<Service>& services, Language l);

}  // namespace foh
