#include "app/snapshot.hpp"

#include "foh/engine/rules.hpp"
#include "foh/net/outbox.hpp"
#include "foh/net/sync_state.hpp"
#include "foh/net/texts.hpp"

namespace foh::app {

Result<DaySnapshot> load_snapshot(net::Cache& cache, std::optional<Date> shown, LocalInstant now) {
  DaySnapshot s;
  if (!cache.has_venue()) return s;
  auto venue = cache.load_venue();
  if (!venue) return venue.error();
  s.today = service_date(now, venue->services);
  auto day = cache.load_day(shown && *shown > s.today ? *shown : s.today);
  if (!day) return day.error();
  s.venue = std::move(*venue);
  s.day = std::move(*day);
  auto floor = Floor::build(*s.venue, &s.day);
  if (!floor) return floor.error();
  s.floor = std::move(*floor);
  s.index = ui::DayIndex::build(*s.venue, s.day, *s.floor);
  for (const auto& q : cache.quarantined())
    s.set_aside.push_back(ui::SetAsideRow{q.table, q.row_id, q.reason, q.last_seen});
  s.conflicts = net::SyncState(cache).conflicts();
  s.texts = net::texts_of_day(cache, s.day);
  s.sms_quota = net::cached_sms_quota(cache);
  s.outbox = static_cast<int>(net::Outbox(cache).count(net::OutboxState::Pending));
  return s;
}

}  // namespace foh::app
