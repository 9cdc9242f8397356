#pragma once
// Private to assign/optimise: the Assigner's state and the searches over it.
#include "assign_index.hpp"
#include "foh/engine/assign.hpp"
#include "foh/engine/pacing.hpp"

namespace foh {

namespace detail {

// A found placement: the option for the party and the moves that make room.
struct Plan {
  int option = -1;
  int64_t key = 0;
  int move_count = 0;
  struct MoveTo {
    int res;
    int option;
  } moves[Overlay::kMax];
};

struct Ranked {
  int64_t key;
  int option;
  int tie = 0;  // between equal keys, smaller first (rotation: the section's recent covers)
  bool operator<(const Ranked& o) const { return key != o.key ? key < o.key : tie < o.tie; }
};

struct Query {
  int party = 0;
  Span span;
  const Uuid* zone = nullptr;  // preferred zone, or null
};

// Lexicographic preference of the issue packed into one integer (smaller is
// better): combination, wasted seats, combinable single, fill_group, zone, gap.
int64_t preference_key(const SeatingIndex& ix, int option, const Query& q);

// The best free options for q, best first (at most `max_out`); singles first,
// combinations only scanned when fewer than max_out singles are free.
// `tie_of_table` (by Floor table index, or null) breaks ties between equal
// keys; `worst_tie` (or null) gets the largest tie among the free options of
// the best key, so a caller can tell whether the tie-break chose.
int free_options(const SeatingIndex& ix, const Query& q, const Overlay* ov, Ranked* out,
                 int max_out, const int* tie_of_table = nullptr, int* worst_tie = nullptr);

// Room by moving reservations: blockers of an option are re-seated elsewhere
// (depth 1), a blocker may itself displace one more (depth 2). `budget` counts
// option checks and bounds the work.
bool plan_with_moves(const SeatingIndex& ix, const Query& q, int depth, int budget, Plan& out);

}  // namespace detail

struct Assigner::State {
  State(Venue v, DayBook d, AssignOptions o, Floor f)
      : venue(std::move(v)),
        day(std::move(d)),
        options(o),
        floor(std::move(f)),
        index(floor, day.reservations, venue.restaurant.settings, venue.services),
        pacing(day.date, venue.restaurant.settings, venue.services, o.language) {
    for (const Reservation& r : day.reservations) pacing.add(r);
  }

  Venue venue;
  DayBook day;
  AssignOptions options;
  Floor floor;
  detail::SeatingIndex index;
  PacingLedger pacing;    // covers per slot/service and the day's load, kept up to date
  Reservation scratch;    // reused for span_of() on requests
  std::vector<int> ties;  // rotation's tie-break per table (propose() with a rotation)

  // Table ids and "7+8"/"12" of an option.
  std::vector<Uuid> table_ids(int option) const;
  std::string table_number(int option) const;
  // The host-readable reason for seating q on `option`.
  std::string describe(int option, const detail::Query& q, int moves) const;
  // Applies a plan: moves, then books `r` (already filled in) on plan.option.
  std::vector<Move> commit(const detail::Plan& plan, Reservation r);
};

}  // namespace foh
