// The table for a booking taken or edited by hand.
#include "view/booking_edit.hpp"

#include <algorithm>
#include <string>

#include "foh/engine/floor.hpp"
#include "foh/engine/rules.hpp"

namespace foh::ui {
namespace {

// The booking's own tables, when they still seat the party and nobody else
// holds them at its (new) time.
std::vector<Uuid> own_tables(const Reservation& r, const Venue& venue, const DayBook& others) {
  if (!r.table_id) return {};
  auto floor = Floor::build(venue, &others);
  if (!floor) return {};
  std::vector<Uuid> held = floor->tables_of(r);
  for (const Uuid& id : held)
    if (floor->is_unavailable(id)) return {};
  if (held.empty() || seats_held(*floor, held) < r.party_size) return {};
  if (!check_tables_free(r, others.reservations, *floor, venue.restaurant.settings, venue.services))
    return {};
  return held;
}

}  // namespace

int seats_held(const Floor& floor, const std::vector<Uuid>& tables) {
  HeldTables h;
  int seats = 0;
  for (const Uuid& id : tables) {
    if (const Table* t = floor.table(id)) seats += t->capacity_max;
    h.add(floor.index_of(id));
  }
  // A declared combination seats what it declares, not the sum of its tables.
  if (tables.size() > 1)
    if (int c = floor.combination_of(h); c >= 0) seats = floor.combinations()[c].seats;
  return seats;
}

bool refused(const Decision& d) {
  return d.outcome == Outcome::Closed || d.outcome == Outcome::Pacing;
}

Decision propose_booking(const Reservation& r, const Venue& venue, const DayBook& day, Language l,
                         bool overridden) {
  DayBook others = day;  // the booking itself is never in the way, nor moved
  std::erase_if(others.reservations, [&](const Reservation& x) { return x.id == r.id; });
  SeatRequest req;
  req.id = r.id.empty() ? "new" : r.id;
  req.party_size = r.party_size;
  req.date = r.date;
  req.time = r.time;
  req.duration = r.duration;
  AssignOptions o;
  o.language = l;
  o.check_hours = o.check_pacing = !overridden;
  Result<Decision> dec = suggest_table(venue, others, req, o);
  if (!dec) {
    Decision invalid;
    invalid.outcome = Outcome::Invalid;
    invalid.reason = dec.error().text();
    return invalid;
  }
  if (refused(*dec)) return std::move(*dec);
  if (std::vector<Uuid> own = own_tables(r, venue, others); !own.empty()) {
    Decision kept;  // its own table: no one moves, no alternative offered
    kept.accepted = true;
    kept.outcome = Outcome::Seated;
    kept.table_ids = std::move(own);
    kept.table_number = r.table_number;
    kept.reason = std::string(tr(l, "floor.table")) + " " + r.table_number + " \u2014 " +
                  tr(l, "form.still_free");
    return kept;
  }
  return std::move(*dec);
}

}  // namespace foh::ui
