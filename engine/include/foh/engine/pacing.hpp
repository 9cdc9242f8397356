#pragma once
// Pacing: how many covers may start per slot and per service (settings), and
// the day's load limit of the load-unit model (capacity_types' load_cost per
// party range, defaults_calendar per weekday, calendar_overrides per date).
// Every booking counts except Cancelled and No-show (a Completed party was
// served in that slot: freeing it would let the kitchen be overbooked).
// A host may override a refusal explicitly; the check then says it was
// overridden and the caller records it (record_override) in the event metadata.
#include <optional>
#include <string>
#include <vector>

#include "foh/engine/language.hpp"
#include "foh/engine/model.hpp"
#include "foh/engine/rules.hpp"

namespace foh {

struct PacingOverride {
  std::optional<Uuid> by;  // the team member who overrode it
  std::string reason;      // what the host said
};

enum class PacingLimit { None, Blocked, ClosedDay, DayLoad, ServiceCovers, SlotCovers };

struct PacingCheck {
  bool allowed = true;
  bool overridden = false;  // refused, then allowed by an explicit override
  PacingLimit limit = PacingLimit::None;
  std::string
      reason;  // the refusal, e.g. "slot 20:00-20:15: 28 covers > 24" or "blocked: Fermeture"
  std::optional<PacingOverride> override_used;
};

// Does a reservation count towards pacing? (not Cancelled, not No-show)
bool counts_for_pacing(ReservationStatus s);

// The load cost of a party: the capacity_types entry whose party range holds
// it; 0 when no entry does (or there are no capacity types).
int load_cost(const Settings& s, int party_size);

// The day's load limit: 0 = no limit. Blocked and closed days are separate.
int max_daily_load(const Settings& s, Date d);
const CalendarOverride* calendar_override(const Settings& s, Date d);

// The day's booked load and covers, kept up to date as bookings come and go,
// so that a check costs O(1) in the planner's loops. Holds references to the
// settings and services: they must outlive it.
class PacingLedger {
 public:
  // `language`: of the refusal reasons (check()).
  PacingLedger(Date d, const Settings& s, const std::vector<Service>& services,
               Language language = Language::En);
  Date date() const { return timeline_.date(); }
  // Bookings of other dates, Cancelled and No-show are ignored.
  void add(const Reservation& r) { count(r, +1); }
  void remove(const Reservation& r) { count(r, -1); }
  // The candidate must not be in the ledger (remove it first when editing).
  PacingCheck check(const Reservation& candidate,
                    const std::optional<PacingOverride>& override_with = std::nullopt) const;
  int load() const { return load_; }
  int covers_in_slot_of(TimeOfDay t) const;
  int covers_in_service_of(TimeOfDay t) const;  // 0 when closed at t

 private:
  void count(const Reservation& r, int sign);
  PacingCheck first_refusal(const Reservation& c) const;
  int slot_of(TimeOfDay t) const;

  const Settings& settings_;
  Language language_;
  ServiceDay timeline_;
  int width_ = 15;
  int load_ = 0;
  std::vector<int> slot_covers_;     // per slot on the service-day timeline (48h)
  std::vector<int> service_covers_;  // per ServiceDay service index
};

// Check a candidate booking (its id is excluded from `day`, so an edit does
// not count itself twice) against slot, service and day limits.
PacingCheck check_pacing(const Reservation& candidate, const std::vector<Reservation>& day,
                         const Settings& s, const std::vector<Service>& services,
                         const std::optional<PacingOverride>& override_with = std::nullopt,
                         Language language = Language::En);

// Adds {"pacing_override": {"by", "reason", "refused"}} to an event's metadata
// when the check was overridden; nothing otherwise. "refused" is the check's
// reason as worded: check in English for the audit trail.
void record_override(const PacingCheck& c, Json& metadata);

// Covers starting per slot on a date, for the reservations screen (slot start
// minute on the service-day timeline -> covers), slots with covers only.
struct SlotCovers {
  int start_minute = 0;
  int covers = 0;
};
std::vector<SlotCovers> covers_per_slot(const std::vector<Reservation>& day, Date d,
                                        const Settings& s, const std::vector<Service>& services);

}  // namespace foh
