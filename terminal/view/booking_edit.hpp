#pragma once
// The table a booking taken or edited by hand gets, pure (engine calls only):
// an edited booking keeps its own table while that table still seats the
// party and is free at the new time; otherwise the engine proposes one,
// combinations and moves of other bookings included. The booking itself is
// left out of the day, so it is never the one moved.
#include <string>
#include <vector>

#include "foh/engine/assign.hpp"
#include "foh/engine/model.hpp"
#include "i18n.hpp"

namespace foh {
class Floor;
}

namespace foh::ui {

// The engine refuses the booking itself (no service then, pacing): a Manager
// may override it; any other Decision not accepted is a table not found.
bool refused(const Decision& d);

// Seats of the tables a party holds: a declared combination's own number, else
// the tables' capacity_max summed.
int seats_held(const Floor& floor, const std::vector<Uuid>& tables);

// `r`: the booking as the form describes it (id empty for a new one), on
// `day` (the day of r.date). With `overridden`, hours and pacing are not
// checked (a Manager overrides the refusal) and the table is still proposed.
// The engine's Decision as it seats the booking: accepted, its table, the
// reason and the other bookings `moved` to free it; else none, the reason
// says why (Invalid: the floor or the party is not one the engine seats).
Decision propose_booking(const Reservation& r, const Venue& venue, const DayBook& day, Language l,
                         bool overridden);

}  // namespace foh::ui
