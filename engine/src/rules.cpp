#include "foh/engine/rules.hpp"

#include <algorithm>

namespace foh {
namespace {

constexpr int kDay = 86400;

bool open_at(const Service& s, int sec) {
  if (runs_past_midnight(s)) return sec >= s.start_time.seconds || sec < s.end_time.seconds;
  return sec >= s.start_time.seconds && sec < s.end_time.seconds;
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
  int minute = t.seconds / 60;
  if (t.seconds >= kDay) return minute;  // already on the service-day timeline
  for (const Service& s : services) {
    if (!runs_past_midnight(s) || !service_runs_on(s, date)) continue;
    if (t < s.end_time && t < s.start_time) return minute + 1440;
  }
  return minute;
}

bool overlaps(Span a, Span b) { return a.start < b.end && b.start < a.end; }

Span span_of(const Reservation& r, const Settings& s, const std::vector<Service>& services) {
  int64_t start = r.date.days_since_epoch() * 1440 + service_minute(r.date, r.time, services);
  return Span{start, start + duration_minutes(r, s)};
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
  for (const Reservation& o : day) {
    if (&o == &r || (!r.id.empty() && o.id == r.id) || !is_live(o.status)) continue;
    if (!overlaps(span, span_of(o, s, services))) continue;
    if (shares_table(held, f.held_by(o))) out.push_back(&o);
  }
  return out;
}

std::optional<const Service*> service_at(Date d, TimeOfDay t, const std::vector<Service>& services) {
  if (services.empty()) return static_cast<const Service*>(nullptr);
  bool small_hours = t.seconds >= kDay;
  int sec = small_hours ? t.seconds - kDay : t.seconds;
  for (int pass = 0; pass < 2; ++pass) {  // specific_date services first
    for (const Service& s : services) {
      if (static_cast<bool>(s.specific_date) != (pass == 0) || !service_runs_on(s, d)) continue;
      if (small_hours ? (runs_past_midnight(s) && sec < s.end_time.seconds) : open_at(s, sec))
        return &s;
    }
  }
  return std::nullopt;
}

}  // namespace foh
