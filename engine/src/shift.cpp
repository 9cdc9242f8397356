// The shift at a glance, the pacing chart and the end-of-service report
// (shift.hpp has the counting rules).
#include "foh/engine/shift.hpp"

#include <algorithm>
#include <map>
#include <optional>

#include "foh/engine/pacing.hpp"
#include "foh/engine/rules.hpp"

namespace foh {
namespace {

using RS = ReservationStatus;
using WS = WaitlistStatus;

bool seated(RS s) { return s == RS::Seated || s == RS::Completed; }
bool to_come(RS s) { return s == RS::Pending || s == RS::Confirmed; }
bool waiting(WS s) { return s == WS::Waiting || s == WS::Notified || s == WS::Called; }

// A service's hours on the service-day timeline, in ServiceDay's order
// (specific_date services first), so that its service_index names them.
struct Window {
  const Service* service = nullptr;  // null: no services at all, the whole day
  int start = 0, end = 0;            // minutes
};

std::vector<Window> windows_of(Date d, const std::vector<Service>& services) {
  if (services.empty()) return {Window{nullptr, 0, 1440}};
  std::vector<Window> out;
  for (int pass = 0; pass < 2; ++pass)
    for (const Service& s : services) {
      if (static_cast<bool>(s.specific_date) != (pass == 0) || !service_runs_on(s, d)) continue;
      const int start = s.start_time.minutes();
      out.push_back({&s, start, s.end_time.minutes() + (runs_past_midnight(s) ? 1440 : 0)});
    }
  return out;
}

// Running totals of one service (or of the day).
struct Tally {
  ShiftGlance glance;
  ServiceReport report;
  std::map<int, std::pair<int64_t, int>> turns;  // party size -> (minutes, parties)
  std::vector<const Reservation*> parties;       // for the chart
};

class Counter {
 public:
  Counter(const Venue& v, const DayBook& day, LocalInstant now)
      : v_(v),
        day_(day),
        s_(v.restaurant.settings),
        timeline_(day.date, v.services),
        windows_(windows_of(day.date, v.services)),
        midnight_(day.date.days_since_epoch() * 1440),
        now_(now.seconds / 60),
        tallies_(windows_.size() + 1) {}

  Shift count() {
    Shift out;
    out.date = day_.date;
    PacingLedger ledger(day_.date, s_, v_.services);
    for (const Reservation& r : day_.reservations) {
      if (r.date != day_.date) continue;
      ledger.add(r);
      add(tally_of(r), r);
      add(day_tally_, r);
    }
    for (const WaitlistEntry& e : day_.waitlist) {
      if (e.date != day_.date) continue;
      add(tally_of(e), e);
      add(day_tally_, e);
    }
    out.load = ledger.load();
    out.max_load = max_daily_load(s_, day_.date);
    out.day = finish(day_tally_).glance;
    for (size_t i = 0; i < tallies_.size(); ++i) {
      const bool outside = i == windows_.size();
      if (outside && tallies_[i].parties.empty() && tallies_[i].report.waitlist_joined == 0)
        continue;
      ServiceShift sv;
      sv.outside = outside;
      if (!outside) {
        const Window& w = windows_[i];
        if (w.service) sv.service_id = w.service->id, sv.service_name = w.service->name;
        sv.start_minute = w.start, sv.end_minute = w.end;
      }
      Tally& t = finish(tallies_[i]);
      sv.glance = t.glance;
      sv.report = t.report;
      sv.chart = chart(t.parties, outside ? std::nullopt : std::optional<Window>(windows_[i]));
      if (!outside && out.current < 0 && now_ - midnight_ < w_end(i)) out.current = (int)i;
      out.services.push_back(std::move(sv));
    }
    if (out.current < 0 && !windows_.empty()) out.current = static_cast<int>(windows_.size()) - 1;
    return out;
  }

 private:
  int w_end(size_t i) const { return windows_[i].end; }

  Tally& tally_of(const Reservation& r) {
    if (r.service_id)
      for (size_t i = 0; i < windows_.size(); ++i)
        if (windows_[i].service && windows_[i].service->id == *r.service_id) return tallies_[i];
    return tally_at(timeline_.service_index(r.time));
  }

  Tally& tally_of(const WaitlistEntry& e) {
    if (e.service_id)
      for (size_t i = 0; i < windows_.size(); ++i)
        if (windows_[i].service && windows_[i].service->id == *e.service_id) return tallies_[i];
    if (e.time) return tally_at(timeline_.service_index(*e.time));
    if (auto joined = LocalInstant::from_timestamp(e.created_at, day_.utc_offset_s))
      return tally_at(timeline_.service_index(TimeOfDay{day_minute(*joined) * 60}));
    return tallies_.back();
  }

  Tally& tally_at(int index) { return index < 0 ? tallies_.back() : tallies_[index]; }

  // Minutes since the service day's midnight (the small hours after 24:00).
  int day_minute(LocalInstant at) const { return static_cast<int>(at.seconds / 60 - midnight_); }

  // A completed party's turn in whole minutes; none when a stamp is missing
  // or the turn is under a minute (a seating undone, not a meal).
  std::optional<int> turn_of(const Reservation& r) const {
    if (r.status != RS::Completed || !r.seated_at) return std::nullopt;
    auto from = LocalInstant::from_timestamp(*r.seated_at, day_.utc_offset_s);
    auto to = LocalInstant::from_timestamp(r.updated_at, day_.utc_offset_s);
    if (!from || !to || to->seconds - from->seconds < 60) return std::nullopt;
    return static_cast<int>((to->seconds - from->seconds) / 60);
  }

  void add(Tally& t, const Reservation& r) {
    ShiftGlance& g = t.glance;
    ServiceReport& rep = t.report;
    const int n = r.party_size;
    t.parties.push_back(&r);
    if (counts_for_pacing(r.status)) ++g.parties_booked, g.covers_booked += n;
    if (seated(r.status)) {
      ++g.parties_seated, g.covers_seated += n;
      ++rep.parties, rep.covers += n;
      if (r.source == kSourceWalkIn) ++rep.walk_in_parties, rep.walk_in_covers += n;
    }
    if (r.status == RS::Seated) ++g.parties_at_table, g.covers_at_table += n;
    if (r.status == RS::Arrived) ++g.parties_arrived, g.covers_arrived += n;
    if (to_come(r.status)) {
      ++g.parties_to_come, g.covers_to_come += n;
      const int64_t start = timeline_.epoch_minute(r.time);
      if (is_late(r.status, start, now_, s_))
        g.late.push_back({r.id, r.guest_name, n, r.time, static_cast<int>(now_ - start)});
    }
    if (r.status == RS::NoShow) {
      ++g.no_show_parties, g.no_show_covers += n;
      ++rep.no_show_parties, rep.no_show_covers += n;
    }
    if (r.status == RS::Cancelled) ++rep.cancelled_parties, rep.cancelled_covers += n;
    if (auto minutes = turn_of(r)) {
      auto& [sum, parties] = t.turns[n];
      sum += *minutes;
      ++parties;
    }
  }

  void add(Tally& t, const WaitlistEntry& e) {
    ++t.report.waitlist_joined;
    if (e.status == WS::Converted) ++t.report.waitlist_converted;
    if (!waiting(e.status)) return;
    ++t.glance.parties_waiting, t.glance.covers_waiting += e.party_size;
    if (auto joined = LocalInstant::from_timestamp(e.created_at, day_.utc_offset_s))
      t.glance.longest_wait_minutes =
          std::max(t.glance.longest_wait_minutes,
                   static_cast<int>(std::max<int64_t>(0, now_ - joined->seconds / 60)));
  }

  Tally& finish(Tally& t) {
    std::stable_sort(
        t.glance.late.begin(), t.glance.late.end(),
        [](const LateParty& a, const LateParty& b) { return a.minutes_late > b.minutes_late; });
    for (const auto& [size, acc] : t.turns) {
      const auto [sum, parties] = acc;
      TurnBySize row{size, parties, static_cast<int>((sum + parties / 2) / parties),
                     turn_time(s_, size)};
      t.glance.turns.push_back(row);
    }
    t.report.turns = t.glance.turns;
    return t;
  }

  // Booked covers by pacing's own ledger (of this service's parties only),
  // seated covers where they sat down.
  PacingChart chart(const std::vector<const Reservation*>& parties,
                    std::optional<Window> hours) const {
    PacingChart c;
    c.slot_minutes = std::max(1, s_.slot_minutes);
    c.limit = s_.max_covers_per_slot;
    const int w = c.slot_minutes;
    PacingLedger ledger(day_.date, s_, v_.services);
    std::map<int, int> seated_in;  // slot start -> covers
    int first = hours ? hours->start / w * w : 1 << 30;
    int last = hours ? (hours->end + w - 1) / w * w : -(1 << 30);  // exclusive
    auto cover = [&](int minute) {
      const int slot = std::max(0, minute) / w * w;
      first = std::min(first, slot), last = std::max(last, slot + w);
      return slot;
    };
    for (const Reservation* r : parties) {
      ledger.add(*r);
      const int booked_at = timeline_.minute(r->time);
      if (counts_for_pacing(r->status)) cover(booked_at);
      if (!seated(r->status)) continue;
      int sat = booked_at;
      if (r->seated_at)
        if (auto at = LocalInstant::from_timestamp(*r->seated_at, day_.utc_offset_s))
          if (int m = day_minute(*at); m >= 0 && m < 2 * 1440) sat = m;
      seated_in[cover(sat)] += r->party_size;
    }
    for (int start = first; start < last; start += w) {
      PacingSlot slot{start, 0, 0};
      // A clock time before a past-midnight service's end is that service's
      // small hours: such a slot before 24:00 holds no booking.
      const TimeOfDay at = TimeOfDay::from_minutes(start);
      if (timeline_.minute(at) == start) slot.booked = ledger.covers_in_slot_of(at);
      if (auto it = seated_in.find(start); it != seated_in.end()) slot.seated = it->second;
      c.peak = std::max({c.peak, slot.booked, slot.seated});
      c.slots.push_back(slot);
    }
    c.peak = std::max(c.peak, c.limit);
    return c;
  }

  const Venue& v_;
  const DayBook& day_;
  const Settings& s_;
  ServiceDay timeline_;
  std::vector<Window> windows_;
  int64_t midnight_;            // the service day's midnight, local minutes since the epoch
  int64_t now_;                 // local minutes since the epoch
  std::vector<Tally> tallies_;  // one per window, then "outside services"
  Tally day_tally_;
};

// ---- CSV words

bool fr(Language l) { return l == Language::Fr; }

std::string service_label(const ServiceShift& s, Language l) {
  if (!s.service_name.empty()) return s.service_name;
  if (s.outside) return fr(l) ? "Hors service" : "Outside services";
  return fr(l) ? "Journée" : "All day";
}

}  // namespace

Shift shift_of(const Venue& venue, const DayBook& day, LocalInstant now) {
  return Counter(venue, day, now).count();
}

std::string csv_field(std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string csv_record(const std::vector<std::string>& fields) {
  std::string out;
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i) out += ',';
    out += csv_field(fields[i]);
  }
  return out + "\r\n";
}

std::string report_csv(const Shift& shift, Language l) {
  const bool f = fr(l);
  std::string out = csv_record({"Date", "Service", f ? "Mesure" : "Measure",
                                f ? "Taille de la tablée" : "Party size", f ? "Valeur" : "Value",
                                f ? "Objectif" : "Target"});
  const std::string date = shift.date.str();
  for (const ServiceShift& s : shift.services) {
    const std::string name = service_label(s, l);
    auto row = [&](const char* en, const char* fr_word, int value) {
      out += csv_record({date, name, f ? fr_word : en, "", std::to_string(value), ""});
    };
    const ServiceReport& r = s.report;
    row("Covers", "Couverts", r.covers);
    row("Parties", "Tablées", r.parties);
    row("Walk-ins (parties)", "Sans réservation (tablées)", r.walk_in_parties);
    row("Walk-ins (covers)", "Sans réservation (couverts)", r.walk_in_covers);
    row("Waitlist: joined", "Liste d'attente\u00a0: inscrits", r.waitlist_joined);
    row("Waitlist: seated", "Liste d'attente\u00a0: installés", r.waitlist_converted);
    row("No-shows (parties)", "Non venus (tablées)", r.no_show_parties);
    row("No-shows (covers)", "Non venus (couverts)", r.no_show_covers);
    row("Cancellations (parties)", "Annulations (tablées)", r.cancelled_parties);
    row("Cancellations (covers)", "Annulations (couverts)", r.cancelled_covers);
    for (const TurnBySize& t : r.turns) {
      const std::string size = std::to_string(t.party_size);
      out += csv_record({date, name, f ? "Tablées terminées" : "Parties finished", size,
                         std::to_string(t.parties), ""});
      out += csv_record({date, name, f ? "Durée moyenne (min)" : "Average turn (min)", size,
                         std::to_string(t.average_minutes), std::to_string(t.target_minutes)});
    }
  }
  return out;
}

}  // namespace foh
