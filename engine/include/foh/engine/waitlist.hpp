#pragma once
// Walk-in waitlist: quoted waits, positions and a suggested seating order.
//
// Quote model: every usable table (and declared combination) becomes free at
// the expected end of its seated party — seated_at + the party's duration
// (reservation's own, else the settings' turn time); a party already past its
// expected end is expected to leave within `overdue_minutes`. Upcoming
// reservations (Pending/Confirmed/Arrived) hold their tables for their span.
// The waiting parties, in queue order, each take the option (admitting their
// party) where they can sit earliest for a whole turn without touching a
// held span; ties go to the fewest wasted seats. The quote is that seat time
// minus `now`.
//
// Who to seat next (seat_now), three policies; the shipped one is the
// default of WaitlistOptions: FcfsFit with max_overtaken 3. foh-bench-waitlist
// (README, Benchmarks) measured it: it seats as many covers as the Blend
// (both about 2.7 % more than strict FCFS, p95 wait no worse), and the quotes,
// which simulate the queue in join order, stay closer to the real waits. Every policy recommends
// only parties that fit a table free right now (for a whole turn, before any hold), hands the free
// tables out one party at a time, each party taking its earliest option with the fewest wasted
// seats, and breaks ties by join order:
//   Fcfs     strict first come, first served: the first in join order, and
//            nobody while the first fits no free table (reference only).
//   FcfsFit  join order, passing over only a party that fits no free table.
//   Blend    a priority index blending time waited with party-size fit
//            (after Thompson, "An Evaluation of Rules for Assigning Tables to
//            Walk-in Parties in Restaurants", Cornell Hospitality Quarterly
//            56(3), 2015, whose best rule blends largest party and longest
//            wait; the exact index and weight are ours):
//              index = minutes waited + blend_weight x party / seats,
//            seats being those of the table the party would take now (a
//            perfect fit is worth blend_weight minutes of waiting); highest
//            first.
// The overtaking limit (all policies): a party is passed over by at most
// `max_overtaken` parties who joined after it. Counted online, from what has
// happened by now: entries of the day already converted (seated) that joined
// after a waiting party, plus the parties this plan recommends ahead of it.
// A party at the limit is never passed over: nobody who joined after it is
// recommended until it is seated. No recommendation depends on a party that
// has not arrived yet.
#include <optional>
#include <string>
#include <vector>

#include "foh/engine/assign.hpp"
#include "foh/engine/model.hpp"
#include "foh/engine/result.hpp"

namespace foh {

enum class SeatingPolicy { Fcfs, FcfsFit, Blend };

struct WaitlistOptions {
  int overdue_minutes = 5;
  SeatingPolicy policy = SeatingPolicy::FcfsFit;  // shipped: see README, Benchmarks
  int blend_weight = 30;  // Blend: minutes of priority a perfect fit (party = seats) is worth
  int max_overtaken = 3;  // later joiners who may pass a party over; < 0: no limit
  // The share of parties ahead expected to leave the queue unseated (0..1),
  // e.g. observed_abandonment(day). 0: everyone ahead stays (the quote as it
  // was). Otherwise a quote is the expected seat time over how many of the
  // parties ahead stay (binomial, each staying with 1 - abandonment; the
  // ones who stay taken as the first in join order), rounded to the minute.
  double abandonment = 0;
};

// The day's observed abandonment so far: waitlist rows closed unseated
// (expired or cancelled) over all rows closed (those and the converted), shrunk
// towards 0 with `prior_rows` rows of no abandonment so that a few early
// departures do not swing the quotes. Only rows already closed: online.
double observed_abandonment(const DayBook& day, int prior_rows = 10);

// The shipped options for the day's quotes: the default policy, with the day's
// observed abandonment. Every quote a screen shows (queue, new walk-in, kiosk) uses these.
WaitlistOptions day_waitlist_options(const DayBook& day);

struct WaitQuote {
  Uuid entry_id;  // empty for a quote of a new walk-in
  int party_size = 0;
  int position = 0;        // 1-based place in the queue (join order)
  int quoted_minutes = 0;  // expected wait from now
  LocalInstant expected_seat_at;
  // The table or combination expected to take them, as the seat screen and the
  // Store take it. No reason: the queue is judged by time, the seat screen words it.
  TableChoice table;
  bool seatable = true;  // false: no table or combination seats this party
};

struct SeatNow {  // a party to seat right now, in suggested order
  Uuid entry_id;
  TableChoice table;  // free now; carried as is to the seat screen (no reason, as above)
};

struct WaitlistPlan {
  std::vector<WaitQuote> quotes;  // waiting entries, in queue order
  // Waiting entries, best to seat first: the recommended ones in seat_now's
  // order, then the rest in join order.
  std::vector<Uuid> seating_order;
  std::vector<SeatNow> seat_now;  // who to seat now and where, best first (the policy's)
};

// Waiting entries are the day's waitlist rows in status waiting, notified or
// called; their arrival is created_at (restaurant-local). Queue order is join
// order: position_in_queue (entries without one, kiosk joins not yet accepted,
// behind), then arrival, then id. Each party is simulated after everyone
// ahead of it, so a party never gets a shorter quote than a same-size party
// ahead of it. Errors: the floor's, or an entry whose created_at is not a
// timestamp.
Result<WaitlistPlan> plan_waitlist(const Venue& venue, const DayBook& day, LocalInstant now,
                                   const WaitlistOptions& options = {});

// The quote for a party that would join the queue now (behind everyone).
Result<WaitQuote> quote_walk_in(const Venue& venue, const DayBook& day, int party_size,
                                LocalInstant now, const WaitlistOptions& options = {});

}  // namespace foh
