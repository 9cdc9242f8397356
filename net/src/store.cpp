// Reservation commands: create, edit, status changes and undo, walk-ins.
// Checked with the engine's rules against the cached day before writing.
#include "foh/net/store.hpp"

#include <algorithm>
#include <map>

#include "foh/engine/codec.hpp"
#include "foh/engine/floor.hpp"
#include "foh/engine/rules.hpp"
#include "foh/engine/status.hpp"
#include "foh/net/entities.hpp"
#include "foh/net/rows.hpp"
#include "store_kept.hpp"
#include "store_write.hpp"

namespace foh::net {

Store::Store(Cache& cache, Clock clock)
    : cache_(cache),
      clock_(clock ? std::move(clock) : Clock(&std::chrono::system_clock::now)),
      kept_(std::make_unique<KeptDays>()) {}

Store::~Store() = default;

Status Store::commit_rows(const std::vector<RowWrite>& writes, const std::string& now_iso) {
  const Cache::Revision before = cache_.revision();
  Status st = write_rows(cache_, writes, now_iso);
  if (st) kept_->wrote(cache_, writes, before);
  return st;
}

std::string Store::now_iso() const { return iso_utc(clock_()); }

TransitionContext Store::context(const Actor& by, std::string stamp,
                                 std::optional<int> arrived_count, Json metadata) const {
  TransitionContext ctx{by.member_id, by.role,       local_instant(clock_()), std::move(stamp),
                        new_uuid(),   arrived_count, std::move(metadata)};
  ctx.language = by.language;
  return ctx;
}

Status Store::check_free(const std::vector<Reservation>& rs, Language language) {
  auto venue = kept_->venue(cache_);
  if (!venue) return venue.error();
  const Venue& v = **venue;
  // Each date's live reservations as they will be once this command's rows
  // are written, gathered once however many of them fall on it (a seat with
  // moves: up to 4); the day and its floor are the kept ones.
  struct Day {
    std::shared_ptr<const KeptDay> kept;
    std::vector<Reservation> live;
  };
  std::map<Date, Day> days;
  for (const Reservation& r : rs) {
    const std::string where = "reservations " + r.id;
    if (r.party_size < 1 || r.party_size > 99)
      return Error{where + ".party_size",
                   "must be between 1 and 99, got " + std::to_string(r.party_size),
                   "party_range",
                   {std::to_string(r.party_size)}};
    auto [it, fresh] = days.try_emplace(r.date);
    Day& d = it->second;
    if (fresh) {
      auto kept = kept_->day(cache_, r.date);
      if (!kept) return kept.error();
      d.kept = std::move(*kept);
      const auto& all = d.kept->book.reservations;
      d.live.reserve(all.size() + rs.size());
      for (const Reservation& x : all)
        if (is_live(x.status) &&
            std::none_of(rs.begin(), rs.end(), [&](const Reservation& c) { return c.id == x.id; }))
          d.live.push_back(x);
      for (const Reservation& c : rs)
        if (c.date == r.date) d.live.push_back(c);
    }
    const Floor& floor = d.kept->floor;
    if (r.table_id && !floor.table(*r.table_id))
      return Error{where + ".table_id", "unknown table " + *r.table_id, "unknown_table"};
    auto free = check_tables_free(r, d.live, floor, v.restaurant.settings, v.services, language);
    if (!free) return Error{where + ".table_id", free.error().message};
  }
  return ok();
}

Result<Reservation> Store::create_reservation(Reservation r, const Actor& by,
                                              const std::vector<Move>& moves) {
  if (r.id.empty()) r.id = new_uuid();
  if (r.restaurant_id.empty()) r.restaurant_id = restaurant_id(cache_);
  if (r.restaurant_id.empty())
    return Error{"reservations " + r.id + ".restaurant_id", "no restaurant in the cache",
                 "no_restaurant"};
  // The id is the command's, chosen when the host started it: a second tap, a
  // retry or a replayed script finds the row written and writes nothing more.
  if (Rows<Reservation>(cache_).json(r.id)) return cache_.reservation(r.id);
  if (!r.created_by) r.created_by = by.member_id;
  r.created_at = r.updated_at = now_iso();
  auto moved = moved_by(moves, r.created_at, by.language);
  if (!moved) return moved.error();
  if (auto st = check_with(r, *moved, by.language); !st) return st.error();
  TransitionContext ctx = context(by, r.created_at, r.arrived_count);
  auto t = create(r, ctx);
  if (!t) return t.error();
  std::vector<RowWrite> w = move_writes(*moved);
  w.push_back(new_row_write(t->reservation));
  w.push_back(provisional_write(t->event));
  if (auto st = commit_rows(w, r.created_at); !st) return st.error();
  return t->reservation;
}

Result<Reservation> Store::write_status(const Reservation& before, const Reservation& after,
                                        const ReservationEvent& event) {
  std::vector<RowWrite> w{status_write(before, after, event), provisional_write(event)};
  if (auto st = commit_rows(w, event.created_at); !st) return st.error();
  return after;
}

Result<Reservation> Store::change_status(const Uuid& reservation_id, ReservationStatus to,
                                         const Actor& by, std::optional<int> arrived_count,
                                         const Json& metadata) {
  auto r = cache_.reservation(reservation_id);
  if (!r) return r.error();
  TransitionContext ctx = context(by, now_iso(), arrived_count, metadata);
  auto t = transition(*r, to, ctx);
  if (!t) return t.error();
  t->reservation.updated_at = ctx.now_timestamp;
  return write_status(*r, t->reservation, t->event);
}

Result<Reservation> Store::undo_last_transition(const Uuid& reservation_id, const Actor& by) {
  auto r = cache_.reservation(reservation_id);
  if (!r) return r.error();
  TransitionContext ctx = context(by, now_iso());
  auto t = undo_last(*r, cache_.events_of(reservation_id), ctx);
  if (!t) return t.error();
  // Back on its table (undoing a cancel or no-show): the table must be free.
  if (!is_live(r->status) && is_live(t->reservation.status))
    if (auto st = check_free({t->reservation}, by.language); !st) return st.error();
  t->reservation.updated_at = ctx.now_timestamp;
  return write_status(*r, t->reservation, t->event);
}

}  // namespace foh::net
