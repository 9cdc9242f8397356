#pragma once
// Seat a party: pick a reservation, a waitlist entry or a walk-in; the
// engine's suggestion is highlighted on the floor with its reason,
// alternatives are tappable, combinations drawn as linked tables; tap to
// seat. Also warns about overstaying parties that push the next booking.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "desk.hpp"
#include "screens/commands.hpp"
#include "screens/floor.hpp"
#include "view/seating.hpp"

namespace foh::ui {

struct SeatView {
  // One write per intent: the id this pick's seat command carries (made by
  // the shell with the view), and no party picked after a seat, so the same
  // spot is no longer a seat button until the host picks again.
  Uuid command_id;
  bool no_pick = false;
  PartySource source = PartySource::WalkIn;
  std::optional<Uuid> reservation_id;
  std::optional<Uuid> waitlist_entry_id;
  int party_size = 2;
  std::string guest_name;
  // The engine's answer: its best table (moving bookings only when nothing
  // is free otherwise) and alternatives; recomputed when the pick changes.
  std::optional<Decision> suggestion;
  std::string suggestion_key;  // what it was computed for
  int chosen = -1;  // -1 = best, else index into alternatives (a table the host tapped is appended)
  // The table to choose once the suggestion is computed (the waitlist's
  // recommendation opened the screen, with the engine's quoted choice), then cleared.
  std::optional<TableChoice> proposed;
  std::string refusal;  // why a tapped table cannot take the party
  FloorView floor;      // the floor drawn beside the list
  Uuid shown_table;     // the chosen table whose plan was last brought into view
  // Overstay warnings, recomputed once a minute, on a new desk revision or language.
  std::vector<OverstayWarning> warnings;
  int64_t warnings_minute = -1;
  uint64_t warnings_revision = 0;
  Language warnings_locale = Language::Fr;
};

struct SeatIntents {
  std::optional<SeatCommand> seat;
  std::optional<MoveCommand> move_next;  // accept an overstay proposal
  std::optional<Uuid> edit_booking;      // open the booking form on the picked booking
  FloorIntents floor;
};

// Computes the engine suggestion for the current pick (pure engine call).
Decision suggest_for(const SeatView& v, const Desk& d);

void draw_seat(SeatView& v, const Desk& d, SeatIntents& out);

}  // namespace foh::ui
