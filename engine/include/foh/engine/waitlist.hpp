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
// Seating order (who to seat first when tables free up): a blend of waiting
// time and party size —
//   score = minutes waited + fit_bonus (if a table fits the party right now)
//           - waste_penalty x seats that table would leave empty;
// highest first. Seating parties that fit a free table ahead of a longer-
// waiting party that fits none keeps tables turning; the waste penalty keeps
// a couple from taking the six-top a waiting six needs.
#include <optional>
#include <string>
#include <vector>

#include "foh/engine/model.hpp"
#include "foh/engine/result.hpp"

namespace foh {

struct WaitlistOptions {
  int overdue_minutes = 5;
  int fit_bonus = 30;     // minutes of priority for fitting a free table now
  int waste_penalty = 5;  // minutes of priority lost per empty seat
};

struct WaitQuote {
  Uuid entry_id;  // empty for a quote of a new walk-in
  int party_size = 0;
  int position = 0;        // 1-based place in the queue (join order)
  int quoted_minutes = 0;  // expected wait from now
  LocalInstant expected_seat_at;
  std::vector<Uuid> table_ids;  // the table or combination expected to take them
  std::string table_number;
  bool seatable = true;  // false: no table or combination seats this party
};

struct SeatNow {  // a party to seat right now, in suggested order
  Uuid entry_id;
  std::vector<Uuid> table_ids;
  std::string table_number;
};

struct WaitlistPlan {
  std::vector<WaitQuote> quotes;    // waiting entries, in queue order
  std::vector<Uuid> seating_order;  // waiting entries, best to seat first
  std::vector<SeatNow> seat_now;    // who fits a free table now (subset of seating_order)
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
