#include "foh/engine/pacing.hpp"

#include <algorithm>
#include <map>

#include "foh/engine/rules.hpp"
#include "phrases.hpp"

namespace foh {
namespace {

using RS = ReservationStatus;

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

PacingLedger::PacingLedger(Date d, const Settings& s, const std::vector<Service>& services,
                           Language language)
    : settings_(s),
      language_(language),
      timeline_(d, services),
      width_(std::max(1, s.slot_minutes)),
      slot_covers_(2 * 1440 / width_ + 2, 0),
      service_covers_(timeline_.service_count(), 0) {}

int PacingLedger::slot_of(TimeOfDay t) const {
  int slot = timeline_.minute(t) / width_;
  return std::clamp(slot, 0, static_cast<int>(slot_covers_.size()) - 1);
}

void PacingLedger::count(const Reservation& r, int sign) {
  if (r.date != timeline_.date() || !counts_for_pacing(r.status)) return;
  load_ += sign * load_cost(settings_, r.party_size);
  slot_covers_[slot_of(r.time)] += sign * r.party_size;
  if (int i = timeline_.service_index(r.time); i >= 0) service_covers_[i] += sign * r.party_size;
}

int PacingLedger::covers_in_slot_of(TimeOfDay t) const { return slot_covers_[slot_of(t)]; }

int PacingLedger::covers_in_service_of(TimeOfDay t) const {
  int i = timeline_.service_index(t);
  return i < 0 ? 0 : service_covers_[i];
}

// The first refusal, in order: blocked date, closed weekday, day load,
// service covers, slot covers.
PacingCheck PacingLedger::first_refusal(const Reservation& c) const {
  const Settings& s = settings_;
  const CalendarOverride* o = calendar_override(s, c.date);
  if (o && o->is_blocked)
    return refuse(PacingLimit::Blocked,
                  phrase::pacing_blocked(language_, o->reason.empty() ? c.date.str() : o->reason));
  const DefaultsCalendarDay* d = default_day(s, c.date);
  if (d && !d->is_open && !(o && o->override_max_load))  // an override opens a closed weekday
    return refuse(PacingLimit::ClosedDay, phrase::pacing_closed_day(language_, d->day_of_week));
  if (c.date != timeline_.date()) return PacingCheck{};  // nothing booked that day in this ledger
  if (int limit = max_daily_load(s, c.date); limit > 0) {
    int load = load_ + load_cost(s, c.party_size);
    if (load > limit)
      return refuse(PacingLimit::DayLoad, phrase::pacing_day_load(language_, load, limit));
  }
  int service = timeline_.service_index(c.time);
  if (s.max_covers_per_service > 0 && service >= 0) {
    int covers = service_covers_[service] + c.party_size;
    if (covers > s.max_covers_per_service) {
      const Service* sv = timeline_.service(service);
      return refuse(PacingLimit::ServiceCovers,
                    phrase::pacing_service(language_, sv ? sv->name : std::string(), covers,
                                           s.max_covers_per_service));
    }
  }
  if (s.max_covers_per_slot > 0) {
    int slot = slot_of(c.time);
    int covers = slot_covers_[slot] + c.party_size;
    if (covers > s.max_covers_per_slot)
      return refuse(PacingLimit::SlotCovers,
                    phrase::pacing_slot(language_, slot * width_, (slot + 1) * width_, covers,
                                        s.max_covers_per_slot));
  }
  return PacingCheck{};
}

PacingCheck PacingLedger::check(const Reservation& candidate,
                                const std::optional<PacingOverride>& override_with) const {
  PacingCheck c = first_refusal(candidate);
  if (!c.allowed && override_with) {
    c.allowed = true;
    c.overridden = true;
    c.override_used = override_with;
  }
  return c;
}

PacingCheck check_pacing(const Reservation& candidate, const std::vector<Reservation>& day,
                         const Settings& s, const std::vector<Service>& services,
                         const std::optional<PacingOverride>& override_with, Language language) {
  PacingLedger ledger(candidate.date, s, services, language);
  for (const auto& r : day)
    if (candidate.id.empty() || r.id != candidate.id) ledger.add(r);
  return ledger.check(candidate, override_with);
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
  ServiceDay timeline(d, services);
  for (const auto& r : day)
    if (r.date == d && counts_for_pacing(r.status))
      slots[timeline.minute(r.time) / width * width] += r.party_size;
  std::vector<SlotCovers> out;
  out.reserve(slots.size());
  for (auto [start, covers] : slots) out.push_back({start, covers});
  return out;
}

}  // namespace foh
