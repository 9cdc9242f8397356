// Property test over random days (issue 2 §6): every plan from assign and
// optimise has no overlap (THE rule, rules.hpp), respects capacities, uses
// only declared combinations, keeps times and parties, keeps Arrived/Seated
// parties in place, and assign refuses nothing that had a free table or
// combination at request time unless hours or pacing refused it.
#include <doctest/doctest.h>

#include <map>
#include <random>

#include "fixtures.hpp"
#include "foh/engine/assign.hpp"
#include "foh/engine/floor.hpp"
#include "foh/engine/optimise.hpp"
#include "foh/engine/pacing.hpp"
#include "foh/engine/rules.hpp"

using namespace foh;
using namespace foh::test;
using RS = ReservationStatus;

namespace {

struct Gen {
  std::mt19937_64 rng;
  int below(int n) { return static_cast<int>(rng() % static_cast<uint64_t>(n)); }
  bool chance(int percent) { return below(100) < percent; }
};

Venue random_venue(Gen& g) {
  Venue v = venue();
  v.tables.clear();
  int n = 5 + g.below(10);
  for (int i = 0; i < n; ++i) {
    int cmax = std::vector<int>{2, 2, 4, 4, 6, 8}[g.below(6)];
    int cmin = std::max(1, cmax - 2 - g.below(3));
    std::string plan = i < n * 2 / 3 ? "fp-main" : "fp-terrace";
    v.tables.push_back(table("t" + std::to_string(i), std::to_string(i + 1), cmin, cmax, plan));
    v.tables.back().fill_group = g.below(3);
  }
  for (int i = 0; i + 1 < n; ++i)
    if (v.tables[i].floor_plan_id == v.tables[i + 1].floor_plan_id && g.chance(35))
      v.tables[i].capacity_overrides[v.tables[i].name + "+" + v.tables[i + 1].name] =
          v.tables[i].capacity_max + v.tables[i + 1].capacity_max - g.below(2);
  if (n > 3 && g.chance(30))  // a three-table combination
    v.tables[0].capacity_overrides["1+2+3"] = 10;
  if (g.chance(40)) v.services.clear();  // open all day
  if (g.chance(25)) v.restaurant.settings.max_covers_per_slot = 8 + g.below(10);
  return v;
}

SeatRequest random_request(Gen& g, Date date, int k) {
  SeatRequest r;
  r.id = "q" + std::to_string(k);
  r.party_size = 1 + g.below(g.chance(10) ? 12 : 6);
  r.date = date;
  r.time = TimeOfDay::from_minutes(11 * 60 + 15 * g.below(52));  // 11:00 .. 23:45
  if (g.chance(50)) r.duration = 45 + 15 * g.below(8);
  return r;
}

bool free_option_exists(const Venue& v, const DayBook& day, const Floor& f, const SeatRequest& q) {
  Reservation c;
  c.id = q.id;
  c.date = q.date;
  c.time = q.time;
  c.party_size = q.party_size;
  c.duration = q.duration;
  auto is_free = [&] {
    return conflicts_with(c, day.reservations, f, v.restaurant.settings, v.services).empty();
  };
  for (size_t i = 0; i < f.tables().size(); ++i) {
    const Table& t = f.tables()[i];
    if (f.unavailable_at(static_cast<int>(i)) || q.party_size < t.capacity_min ||
        q.party_size > t.capacity_max)
      continue;
    c.table_id = t.id;
    c.table_number = t.name;
    if (is_free()) return true;
  }
  for (const Combination& k : f.combinations()) {
    bool usable = q.party_size <= k.seats;
    for (int m : k.members) usable = usable && !f.unavailable_at(m);
    if (!usable) continue;
    c.table_id = k.table_ids.front();
    c.table_number = k.key;
    if (is_free()) return true;
  }
  return false;
}

// The plan invariants; `fixed` maps Arrived/Seated ids to their tables.
void check_plan(const Venue& v, const DayBook& day,
                const std::map<std::string, std::pair<int, int>>& booked,
                const std::map<std::string, std::vector<Uuid>>& fixed) {
  auto floor = Floor::build(v, &day);
  REQUIRE(floor.ok());
  for (const Reservation& r : day.reservations) {
    if (!is_live(r.status)) continue;
    CHECK(conflicts_with(r, day.reservations, *floor, v.restaurant.settings, v.services).empty());
    HeldTables held = floor->held_by(r);
    REQUIRE(held.count > 0);
    if (held.count == 1) {
      const Table& t = floor->tables()[held.index[0]];
      CHECK(t.capacity_min <= r.party_size);
      CHECK(r.party_size <= t.capacity_max);
    } else {
      int c = floor->combination_of(held);
      REQUIRE(c >= 0);  // only declared combinations
      CHECK(r.party_size <= floor->combinations()[c].seats);
    }
    for (int k = 0; k < held.count; ++k) CHECK_FALSE(floor->unavailable_at(held.index[k]));
    auto b = booked.find(r.id);
    REQUIRE(b != booked.end());
    CHECK(b->second.first == r.time.seconds);  // time and party never change
    CHECK(b->second.second == r.party_size);
    if (auto f = fixed.find(r.id); f != fixed.end()) CHECK(floor->tables_of(r) == f->second);
  }
}

}  // namespace

TEST_CASE("property: random days through assign and optimise") {
  Gen g{std::mt19937_64(20261123)};
  int accepted_total = 0, moved_total = 0, refused_no_table = 0, optimise_gain = 0;
  for (int day_no = 0; day_no < 300; ++day_no) {
    Venue v = random_venue(g);
    DayBook day;
    day.date = g.chance(50) ? kFriday : kThursday;
    if (g.chance(30) && !v.tables.empty()) {
      DailyTableOverride o;
      o.id = "o";
      o.table_id = v.tables[g.below(static_cast<int>(v.tables.size()))].id;
      o.date = day.date;
      (g.chance(50) ? o.is_hidden : o.is_blocked) = true;
      day.table_overrides.push_back(o);
    }
    std::map<std::string, std::pair<int, int>> booked;  // id -> time, party
    // A first wave booked online; some of it then arrives, sits or leaves.
    auto first = Assigner::create(v, day);
    REQUIRE(first.ok());
    int k = 0;
    for (int i = 0; i < 12; ++i) {
      SeatRequest r = random_request(g, day.date, k++);
      if (first->assign(r).accepted) booked[r.id] = {r.time.seconds, r.party_size};
    }
    day = first->day();
    std::map<std::string, std::vector<Uuid>> fixed;
    auto floor0 = Floor::build(v, &day);
    REQUIRE(floor0.ok());
    for (auto& r : day.reservations) {
      int roll = g.below(10);
      r.status = roll < 2   ? RS::Seated
                 : roll < 3 ? RS::Arrived
                 : roll < 4 ? RS::Completed
                            : r.status;
      if (r.status == RS::Seated || r.status == RS::Arrived) fixed[r.id] = floor0->tables_of(r);
    }
    auto online = Assigner::create(v, day);
    REQUIRE(online.ok());
    std::vector<SeatRequest> rejected;
    for (int i = 0; i < 25; ++i) {
      SeatRequest r = random_request(g, day.date, k++);
      auto floor = Floor::build(v, &online->day());
      REQUIRE(floor.ok());
      bool had_free = free_option_exists(v, online->day(), *floor, r);
      Reservation probe;
      probe.id = r.id, probe.date = r.date, probe.time = r.time, probe.party_size = r.party_size;
      Decision d = online->assign(r);
      moved_total += static_cast<int>(d.moved.size());
      if (d.accepted) {
        booked[r.id] = {r.time.seconds, r.party_size};
        ++accepted_total;
        continue;
      }
      if (d.outcome == Outcome::Closed) {
        CHECK_FALSE(service_at(r.date, r.time, v.services).has_value());
      } else if (d.outcome == Outcome::Pacing) {
        CHECK_FALSE(
            check_pacing(probe, online->day().reservations, v.restaurant.settings, v.services)
                .allowed);
      } else {
        CHECK(d.outcome == Outcome::NoTable);
        CHECK_FALSE(had_free);  // never refuse when a table or combination was free
        rejected.push_back(r);
        ++refused_no_table;
      }
    }
    for (const auto& r : online->day().reservations) CHECK(booked.count(r.id) == 1);
    check_plan(v, online->day(), booked, fixed);

    auto opt = optimise_day(v, online->day(), rejected);
    REQUIRE(opt.ok());
    for (const auto& id : opt->seated) {
      for (const auto& r : rejected)
        if (r.id == id) booked[id] = {r.time.seconds, r.party_size};
    }
    check_plan(v, opt->day, booked, fixed);
    CHECK(opt->covers_after >= opt->covers_before);
    int live_before = 0, live_after = 0;
    for (const auto& r : online->day().reservations) live_before += is_live(r.status);
    for (const auto& r : opt->day.reservations) live_after += is_live(r.status);
    CHECK(live_after == live_before + static_cast<int>(opt->seated.size()));  // none dropped
    optimise_gain += opt->covers_after - opt->covers_before;
  }
  // The generator must exercise what the properties are about.
  CHECK(accepted_total > 1000);
  CHECK(refused_no_table > 100);
  CHECK(moved_total > 10);
  CHECK(optimise_gain > 0);
}
