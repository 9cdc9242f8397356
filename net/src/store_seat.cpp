// Seating now: walk-ins and booked parties, and the moves an engine proposal
// makes to free a table, written together with the seat in one transaction;
// the day's re-plan ("Optimise tonight"), its moves alone in one transaction.
#include <algorithm>

#include "foh/engine/codec.hpp"
#include "foh/engine/permissions.hpp"
#include "foh/engine/rules.hpp"
#include "foh/engine/status.hpp"
#include "foh/net/store.hpp"
#include "store_write.hpp"

namespace foh::net {

// The proposal was made on an earlier look at the day: engine's moved_now
// refuses it when a moved party has arrived since or sits elsewhere.
Result<std::vector<Reservation>> Store::moved_by(const std::vector<Move>& moves,
                                                 const std::string& now, Language language) {
  std::vector<Reservation> out;
  for (const auto& m : moves) {
    auto current = cache_.reservation(m.reservation_id);
    if (!current) return current.error();
    auto r = moved_now(*current, m, language);
    if (!r) return r.error();
    r->updated_at = now;
    out.push_back(std::move(r).value());
  }
  return out;
}

Status Store::check_with(const Reservation& r, const std::vector<Reservation>& moved,
                         Language language) {
  std::vector<Reservation> all = moved;
  all.push_back(r);
  return check_free(all, language);
}

Result<Reservation> Store::seat_walk_in(int party_size, const TableChoice& pick, Date date,
                                        TimeOfDay time, const Actor& by,
                                        const std::string& guest_name,
                                        const std::vector<Move>& moves, const Uuid& id) {
  if (pick.table_ids.empty()) return Error{"walk-in", "no table chosen", "no_table"};
  Reservation r;
  r.id = id;  // empty: create_reservation makes one
  r.party_size = party_size;
  r.date = date;
  r.time = time;
  r.status = ReservationStatus::Seated;
  r.source = "Walk-in";
  r.guest_name = guest_name.empty() ? "Walk-in" : guest_name;
  r.table_id = pick.table_ids.front();
  r.table_number = pick.table_number;
  return create_reservation(std::move(r), by, moves);
}

Result<Reservation> Store::seat_reservation(const Uuid& reservation_id, const TableChoice& pick,
                                            const Actor& by, const std::vector<Move>& moves,
                                            std::optional<int> party_size) {
  if (pick.table_ids.empty())
    return Error{"reservations " + reservation_id, "no table chosen", "no_table"};
  for (const Move& m : moves)  // room is made by moving others, never the party being seated
    if (m.reservation_id == reservation_id)
      return Error{"reservations " + reservation_id, "a seating never moves the party itself",
                   "seat_moves_party"};
  auto before = cache_.reservation(reservation_id);
  if (!before) return before.error();
  // Seated there already: the same seat again (a double tap, a replay) writes nothing.
  if (before->status == ReservationStatus::Seated && before->table_number == pick.table_number)
    return before;
  std::string now = now_iso();
  auto moved = moved_by(moves, now, by.language);
  if (!moved) return moved.error();
  Reservation at = *before;  // on the picked table, status unchanged
  at.table_id = pick.table_ids.front();
  at.table_number = pick.table_number;
  // More guests than booked: the party itself grows; fewer: a partial arrival.
  if (party_size && *party_size > at.party_size) at.party_size = *party_size;
  at.updated_at = now;
  if (auto st = check_with(at, *moved, by.language); !st) return st.error();
  std::vector<RowWrite> w = move_writes(*moved);
  // The guest is here: through Arrived (arrived_count) to Seated, as the
  // status machine records it; the table change travels with the first step.
  Reservation from = *before;
  std::vector<ReservationStatus> steps;
  if (at.status == ReservationStatus::Pending || at.status == ReservationStatus::Confirmed)
    steps.push_back(ReservationStatus::Arrived);
  steps.push_back(ReservationStatus::Seated);
  for (auto to : steps) {
    TransitionContext ctx = context(by, now, party_size);  // all of them arrived
    auto t = transition(at, to, ctx);
    if (!t) return t.error();
    t->reservation.updated_at = now;
    w.push_back(status_write(from, t->reservation, t->event));
    w.push_back(provisional_write(t->event));
    from = at = t->reservation;
  }
  if (auto st = commit_rows(w, now); !st) return st.error();
  return at;
}

Result<int> Store::apply_moves(const std::vector<Move>& moves, const Actor& by) {
  if (!may_authorize(by.role, action::kOptimise))
    return Error{
        "optimise",
        std::string("re-planning the day needs a Manager or Admin; ") +
            (by.member_id ? std::string("a ") + to_string(by.role) : std::string("the kiosk")) +
            " may not",
        "optimise_needs_manager"};
  for (size_t i = 0; i < moves.size(); ++i)  // one reservation on two tables: a caller's bug
    for (size_t k = i + 1; k < moves.size(); ++k)
      if (moves[i].reservation_id == moves[k].reservation_id)
        return Error{"reservations " + moves[i].reservation_id, "moved twice in one re-plan",
                     "moved_twice"};
  if (moves.empty()) return 0;
  std::string now = now_iso();
  auto moved = moved_by(moves, now, by.language);
  if (!moved) return moved.error();
  // All moved rows checked together: a swap of two tables is fine, a clash is not.
  if (auto st = check_free(*moved, by.language); !st) return st.error();
  if (auto st = commit_rows(move_writes(*moved), now); !st) return st.error();
  return static_cast<int>(moved->size());
}

}  // namespace foh::net
