// foh-bench-waitlist: simulated evenings to measure the waitlist quotes.
// Reserved parties turn their tables with random durations around the turn
// times (normal, sd = --spread x turn time, clipped to 0.6..1.6x); walk-ins
// arrive (Poisson) from 19:00 to 21:30; the host seats walk-ins by the
// engine's seat_now suggestions. Each walk-in's quote when it joins is
// compared with the wait it actually had.
// Usage: foh-bench-waitlist [--evenings N] [--seed S] [--spread F] [--gap MIN] [--policy blend|fifo]
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>

#include "day_gen.hpp"
#include "foh/engine/assign.hpp"
#include "foh/engine/rules.hpp"
#include "foh/engine/waitlist.hpp"
#include "rng.hpp"

namespace {

using namespace foh;
using namespace foh::bench;

struct Args {
  int evenings = 200;
  uint64_t seed = 1;
  double spread = 0.10, gap = 6.0;
  bool fifo = false;
};

struct Sample {
  double quoted, actual;
};

struct Evening {
  Venue venue;
  DayBook day;
  std::map<std::string, int64_t> leaves_at;  // seated party id -> minute it really leaves
  std::map<std::string, int64_t> arrived;    // waitlist entry id -> minute
  std::map<std::string, int> quoted;         // waitlist entry id -> quote when joining
  Rng rng;
  double spread;

  int64_t actual_minutes(int planned) {
    double f = std::clamp(1.0 + spread * rng.normal(), 0.6, 1.6);
    return std::max<int64_t>(1, std::llround(planned * f));
  }
  bool tables_free(const Floor& f, const std::vector<Uuid>& ids) const {
    for (const auto& id : ids)
      for (const auto& r : day.reservations)
        if (r.status == ReservationStatus::Seated) {
          auto held = f.tables_of(r);
          if (std::find(held.begin(), held.end(), id) != held.end()) return false;
        }
    return true;
  }
};

void step(Evening& ev, const Floor& floor, int64_t t, std::vector<Sample>& out, bool fifo) {
  // Departures, then reserved parties sitting down when their tables are free.
  for (auto& r : ev.day.reservations)
    if (r.status == ReservationStatus::Seated && ev.leaves_at[r.id] <= t)
      r.status = ReservationStatus::Completed;
  const Settings& s = ev.venue.restaurant.settings;
  for (auto& r : ev.day.reservations) {
    if (r.status != ReservationStatus::Confirmed) continue;
    if (span_of(r, s, ev.venue.services).start > t || !ev.tables_free(floor, floor.tables_of(r)))
      continue;
    r.status = ReservationStatus::Seated;
    r.seated_at = LocalInstant{t * 60}.str();
    ev.leaves_at[r.id] = t + ev.actual_minutes(duration_minutes(r, s));
  }
  if (ev.day.waitlist.empty()) return;
  auto plan = plan_waitlist(ev.venue, ev.day, LocalInstant{t * 60});
  if (!plan) return;
  std::vector<SeatNow> seat = plan->seat_now;
  if (fifo) {  // reference policy: strictly the longest-waiting party first
    seat.clear();
    for (const WaitQuote& q : plan->quotes) {  // queue (arrival) order
      auto it = std::find_if(plan->seat_now.begin(), plan->seat_now.end(),
                             [&](const SeatNow& sn) { return sn.entry_id == q.entry_id; });
      if (it == plan->seat_now.end()) break;  // the head does not fit: nobody jumps it
      seat.push_back(*it);
    }
  }
  for (const SeatNow& sn : seat) {
    if (!ev.tables_free(floor, sn.table_ids)) continue;
    auto entry = std::find_if(ev.day.waitlist.begin(), ev.day.waitlist.end(),
                              [&](const WaitlistEntry& e) { return e.id == sn.entry_id; });
    Reservation r;
    r.id = "walk-" + entry->id;
    r.party_size = entry->party_size;
    r.date = ev.day.date;
    r.time = LocalInstant{t * 60}.time();
    r.table_id = sn.table_ids.front();
    r.table_number = sn.table_number;
    r.status = ReservationStatus::Seated;
    r.seated_at = LocalInstant{t * 60}.str();
    r.source = "Liste d'attente";
    ev.leaves_at[r.id] = t + ev.actual_minutes(turn_time(s, r.party_size));
    out.push_back({static_cast<double>(ev.quoted[entry->id]),
                   static_cast<double>(t - ev.arrived[entry->id])});
    entry->status = WaitlistStatus::Converted;
    ev.day.reservations.push_back(std::move(r));
  }
  std::erase_if(ev.day.waitlist, [](const WaitlistEntry& e) { return e.status != WaitlistStatus::Waiting; });
}

int party(Rng& rng) {
  double u = rng.uniform();
  return u < 0.08 ? 1 : u < 0.58 ? 2 : u < 0.73 ? 3 : u < 0.93 ? 4 : u < 0.97 ? 5 : 6;
}

void run_evening(int e, const Args& a, std::vector<Sample>& out) {
  uint64_t seed = a.seed * 7919 + e;
  Evening ev{make_venue({20, 8, false, true}, seed), {}, {}, {}, {}, Rng{seed}, a.spread};
  ev.day.date = Date{2026, 11, 21};
  auto booked = Assigner::create(ev.venue, ev.day);
  for (const auto& r : make_requests(ev.venue, {0.7, ev.day.date}, seed)) booked->assign(r);
  ev.day = booked->day();
  auto floor = Floor::build(ev.venue, &ev.day);
  const int64_t base = ev.day.date.days_since_epoch() * 1440;
  double next_walk_in = 19 * 60 - a.gap * std::log(std::max(ev.rng.uniform(), 1e-12));
  for (int64_t m = 18 * 60 + 59; m < 26 * 60; ++m) {
    int64_t t = base + m;
    while (next_walk_in <= m && m <= 21 * 60 + 30) {
      WaitlistEntry w;
      w.id = std::to_string(e) + "-" + std::to_string(m) + "-" + std::to_string(ev.day.waitlist.size());
      w.date = ev.day.date;
      w.party_size = party(ev.rng);
      w.created_at = LocalInstant{t * 60}.str();
      auto q = quote_walk_in(ev.venue, ev.day, w.party_size, LocalInstant{t * 60});
      if (q && q->seatable) {
        ev.quoted[w.id] = q->quoted_minutes;
        ev.arrived[w.id] = t;
        ev.day.waitlist.push_back(w);
      }
      next_walk_in += -a.gap * std::log(std::max(ev.rng.uniform(), 1e-12));
    }
    step(ev, *floor, t, out, a.fifo);
  }
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  Args a;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string k = argv[i];
    if (k == "--evenings") a.evenings = std::atoi(argv[i + 1]);
    else if (k == "--seed") a.seed = std::strtoull(argv[i + 1], nullptr, 10);
    else if (k == "--spread") a.spread = std::atof(argv[i + 1]);
    else if (k == "--gap") a.gap = std::atof(argv[i + 1]);
    else if (k == "--policy") a.fifo = std::string(argv[i + 1]) == "fifo";
  }
  std::vector<Sample> samples;
  for (int e = 0; e < a.evenings; ++e) run_evening(e, a, samples);
  std::vector<double> err, actual, waited_err;
  double total_wait = 0;
  for (const auto& s : samples) {
    err.push_back(std::fabs(s.quoted - s.actual));
    actual.push_back(s.actual);
    total_wait += s.actual;
    if (s.actual > 0) waited_err.push_back(std::fabs(s.quoted - s.actual));
  }
  double med_err = median(err), med_actual = median(actual);
  std::printf("evenings %d, walk-ins seated %zu, policy %s, duration spread %.0f %%, mean gap %.1f min\n",
              a.evenings, samples.size(), a.fifo ? "fifo" : "blend", a.spread * 100, a.gap);
  std::printf("median actual wait      %.1f min (mean %.1f)\n", med_actual,
              samples.empty() ? 0 : total_wait / samples.size());
  std::printf("median |quote - actual| %.1f min\n", med_err);
  std::printf("ratio to median wait    %.1f %%\n", med_actual > 0 ? 100 * med_err / med_actual : 0);
  std::printf("median error, parties that waited at all: %.1f min over %zu\n", median(waited_err),
              waited_err.size());
  return 0;
}
