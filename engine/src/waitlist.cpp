// Walk-in waitlist quotes: a small forward simulation of the tables' expected
// turns, and who to seat next (see waitlist.hpp for the model and the policies).
#include "foh/engine/waitlist.hpp"

#include <algorithm>
#include <cmath>

#include "foh/engine/floor.hpp"
#include "foh/engine/rules.hpp"

namespace foh {
namespace {

// Kiosk entries not yet accepted have no position: behind the queue.
constexpr int kNoPosition = 1 << 30;

struct Opt {
  std::vector<int> members;
  int cap_min = 1, cap_max = 0;
  TableChoice table;  // what a quote or a recommendation hands on
};

// Expected state of the floor from `now` on: when each table frees up and
// which spans upcoming reservations hold.
struct Board {
  std::vector<Opt> options;
  std::vector<int64_t> free_at;          // minute each table is expected free
  std::vector<std::vector<Span>> holds;  // per table, upcoming reservations
  int64_t now = 0;
};

struct Waiting {
  const WaitlistEntry* entry;
  int64_t arrived;  // minute
};

Board make_board(const Venue& v, const DayBook& day, const Floor& f, int64_t now,
                 const WaitlistOptions& o) {
  Board b;
  b.now = now;
  const size_t n = f.tables().size();
  b.free_at.assign(n, now);
  b.holds.assign(n, {});
  for (size_t t = 0; t < n; ++t) {
    if (f.unavailable_at(static_cast<int>(t))) continue;
    const Table& tb = f.tables()[t];
    b.options.push_back(
        {{static_cast<int>(t)}, tb.capacity_min, tb.capacity_max, {{tb.id}, tb.name, ""}});
  }
  for (const Combination& c : f.combinations()) {
    bool usable = true;
    for (int m : c.members) usable = usable && !f.unavailable_at(m);
    if (usable) b.options.push_back({c.members, 1, c.seats, {c.table_ids, c.key, ""}});
  }
  const Settings& s = v.restaurant.settings;
  for (const Reservation& r : day.reservations) {
    if (!is_live(r.status) || r.date != day.date) continue;
    HeldTables held = f.held_by(r);
    Span span = span_of(r, s, v.services);
    if (r.status == ReservationStatus::Seated) {
      int64_t end = expected_leave(r, span, day.utc_offset_s);
      if (end <= now) end = now + o.overdue_minutes;  // overdue: expected to leave soon
      for (int k = 0; k < held.count; ++k)
        b.free_at[held.index[k]] = std::max(b.free_at[held.index[k]], end);
      continue;
    }
    // Arrived (about to sit) and upcoming reservations hold their span; a late
    // party still holds its table from now on.
    Span hold{std::max(span.start, now), std::max(span.end, now + 1)};
    if (span.end <= now && r.status != ReservationStatus::Arrived) continue;
    for (int k = 0; k < held.count; ++k) b.holds[held.index[k]].push_back(hold);
  }
  for (auto& h : b.holds)
    std::sort(h.begin(), h.end(), [](Span a, Span c) { return a.start < c.start; });
  return b;
}

// The earliest minute a party can sit on `o` for `minutes` without touching
// a held span.
int64_t earliest(const Board& b, const Opt& o, int64_t minutes) {
  int64_t t = b.now;
  for (int m : o.members) t = std::max(t, b.free_at[m]);
  for (bool moved = true; moved;) {
    moved = false;
    for (int m : o.members)
      for (const Span& h : b.holds[m])
        if (overlaps(Span{t, t + minutes}, h)) {
          t = h.end;
          moved = true;
        }
  }
  return t;
}

// The option where `party` sits earliest (ties: fewest wasted seats), or -1.
int best_option(const Board& b, int party, int64_t minutes, int64_t& at) {
  int best = -1;
  for (size_t i = 0; i < b.options.size(); ++i) {
    const Opt& o = b.options[i];
    if (party < o.cap_min || party > o.cap_max) continue;
    int64_t t = earliest(b, o, minutes);
    if (best < 0 || t < at || (t == at && o.cap_max < b.options[best].cap_max)) {
      best = static_cast<int>(i);
      at = t;
    }
  }
  return best;
}

// Seats `party` on the board (the simulation of the queue); fills `q`.
void take(Board& b, int party, int64_t minutes, WaitQuote& q) {
  int64_t at = 0;
  int o = best_option(b, party, minutes, at);
  q.party_size = party;
  if (o < 0) {
    q.seatable = false;
    return;
  }
  for (int m : b.options[o].members) b.free_at[m] = at + minutes;
  q.quoted_minutes = static_cast<int>(at - b.now);
  q.expected_seat_at = LocalInstant{at * 60};
  q.table = b.options[o].table;
}

// The quote for `party` behind the first `ahead` parties of `waiting` on
// `start`, with the abandonment of options: the expected seat time over how
// many of those stay (binomial), the stayers being the first in join order.
void take_behind(const Board& start, const std::vector<const WaitlistEntry*>& waiting, size_t ahead,
                 int party, const Settings& s, const WaitlistOptions& o, WaitQuote& q) {
  Board b = start;
  WaitQuote ignored;
  const double p = std::clamp(o.abandonment, 0.0, 1.0);
  if (p <= 0 || ahead == 0) {
    for (size_t i = 0; i < ahead; ++i)
      take(b, waiting[i]->party_size, turn_time(s, waiting[i]->party_size), ignored);
    take(b, party, turn_time(s, party), q);
    return;
  }
  // P(j stay) for j = 0..ahead, and the quote behind the first j.
  std::vector<double> prob(ahead + 1, 0.0);
  prob[0] = 1;
  for (size_t i = 0; i < ahead; ++i)
    for (size_t j = i + 1; j-- > 0;) {
      prob[j + 1] += prob[j] * (1 - p);
      prob[j] *= p;
    }
  double expected = 0;
  for (size_t j = 0; j <= ahead; ++j) {
    Board with = b;
    WaitQuote qj;
    take(with, party, turn_time(s, party), qj);
    if (!qj.seatable) {  // no table seats this party: the same for every j
      q = qj;
      return;
    }
    expected += prob[j] * static_cast<double>(qj.quoted_minutes);
    if (j == ahead)
      q = qj;  // table and fields of the full queue
    else
      take(b, waiting[j]->party_size, turn_time(s, waiting[j]->party_size), ignored);
  }
  q.quoted_minutes = static_cast<int>(std::lround(expected));
  q.expected_seat_at = LocalInstant{(start.now + q.quoted_minutes) * 60};
}

bool is_waiting(WaitlistStatus s) {
  return s == WaitlistStatus::Waiting || s == WaitlistStatus::Notified ||
         s == WaitlistStatus::Called;
}

// Join order: the position the queue gave on joining (or on a host's
// accepting a kiosk entry), then arrival, then id. created_at alone is not
// it: an accepted kiosk entry keeps its earlier stamp, and another terminal's
// clock may run ahead, so a new party would slip in front of people already
// waiting.
bool joined_before(const Waiting& a, const Waiting& b) {
  int pa = a.entry->position_in_queue.value_or(kNoPosition);
  int pb = b.entry->position_in_queue.value_or(kNoPosition);
  if (pa != pb) return pa < pb;
  return a.arrived != b.arrived ? a.arrived < b.arrived : a.entry->id < b.entry->id;
}

Result<std::vector<Waiting>> waiting_entries(const DayBook& day) {
  std::vector<Waiting> out;
  for (size_t i = 0; i < day.waitlist.size(); ++i) {
    const WaitlistEntry& e = day.waitlist[i];
    if (!is_waiting(e.status) || e.date != day.date) continue;
    auto at = LocalInstant::from_timestamp(e.created_at, day.utc_offset_s);
    if (!at)
      return Error{"waitlist_entries[" + std::to_string(i) + "].created_at",
                   "not a timestamp: \"" + e.created_at + "\""};
    out.push_back({&e, at->seconds / 60});
  }
  std::stable_sort(out.begin(), out.end(), joined_before);
  return out;
}

// How many parties who joined after each waiting one were already seated from
// the queue (converted): the overtakes so far. Only the past: entries of the day.
std::vector<int> overtaken_so_far(const DayBook& day, const std::vector<Waiting>& waiting) {
  std::vector<int> n(waiting.size(), 0);
  for (const WaitlistEntry& e : day.waitlist) {
    if (e.status != WaitlistStatus::Converted || e.date != day.date) continue;
    auto at = LocalInstant::from_timestamp(e.created_at, day.utc_offset_s);
    if (!at) continue;  // a seated row's bad stamp: it cannot be placed, count nothing
    const Waiting seated{&e, at->seconds / 60};
    for (size_t i = 0; i < waiting.size(); ++i) n[i] += joined_before(waiting[i], seated);
  }
  return n;
}

// The free option a party would take now on `b`, or -1.
int free_now(const Board& b, int party, int64_t minutes) {
  int64_t at = 0;
  int opt = best_option(b, party, minutes, at);
  return opt >= 0 && at == b.now ? opt : -1;
}

// The policy's next party among those not yet recommended (indices in join
// order), or -1: see waitlist.hpp.
int next_party(const Board& b, const std::vector<Waiting>& waiting, const std::vector<bool>& done,
               const std::vector<int>& overtaken, const Settings& s, const WaitlistOptions& o) {
  int best = -1;
  double best_index = 0;
  for (size_t i = 0; i < waiting.size(); ++i) {
    if (done[i]) continue;
    const int party = waiting[i].entry->party_size;
    const int opt = free_now(b, party, turn_time(s, party));
    if (opt >= 0) {
      if (o.policy != SeatingPolicy::Blend) return static_cast<int>(i);  // first in join order
      const double index =
          static_cast<double>(b.now - waiting[i].arrived) +
          o.blend_weight * static_cast<double>(party) / std::max(1, b.options[opt].cap_max);
      if (best < 0 || index > best_index) best = static_cast<int>(i), best_index = index;
    }
    // Nobody who joined later passes over the first party under strict FCFS,
    // nor one already passed over max_overtaken times.
    if (opt < 0 && o.policy == SeatingPolicy::Fcfs) break;
    if (o.max_overtaken >= 0 && overtaken[i] >= o.max_overtaken) break;
  }
  return best;
}

// Who to seat now and where (the policy, with its overtaking limit), then
// the seating order: those, then everyone else in join order.
void seating_order(const Board& b, const DayBook& day, const std::vector<Waiting>& waiting,
                   const Settings& s, const WaitlistOptions& o, WaitlistPlan& plan) {
  std::vector<int> overtaken = overtaken_so_far(day, waiting);
  std::vector<bool> done(waiting.size(), false);
  Board now = b;  // tables handed out right now, one party each
  while (true) {
    const int i = next_party(now, waiting, done, overtaken, s, o);
    if (i < 0) break;
    const int party = waiting[i].entry->party_size;
    const int opt = free_now(now, party, turn_time(s, party));
    for (int m : now.options[opt].members) now.free_at[m] = now.now + turn_time(s, party);
    plan.seat_now.push_back({waiting[i].entry->id, now.options[opt].table});
    done[i] = true;
    for (int k = 0; k < i; ++k) overtaken[k] += !done[k];  // passed over by this one
  }
  for (const SeatNow& sn : plan.seat_now) plan.seating_order.push_back(sn.entry_id);
  for (size_t i = 0; i < waiting.size(); ++i)
    if (!done[i]) plan.seating_order.push_back(waiting[i].entry->id);
}

}  // namespace

Result<WaitlistPlan> plan_waitlist(const Venue& venue, const DayBook& day, LocalInstant now,
                                   const WaitlistOptions& options) {
  auto floor = Floor::build(venue, &day);
  if (!floor) return floor.error();
  auto waiting = waiting_entries(day);
  if (!waiting) return waiting.error();
  const Settings& s = venue.restaurant.settings;
  Board board = make_board(venue, day, *floor, now.seconds / 60, options);
  WaitlistPlan plan;
  seating_order(board, day, *waiting, s, options, plan);
  std::vector<const WaitlistEntry*> queue;
  for (const Waiting& w : *waiting) queue.push_back(w.entry);
  for (size_t i = 0; i < waiting->size(); ++i) {
    WaitQuote q;
    q.entry_id = (*waiting)[i].entry->id;
    q.position = static_cast<int>(i) + 1;
    int party = (*waiting)[i].entry->party_size;
    if (options.abandonment > 0) {
      take_behind(board, queue, i, party, s, options, q);
    } else {
      take(board, party, turn_time(s, party), q);
    }
    plan.quotes.push_back(std::move(q));
  }
  return plan;
}

Result<WaitQuote> quote_walk_in(const Venue& venue, const DayBook& day, int party_size,
                                LocalInstant now, const WaitlistOptions& options) {
  auto floor = Floor::build(venue, &day);
  if (!floor) return floor.error();
  auto waiting = waiting_entries(day);
  if (!waiting) return waiting.error();
  const Settings& s = venue.restaurant.settings;
  Board board = make_board(venue, day, *floor, now.seconds / 60, options);
  std::vector<const WaitlistEntry*> queue;
  for (const Waiting& w : *waiting) queue.push_back(w.entry);
  WaitQuote q;
  take_behind(board, queue, queue.size(), party_size, s, options, q);
  q.position = static_cast<int>(waiting->size()) + 1;
  return q;
}

double observed_abandonment(const DayBook& day, int prior_rows) {
  int left = 0, closed = 0;
  for (const WaitlistEntry& e : day.waitlist) {
    if (e.date != day.date) continue;
    const bool gone = e.status == WaitlistStatus::Expired || e.status == WaitlistStatus::Cancelled;
    left += gone;
    closed += gone || e.status == WaitlistStatus::Converted;
  }
  const int n = closed + std::max(0, prior_rows);
  return n > 0 ? static_cast<double>(left) / n : 0.0;
}

WaitlistOptions day_waitlist_options(const DayBook& day) {
  WaitlistOptions o;
  o.abandonment = observed_abandonment(day);
  return o;
}

}  // namespace foh
