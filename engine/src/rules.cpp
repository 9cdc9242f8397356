#include "foh/engine/rules.hpp"

#include <algorithm>

#include "phrases.hpp"

namespace foh {
namespace {

constexpr int kDay = 86400;

// Times of day before this (seconds) are the small hours of a past-midnight
// service running on `d`. For such a service end <= start, so "earlier than
// its end" implies "earlier than its start".
int small_hours_end(Date d, const std::vector<Service>& services) {
  int end = 0;
  for (const Service& s : services)
    if (runs_past_midnight(s) && s.end_time.seconds > end && service_runs_on(s, d))
      end = s.end_time.seconds;
  return end;
}

int timeline_minute(TimeOfDay t, int small_end) {
  if (t.seconds >= kDay) return t.seconds / 60;  // already on the service-day timeline
  return t.seconds < small_end ? t.seconds / 60 + 1440 : t.seconds / 60;
}

}  // namespace

int turn_time(const Settings& s, int party_size) {
  auto it = s.turn_times.upper_bound(party_size);  // first entry > party
  if (it == s.turn_times.begin()) return s.default_duration;
  return std::prev(it)->second;
}

int duration_minutes(const Reservation& r, const Settings& s) {
  return r.duration ? *r.duration : turn_time(s, r.party_size);
}

bool service_runs_on(const Service& s, Date d) {
  if (s.specific_date) return *s.specific_date == d;
  if (s.days_of_week.empty()) return true;
  int wd = d.iso_weekday();
  return std::find(s.days_of_week.begin(), s.days_of_week.end(), wd) != s.days_of_week.end();
}

bool runs_past_midnight(const Service& s) { return s.end_time <= s.start_time; }

int service_minute(Date date, TimeOfDay t, const std::vector<Service>& services) {
  if (t.seconds >= kDay) return t.seconds / 60;
  return timeline_minute(t, small_hours_end(date, services));
}

Date service_date(LocalInstant at, const std::vector<Service>& services) {
  const Date yesterday = at.date().plus_days(-1);
  return at.time().seconds < small_hours_end(yesterday, services) ? yesterday : at.date();
}

ServiceDay::ServiceDay(Date d, const std::vector<Service>& services)
    : date_(d),
      day_minute_(d.days_since_epoch() * 1440),
      small_hours_end_(small_hours_end(d, services)),
      all_day_(services.empty()) {
  for (int pass = 0; pass < 2; ++pass) {  // specific_date services first
    for (const Service& s : services) {
      if (static_cast<bool>(s.specific_date) != (pass == 0) || !service_runs_on(s, d)) continue;
      int start = s.start_time.seconds;
      int end = s.end_time.seconds + (runs_past_midnight(s) ? kDay : 0);
      windows_.push_back({&s, start, end});
    }
  }
}

int ServiceDay::minute(TimeOfDay t) const { return timeline_minute(t, small_hours_end_); }

int ServiceDay::service_index(TimeOfDay t) const {
  if (all_day_) return 0;
  int sec = t.seconds;
  if (sec < kDay && sec < small_hours_end_) sec += kDay;
  for (size_t i = 0; i < windows_.size(); ++i)
    if (sec >= windows_[i].start && sec < windows_[i].end) return static_cast<int>(i);
  return -1;
}

std::optional<const Service*> ServiceDay::service_at(TimeOfDay t) const {
  int i = service_index(t);
  if (i < 0) return std::nullopt;
  return service(i);
}

std::optional<const Service*> service_at(Date d, TimeOfDay t,
                                         const std::vector<Service>& services) {
  return ServiceDay(d, services).service_at(t);
}

bool overlaps(Span a, Span b) { return a.start < b.end && b.start < a.end; }

Span span_of(const Reservation& r, const Settings& s, const std::vector<Service>& services) {
  int64_t start = r.date.days_since_epoch() * 1440 + service_minute(r.date, r.time, services);
  return Span{start, start + duration_minutes(r, s)};
}

Span span_of(const Reservation& r, const Settings& s, const ServiceDay& day) {
  int64_t start = day.epoch_minute(r.time);
  return Span{start, start + duration_minutes(r, s)};
}

bool is_late(ReservationStatus status, int64_t start, int64_t now, const Settings& s) {
  const bool to_come =
      status == ReservationStatus::Pending || status == ReservationStatus::Confirmed;
  return to_come && now >= start + s.late_after_minutes;
}

int64_t expected_leave(const Reservation& r, Span booked, int utc_offset_s) {
  if (r.seated_at)
    if (auto at = LocalInstant::from_timestamp(*r.seated_at, utc_offset_s))
      return at->seconds / 60 + (booked.end - booked.start);
  return booked.end;
}

bool shares_table(const HeldTables& a, const HeldTables& b) {
  for (int i = 0; i < a.count; ++i)
    if (b.contains(a.index[i])) return true;
  return false;
}

bool conflicts(const Reservation& a, const Reservation& b, const Floor& f, const Settings& s,
               const std::vector<Service>& services) {
  if (&a == &b || (!a.id.empty() && a.id == b.id)) return false;
  if (!is_live(a.status) || !is_live(b.status)) return false;
  // Cheapest test first: most pairs in a day do not overlap in time.
  if (!overlaps(span_of(a, s, services), span_of(b, s, services))) return false;
  return shares_table(f.held_by(a), f.held_by(b));
}

std::vector<const Reservation*> conflicts_with(const Reservation& r,
                                               const std::vector<Reservation>& day, const Floor& f,
                                               const Settings& s,
                                               const std::vector<Service>& services) {
  std::vector<const Reservation*> out;
  if (!is_live(r.status)) return out;
  Span span = span_of(r, s, services);
  HeldTables held = f.held_by(r);
  if (held.count == 0) return out;
  // The day's reservations nearly always share one date: its timeline once.
  ServiceDay timeline(r.date, services);
  for (const Reservation& o : day) {
    if (&o == &r || (!r.id.empty() && o.id == r.id) || !is_live(o.status)) continue;
    if (o.date != timeline.date()) timeline = ServiceDay(o.date, services);
    if (!overlaps(span, span_of(o, s, timeline))) continue;
    if (shares_table(held, f.held_by(o))) out.push_back(&o);
  }
  return out;
}

Status check_tables_free(const Reservation& r, const std::vector<Reservation>& day, const Floor& f,
                         const Settings& s, const std::vector<Service>& services, Language l) {
  if (!is_live(r.status)) return ok();
  for (const Uuid& id : f.tables_of(r))
    if (f.is_unavailable(id))
      return Error{"table_id",
                   phrase::table_unavailable(l, f.table(id)->name, f.is_hidden(id), r.date)};
  auto hits = conflicts_with(r, day, f, s, services);
  if (hits.empty()) return ok();
  const Reservation& h = *hits.front();
  phrase::Holder who{r.table_number.empty() ? h.table_number : r.table_number, h.time,
                     duration_minutes(h, s), h.guest_name, h.party_size};
  return Error{"table_id", phrase::table_taken(l, who)};
}

}  // namespace foh
