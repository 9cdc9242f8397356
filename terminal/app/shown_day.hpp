#pragma once
// The day on screen: the snapshot the shell adopted (the venue, the day the
// host looks at, its floor and index), which day that is, whether it must be
// read again, and the engine's wait quotes for it. It fills the day's part of
// the Desk the screens read, pointing into what it holds; the rest of the
// Desk (who is logged in, the sync, the lockout, messages) is the shell's.
#include <optional>
#include <string>

#include "app/clock.hpp"
#include "app/snapshot.hpp"
#include "desk.hpp"
#include "foh/engine/floor.hpp"
#include "foh/engine/model.hpp"
#include "foh/engine/result.hpp"
#include "view/day_index.hpp"

namespace foh::app {

class ShownDay {
 public:
  // `s` becomes what the screens draw (one without a venue changes nothing:
  // the first pull brings it). An error is for the host (an unknown
  // timezone); the day is adopted all the same.
  Status adopt(DaySnapshot s, const AppClock& clock, ui::Desk& desk);
  // Once per frame, at desk.now: a new minute computes the quotes again, a
  // new service day (a terminal left on overnight) asks for a read.
  Status tick(ui::Desk& desk);

  // A later day picked by the host (none, or not after today: today again).
  void show(std::optional<Date> date);
  std::optional<Date> shown_date() const { return shown_date_; }
  // Read the day again at the next frame (the sync pulled, the language
  // switched); reading() when that read is asked, so a change made while it
  // runs marks it stale again and is never missed.
  void mark_stale() { stale_ = true; }
  bool stale() const { return stale_; }
  void reading() { stale_ = false; }

  bool has_venue() const { return !venue_.restaurant.id.empty(); }
  const Venue& venue() const { return venue_; }
  const DayBook& day() const { return day_; }
  const Floor* floor() const { return floor_ ? &*floor_ : nullptr; }

 private:
  void point(ui::Desk& desk);  // the Desk's venue, day, floor and index: this day's
  Status refresh_quotes(ui::Desk& desk) const;

  // Moved in, never copied: the index points into the venue's, the day's and
  // the floor's elements.
  Venue venue_;
  DayBook day_;
  std::optional<Floor> floor_;
  std::optional<ui::DayIndex> index_;
  std::optional<Date> shown_date_;
  bool stale_ = true;
  std::string zone_;            // the restaurant timezone in use (use_restaurant_timezone)
  int64_t quotes_minute_ = -1;  // the minute desk.quotes were computed for
};

}  // namespace foh::app
