#pragma once
// The seating rules, one function per rule, used by the UI, the planner, the
// cache and (mirrored in SQL) the backend. Pure and allocation-free except
// where a vector is returned.
#include <cstdint>
#include <optional>
#include <vector>

#include "foh/engine/floor.hpp"
#include "foh/engine/language.hpp"
#include "foh/engine/model.hpp"
#include "foh/engine/result.hpp"

namespace foh {

// Turn time in minutes: the turn_times entry of the largest size <= party,
// else default_duration.
int turn_time(const Settings& s, int party_size);

// A reservation's duration in minutes: its own, else the turn time.
int duration_minutes(const Reservation& r, const Settings& s);

// The service days that apply on a date: specific_date services of that date,
// then the regular services whose days_of_week holds its weekday (an empty
// days_of_week means every day).
bool service_runs_on(const Service& s, Date d);
bool runs_past_midnight(const Service& s);  // end_time <= start_time

// Service-day timeline: minutes since the service day's midnight. A time
// earlier than both the end and the start of a past-midnight service running
// on that date is in that service's small hours => +1440. Times already
// >= 24h stay as they are.
int service_minute(Date date, TimeOfDay t, const std::vector<Service>& services);

// The service day a moment belongs to: the day before during the small hours
// of that day's past-midnight service (00:30 in a 19:30-01:00 service), else
// the moment's own date. The terminal's "today".
Date service_date(LocalInstant at, const std::vector<Service>& services);

// The same timeline precomputed for one date, for loops over a day's
// reservations (service_minute and service_at give the same answers).
class ServiceDay {
 public:
  ServiceDay(Date d, const std::vector<Service>& services);
  Date date() const { return date_; }
  int minute(TimeOfDay t) const;  // service_minute(date(), t, services)
  int64_t epoch_minute(TimeOfDay t) const { return day_minute_ + minute(t); }
  std::optional<const Service*> service_at(TimeOfDay t) const;  // foh::service_at(date(), t, ...)
  // The same answer as an index: -1 closed, else 0..service_count()-1 (0 when open all day).
  int service_index(TimeOfDay t) const;
  int service_count() const { return all_day_ ? 1 : static_cast<int>(windows_.size()); }
  const Service* service(int index) const { return all_day_ ? nullptr : windows_[index].service; }

 private:
  struct Window {
    const Service* service;
    int start, end;  // seconds on the service-day timeline, [start, end)
  };
  Date date_;
  int64_t day_minute_ = 0;
  int small_hours_end_ = 0;      // times of day before this are after midnight (+24h)
  bool all_day_ = false;         // no services at all
  std::vector<Window> windows_;  // specific_date services first
};

// Local minutes since 1970-01-01T00:00 (LocalInstant/60), [start, end).
struct Span {
  int64_t start = 0, end = 0;
};
bool overlaps(Span a, Span b);
Span span_of(const Reservation& r, const Settings& s, const std::vector<Service>& services);
Span span_of(const Reservation& r, const Settings& s,
             const ServiceDay& day);  // r.date == day.date()

// THE late rule: a party still to come (Pending or Confirmed) is late from
// its time + settings.late_after_minutes on, that minute included. `start`
// and `now` are minutes of one timeline (Span's, or a service day's).
bool is_late(ReservationStatus status, int64_t start, int64_t now, const Settings& s);

// THE turn rule: a party that sat down (seated_at, read at the day's
// `utc_offset_s`) is expected to leave its booked duration later; one without
// seated_at at the end of its booked span. Minutes of `booked`'s timeline.
int64_t expected_leave(const Reservation& r, Span booked, int utc_offset_s);

// Do two held-table sets share a table?
bool shares_table(const HeldTables& a, const HeldTables& b);

// THE overlap rule: both live (Pending, Confirmed, Arrived, Seated), they
// share a table (alone or via a combination) and their spans overlap. A
// reservation never conflicts with itself (same id).
bool conflicts(const Reservation& a, const Reservation& b, const Floor& f, const Settings& s,
               const std::vector<Service>& services);

// All live reservations in `day` that conflict with `r` (r itself excluded).
std::vector<const Reservation*> conflicts_with(const Reservation& r,
                                               const std::vector<Reservation>& day, const Floor& f,
                                               const Settings& s,
                                               const std::vector<Service>& services);

// May `r` hold its tables? None hidden or blocked on its day (`f` is built
// with that day) and none held by a conflicting reservation of `day`. The
// refusal (where "table_id") names the table and who holds it, in `l`:
// "table 12 is taken 19:00-20:30 by Dupont (4)".
Status check_tables_free(const Reservation& r, const std::vector<Reservation>& day, const Floor& f,
                         const Settings& s, const std::vector<Service>& services,
                         Language l = Language::En);

// Opening hours: the service open at that date and time (specific_date
// services first, then days_of_week). nullopt = closed; an engaged nullptr =
// open all day (no services at all). A past-midnight service of date d is
// open at times >= its start and at times < its end (its small hours, which
// belong to it even when another service's hours would hold them).
std::optional<const Service*> service_at(Date d, TimeOfDay t, const std::vector<Service>& services);

}  // namespace foh
