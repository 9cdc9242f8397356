// Bookings taken or edited by hand: the engine's check of the booking itself
// (hours, pacing) with a Manager's explicit override, the overlap rule, and
// the moves that free the table, all in one transaction.
#include <algorithm>

#include "foh/engine/codec.hpp"
#include "foh/engine/permissions.hpp"
#include "foh/net/entities.hpp"
#include "foh/net/store.hpp"
#include "store_kept.hpp"
#include "store_write.hpp"

namespace foh::net {

Result<Reservation> Store::checked_booking(Reservation r, const Actor& by,
                                           const std::optional<BookingOverride>& o) {
  const std::string where = "reservations " + r.id;
  if (o && !may_authorize(by.role, action::kOverride))
    return Error{where, by.language == Language::Fr
                            ? "passer outre un refus demande un responsable"
                            : "overriding a refusal needs a Manager or Admin"};
  auto venue = kept_->venue(cache_);
  if (!venue) return venue.error();
  auto day = kept_->day(cache_, r.date);
  if (!day) return day.error();
  BookingCheck c = check_booking(r, (*day)->book.reservations, (*venue)->restaurant.settings,
                                 (*venue)->services, o, by.language);
  if (!c.allowed) return Error{where, c.reason};
  if (o) r.notes = with_override_note(r.notes, c, *o, by.language);
  return r;
}

Result<Reservation> Store::book(Reservation r, const Actor& by, const BookingOptions& o) {
  auto checked = checked_booking(std::move(r), by, o.override_refusal);
  if (!checked) return checked.error();
  return create_reservation(std::move(*checked), by, o.moves);
}

Result<Reservation> Store::update_reservation(const Reservation& r, const Actor& by,
                                              const BookingOptions& o) {
  auto before = cache_.reservation(r.id);
  if (!before) return before.error();
  const std::string where = "reservations " + r.id;
  if (before->status != r.status)
    return Error{where + ".status", "a status changes through its own action", "status_own_action"};
  for (const Move& m : o.moves)  // the engine moves others to make room, never this party
    if (m.reservation_id == r.id)
      return Error{where, "an edit never moves the booking itself", "edit_moves_booking"};
  Reservation next = r;
  if (needs_booking_check(*before, next)) {
    auto checked = checked_booking(std::move(next), by, o.override_refusal);
    if (!checked) return checked.error();
    next = std::move(*checked);
  }
  next.updated_at = now_iso();
  auto moved = moved_by(o.moves, next.updated_at, by.language);
  if (!moved) return moved.error();
  if (auto st = check_with(next, *moved, by.language); !st) return st.error();
  // Only the columns this edit changed go out (a PATCH): the cached copy may
  // be older than the backend's, whose other columns must survive.
  std::vector<RowWrite> w = move_writes(*moved);
  if (auto e = edit_write(encode(*before), next)) w.push_back(*e);
  if (w.empty()) return *before;
  if (auto st = commit_rows(w, next.updated_at); !st) return st.error();
  return next;
}

}  // namespace foh::net
