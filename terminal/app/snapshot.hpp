#pragma once
// What the screens draw, as read from the cache in one go: the venue, the
// shown day, its floor and index, and the day's side rows (texts, conflicts, rows set aside, the
// outbox). Read off the frame by the Store's worker after each write (and
// whenever sync changed data), then swapped in on the main thread
// (App::adopt). It holds what the database holds: no display wording.
#include <optional>
#include <vector>

#include "desk.hpp"
#include "foh/engine/floor.hpp"
#include "foh/engine/model.hpp"
#include "foh/engine/result.hpp"
#include "foh/net/cache.hpp"
#include "foh/net/sync_state.hpp"
#include "view/day_index.hpp"

namespace foh::app {

struct DaySnapshot {
  std::optional<Venue> venue;  // none: online first run, the first pull brings it
  DayBook day;
  // Built off the frame too (12 ms for a 3 000-booking day): they point into
  // the elements of venue and day, which moving the snapshot keeps in place.
  std::optional<Floor> floor;
  std::optional<ui::DayIndex> index;
  Date today;  // the service day at `now` (a service past midnight keeps its day)
  std::vector<ui::SetAsideRow> set_aside;
  std::vector<net::Conflict> conflicts;
  std::vector<CommunicationEvent> texts;
  std::optional<SmsQuota> sms_quota;
  int outbox = 0;  // pending changes, for a standalone terminal's status bar
};

// `shown`: a later day the host picked (none, or not after today: today).
// `now`: the restaurant-local clock of the frame that asked.
Result<DaySnapshot> load_snapshot(net::Cache& cache, std::optional<Date> shown, LocalInstant now);

}  // namespace foh::app
