#include "foh/engine/pacing.hpp"

#include <algorithm>
#include <cstdio>
#include <map>

#include "foh/engine/rules.hpp"

namespace foh {
namespace {

using RS = ReservationStatus;

std::string clock(int minute) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d:%02d", minute / 60 % 24, minute % 60);
  return buf;
}

const char* weekday_name(int seed_day) {
  static constexpr const char* kNames[] = {"Sundays",   "Mondays", "Tuesdays", "Wednesdays",
                                           "Thursdays", "Fridays", "Saturdays"};
  return kNames[seed_day];
}

int seed_weekday(Date d) { return d.iso_weekday() % 7; }  // 0 = Sunday

const DefaultsCalendarDay* default_day(const Settings& s, Date d) {
  int wd = seed_weekday(d);
  for (const auto& day : s.defaults_calendar)
    if (day.day_of_week == wd) return &day;
  return nullptr;
}

PacingCheck refuse(PacingLimit limit, std::string reason) {
  return PacingCheck{false, false, limit, std::move(reason), std::nullopt};
}

// The first refusal, in order: blocked date, closed weekday, day load,
// service covers, slot covers.
PacingCheck first_refusal(const Reservation& c, const std::vector<Reservation>& day,
                          const Settings& s, const std::vector<Service>& services) {
  if (const CalendarOverride* o = calendar_override(s, c.date); o && o->is_blocked)
    return refuse(PacingLimit::Blocked, "blocked: " + (o->reason.empty() ? c.date.str() : o->reason));
  if (const DefaultsCalendarDay* d = default_day(s, c.date);
      d && !d->is_open && !(calendar_override(s, c.date) && calendar_override(s, c.date)->override_max_load))
    return refuse(PacingLimit::ClosedDay, std::string("closed: not open on ") + weekday_name(d->day_of_week));
  auto counted = [&](const Reservation& r) {
    return r.date == c.date && counts_for_pacing(r.status) && (c.id.empty() || r.id != c.id);
  };
  if (int limit = max_daily_load(s, c.date); limit > 0) {
    int load = load_cost(s, c.party_size);
    for (const auto& r : day)
      if (counted(r)) load += load_cost(s, r.party_size);
    if (load > limit)
      return refuse(PacingLimit::DayLoad,
                    "day load " + std::to_string(load) + " > " + std::to_string(limit));
  }
  auto service = service_at(c.date, c.time, services);
  if (s.max_covers_per_service > 0 && service) {
    int covers = c.party_size;
    for (const auto& r : day)
      if (counted(r) && service_at(r.date, r.time, services) == service) covers += r.party_size;
    if (covers > s.max_covers_per_service) {
      std::string name = *service ? " " + (*service)->name : "";
      return refuse(PacingLimit::ServiceCovers, "service" + name + ": " + std::to_string(covers) +
                                                    " covers > " +
                                                    std::to_string(s.max_covers_per_service));
    }
  }
  if (s.max_covers_per_slot > 0) {
    int width = std::max(1, s.slot_minutes);
    int slot = service_minute(c.date, c.time, services) / width;
    int covers = c.party_size;
    for (const auto& r : day)
      if (counted(r) && service_minute(r.date, r.time, services) / width == slot)
        covers += r.party_size;
    if (covers > s.max_covers_per_slot)
      return refuse(PacingLimit::SlotCovers, "slot " + clock(slot * width) + "-" +
                                                 clock((slot + 1) * width) + ": " +
                                                 std::to_string(covers) + " covers > " +
                                                 std::to_string(s.max_covers_per_slot));
  }
  return PacingCheck{};
}

}  // namespace

bool counts_for_pacing(RS s) { return s != RS::Cancelled && s != RS::NoShow; }

int load_cost(const Settings& s, int party_size) {
  for (const auto& t : s.capacity_types)
    if (party_size >= t.min_party && party_size <= t.max_party) return t.load_cost;
  return 0;
}

const CalendarOverride* calendar_override(const Settings& s, Date d) {
  for (const auto& o : s.calendar_overrides)
    if (o.date == d) return &o;
  return nullptr;
}

int max_daily_load(const Settings& s, Date d) {
  if (const CalendarOverride* o = calendar_override(s, d); o && o->override_max_load)
    return *o->override_max_load;
  const DefaultsCalendarDay* day = default_day(s, d);
  return day ? day->max_daily_load : 0;
}

PacingCheck check_pacing(const Reservation& candidate, const std::vector<Reservation>& day,
                         const Settings& s, const std::vector<Service>& services,
                         const std::optional<PacingOverride>& override_with) {
  PacingCheck c = first_refusal(candidate, day, s, services);
  if (!c.allowed && override_with) {
    c.allowed = true;
    c.overridden = true;
    c.override_used = override_with;
  }
  return c;
}

void record_override(const PacingCheck& c, Json& metadata) {
  if (!c.overridden || !c.override_used) return;
  if (!metadata.is_object()) metadata = Json::object();
  metadata["pacing_override"] = {
      {"by", c.override_used->by ? Json(*c.override_used->by) : Json(nullptr)},
      {"reason", c.override_used->reason},
      {"refused", c.reason}};
}

std::vector<SlotCovers> covers_per_slot(const std::vector<Reservation>& day, Date d,
                                        const Settings& s, const std::vector<Service>& services) {
  int width = std::max(1, s.slot_minutes);
  std::map<int, int> slots;
  for (const auto& r : day)
    if (r.date == d && counts_for_pacing(r.status))
      slots[service_minute(r.date, r.time, services) / width * width] += r.party_size;
  std::vector<SlotCovers> out;
  for (auto [start, covers] : slots) out.push_back({start, covers});
  return out;
}

}  // namespace foh
