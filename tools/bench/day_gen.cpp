#include "day_gen.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "foh/engine/rules.hpp"
#include "rng.hpp"

namespace foh::bench {
namespace {

std::string uuid(int kind, int n) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%08x-0000-4000-8000-%012d", kind, n);
  return buf;
}

int party_size(Rng& rng) {
  static constexpr int kSizes[] = {1, 2, 3, 4, 5, 6, 7, 8};
  static constexpr double kWeights[] = {0.04, 0.46, 0.12, 0.24, 0.05, 0.05, 0.02, 0.02};
  double u = rng.uniform();
  for (int i = 0; i < 8; ++i) {
    if (u < kWeights[i]) return kSizes[i];
    u -= kWeights[i];
  }
  return 2;
}

void declare_combinations(Venue& v, int count) {
  auto& t = v.tables;
  auto try_pair = [&](size_t a, size_t b) {
    if (count <= 0 || b >= t.size() || t[a].floor_plan_id != t[b].floor_plan_id) return;
    if (t[a].capacity_max > 4 || t[b].capacity_max > 4) return;
    std::string key = t[a].name + "+" + t[b].name;
    if (t[a].capacity_overrides.count(key)) return;
    t[a].capacity_overrides[key] = t[a].capacity_max + t[b].capacity_max;
    --count;
  };
  for (size_t i = 0; i + 1 < t.size(); i += 2) try_pair(i, i + 1);
  for (size_t i = 1; i + 1 < t.size(); i += 2) try_pair(i, i + 1);
  for (size_t i = 0; i + 2 < t.size(); i += 3) try_pair(i, i + 2);
}

}  // namespace

Venue make_venue(const VenueShape& shape, uint64_t seed) {
  Rng rng{seed};
  Venue v;
  v.restaurant.id = uuid(1, 1);
  v.restaurant.name = "Bench bistro";
  Settings& s = v.restaurant.settings;
  s.default_duration = 90;
  s.turn_times = {{1, 75}, {2, 75}, {4, 90}, {6, 120}};
  v.floor_plans = {{uuid(2, 1), v.restaurant.id, "Salle principale", 0, "", {}},
                   {uuid(2, 2), v.restaurant.id, "Terrasse", 1, "", {}}};
  for (int z = 1; z <= 3; ++z) {
    Zone zone;
    zone.id = uuid(3, z);
    zone.restaurant_id = v.restaurant.id;
    zone.floor_plan_id = v.floor_plans[z == 3 ? 1 : 0].id;
    zone.name = z == 1 ? "Salle" : z == 2 ? "Bar" : "Terrasse";
    v.zones.push_back(zone);
  }
  static constexpr int kPattern[] = {2, 2, 4, 2, 4, 4, 2, 4, 6, 8};
  int main_tables = shape.tables * 7 / 10;
  for (int i = 0; i < shape.tables; ++i) {
    Table t;
    t.id = uuid(4, i + 1);
    t.restaurant_id = v.restaurant.id;
    t.name = std::to_string(i + 1);
    t.capacity_max = kPattern[(i + rng.below(2)) % 10];
    t.capacity_min = t.capacity_max <= 2 ? 1 : t.capacity_max <= 4 ? 2 : t.capacity_max - 3;
    bool terrace = i >= main_tables;
    t.floor_plan_id = v.floor_plans[terrace ? 1 : 0].id;
    t.zone_id = v.zones[terrace ? 2 : (i % 3 == 0 ? 1 : 0)].id;
    t.fill_group = terrace ? 1 : 0;
    t.position_x = 80.0 * (i % 10);
    t.position_y = 80.0 * (i / 10);
    v.tables.push_back(t);
  }
  declare_combinations(v, shape.combinations);
  auto service = [&](int n, const char* name, int from_h, int from_m, int to_h, int to_m) {
    Service sv;
    sv.id = uuid(5, n);
    sv.restaurant_id = v.restaurant.id;
    sv.name = name;
    sv.start_time = TimeOfDay{(from_h * 60 + from_m) * 60};
    sv.end_time = TimeOfDay{(to_h * 60 + to_m) * 60};
    sv.days_of_week = {1, 2, 3, 4, 5, 6, 7};
    v.services.push_back(sv);
  };
  if (shape.lunch) service(1, "Midi", 12, 0, 14, 30);
  if (shape.dinner) service(2, "Soir", 19, 0, 22, 30);
  return v;
}

int total_seats(const Venue& v) {
  int seats = 0;
  for (const auto& t : v.tables) seats += t.capacity_max;
  return seats;
}

std::vector<SeatRequest> make_requests(const Venue& v, const DemandShape& shape, uint64_t seed) {
  Rng rng{seed ^ 0x5eedULL};
  std::vector<SeatRequest> out;
  struct Peak {
    int from, to, peak, sd;
    double turns;
  };
  const Peak peaks[] = {{12 * 60, 14 * 60, 12 * 60 + 30, 25, 1.0},
                        {19 * 60, 22 * 60, 20 * 60, 40, 1.0}};
  int seats = total_seats(v);
  for (const Peak& p : peaks) {
    int target = static_cast<int>(shape.demand * seats * p.turns), covers = 0;
    while (covers < target) {
      int m = shape.peaked ? p.peak + static_cast<int>(std::lround(rng.normal() * p.sd))
                           : p.from + static_cast<int>(rng.uniform() * (p.to - p.from));
      m = std::clamp((m + 7) / 15 * 15, p.from, p.to);
      SeatRequest r;
      r.id = uuid(6, static_cast<int>(out.size()) + 1);
      r.party_size = party_size(rng);
      r.date = shape.date;
      r.time = TimeOfDay::from_minutes(m);
      r.duration = turn_time(v.restaurant.settings, r.party_size);
      if (rng.uniform() < 0.15) r.zone_id = v.zones[rng.below(3)].id;
      covers += r.party_size;
      out.push_back(r);
    }
  }
  for (size_t i = out.size(); i > 1; --i)
    std::swap(out[i - 1], out[rng.below(static_cast<int>(i))]);
  return out;
}

}  // namespace foh::bench
