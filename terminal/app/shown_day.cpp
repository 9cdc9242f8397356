#include "app/shown_day.hpp"

#include "app/log.hpp"
#include "foh/engine/rules.hpp"
#include "foh/engine/waitlist.hpp"
#include "i18n.hpp"

namespace foh::app {

namespace {

// net names an anonymous walk-in "Walk-in" (the backend wants a name): the
// host reads it in the terminal's language.
void name_walk_ins(DayBook& day, ui::Language locale) {
  for (Reservation& r : day.reservations)
    if (r.source == "Walk-in" && r.guest_name == "Walk-in")
      r.guest_name = ui::tr(locale, "floor.walk_in");
}

std::vector<ui::ConflictInfo> conflicts_of(const std::vector<net::Conflict>& conflicts,
                                           const DayBook& day) {
  std::vector<ui::ConflictInfo> out;
  for (const auto& c : conflicts) {
    ui::ConflictInfo info{c.reservation_id, "", c.proposal};
    for (const auto& r : day.reservations)
      if (r.id == c.reservation_id) info.guest_name = r.guest_name;
    out.push_back(std::move(info));
  }
  return out;
}

}  // namespace

Status ShownDay::adopt(DaySnapshot s, const AppClock& clock, ui::Desk& desk) {
  if (!s.venue) return ok();
  Status said = ok();
  // Before the day is chosen: "today" is the restaurant's.
  if (const auto& zone = s.venue->restaurant.settings.timezone; zone != zone_) {
    said = use_restaurant_timezone(zone);
    zone_ = zone;
    // Read in the zone used before: the service day may be another one.
    if (service_date(clock.now(), s.venue->services) != s.today) stale_ = true;
  }
  desk.today = s.today;
  if (shown_date_ && *shown_date_ <= desk.today) shown_date_.reset();  // today again
  s.day.utc_offset_s = clock.utc_offset_s(s.day.date);
  name_walk_ins(s.day, desk.locale);
  venue_ = std::move(*s.venue);  // a vector's move keeps its elements where the index points
  day_ = std::move(s.day);
  floor_ = std::move(s.floor);
  index_ = std::move(s.index);
  if (s.set_aside.size() > desk.set_aside.size())  // newly set aside: a manager should know
    log::warn("quarantine", {{"rows", std::to_string(s.set_aside.size())},
                             {"newest_table", s.set_aside.back().table}});
  desk.set_aside = std::move(s.set_aside);
  desk.conflicts = conflicts_of(s.conflicts, day_);
  desk.texts = std::move(s.texts);
  desk.sms_quota = std::move(s.sms_quota);
  point(desk);
  return said;
}

void ShownDay::point(ui::Desk& desk) {
  ++desk.revision;  // the views' cached engine answers (seat, waitlist, shift) are stale now
  desk.venue = &venue_;
  desk.day = &day_;
  desk.floor = floor();
  desk.index = index_ ? &*index_ : nullptr;
  quotes_minute_ = -1;  // recomputed at the next frame, with that frame's clock
}

Status ShownDay::tick(ui::Desk& desk) {
  if (desk.now.seconds / 60 == quotes_minute_) return ok();
  quotes_minute_ = desk.now.seconds / 60;
  if (desk.venue && service_date(desk.now, venue_.services) != desk.today) stale_ = true;
  return refresh_quotes(desk);
}

// Quotes come from the engine's expected table turns (engine/waitlist.hpp).
Status ShownDay::refresh_quotes(ui::Desk& desk) const {
  desk.quotes.clear();
  desk.seat_now.clear();
  auto plan = plan_waitlist(venue_, day_, desk.now, day_waitlist_options(day_));
  if (!plan) return plan.error();
  desk.quotes = std::move(plan->quotes);
  desk.seat_now = std::move(plan->seat_now);
  return ok();
}

void ShownDay::show(std::optional<Date> date) {
  shown_date_ = date;
  stale_ = true;
}

}  // namespace foh::app
