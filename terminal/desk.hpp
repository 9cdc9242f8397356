#pragma once
// The read-only snapshot one frame draws. The shell fills it from net's cache
// (and the engine) whenever data changes; screens only read it and record
// intents. Nothing here owns data: the pointers live in the shell.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "foh/engine/assign.hpp"
#include "foh/engine/calendar.hpp"
#include "foh/engine/model.hpp"
#include "foh/engine/texts.hpp"
#include "foh/engine/waitlist.hpp"
#include "foh/net/connectivity.hpp"
#include "i18n.hpp"

namespace foh {
class Floor;  // engine/include/foh/engine/floor.hpp
}

namespace foh::ui {

class DayIndex;  // view/day_index.hpp: per-day lookups built once per data change

// Sync state as the status bar shows it (net's status; the shell copies it).
using net::Connectivity;
struct SyncInfo {
  Connectivity connection = Connectivity::Standalone;
  int outbox = 0;     // local changes not yet pushed
  int conflicts = 0;  // rejected writes waiting for a host
  std::optional<LocalInstant> last_success;
  std::string last_error;  // empty when none
};

// A reservation the backend refused (overlap): the guest's data is kept and
// the engine proposed another table; a host decides.
struct ConflictInfo {
  Uuid reservation_id;
  std::string guest_name;
  // The engine's table for it (net::Conflict's); none, or no table when nothing is free.
  std::optional<TableChoice> proposal;
  bool has_table() const { return proposal && !proposal->table_number.empty(); }
};

// A row the terminal could not read (net's quarantine): kept aside with the
// reason, out of the day; managers see it in the status bar and its view.
struct SetAsideRow {
  std::string table;
  Uuid row_id;
  std::string reason;
  std::string last_seen;  // UTC timestamp of the last pull (or load) that met it
};

// PIN lockout from net's login (5 wrong PINs -> 30 s, doubling).
// Of the member chosen on the login screen (one member's lock is not another's).
struct LockoutInfo {
  int failed_attempts = 0;
  int remaining_seconds = 0;  // > 0: the keypad is locked
  int tries_left = 0;         // wrong PINs left before a lock (0: the next one locks)
};

// Gestures of this frame from the platform layer (touch pinch/pan); the
// floor also reads mouse wheel + drag itself, so a headless frame can zoom.
struct PanZoom {
  float pinch_scale = 1.0f;          // multiplicative zoom of this frame (1 = none)
  float center_x = 0, center_y = 0;  // pinch centre, screen pixels
  float pan_dx = 0, pan_dy = 0;      // two-finger pan of this frame, pixels
  int fingers = 0;                   // fingers down now: 2+ is a pinch/pan, not a drag
  bool long_press = false;           // a finger held still long enough (this frame only)
  float press_x = 0, press_y = 0;    // where, screen pixels
};

struct Desk {
  const Venue* venue = nullptr;
  const DayBook* day = nullptr;
  const Floor* floor = nullptr;        // Floor::build(*venue, day)
  const DayIndex* index = nullptr;     // DayIndex::build(*venue, *day, *floor)
  uint64_t revision = 0;               // bumped by the shell whenever venue/day/floor change:
                                       // views recompute cached engine answers on a new revision
  LocalInstant now;                    // restaurant-local clock (the shell's, or --now)
  Date today;                          // the restaurant's today; `day` may be another date
  const TeamMember* member = nullptr;  // logged in, or null
  Language locale = Language::Fr;
  SyncInfo sync;
  std::vector<ConflictInfo> conflicts;
  std::vector<SetAsideRow> set_aside;
  LockoutInfo lockout;
  // The engine's WaitlistPlan of the day, filled by the shell.
  std::vector<WaitQuote> quotes;          // per waiting entry, in queue order
  std::vector<SeatNow> seat_now;          // who to seat now and where, best first
  std::vector<CommunicationEvent> texts;  // guest texts of the day's entries and bookings
  std::optional<SmsQuota> sms_quota;      // the month's, as the sync thread last read it
  PanZoom gestures;
  std::string message;  // last result/error of an applied intent, shown once
  bool message_is_error = false;
  // Keys of the writes not landed yet (a command id, a row id): the button
  // that started one stays disabled until its result lands (app/store_worker).
  std::vector<std::string> pending_writes;
  bool writing(std::string_view key) const {
    for (const auto& k : pending_writes)
      if (k == key) return true;
    return false;
  }

  const Settings& settings() const { return venue->restaurant.settings; }
  bool shows_today() const { return !day || day->date == today; }
  // A timestamptz of the day (seated_at, created_at) in restaurant-local time.
  std::optional<LocalInstant> local_time(std::string_view timestamp) const {
    return LocalInstant::from_timestamp(timestamp, day ? day->utc_offset_s : 0);
  }
};

}  // namespace foh::ui
