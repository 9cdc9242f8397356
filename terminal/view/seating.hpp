#pragma once
// Seating logic behind the seat screen, pure (engine calls only): the
// engine's suggestion for a party now, and overstay warnings.
#include <optional>
#include <string>
#include <vector>

#include "desk.hpp"

namespace foh::ui {

// Minutes of the service day at desk.now (past midnight stays > 24 h).
TimeOfDay time_now(const Desk& d);

struct PartyToSeat {
  int party_size = 2;
  std::optional<Uuid>
      reservation_id;  // excluded from the day while choosing (it holds its own table)
  std::optional<int> duration;
};

// The engine's suggestion for seating the party at desk.now. Hours and pacing
// are not checked: the party is standing at the door. A reservation whose own
// table is free keeps it.
Decision suggest_now(const PartyToSeat& p, const Desk& d);

// A seated party past its expected end whose table is booked next.
struct OverstayWarning {
  Uuid seated_reservation_id;
  Uuid next_reservation_id;
  std::string text;  // "Table 7: Dupont (4) overstays; Martin (2) at 20:30 is pushed"
  std::optional<TableChoice> proposal;  // another table for the next reservation
};

// Overstays at desk.now: seated past expected end with a live reservation next on a shared table
// starting before the party can leave; each with an engine proposal of another table.
std::vector<OverstayWarning> overstay_warnings(const Desk& d);

}  // namespace foh::ui
