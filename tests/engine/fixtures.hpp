#pragma once
// A small restaurant for the engine's tests: one floor plan "Salle principale"
// with tables 1..8 (7+8 declared on both 7 and 8, 1+2+3 on 1), a terrace with
// its own table "1", a lunch service every day, a dinner that runs past
// midnight on Fridays (19:00-01:00) and ends at 23:00 on the other days.
#include <optional>
#include <string>
#include <vector>

#include "foh/engine/model.hpp"

namespace foh::test {

inline const Date kFriday{2026, 11, 27};
inline const Date kThursday{2026, 11, 26};

inline Table table(std::string id, std::string name, int cmin, int cmax,
                   std::string plan = "fp-main") {
  Table t;
  t.id = std::move(id);
  t.restaurant_id = "rest-1";
  t.floor_plan_id = std::move(plan);
  t.name = std::move(name);
  t.capacity_min = cmin;
  t.capacity_max = cmax;
  return t;
}

inline Service service(std::string id, std::string start, std::string end, std::vector<int> days) {
  Service s;
  s.id = std::move(id);
  s.name = s.id;
  s.start_time = *TimeOfDay::parse(start);
  s.end_time = *TimeOfDay::parse(end);
  s.days_of_week = std::move(days);
  return s;
}

inline Venue venue() {
  Venue v;
  v.restaurant.id = "rest-1";
  v.restaurant.name = "Chez Test";
  v.restaurant.settings.default_duration = 90;
  v.restaurant.settings.turn_times = {{2, 75}, {4, 90}, {6, 120}};
  v.floor_plans = {FloorPlan{"fp-main", "rest-1", "Salle principale", 0, "", Json::object()},
                   FloorPlan{"fp-terrace", "rest-1", "Terrasse", 1, "", Json::object()}};
  v.tables = {
      table("t1", "1", 1, 2), table("t2", "2", 1, 2), table("t3", "3", 2, 4),
      table("t4", "4", 2, 4), table("t5", "5", 4, 6), table("t6", "6", 4, 6),
      table("t7", "7", 2, 4), table("t8", "8", 2, 4), table("tt1", "1", 1, 2, "fp-terrace")};
  v.tables[6].capacity_overrides = {{"7+8", 6}};
  v.tables[7].capacity_overrides = {{"8+7", 6}};
  v.tables[0].capacity_overrides = {{"1+2+3", 8}};
  v.services = {service("midi", "12:00", "14:30", {1, 2, 3, 4, 5, 6, 7}),
                service("soir-vendredi", "19:00", "01:00", {5}),
                service("soir", "19:00", "23:00", {1, 2, 3, 4, 6, 7})};
  return v;
}

inline Reservation reservation(std::string id, std::optional<Uuid> table_id, std::string number,
                               Date date, std::string time, int party = 2,
                               ReservationStatus status = ReservationStatus::Confirmed,
                               std::optional<int> duration = std::nullopt) {
  Reservation r;
  r.id = std::move(id);
  r.restaurant_id = "rest-1";
  r.table_id = std::move(table_id);
  r.table_number = std::move(number);
  r.date = date;
  r.time = *TimeOfDay::parse(time);
  r.party_size = party;
  r.status = status;
  r.duration = duration;
  return r;
}

// The venue with only the given tables, open all day.
inline Venue only(std::vector<Table> tables) {
  Venue v = venue();
  v.tables = std::move(tables);
  v.services.clear();
  return v;
}

// Thursday with these reservations and waitlist entries.
inline DayBook day_of(std::vector<Reservation> rs = {}, std::vector<WaitlistEntry> ws = {}) {
  DayBook d;
  d.date = kThursday;
  d.reservations = std::move(rs);
  d.waitlist = std::move(ws);
  return d;
}

}  // namespace foh::test
