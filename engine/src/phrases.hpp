#pragma once
// Private to the engine: every host-facing phrase, in English and French, in
// one place (phrases.cpp). Callers pass facts; the wording lives here.
#include <string>

#include "foh/engine/calendar.hpp"
#include "foh/engine/language.hpp"
#include "foh/engine/model.hpp"

namespace foh::phrase {

// --- assignment (assign.cpp, optimise.cpp) ---

// What describe() knows about a table or combination chosen for a party.
struct Choice {
  bool combination = false;
  std::string number;          // "12" or "7+8"
  int seats = 0;               // capacity_max
  std::string plan;            // floor plan name, may be empty
  int64_t start = 0, end = 0;  // minutes of the service day
  int spare = 0;               // seats - party
  bool outside_zone = false;   // a zone was asked for and this is not in it
  int moves = 0;               // reservations moved to make room
};
// "Table 12 (4 seats, Salle principale): free 19:00–20:30, exact fit"
std::string choice(Language l, const Choice& c);
// Appended to choice() when rotation chose among equally good tables:
// ", rotation: Léa's section, 2 covers in the last 30 minutes"
std::string rotation(Language l, const std::string& server, int recent_covers, int minutes);

std::string refused_party_size(Language l, int party);
std::string refused_other_day(Language l, Date requested, Date day);
std::string refused_closed(Language l, TimeOfDay t);
std::string refused_pacing(Language l, const std::string& why);
std::string no_table_seats(Language l, int party, int largest);
std::string no_table_free(Language l, int party, TimeOfDay t);
// Optimise: left out because the plan seats more covers without it.
std::string left_out(Language l, int party, TimeOfDay t);
// A move proposed earlier that no longer holds (moved_now); `guest` may be empty.
std::string move_to_no_table(Language l);
std::string move_stays(Language l, const std::string& guest, ReservationStatus now);
std::string move_not_from(Language l, const std::string& guest, const std::string& table);
std::string move_has_table(Language l, const std::string& guest, const std::string& table);

// --- tables free (rules.cpp) ---

std::string table_unavailable(Language l, const std::string& table, bool hidden, Date d);
struct Holder {  // who holds a table a reservation wants
  std::string table;
  TimeOfDay time;
  int minutes = 0;
  std::string guest;
  int party = 0;
};
// "table 12 is taken 19:00-20:30 by Dupont (4)"
std::string table_taken(Language l, const Holder& h);

// --- pacing (pacing.cpp) ---

std::string pacing_blocked(Language l, const std::string& reason_or_date);
std::string pacing_closed_day(Language l, int seed_weekday);  // 0 = Sunday
std::string pacing_day_load(Language l, int load, int limit);
std::string pacing_service(Language l, const std::string& service, int covers, int limit);
std::string pacing_slot(Language l, int from_minute, int to_minute, int covers, int limit);

// --- status changes (status.cpp) ---

std::string already(Language l, ReservationStatus s);
std::string cannot_go(Language l, ReservationStatus from, ReservationStatus to);
std::string needs_manager(Language l, bool cancelling);  // else undoing
std::string arrived_count_range(Language l, int party, int got);
std::string already_arrived(Language l, int count, int party);
std::string cannot_create(Language l, ReservationStatus s);
std::string cannot_undo_creation(Language l);
std::string nothing_to_undo(Language l);
std::string undo_not_current(Language l, const std::string& from, const std::string& to,
                             ReservationStatus current);

// --- a booking moved to other tables or another time (move_check.cpp) ---

std::string move_blocked(Language l, const std::string& table);
// "Table 1 seats 1-2, party of 4"
std::string move_seats(Language l, const std::string& table, int min_seats, int max_seats,
                       int party);
std::string move_closed(Language l, TimeOfDay t);
// "Overlaps Dupont (4) 19:00 on table 3"
std::string move_overlaps(Language l, const Reservation& other);

}  // namespace foh::phrase
