#pragma once
// The shift at a glance (issue 13, item 4): what a manager or a host reads of
// a service day at `now`, per service and for the whole day — covers on the
// book, seated and still to come, who waits and for how long, who is late or
// did not come, turn times against the target by party size; the pacing
// chart (covers per slot, booked against seated against the slot limit); and
// the end-of-service report with its CSV (RFC 4180).
//
// The counting rules, in one place:
//  - on the book: every party that counts for pacing (pacing.hpp: not
//    Cancelled, not No-show), walk-ins included; booked = seated + arrived +
//    to come, always;
//  - seated: Seated or Completed; arrived: Arrived (at the door, no table yet);
//    to come: Pending or Confirmed;
//  - late: rules.hpp's is_late (to come, and now >= its time +
//    settings.late_after_minutes);
//  - walk-in: source "Walk-in"; from the waitlist: source "Liste d'attente"
//    (net's spellings, the seed's source values);
//  - a turn: a Completed party's seated_at to its completion, read from its
//    updated_at (the status change stamps it, and a completed booking is never
//    edited again), in whole minutes; parties still at their table are not
//    averaged. The target is the settings' turn time for the party's size;
//  - a party's service: its service_id when that service runs on the day,
//    else the service open at its time; none: "outside services" (with no
//    services at all, the whole day is one service);
//  - a waitlist entry's service: by its time, else by when it joined.
// The pacing chart's booked covers are pacing's own count (PacingLedger, by
// booked time); seated covers are counted in the slot where they sat down
// (seated_at, else the booked time).
#include <string>
#include <vector>

#include "foh/engine/calendar.hpp"
#include "foh/engine/language.hpp"
#include "foh/engine/model.hpp"

namespace foh {

inline constexpr const char* kSourceWalkIn = "Walk-in";
inline constexpr const char* kSourceWaitlist = "Liste d'attente";

struct TurnBySize {
  int party_size = 0;
  int parties = 0;          // completed parties of that size with a measured turn
  int average_minutes = 0;  // rounded to the nearest minute
  int target_minutes = 0;   // turn_time(settings, party_size)
};

struct LateParty {
  Uuid reservation_id;
  std::string guest_name;
  int party_size = 0;
  TimeOfDay time;
  int minutes_late = 0;
};

// What holds at `now`.
struct ShiftGlance {
  int parties_booked = 0, covers_booked = 0;      // on the book
  int parties_seated = 0, covers_seated = 0;      // Seated + Completed
  int parties_at_table = 0, covers_at_table = 0;  // Seated now
  int parties_arrived = 0, covers_arrived = 0;
  int parties_to_come = 0, covers_to_come = 0;
  int parties_waiting = 0, covers_waiting = 0;  // waitlist: waiting, notified, called
  int longest_wait_minutes = 0;                 // since the longest-waiting party joined
  std::vector<LateParty> late;                  // latest first
  int no_show_parties = 0, no_show_covers = 0;
  std::vector<TurnBySize> turns;  // by party size, ascending
};

// What the service came to (the end-of-service report).
struct ServiceReport {
  int parties = 0, covers = 0;  // seated (Seated + Completed)
  int walk_in_parties = 0, walk_in_covers = 0;
  int waitlist_joined = 0;     // entries of the service, whatever became of them
  int waitlist_converted = 0;  // of those, seated (status converted)
  int no_show_parties = 0, no_show_covers = 0;
  int cancelled_parties = 0, cancelled_covers = 0;
  std::vector<TurnBySize> turns;
};

struct PacingSlot {
  int start_minute = 0;  // on the service-day timeline (minutes since its midnight)
  int booked = 0;        // covers booked to start in the slot (pacing's count)
  int seated = 0;        // covers that sat down in the slot
};

struct PacingChart {
  int slot_minutes = 15;
  int limit = 0;                  // settings.max_covers_per_slot; 0 = no limit
  std::vector<PacingSlot> slots;  // consecutive, covering the service and every cover of it
  int peak = 0;                   // the largest booked, seated or limit: the chart's scale
};

struct ServiceShift {
  Uuid service_id;           // empty: outside services, or the whole day when there are none
  std::string service_name;  // the service's; empty as service_id
  bool outside = false;      // the parties that fall in no service
  int start_minute = 0, end_minute = 0;  // its hours on the service-day timeline
  ShiftGlance glance;
  ServiceReport report;
  PacingChart chart;
};

struct Shift {
  Date date;
  std::vector<ServiceShift> services;  // in service order; "outside" last, only when not empty
  ShiftGlance day;                     // every service together
  int current = -1;  // the service under way at `now`, else the next one, else the last; -1 none
  int load = 0;      // the day's load units booked (pacing.hpp)
  int max_load = 0;  // the day's limit; 0 = none
};

Shift shift_of(const Venue& venue, const DayBook& day, LocalInstant now);

// RFC 4180: a field with a comma, a double quote, CR or LF goes in double
// quotes, its quotes doubled; a record ends with CRLF.
std::string csv_field(std::string_view text);
std::string csv_record(const std::vector<std::string>& fields);

// The end-of-service report as CSV, one measure a record: date, service,
// measure, party size (turn rows), value, target (turn rows); a header first.
// Words in `l`; a service with no name is "Hors service" / "Outside services"
// (or "Journée" / "All day" when the restaurant has no services).
std::string report_csv(const Shift& shift, Language l);

}  // namespace foh
