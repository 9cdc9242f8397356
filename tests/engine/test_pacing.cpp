#include <doctest/doctest.h>

#include "fixtures.hpp"
#include "foh/engine/pacing.hpp"

using namespace foh;
using namespace foh::test;
using RS = ReservationStatus;

namespace {

Settings paced() {
  Settings s;
  s.slot_minutes = 15;
  s.max_covers_per_slot = 10;
  s.max_covers_per_service = 30;
  return s;
}

std::vector<Reservation> evening(int parties_at_2000, int party = 4) {
  std::vector<Reservation> day;
  for (int i = 0; i < parties_at_2000; ++i)
    day.push_back(reservation(std::string("r").append(std::to_string(i)), std::nullopt, "", kFriday,
                              "20:00", party));
  return day;
}

}  // namespace

TEST_CASE("pacing: covers per slot") {
  Venue v = venue();
  Settings s = paced();
  auto day = evening(2);  // 8 covers in 20:00-20:15
  CHECK(check_pacing(reservation("n", std::nullopt, "", kFriday, "20:10", 2), day, s, v.services)
            .allowed);  // exactly 10
  auto c =
      check_pacing(reservation("n", std::nullopt, "", kFriday, "20:14", 3), day, s, v.services);
  CHECK_FALSE(c.allowed);
  CHECK(c.limit == PacingLimit::SlotCovers);
  CHECK(c.reason == "slot 20:00-20:15: 11 covers > 10");
  CHECK(check_pacing(reservation("n", std::nullopt, "", kFriday, "20:15", 3), day, s, v.services)
            .allowed);  // next slot
  // Cancelled and No-show don't count; the candidate's own id doesn't count twice.
  day[0].status = RS::Cancelled;
  day[1].status = RS::NoShow;
  CHECK(check_pacing(reservation("n", std::nullopt, "", kFriday, "20:00", 10), day, s, v.services)
            .allowed);
  day = evening(2);
  CHECK(check_pacing(reservation("r0", std::nullopt, "", kFriday, "20:00", 6), day, s, v.services)
            .allowed);  // r0 edited from 4 to 6: 4 + 6 = 10
  // Other dates do not count.
  day[0].date = kThursday;
  CHECK(check_pacing(reservation("n", std::nullopt, "", kFriday, "20:00", 6), day, s, v.services)
            .allowed);
  // The after-midnight slot of Friday's late service is its own slot on the timeline.
  auto late = evening(0);
  late.push_back(reservation("a", std::nullopt, "", kFriday, "00:05", 8));
  auto lc =
      check_pacing(reservation("n", std::nullopt, "", kFriday, "00:10", 4), late, s, v.services);
  CHECK(lc.reason == "slot 00:00-00:15: 12 covers > 10");
}

TEST_CASE("pacing: covers per service") {
  Venue v = venue();
  Settings s = paced();
  s.max_covers_per_slot = 0;  // no slot limit
  std::vector<Reservation> day;
  for (int i = 0; i < 7; ++i)  // 28 covers at dinner, spread over slots
    day.push_back(reservation(std::string("d").append(std::to_string(i)), std::nullopt, "", kFriday,
                              i % 2 ? "19:30" : "21:00", 4));
  day.push_back(reservation("l", std::nullopt, "", kFriday, "12:30", 20));  // lunch
  CHECK(check_pacing(reservation("n", std::nullopt, "", kFriday, "23:30", 2), day, s, v.services)
            .allowed);  // 30
  auto c =
      check_pacing(reservation("n", std::nullopt, "", kFriday, "00:30", 3), day, s, v.services);
  CHECK_FALSE(c.allowed);
  CHECK(c.limit == PacingLimit::ServiceCovers);
  CHECK(c.reason == "service soir-vendredi: 31 covers > 30");
  CHECK(check_pacing(reservation("n", std::nullopt, "", kFriday, "13:00", 10), day, s, v.services)
            .allowed);  // lunch: 30
  // No services: the whole day is one service.
  auto all_day = check_pacing(reservation("n", std::nullopt, "", kFriday, "13:00", 3), day, s, {});
  CHECK(all_day.reason == "service: 51 covers > 30");
}

TEST_CASE("pacing: the load-unit day limit, per-date overrides and blocked dates") {
  Venue v = venue();
  Settings s;
  s.capacity_types = {{"Couple", 1, 1, 2, {}},
                      {"Table de 4", 2, 3, 4, {}},
                      {"Table de 6", 3, 5, 6, {}},
                      {"Groupe", 5, 7, 99, {}}};
  s.defaults_calendar = {{5, 10, true, {}}, {0, 0, false, {}}, {4, 0, true, {}}};
  CHECK(load_cost(s, 2) == 1);
  CHECK(load_cost(s, 3) == 2);
  CHECK(load_cost(s, 6) == 3);
  CHECK(load_cost(s, 12) == 5);
  CHECK(max_daily_load(s, kFriday) == 10);
  CHECK(max_daily_load(s, kThursday) == 0);
  auto day = evening(4);  // 4 x "Table de 4" = load 8
  CHECK(check_pacing(reservation("n", std::nullopt, "", kFriday, "12:00", 2), day, s, v.services)
            .allowed);  // 8 + 1 + ... = 9
  day.push_back(reservation("x", std::nullopt, "", kFriday, "12:00", 2));
  CHECK(check_pacing(reservation("n", std::nullopt, "", kFriday, "12:00", 1), day, s, v.services)
            .allowed);  // exactly 10
  auto c =
      check_pacing(reservation("n", std::nullopt, "", kFriday, "12:00", 5), day, s, v.services);
  CHECK_FALSE(c.allowed);
  CHECK(c.limit == PacingLimit::DayLoad);
  CHECK(c.reason == "day load 12 > 10");
  // A per-date override raises the limit.
  s.calendar_overrides = {{kFriday, 20, false, "Saint-Sylvestre", {}}};
  CHECK(max_daily_load(s, kFriday) == 20);
  CHECK(check_pacing(reservation("n", std::nullopt, "", kFriday, "12:00", 5), day, s, v.services)
            .allowed);
  // A blocked date refuses everything, with its reason.
  s.calendar_overrides = {{kFriday, std::nullopt, true, "Privatisation", {}}};
  auto b = check_pacing(reservation("n", std::nullopt, "", kFriday, "12:00", 1), {}, s, v.services);
  CHECK_FALSE(b.allowed);
  CHECK(b.limit == PacingLimit::Blocked);
  CHECK(b.reason == "blocked: Privatisation");
  // A weekday that is not open (Sunday, day_of_week 0).
  Date sunday{2026, 11, 29};
  auto closed =
      check_pacing(reservation("n", std::nullopt, "", sunday, "12:00", 2), {}, s, v.services);
  CHECK(closed.limit == PacingLimit::ClosedDay);
  CHECK(closed.reason == "closed: not open on Sundays");
}

TEST_CASE("pacing: an explicit host override allows and is recorded") {
  Venue v = venue();
  Settings s = paced();
  auto day = evening(2);
  Reservation n = reservation("n", std::nullopt, "", kFriday, "20:00", 4);
  auto refused = check_pacing(n, day, s, v.services);
  CHECK_FALSE(refused.allowed);
  Json meta = Json::object();
  record_override(refused, meta);
  CHECK(meta.empty());  // nothing overridden, nothing recorded
  auto c = check_pacing(n, day, s, v.services, PacingOverride{"m-host", "regulars, kitchen ok"});
  CHECK(c.allowed);
  CHECK(c.overridden);
  CHECK(c.reason == "slot 20:00-20:15: 12 covers > 10");
  record_override(c, meta);
  CHECK(meta["pacing_override"]["by"] == "m-host");
  CHECK(meta["pacing_override"]["reason"] == "regulars, kitchen ok");
  CHECK(meta["pacing_override"]["refused"] == "slot 20:00-20:15: 12 covers > 10");
  // An override on an allowed booking changes nothing.
  auto fine = check_pacing(reservation("n", std::nullopt, "", kFriday, "21:00", 2), day, s,
                           v.services, PacingOverride{"m-host", "x"});
  CHECK(fine.allowed);
  CHECK_FALSE(fine.overridden);
}

TEST_CASE("pacing: covers per slot for the reservations screen") {
  Venue v = venue();
  Settings s = paced();
  auto day = evening(2);
  day.push_back(reservation("a", std::nullopt, "", kFriday, "20:20", 3));
  day.push_back(reservation("b", std::nullopt, "", kFriday, "20:29", 2, RS::Cancelled));
  auto slots = covers_per_slot(day, kFriday, s, v.services);
  REQUIRE(slots.size() == 2);
  CHECK(slots[0].start_minute == 20 * 60);
  CHECK(slots[0].covers == 8);
  CHECK(slots[1].start_minute == 20 * 60 + 15);
  CHECK(slots[1].covers == 3);
}

TEST_CASE("pacing: the ledger follows bookings added and removed") {
  Venue v = venue();
  Settings s = paced();
  s.capacity_types = {{"Couple", 1, 1, 2, {}}, {"Table de 4", 2, 3, 4, {}}};
  PacingLedger ledger(kFriday, s, v.services);
  Reservation a = reservation("a", std::nullopt, "", kFriday, "20:00", 4);
  Reservation b = reservation("b", std::nullopt, "", kFriday, "20:10", 4);
  Reservation lunch = reservation("l", std::nullopt, "", kFriday, "12:00", 2);
  Reservation other = reservation("o", std::nullopt, "", kThursday, "20:00", 4);
  Reservation gone = reservation("g", std::nullopt, "", kFriday, "20:00", 4, RS::Cancelled);
  for (const auto* r : {&a, &b, &lunch, &other, &gone}) ledger.add(*r);
  CHECK(ledger.load() == 5);
  CHECK(ledger.covers_in_slot_of(*TimeOfDay::parse("20:14")) == 8);
  CHECK(ledger.covers_in_service_of(*TimeOfDay::parse("23:59")) == 8);
  CHECK(ledger.covers_in_service_of(*TimeOfDay::parse("13:00")) == 2);
  CHECK(ledger.covers_in_service_of(*TimeOfDay::parse("16:00")) == 0);  // closed
  Reservation n = reservation("n", std::nullopt, "", kFriday, "20:05", 3);
  CHECK(ledger.check(n).reason == "slot 20:00-20:15: 11 covers > 10");
  ledger.remove(b);
  CHECK(ledger.check(n).allowed);
  CHECK(ledger.load() == 3);
  // The same answers as the one-shot check over the day.
  std::vector<Reservation> day = {a, lunch, other, gone};
  for (int party = 1; party <= 12; ++party) {
    n.party_size = party;
    auto one_shot = check_pacing(n, day, s, v.services);
    auto kept = ledger.check(n);
    CHECK(one_shot.allowed == kept.allowed);
    CHECK(one_shot.reason == kept.reason);
  }
}
