// The database's overlap trigger (migrations/004_overlap.sql) agrees with the
// engine's foh::conflicts on random pairs of reservations: single tables,
// combinations, names resolved per floor plan, turn times, past-midnight
// services (regular and specific_date), every status.
#include <doctest/doctest.h>

#include <random>

#include "client.hpp"
#include "foh/engine/floor.hpp"
#include "foh/engine/rules.hpp"

using namespace fohtest;
using nlohmann::json;

namespace {

struct World {
  foh::Venue venue;
  std::string r;
  std::string t(const std::string& plan_tag, const std::string& name) const {
    for (const auto& x : venue.tables)
      if (x.name == name &&
          x.floor_plan_id == (plan_tag == "P1" ? venue.floor_plans[0].id : venue.floor_plans[1].id))
        return x.id;
    FAIL("no table " << plan_tag << "/" << name);
    return "";
  }
};

World make_world() {
  World w;
  w.r = uuid();
  auto& v = w.venue;
  v.restaurant.id = w.r;
  v.restaurant.name = "Engine parity";
  v.restaurant.settings.turn_times = {{2, 60}, {4, 90}, {6, 120}};
  v.restaurant.settings.default_duration = 100;
  REQUIRE(post("/rest/v1/restaurants",
               {{"id", w.r},
                {"name", "Engine parity"},
                {"settings",
                 {{"turn_times", {{"2", 60}, {"4", 90}, {"6", 120}}}, {"default_duration", 100}}}},
               service())
              .status == 201);
  for (const char* name : {"Salle", "Terrasse"}) {
    foh::FloorPlan p;
    p.id = uuid();
    p.restaurant_id = w.r;
    p.name = name;
    v.floor_plans.push_back(p);
    REQUIRE(post("/rest/v1/floor_plans", {{"id", p.id}, {"restaurant_id", w.r}, {"name", name}},
                 service())
                .status == 201);
  }
  struct Def {
    int plan;
    const char* name;
    const char* combo;
    int seats;
  };
  const Def defs[] = {{0, "1", "", 0},    {0, "2", "", 0}, {0, "3", "3+4", 8}, {0, "4", "", 0},
                      {1, "1", "1+2", 4}, {1, "2", "", 0}, {1, "9", "", 0}};
  for (const Def& d : defs) {
    foh::Table t;
    t.id = uuid();
    t.restaurant_id = w.r;
    t.floor_plan_id = v.floor_plans[d.plan].id;
    t.name = d.name;
    t.capacity_min = 1;
    t.capacity_max = 4;
    json overrides = json::object();
    if (*d.combo) {
      t.capacity_overrides[d.combo] = d.seats;
      overrides[d.combo] = d.seats;
    }
    v.tables.push_back(t);
    REQUIRE(post("/rest/v1/tables",
                 {{"id", t.id},
                  {"restaurant_id", w.r},
                  {"floor_plan_id", t.floor_plan_id},
                  {"name", t.name},
                  {"capacity_min", 1},
                  {"capacity_max", 4},
                  {"capacity_overrides", overrides}},
                 service())
                .status == 201);
  }
  struct Svc {
    const char* start;
    const char* end;
    std::vector<int> days;
    const char* specific;
  };
  const Svc svcs[] = {{"12:00:00", "15:00:00", {}, ""},
                      {"19:00:00", "02:00:00", {5, 6}, ""},         // Friday and Saturday nights
                      {"23:00:00", "01:30:00", {}, "2026-11-29"}};  // one Sunday, special
  for (const Svc& s : svcs) {
    foh::Service x;
    x.id = uuid();
    x.restaurant_id = w.r;
    x.name = "S";
    x.start_time = *foh::TimeOfDay::parse(s.start);
    x.end_time = *foh::TimeOfDay::parse(s.end);
    x.days_of_week = s.days;
    json row = {{"id", x.id},        {"restaurant_id", w.r},
                {"name", "S"},       {"start_time", s.start},
                {"end_time", s.end}, {"days_of_week", s.days}};
    if (*s.specific) {
      x.is_special = true;
      x.specific_date = foh::Date::parse(s.specific);
      row["is_special"] = true;
      row["specific_date"] = s.specific;
    }
    v.services.push_back(x);
    REQUIRE(post("/rest/v1/services", row, service()).status == 201);
  }
  return w;
}

struct Case {
  foh::Reservation model;
  json row;
};

Case random_reservation(const World& w, std::mt19937& rng) {
  auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
  struct Seat {
    const char* plan;
    const char* id_of;
    const char* number;
  };
  const Seat seats[] = {{"P1", "1", "1"},   {"P1", "2", "2"},   {"P1", "3", "3"},
                        {"P1", "4", "4"},   {"P1", "3", "3+4"}, {"P1", "3", " 3 + 4 "},
                        {"P1", "1", "2"},   {"P2", "1", "1"},   {"P2", "2", "2"},
                        {"P2", "1", "1+2"}, {"", "", "4"},      {"", "", "9+1"},
                        {"P1", "4", ""}};
  const int hot[] = {2, 3, 4, 5, 10};  // tables 3 and 4 of Salle, alone or combined
  const Seat& s = pick(2) ? seats[pick(13)] : seats[hot[pick(5)]];
  static const foh::ReservationStatus statuses[] = {
      foh::ReservationStatus::Pending,   foh::ReservationStatus::Confirmed,
      foh::ReservationStatus::Arrived,   foh::ReservationStatus::Seated,
      foh::ReservationStatus::Completed, foh::ReservationStatus::Cancelled,
      foh::ReservationStatus::NoShow};
  Case c;
  auto& m = c.model;
  m.id = uuid();
  m.restaurant_id = w.r;
  if (*s.plan) m.table_id = w.t(s.plan, s.id_of);
  m.table_number = s.number;
  m.party_size = 1 + pick(8);
  m.date = foh::Date{2026, 11, 28}.plus_days(pick(10) < 8 ? 0 : pick(4) - 2);  // mostly Saturday
  int minute = (19 * 60 + pick(6 * 60)) % 1440;                                // 19:00 .. 00:59
  m.time = foh::TimeOfDay{minute * 60 + (pick(4) == 0 ? 30 : 0)};
  if (pick(2)) m.duration = 15 + pick(16) * 15;
  m.status = pick(4) ? foh::ReservationStatus::Confirmed : statuses[pick(7)];
  c.row = {{"id", m.id},
           {"restaurant_id", w.r},
           {"table_number", m.table_number},
           {"table_id", m.table_id ? json(*m.table_id) : json(nullptr)},
           {"party_size", m.party_size},
           {"date", m.date.str()},
           {"time", m.time.str()},
           {"duration", m.duration ? json(*m.duration) : json(nullptr)},
           {"status", foh::to_string(m.status)},
           {"guest_name", "P"}};
  return c;
}

}  // namespace

TEST_CASE("SQL overlap trigger == foh::conflicts on random pairs") {
  World w = make_world();
  auto floor = foh::Floor::build(w.venue);
  REQUIRE(floor.ok());
  std::mt19937 rng(20261123);
  int conflicts = 0, free = 0;
  for (int i = 0; i < 300; ++i) {
    Case a = random_reservation(w, rng), b = random_reservation(w, rng);
    Resp ra = post("/rest/v1/reservations", a.row, service());
    REQUIRE(ra.status == 201);
    Resp rb = post("/rest/v1/reservations", b.row, service());
    bool sql = rb.code() == "23P01";
    REQUIRE((sql || rb.status == 201));
    bool engine =
        foh::conflicts(a.model, b.model, *floor, w.venue.restaurant.settings, w.venue.services);
    CAPTURE(a.row.dump());
    CAPTURE(b.row.dump());
    CHECK(sql == engine);
    (engine ? conflicts : free) += 1;
    REQUIRE(del("/rest/v1/reservations?restaurant_id=eq." + w.r, service()).status == 204);
  }
  // Both outcomes were exercised, so agreement means something.
  CHECK(conflicts > 25);
  CHECK(free > 25);
}
