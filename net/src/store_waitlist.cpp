// Waitlist commands. A kiosk join is unconfirmed until staff accept it: it
// has no position_in_queue until then (the backend has no other column for it,
// and the queue position is what acceptance gives).
#include <algorithm>
#include <optional>

#include "foh/engine/codec.hpp"
#include "foh/engine/status.hpp"
#include "foh/net/rows.hpp"
#include "foh/net/store.hpp"
#include "store_write.hpp"

namespace foh::net {

namespace {

using Entries = Rows<WaitlistEntry>;

bool is_open(WaitlistStatus s) {
  return s == WaitlistStatus::Waiting || s == WaitlistStatus::Notified ||
         s == WaitlistStatus::Called;
}

int next_position(Cache& cache, Date date) {
  int pos = 0;
  for (const auto& j : Entries(cache).json_of_date(date)) {
    auto it = j.find("position_in_queue");
    if (it != j.end() && it->is_number_integer()) pos = std::max(pos, it->get<int>());
  }
  return pos + 1;
}

Result<WaitlistEntry> load_entry(Cache& cache, const Uuid& id) {
  return Entries(cache).get(id,
                            Error{Entries::where(id), "no such waitlist entry", "waitlist_gone"});
}

Status check_entry(const WaitlistEntry& e) {
  std::string where = Entries::where(e.id);
  if (e.party_size < 1 || e.party_size > 99)
    return Error{where + ".party_size",
                 "must be between 1 and 99, got " + std::to_string(e.party_size),
                 "party_range",
                 {std::to_string(e.party_size)}};
  if (e.guest_name.empty()) return Error{where + ".guest_name", "a name is needed", "name_needed"};
  return ok();
}

// An entry id chosen up front is the command's: a repeat finds the entry
// written and returns it, so a double tap queues the party once.
std::optional<Result<WaitlistEntry>> already_written(Cache& cache, const WaitlistEntry& e) {
  if (e.id.empty() || !Entries(cache).json(e.id)) return std::nullopt;
  return load_entry(cache, e.id);
}

}  // namespace

Result<WaitlistEntry> Store::waitlist_add(WaitlistEntry e, const Actor& /*by*/) {
  if (auto done = already_written(cache_, e)) return *done;
  if (e.id.empty()) e.id = new_uuid();
  if (e.restaurant_id.empty()) e.restaurant_id = restaurant_id(cache_);
  if (e.notification_token.empty()) e.notification_token = new_uuid();
  e.status = WaitlistStatus::Waiting;
  e.created_at = e.updated_at = now_iso();
  if (auto st = check_entry(e); !st) return st.error();
  e.position_in_queue = next_position(cache_, e.date);
  std::vector<RowWrite> w{new_row_write(e)};
  if (auto st = commit_rows(w, e.created_at); !st) return st.error();
  return e;
}

Result<WaitlistEntry> Store::kiosk_join(WaitlistEntry e) {
  if (auto done = already_written(cache_, e)) return *done;
  if (e.id.empty()) e.id = new_uuid();
  if (e.restaurant_id.empty()) e.restaurant_id = restaurant_id(cache_);
  if (e.notification_token.empty()) e.notification_token = new_uuid();
  e.status = WaitlistStatus::Waiting;
  e.position_in_queue.reset();      // unconfirmed until staff accept it
  e.extra["kiosk_pending"] = true;  // on every terminal too (a column since migration 024)
  e.created_at = e.updated_at = now_iso();
  if (auto st = check_entry(e); !st) return st.error();
  std::vector<RowWrite> w{new_row_write(e)};
  if (auto st = commit_rows(w, e.created_at); !st) return st.error();
  return e;
}

Result<WaitlistEntry> Store::waitlist_accept(const Uuid& entry_id, const Actor& /*by*/) {
  auto e = load_entry(cache_, entry_id);
  if (!e) return e;
  if (e->position_in_queue)
    return Error{Entries::where(entry_id), "already accepted", "already_accepted"};
  if (!is_open(e->status))
    return Error{Entries::where(entry_id), "this entry is closed", "entry_closed"};
  Json before = encode(*e);
  e->position_in_queue = next_position(cache_, e->date);
  e->extra["kiosk_pending"] = false;  // accepted: no longer "to accept" on any terminal
  e->updated_at = now_iso();
  if (auto w = edit_write(before, *e))
    if (auto st = commit_rows({*w}, e->updated_at); !st) return st.error();
  return e;
}

Result<WaitlistEntry> Store::waitlist_set(const Uuid& entry_id, WaitlistStatus to, const Actor&) {
  auto e = load_entry(cache_, entry_id);
  if (!e) return e;
  std::string where = Entries::where(entry_id) + ".status";
  if (!is_open(e->status))
    return Error{where,
                 std::string("cannot go from ") + to_string(e->status) + " to " + to_string(to),
                 "entry_closed"};
  if (!e->position_in_queue && to != WaitlistStatus::Expired && to != WaitlistStatus::Cancelled)
    return Error{where, "a kiosk entry must be accepted by staff first", "kiosk_unaccepted"};
  std::string now = now_iso();
  Json before = encode(*e);
  e->status = to;
  if (to == WaitlistStatus::Notified) e->notified_at = now;
  if (to == WaitlistStatus::Called) e->called_at = now;
  e->updated_at = now;
  if (auto w = edit_write(before, *e))
    if (auto st = commit_rows({*w}, now); !st) return st.error();
  return e;
}

Result<WaitlistEntry> Store::waitlist_notify(const Uuid& id, const Actor& by) {
  return waitlist_set(id, WaitlistStatus::Notified, by);
}
Result<WaitlistEntry> Store::waitlist_call(const Uuid& id, const Actor& by) {
  return waitlist_set(id, WaitlistStatus::Called, by);
}
Result<WaitlistEntry> Store::waitlist_expire(const Uuid& id, const Actor& by) {
  return waitlist_set(id, WaitlistStatus::Expired, by);
}
Result<WaitlistEntry> Store::cancel_waitlist(const Uuid& id, const Actor& by) {
  return waitlist_set(id, WaitlistStatus::Cancelled, by);
}

Result<Reservation> Store::waitlist_seat(const Uuid& entry_id, const TableChoice& pick,
                                         TimeOfDay time, const Actor& by,
                                         const std::vector<Move>& moves,
                                         const Uuid& reservation_id) {
  // The seating this command made already (a second tap): nothing more.
  if (!reservation_id.empty() && Rows<Reservation>(cache_).json(reservation_id))
    return cache_.reservation(reservation_id);
  auto e = load_entry(cache_, entry_id);
  if (!e) return e.error();
  if (!is_open(e->status))
    return Error{Entries::where(entry_id), "this entry is closed", "entry_closed"};
  if (pick.table_ids.empty()) return Error{Entries::where(entry_id), "no table chosen", "no_table"};
  Reservation r;
  r.id = reservation_id.empty() ? new_uuid() : reservation_id;
  r.restaurant_id = e->restaurant_id;
  r.party_size = e->party_size;
  r.date = e->date;
  r.time = time;
  r.status = ReservationStatus::Seated;
  r.source = "Liste d'attente";
  r.guest_name = e->guest_name;
  r.guest_phone = e->guest_phone;
  r.guest_email = e->guest_email;
  r.table_id = pick.table_ids.front();
  r.table_number = pick.table_number;
  r.created_by = by.member_id;
  r.created_at = r.updated_at = now_iso();
  auto moved = moved_by(moves, r.created_at, by.language);
  if (!moved) return moved.error();
  if (auto st = check_with(r, *moved, by.language); !st) return st.error();
  TransitionContext ctx =
      context(by, r.created_at, std::nullopt, {{"waitlist_entry_id", entry_id}});
  auto t = create(r, ctx);
  if (!t) return t.error();
  Json before = encode(*e);
  e->status = WaitlistStatus::Converted;
  e->updated_at = r.created_at;
  std::vector<RowWrite> w = move_writes(*moved);
  w.push_back(new_row_write(t->reservation));
  w.push_back(provisional_write(t->event));
  if (auto edit = edit_write(before, *e)) w.push_back(*edit);
  if (auto st = commit_rows(w, r.created_at); !st) return st.error();
  return t->reservation;
}

}  // namespace foh::net
