#pragma once
// A busy evening for the shift screen over the test fixture's day: more late
// parties than the screen lists, a slot over its limit, finished parties
// over and under their target, a walk-in, waitlist conversions, no-shows and
// cancellations (the layout audit, the language test and the screen's tests).
#include <string>

#include "fixture.hpp"

namespace foh::test {

inline void busy_shift(Fixture& fx) {
  fx.venue.restaurant.settings.max_covers_per_slot = 6;
  auto add = [&fx](const std::string& id, const std::string& name, int party,
                   const std::string& time, ReservationStatus st) -> Reservation& {
    Reservation r;
    r.id = id, r.restaurant_id = "r1", r.guest_name = name, r.party_size = party;
    r.date = fx.day.date, r.time = *TimeOfDay::parse(time), r.status = st;
    r.service_id = r.time.seconds < 15 * 3600 ? "s1" : "s2";
    fx.day.reservations.push_back(r);
    return fx.day.reservations.back();
  };
  for (int i = 0; i < 10; ++i)  // ten parties of 2 late at 19:00-19:10: the slot is over 6
    add("late" + std::to_string(i), "Marie-Christine Delacroix-Beaumont " + std::to_string(i), 2,
        i < 5 ? "19:00" : "19:10", ReservationStatus::Confirmed);
  Reservation& done = add("done1", "Moreau", 4, "19:00", ReservationStatus::Completed);
  done.seated_at = "2026-11-28T19:00:00", done.updated_at = "2026-11-28T19:25:00";
  Reservation& lunch = add("done2", "Girard", 2, "12:00", ReservationStatus::Completed);
  lunch.seated_at = "2026-11-28T12:00:00", lunch.updated_at = "2026-11-28T13:40:00";  // over 75
  Reservation& walk = add("walk1", "Walk-in", 3, "19:20", ReservationStatus::Seated);
  walk.seated_at = "2026-11-28T19:20:00", walk.source = "Walk-in";
  add("ns1", "Absent", 2, "19:15", ReservationStatus::NoShow);
  add("cx1", "Annulé", 6, "20:00", ReservationStatus::Cancelled);
  add("arr1", "Porte", 3, "19:25", ReservationStatus::Arrived);
  fx.day.waitlist[0].status = WaitlistStatus::Converted;
  fx.rebuild();
}

}  // namespace foh::test
