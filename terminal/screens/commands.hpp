#pragma once
// Commands that several screens record and the shell applies through net's Store.
#include <optional>
#include <string>
#include <vector>

#include "foh/engine/assign.hpp"
#include "foh/engine/model.hpp"

namespace foh::ui {

// A table or a declared combination ("7+8") with the engine's one-line reason
// (engine assign.hpp: table_ids, table_number, reason).
using TableChoice = foh::TableChoice;

// Who is being seated.
enum class PartySource { Reservation, Waitlist, WalkIn };

struct SeatCommand {
  Uuid command_id;  // made with the seat screen's pick: the new row's id (walk-in, waitlist)
  PartySource source = PartySource::WalkIn;
  std::optional<Uuid> reservation_id;     // source == Reservation
  std::optional<Uuid> waitlist_entry_id;  // source == Waitlist
  int party_size = 2;
  std::string guest_name;  // walk-ins may be anonymous
  TableChoice table;
  // Reservations the engine's proposal moves to make room (Decision::moved):
  // the shell applies them with the seating, in one transaction.
  std::vector<Move> moves;
};

// Change a reservation's table and/or time (timeline drag, overstay proposal, conflict fix).
struct MoveCommand {
  Uuid reservation_id;
  TableChoice table;
  TimeOfDay time;  // unchanged time when only the table moves
};

struct StatusCommand {
  Uuid reservation_id;
  ReservationStatus to = ReservationStatus::Confirmed;
  std::optional<int> arrived_count;  // partial arrival
};

// What a write not landed yet is keyed by in Desk::pending_writes (the shell
// writes off the frame, app/store_worker.hpp), so the button that started it
// stays disabled until it lands. A row's own actions use its id, the seat
// screen its command id; the forms and screen-wide actions these:
inline constexpr const char* kWriteBookingForm = "write.booking_form";  // Create / Save
inline constexpr const char* kWriteWaitlistAdd = "write.waitlist_add";
inline constexpr const char* kWriteKioskJoin = "write.kiosk_join";
inline constexpr const char* kWriteOptimise = "write.optimise";  // the re-plan's moves applied
inline constexpr const char* kWriteFloorPlan = "write.floor_plan";

}  // namespace foh::ui
