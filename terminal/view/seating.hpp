#pragma once
// Seating logic behind the seat screen, pure (engine calls only): the
// engine's suggestion for a party now, and overstay warnings.
#include <optional>
#include <vector>

#include "desk.hpp"
#include "screens/seat.hpp"

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

}  // namespace foh::ui
