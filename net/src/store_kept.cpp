// The Store's kept venue and days (store_kept.hpp).
#include "store_kept.hpp"

#include <algorithm>

#include "foh/net/entities.hpp"

namespace foh::net {

namespace {
// A host looks at a few dates at once; beyond these the oldest are read again.
constexpr size_t kMaxDays = 8;
}  // namespace

void KeptDays::drop() {
  venue_.reset();
  days_.clear();
}

void KeptDays::refresh(Cache& cache) {
  const Cache::Revision now = cache.revision();
  if (now == seen_) return;
  drop();
  seen_ = now;
}

Result<std::shared_ptr<const Venue>> KeptDays::venue(Cache& cache) {
  refresh(cache);
  if (venue_) return venue_;
  auto v = cache.load_venue();
  if (!v) return v.error();
  venue_ = std::make_shared<const Venue>(std::move(*v));
  // Reading may set an unreadable row aside (a write of this connection):
  // what was decoded leaves it out already.
  seen_ = cache.revision();
  return venue_;
}

Result<std::shared_ptr<const KeptDay>> KeptDays::day(Cache& cache, Date date) {
  auto v = venue(cache);
  if (!v) return v.error();
  if (auto it = days_.find(date); it != days_.end())
    return std::shared_ptr<const KeptDay>(it->second);
  auto book = cache.load_day(date);
  if (!book) return book.error();
  auto floor = Floor::build(**v, &*book);
  if (!floor) return floor.error();
  if (days_.size() >= kMaxDays) days_.clear();
  auto kept = std::make_shared<KeptDay>(KeptDay{std::move(*book), std::move(*floor)});
  days_[date] = kept;
  seen_ = cache.revision();
  return std::shared_ptr<const KeptDay>(kept);
}

bool KeptDays::apply(const RowWrite& w) {
  if (w.table == Entity<ReservationEvent>::table) return true;
  if (w.table != Entity<Reservation>::table) return false;
  const Uuid id = w.row.value("id", "");
  for (auto& [date, day] : days_)
    std::erase_if(day->book.reservations, [&](const Reservation& r) { return r.id == id; });
  if (w.op == OutboxOp::Delete) return true;
  auto r = Entity<Reservation>::decode(w.row, w.table + " " + id);
  if (!r) return false;
  auto it = days_.find(r->date);
  if (it == days_.end()) return true;  // not kept: read when a command needs it
  auto& rs = it->second->book.reservations;
  // load_day's order: by time.
  auto at = std::upper_bound(rs.begin(), rs.end(), r->time,
                             [](TimeOfDay t, const Reservation& x) { return t < x.time; });
  rs.insert(at, std::move(*r));
  return true;
}

void KeptDays::wrote(Cache& cache, const std::vector<RowWrite>& writes,
                     const Cache::Revision& before) {
  const Cache::Revision now = cache.revision();
  // Another connection committed since the kept rows were read, or this one
  // wrote something else: they may no longer be what the file holds.
  bool kept = before == seen_ && now.others == seen_.others;
  for (const RowWrite& w : writes)
    if (kept) kept = apply(w);
  if (!kept) drop();
  seen_ = now;
}

}  // namespace foh::net
