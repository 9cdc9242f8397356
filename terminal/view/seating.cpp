// The suggestion for a party seated now, and overstay warnings.
#include "view/seating.hpp"

#include <algorithm>

#include "foh/engine/assign.hpp"
#include "foh/engine/floor.hpp"
#include "foh/engine/rules.hpp"
#include "foh/engine/sections.hpp"
#include "i18n.hpp"
#include "view/booking_edit.hpp"
#include "view/day_index.hpp"

namespace foh::ui {
namespace {

DayBook without(const DayBook& day, const std::optional<Uuid>& id) {
  DayBook copy = day;
  if (id)
    copy.reservations.erase(std::remove_if(copy.reservations.begin(), copy.reservations.end(),
                                           [&](const Reservation& r) { return r.id == *id; }),
                            copy.reservations.end());
  return copy;
}

// The engine's decision, or a refusal carrying its error (a floor that does not validate).
Decision decide(const Venue& v, const DayBook& day, const SeatRequest& req,
                const AssignOptions& o) {
  Result<Decision> r = suggest_table(v, day, req, o);
  if (r) return std::move(r.value());
  Decision d;
  d.accepted = false;
  d.outcome = Outcome::Invalid;
  d.reason = r.error().text();
  return d;
}

AssignOptions now_options(bool allow_moves, const Desk& d) {
  AssignOptions o;
  o.language = d.locale;   // the reasons are for the host
  o.check_hours = false;   // the party is here: opening hours are the host's call
  o.check_pacing = false;  // pacing limits bookings, not people at the door
  o.allow_moves = allow_moves;
  o.max_alternatives = 4;
  return o;
}

// "Dupont (4) 7 → 12, Martin (2) 3 → 5": who the suggestion moves, for the host to read.
std::string describe_moves(const std::vector<Move>& moves, const Desk& d) {
  std::string out;
  for (const Move& m : moves) {
    const Booking* b = d.index ? d.index->booking(m.reservation_id) : nullptr;
    std::string who =
        b ? b->r->guest_name + " (" + std::to_string(b->r->party_size) + ")" : m.reservation_id;
    out += (out.empty() ? "" : ", ") + who + " " + m.from_table_number + " → " + m.to_table_number;
  }
  return out;
}

// A booking due now (its time within kDueMinutes of now, or past) may be the
// very party at the door, seated as a walk-in: the engine may not move it to
// make room for them. It is held as if it had arrived (the engine moves no
// Arrived party); the copy is only for this proposal.
constexpr int kDueMinutes = 30;
DayBook held_if_due(const DayBook& day, TimeOfDay now, const Desk& d) {
  DayBook held = day;
  const ServiceDay timeline(day.date, d.venue->services);
  const int now_minute = timeline.minute(now);
  for (Reservation& r : held.reservations)
    if ((r.status == ReservationStatus::Confirmed || r.status == ReservationStatus::Pending) &&
        timeline.minute(r.time) <= now_minute + kDueMinutes)
      r.status = ReservationStatus::Arrived;
  return held;
}

// Nothing free: the engine may move bookings not yet arrived to other tables
// (never their time or party); the host sees who moves before seating.
Decision with_moves(const Venue& v, const DayBook& day, const SeatRequest& req, const Desk& d,
                    Decision refused) {
  Decision dec = decide(v, held_if_due(day, req.time, d), req, now_options(true, d));
  if (!dec.accepted || dec.moved.empty()) return refused;
  dec.reason += tr(d.locale, "seat.moves") + describe_moves(dec.moved, d);
  return dec;
}

}  // namespace

TimeOfDay time_now(const Desk& d) {
  int64_t day_start = d.day ? d.day->date.days_since_epoch() * 86400 : 0;
  return TimeOfDay{static_cast<int>(std::max<int64_t>(0, d.now.seconds - day_start))};
}

Decision suggest_now(const PartyToSeat& p, const Desk& d) {
  if (!d.venue || !d.day || !d.floor) return {};
  DayBook day = without(*d.day, p.reservation_id);
  SeatRequest req;
  req.id = p.reservation_id.value_or("walk-in");
  req.party_size = p.party_size;
  req.date = d.day->date;
  req.time = time_now(d);
  req.duration = p.duration;
  // A reservation keeps its own table when it is free from now on.
  if (p.reservation_id && d.index) {
    // ... and still seats the party: booked 6, arrived 8 needs a bigger table.
    if (const Booking* b = d.index->booking(*p.reservation_id);
        b && !b->tables.empty() && seats_held(*d.floor, b->tables) >= p.party_size) {
      Reservation moved = *b->r;
      moved.time = req.time;
      moved.status = ReservationStatus::Seated;
      auto clash =
          conflicts_with(moved, day.reservations, *d.floor, d.settings(), d.venue->services);
      if (clash.empty()) {
        Decision s;
        s.accepted = true;
        s.outcome = Outcome::Seated;
        s.reason = tr_args(d.locale, "seat.booked_free", {b->r->table_number});
        s.table_ids = b->tables;
        s.table_number = b->r->table_number;
        Decision dec = decide(*d.venue, day, req, now_options(false, d));
        for (const TableChoice& c : dec.alternatives)
          if (c.table_ids != s.table_ids) s.alternatives.push_back(c);
        if (dec.accepted && dec.table_ids != s.table_ids)
          s.alternatives.insert(s.alternatives.begin(), dec);  // the engine's own choice
        return s;
      }
    }
  }
  // Between equally good tables, the section that seated the fewest covers
  // in the last 30 minutes (issue 13 item 3; engine sections.hpp).
  const Rotation rotation = rotation_at(*d.venue, *d.day, d.now);
  if (!rotation.sections.empty()) req.rotation = &rotation;
  Decision s = decide(*d.venue, day, req, now_options(false, d));
  return s.accepted ? s : with_moves(*d.venue, day, req, d, std::move(s));
}

std::vector<OverstayWarning> overstay_warnings(const Desk& d) {
  std::vector<OverstayWarning> out;
  if (!d.venue || !d.day || !d.index || !d.floor) return out;
  int64_t now = d.now.seconds / 60;
  constexpr int64_t kLookahead = 15;  // warn this long before the clash happens
  for (const Booking& b : d.index->bookings()) {
    if (b.r->status != ReservationStatus::Seated) continue;
    int64_t since = b.start;
    if (b.r->seated_at)
      if (auto at = d.local_time(*b.r->seated_at)) since = at->seconds / 60;
    int64_t expected_end = since + (b.end - b.start);
    // Still there at the expected end (or soon): they will leave no earlier than now + a margin.
    int64_t free_at = std::max(expected_end, now + kLookahead);
    if (expected_end > now + kLookahead) continue;
    const Booking* next = nullptr;
    for (const Uuid& t : b.tables)
      if (const Booking* n = d.index->next_on(t, now);
          n && n->start < free_at && (!next || n->start < next->start))
        next = n;
    if (!next) continue;
    OverstayWarning w;
    w.seated_reservation_id = b.r->id;
    w.next_reservation_id = next->r->id;
    w.text =
        tr_args(d.locale, "seat.overstays",
                {b.r->table_number, b.r->guest_name, std::to_string(b.r->party_size),
                 next->r->guest_name, std::to_string(next->r->party_size), next->r->time.hhmm()});
    // Another table for the next party, with the overstaying party held 30 min more.
    DayBook day = without(*d.day, next->r->id);
    for (Reservation& r : day.reservations)
      if (r.id == b.r->id) r.duration = static_cast<int>(free_at + 30 - b.start);
    SeatRequest req;
    req.id = next->r->id;
    req.party_size = next->r->party_size;
    req.date = d.day->date;
    req.time = next->r->time;
    req.duration = next->r->duration;
    Decision dec =
        decide(*d.venue, day, req, now_options(false, d));  // a MoveCommand moves one booking
    if (dec.accepted) w.proposal = std::move(dec);          // the choice it made
    out.push_back(std::move(w));
  }
  return out;
}

}  // namespace foh::ui
