#include "app/snapshot.hpp"

#include <algorithm>

#include "foh/engine/rules.hpp"
#include "foh/net/outbox.hpp"
#include "foh/net/quarantine.hpp"
#include "foh/net/sync_state.hpp"
#include "foh/net/texts.hpp"

namespace foh::app {

namespace {

// The rows set aside: the quarantine's (this read's, the pull's, earlier
// reads'), and those this read left out that the quarantine could not take
// (a failed write: out of the day all the same, so the manager sees them).
std::vector<ui::SetAsideRow> set_aside_rows(net::Cache& cache, const net::SetAsideRows& read) {
  std::vector<ui::SetAsideRow> out;
  for (const auto& q : net::Quarantine(cache).rows())
    out.push_back(ui::SetAsideRow{q.table, q.row_id, q.reason, q.last_seen});
  for (const auto& r : read) {
    auto same = [&](const ui::SetAsideRow& q) {
      return q.table == r.table && q.row_id == r.row_id;
    };
    if (std::none_of(out.begin(), out.end(), same))
      out.push_back(ui::SetAsideRow{r.table, r.row_id, r.reason, net::utc_now_iso()});
  }
  return out;
}

}  // namespace

Result<DaySnapshot> load_snapshot(net::Cache& cache, std::optional<Date> shown, LocalInstant now) {
  DaySnapshot s;
  if (!cache.has_venue()) return s;
  net::SetAsideRows left_out;  // what the reads set aside, named
  auto venue = cache.load_venue(&left_out);
  if (!venue) return venue.error();
  s.today = service_date(now, venue->services);
  auto day = cache.load_day(shown && *shown > s.today ? *shown : s.today, false, &left_out);
  if (!day) return day.error();
  s.venue = std::move(*venue);
  s.day = std::move(*day);
  auto floor = Floor::build(*s.venue, &s.day);
  if (!floor) return floor.error();
  s.floor = std::move(*floor);
  s.index = ui::DayIndex::build(*s.venue, s.day, *s.floor);
  s.texts = net::texts_of_day(cache, s.day, &left_out);
  s.set_aside = set_aside_rows(cache, left_out);
  s.conflicts = net::SyncState(cache).conflicts();
  s.sms_quota = net::cached_sms_quota(cache);
  s.outbox = static_cast<int>(net::Outbox(cache).count(net::OutboxState::Pending));
  return s;
}

}  // namespace foh::app
