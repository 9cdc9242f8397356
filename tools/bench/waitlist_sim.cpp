// foh-bench-waitlist: who to seat next, measured on simulated evenings.
//
// An evening: a 20-table dinner floor (day_gen), booked to 0.7 of its seats;
// reserved parties sit when their tables are free and stay a random time
// around their turn (normal, sd = --spread x turn time, clipped to 0.6..1.6x).
// Walk-ins arrive (Poisson, mean gap --gap minutes) from 19:00 to 21:30, each
// with a patience drawn uniformly in [--patience-min, --patience-max] minutes:
// a party quoted more than its patience walks away (balks); one that has
// waited longer than its patience leaves (reneges); nobody is seated after
// 22:30. Each minute the host seats exactly the engine's seat_now under the
// policy measured. Arrivals, patiences and stay lengths are drawn from the
// seed and the party's id alone, so every policy meets the same evenings.
//
// Per policy: walk-in covers seated (and lost), mean and 95th-percentile wait
// of the seated, the most places anyone was overtaken (parties who joined
// later and were seated before they were seated or left), and the quote
// error (median |quote - actual wait| over the median wait).
// Usage: foh-bench-waitlist [--evenings N] [--seed S] [--spread F] [--gap MIN]
//          [--policy all|fcfs|fcfs-fit|blend] [--cap K] [--weight W]
//          [--patience-min M] [--patience-max M]
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>
#include <vector>

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
  double patience_min = 30, patience_max = 90;
  std::string policy = "all";
  int cap = WaitlistOptions{}.max_overtaken;
  int weight = WaitlistOptions{}.blend_weight;
  int overdue = WaitlistOptions{}.overdue_minutes;
  bool detail = false;      // --detail 1: where the quote error comes from
  bool abandonment = true;  // --abandonment 0: quotes assume everyone ahead stays
};

struct Row {  // one policy's name and options
  std::string name;
  WaitlistOptions options;
};

struct Walker {  // one walk-in party of the evening, whatever the policy
  int64_t arrives;
  int party;
  double patience;
};

struct Outcome {  // one walk-in under one policy
  int party = 0;
  bool joined = false, seated = false;
  int quoted = 0;
  int64_t arrived = 0, waited = 0;
  long end_event = 0;       // its seating or its leaving (or the close)
  long seat_event = -1;     // its seating, if seated
  int position = 0;         // its place in the queue on joining
  bool ahead_left = false;  // someone ahead of it on joining left the queue unseated
};

constexpr int64_t kLastWalkIn = 21 * 60 + 30, kLastSeating = 22 * 60 + 30, kClose = 26 * 60;

uint64_t mix(uint64_t a, uint64_t b) { return Rng{a * 0x9e3779b97f4a7c15ULL ^ b}.next(); }

// How long a party really stays: the same draw for the same party under every policy.
int64_t actual_minutes(uint64_t seed, const std::string& id, int planned, double spread) {
  uint64_t h = seed;
  for (char c : id) h = mix(h, static_cast<unsigned char>(c));
  Rng rng{h};
  double f = std::clamp(1.0 + spread * rng.normal(), 0.6, 1.6);
  return std::max<int64_t>(1, std::llround(planned * f));
}

int party_size(Rng& rng) {
  double u = rng.uniform();
  return u < 0.08 ? 1 : u < 0.58 ? 2 : u < 0.73 ? 3 : u < 0.93 ? 4 : u < 0.97 ? 5 : 6;
}

struct Evening {
  const Args& a;
  uint64_t seed;
  Venue venue;
  DayBook day;
  std::vector<Walker> walkers;
  std::map<std::string, int64_t> leaves_at;  // seated party id -> minute it really leaves
  std::vector<Outcome> out;                  // per walker
  long events = 0;

  bool tables_free(const Floor& f, const std::vector<Uuid>& ids) const {
    for (const auto& r : day.reservations)
      if (r.status == ReservationStatus::Seated)
        for (const auto& held : f.tables_of(r))
          if (std::find(ids.begin(), ids.end(), held) != ids.end()) return false;
    return true;
  }
  WaitlistEntry* entry(size_t w) {
    for (auto& e : day.waitlist)
      if (e.id == "w" + std::to_string(w)) return &e;
    return nullptr;
  }
};

Evening make_evening(const Args& a, int e) {
  const uint64_t seed = a.seed * 7919 + static_cast<uint64_t>(e);
  Evening ev{a, seed, make_venue({20, 8, false, true}, seed), {}, {}, {}, {}, 0};
  ev.day.date = Date{2026, 11, 21};
  auto booked = Assigner::create(ev.venue, ev.day);
  for (const auto& r : make_requests(ev.venue, {0.7, ev.day.date}, seed)) booked->assign(r);
  ev.day = booked->day();
  Rng rng{mix(seed, 0x77a1)};
  double next = 19 * 60 - a.gap * std::log(std::max(rng.uniform(), 1e-12));
  while (next <= kLastWalkIn) {
    int p = party_size(rng);
    double patience = a.patience_min + (a.patience_max - a.patience_min) * rng.uniform();
    ev.walkers.push_back({static_cast<int64_t>(std::ceil(next)), p, patience});
    next += -a.gap * std::log(std::max(rng.uniform(), 1e-12));
  }
  ev.out.resize(ev.walkers.size());
  return ev;
}

void join(Evening& ev, const WaitlistOptions& opt, size_t w, int64_t base, int64_t m,
          int& position) {
  const Walker& k = ev.walkers[w];
  const int64_t t = base + m;
  Outcome& o = ev.out[w];
  o.party = k.party;
  o.arrived = m;
  WaitlistOptions with = opt;  // the day's abandonment so far, as the terminal passes it
  if (ev.a.abandonment) with.abandonment = observed_abandonment(ev.day);
  auto q = quote_walk_in(ev.venue, ev.day, k.party, LocalInstant{t * 60}, with);
  o.end_event = ev.events++;
  if (!q || !q->seatable || q->quoted_minutes > k.patience) return;  // walks away
  WaitlistEntry e;
  e.id = "w" + std::to_string(w);
  e.date = ev.day.date;
  e.party_size = k.party;
  e.created_at = LocalInstant{t * 60}.str();
  e.position_in_queue = ++position;
  ev.day.waitlist.push_back(e);
  o.joined = true;
  o.quoted = q->quoted_minutes;
  o.position = q->position;
}

// Departures, reserved parties sitting down, walk-ins leaving, then the policy's seat_now.
void step(Evening& ev, const Floor& floor, const WaitlistOptions& opt, int64_t base, int64_t m) {
  const int64_t t = base + m;
  const Settings& s = ev.venue.restaurant.settings;
  for (auto& r : ev.day.reservations)
    if (r.status == ReservationStatus::Seated && ev.leaves_at[r.id] <= t)
      r.status = ReservationStatus::Completed;
  for (auto& r : ev.day.reservations) {
    if (r.status != ReservationStatus::Confirmed) continue;
    if (span_of(r, s, ev.venue.services).start > t || !ev.tables_free(floor, floor.tables_of(r)))
      continue;
    r.status = ReservationStatus::Seated;
    r.seated_at = LocalInstant{t * 60}.str();
    ev.leaves_at[r.id] = t + actual_minutes(ev.seed, r.id, duration_minutes(r, s), ev.a.spread);
  }
  for (size_t w = 0; w < ev.walkers.size(); ++w) {  // out of patience, or closing
    Outcome& o = ev.out[w];
    WaitlistEntry* e = o.joined && !o.seated ? ev.entry(w) : nullptr;
    if (!e || e->status != WaitlistStatus::Waiting) continue;
    if (m - o.arrived > ev.walkers[w].patience || m > kLastSeating) {
      e->status = WaitlistStatus::Expired;
      o.end_event = ev.events++;
      for (size_t l = w + 1; l < ev.walkers.size(); ++l)  // those behind it still waiting
        if (ev.out[l].joined && !ev.out[l].seated) ev.out[l].ahead_left = true;
    }
  }
  // Expired rows are kept, as the terminal's day keeps them: the day's
  // abandonment is read from them (they change nothing else: not waiting).
  bool anyone =
      std::any_of(ev.day.waitlist.begin(), ev.day.waitlist.end(),
                  [](const WaitlistEntry& e) { return e.status == WaitlistStatus::Waiting; });
  if (!anyone) return;
  auto plan = plan_waitlist(ev.venue, ev.day, LocalInstant{t * 60}, opt);
  if (!plan) return;
  for (const SeatNow& sn : plan->seat_now) {
    // Not free: an overstay the engine did not expect.
    if (!ev.tables_free(floor, sn.table.table_ids)) continue;
    auto entry = std::find_if(ev.day.waitlist.begin(), ev.day.waitlist.end(),
                              [&](const WaitlistEntry& e) { return e.id == sn.entry_id; });
    Reservation r;
    r.id = "walk-" + entry->id;
    r.party_size = entry->party_size;
    r.date = ev.day.date;
    r.time = LocalInstant{t * 60}.time();
    r.table_id = sn.table.table_ids.front();
    r.table_number = sn.table.table_number;
    r.status = ReservationStatus::Seated;
    r.seated_at = LocalInstant{t * 60}.str();
    r.source = "Liste d'attente";
    ev.leaves_at[r.id] = t + actual_minutes(ev.seed, r.id, turn_time(s, r.party_size), ev.a.spread);
    Outcome& o = ev.out[static_cast<size_t>(std::stoul(entry->id.substr(1)))];
    o.seated = true;
    o.waited = m - o.arrived;
    o.seat_event = o.end_event = ev.events++;
    entry->status = WaitlistStatus::Converted;  // kept: the engine counts overtakes from it
    ev.day.reservations.push_back(std::move(r));
  }
}

// The evening's walk-ins under one policy; overtakes counted once it is over.
std::vector<Outcome> run_evening(const Args& a, int e, const WaitlistOptions& opt,
                                 std::vector<int>& overtaken) {
  Evening ev = make_evening(a, e);
  auto floor = Floor::build(ev.venue, &ev.day);
  const int64_t base = ev.day.date.days_since_epoch() * 1440;
  size_t next = 0;
  int position = 0;
  for (int64_t m = 18 * 60 + 59; m < kClose; ++m) {
    while (next < ev.walkers.size() && ev.walkers[next].arrives <= m)
      join(ev, opt, next++, base, m, position);
    step(ev, *floor, opt, base, m);
  }
  // Join order is walker order (arrivals are in time order).
  for (size_t p = 0; p < ev.out.size(); ++p) {
    if (!ev.out[p].joined) continue;
    int n = 0;
    for (size_t q = p + 1; q < ev.out.size(); ++q)
      n += ev.out[q].seated && ev.out[q].seat_event < ev.out[p].end_event;
    overtaken.push_back(n);
  }
  return ev.out;
}

double quantile(std::vector<double> v, double q) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[static_cast<size_t>(std::min<double>(v.size() - 1, std::floor(q * v.size())))];
}

void run_policy(const Args& a, const Row& row) {
  long covers = 0, lost = 0;
  std::vector<double> waits, err;
  std::vector<int> overtaken;
  double total_wait = 0, total_err = 0;
  std::map<std::string, std::vector<double>> signed_err;  // --detail: quote - wait, by group
  for (int e = 0; e < a.evenings; ++e)
    for (const Outcome& o : run_evening(a, e, row.options, overtaken)) {
      if (!o.seated) {
        lost += o.party;
        continue;
      }
      if (a.detail) {
        const double d = static_cast<double>(o.quoted - o.waited);
        signed_err["all"].push_back(d);
        signed_err["position " + std::to_string(std::min(o.position, 6))].push_back(d);
        signed_err["party " + std::to_string(o.party)].push_back(d);
        signed_err[o.ahead_left ? "someone ahead left" : "nobody ahead left"].push_back(d);
        signed_err[o.quoted == 0 ? "quoted 0" : "quoted > 0"].push_back(d);
      }
      covers += o.party;
      waits.push_back(static_cast<double>(o.waited));
      err.push_back(std::fabs(static_cast<double>(o.quoted - o.waited)));
      total_wait += waits.back();
      total_err += err.back();
    }
  const double n = std::max<double>(1, static_cast<double>(waits.size()));
  const double med_wait = quantile(waits, 0.5), med_err = quantile(err, 0.5);
  const int most = overtaken.empty() ? 0 : *std::max_element(overtaken.begin(), overtaken.end());
  std::printf(
      "| %s | %ld | %ld | %.1f | %.0f | %.0f | %d | %.0f / %.0f = %.1f %% | %.1f / %.1f = %.1f %% "
      "|\n",
      row.name.c_str(), covers, lost, total_wait / n, quantile(waits, 0.95), med_wait, most,
      med_err, med_wait, med_wait > 0 ? 100 * med_err / med_wait : 0.0, total_err / n,
      total_wait / n, total_wait > 0 ? 100 * total_err / total_wait : 0.0);
  for (auto& [group, d] : signed_err) {
    double sum = 0;
    std::vector<double> ab;
    double within1 = 0;
    for (double x : d) sum += x, ab.push_back(std::fabs(x)), within1 += std::fabs(x) <= 1;
    std::printf(
        "    %-20s n %7zu  mean(q-w) %+6.2f  median(q-w) %+4.0f  p10 %+4.0f  p90 %+4.0f  "
        "median |q-w| %3.0f  |q-w|<=1 %4.1f %%\n",
        group.c_str(), d.size(), sum / static_cast<double>(d.size()), quantile(d, 0.5),
        quantile(d, 0.1), quantile(d, 0.9), quantile(ab, 0.5),
        100 * within1 / static_cast<double>(d.size()));
  }
  std::fflush(stdout);
}

std::vector<Row> rows_of(const Args& a) {
  auto with = [&](SeatingPolicy p, int cap) {
    WaitlistOptions o;
    o.policy = p;
    o.max_overtaken = cap;
    o.blend_weight = a.weight;
    o.overdue_minutes = a.overdue;
    return o;
  };
  const std::string capped = " cap " + std::to_string(a.cap);
  std::vector<Row> all = {{"fcfs", with(SeatingPolicy::Fcfs, -1)},
                          {"fcfs-fit", with(SeatingPolicy::FcfsFit, -1)},
                          {"fcfs-fit" + capped, with(SeatingPolicy::FcfsFit, a.cap)},
                          {"blend", with(SeatingPolicy::Blend, -1)},
                          {"blend" + capped, with(SeatingPolicy::Blend, a.cap)}};
  if (a.policy == "all") return all;
  std::vector<Row> some;
  const std::string want = a.policy == "fifo" ? "fcfs" : a.policy;  // the old name
  for (const Row& r : all)
    if (r.name.rfind(want, 0) == 0 && (want != "fcfs" || r.name == "fcfs")) some.push_back(r);
  return some;
}

}  // namespace

int main(int argc, char** argv) {
  Args a;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string k = argv[i];
    if (k == "--evenings")
      a.evenings = std::atoi(argv[i + 1]);
    else if (k == "--seed")
      a.seed = std::strtoull(argv[i + 1], nullptr, 10);
    else if (k == "--spread")
      a.spread = std::atof(argv[i + 1]);
    else if (k == "--gap")
      a.gap = std::atof(argv[i + 1]);
    else if (k == "--policy")
      a.policy = argv[i + 1];
    else if (k == "--cap")
      a.cap = std::atoi(argv[i + 1]);
    else if (k == "--weight")
      a.weight = std::atoi(argv[i + 1]);
    else if (k == "--overdue")
      a.overdue = std::atoi(argv[i + 1]);
    else if (k == "--detail")
      a.detail = std::atoi(argv[i + 1]) != 0;
    else if (k == "--abandonment")
      a.abandonment = std::atoi(argv[i + 1]) != 0;
    else if (k == "--patience-min")
      a.patience_min = std::atof(argv[i + 1]);
    else if (k == "--patience-max")
      a.patience_max = std::atof(argv[i + 1]);
    else {
      std::fprintf(stderr, "foh-bench-waitlist: unknown option %s\n", k.c_str());
      return 2;
    }
  }
  std::vector<Row> rows = rows_of(a);
  if (rows.empty()) {
    std::fprintf(stderr, "foh-bench-waitlist: --policy is all, fcfs, fcfs-fit or blend, not %s\n",
                 a.policy.c_str());
    return 2;
  }
  std::printf(
      "evenings %d (seed %llu), duration spread %.0f %%, mean gap %.1f min, patience "
      "%.0f-%.0f min, blend weight %d, engine default %s cap %d\n",
      a.evenings, static_cast<unsigned long long>(a.seed), a.spread * 100, a.gap, a.patience_min,
      a.patience_max, a.weight,
      WaitlistOptions{}.policy == SeatingPolicy::Blend     ? "blend"
      : WaitlistOptions{}.policy == SeatingPolicy::FcfsFit ? "fcfs-fit"
                                                           : "fcfs",
      WaitlistOptions{}.max_overtaken);
  std::printf(
      "| policy | walk-in covers seated | covers lost | mean wait (min) | p95 wait | "
      "median wait | most places overtaken | quote error: median abs(q-w) / median wait | "
      "mean abs(q-w) / mean wait |\n|---|---|---|---|---|---|---|---|---|\n");
  for (const Row& r : rows) run_policy(a, r);
  return 0;
}
