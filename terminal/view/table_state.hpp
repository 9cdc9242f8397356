#pragma once
// What the floor shows for one table at `now`: its state (a tone of the one
// palette, widgets/palette.hpp), who is seated and for how long against the
// party's expected turn, the next arrival, whether that party is late (the
// free table is then held for it), and the seated guest's marks (allergy, VIP).
#include <cstdint>

#include "desk.hpp"
#include "view/day_index.hpp"
#include "widgets/palette.hpp"

namespace foh::ui {

constexpr int kArrivingSoonMinutes = 30;

// Table state as coloured on the floor.
// Held: free, kept for its next party, which is late.
enum class TableState { Free, ArrivingSoon, Held, Seated, Overdue, Blocked };

struct TableStatus {
  TableState state = TableState::Free;
  const Booking* seated = nullptr;    // the party at the table
  const Booking* next = nullptr;      // the next party expected
  int elapsed_minutes = 0;            // since the seated party's start/seated_at
  bool next_late = false;             // next party settings.late_after_minutes past its time
  int turn_minutes = 0;               // the seated party's expected turn (engine duration_minutes)
  int late_minutes = 0;               // how far past its time the next party is (when next_late)
  bool allergy = false, vip = false;  // the seated party's customer tags (DayIndex::customer_of)
};

int64_t now_minutes(const Desk& d);
// The engine's late rule (foh::is_late) for a booking of the day at `now`
// (now_minutes), with the venue's settings (their defaults without a venue).
bool is_late(const Booking& b, int64_t now, const Desk& d);
TableStatus table_status(const Desk& d, const Table& t);
// The palette's tone of a table: its state, and Arrived when the party due
// soon is already at the door.
Tone tone_of(const TableStatus& st);
// A booking's tone on the timeline and the list: its status, Late when past
// its time (settings.late_after_minutes) and not here, Overdue when seated
// past its turn, as on the floor.
Tone booking_tone(const Booking& b, const Desk& d);

}  // namespace foh::ui
