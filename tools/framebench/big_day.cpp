#include "big_day.hpp"

#include <cstdio>
#include <random>
#include <string>

namespace foh::bench {
namespace {

std::string id(const char* kind, int n) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%08x-0000-4000-8000-%012d", static_cast<unsigned>(kind[0]), n);
  return buf;
}

}  // namespace

Venue big_venue(int plans, int tables_per_plan) {
  Venue v;
  v.restaurant.id = "r";
  v.restaurant.name = "Bench";
  v.restaurant.settings.turn_times = {{2, 75}, {4, 90}, {6, 120}};
  v.restaurant.settings.max_covers_per_slot = 60;
  for (int p = 0; p < plans; ++p) {
    FloorPlan fp;
    fp.id = id("p", p), fp.restaurant_id = "r", fp.name = "Salle " + std::to_string(p + 1),
    fp.sort_order = p;
    v.floor_plans.push_back(fp);
    Zone z;
    z.id = id("z", p), z.restaurant_id = "r", z.floor_plan_id = fp.id,
    z.name = "Zone " + std::to_string(p + 1);
    z.color = "#E9D8B4", z.width = 1020, z.height = 1020;
    v.zones.push_back(z);
    for (int k = 0; k < tables_per_plan; ++k) {
      Table t;
      t.id = id("t", p * 1000 + k), t.restaurant_id = "r", t.floor_plan_id = fp.id,
      t.zone_id = z.id;
      t.name = std::to_string(p * 1000 + k + 1);
      t.capacity_min = 2, t.capacity_max = k % 5 == 0 ? 6 : 4;
      t.position_x = 20 + (k % 10) * 100, t.position_y = 20 + (k / 10) * 100;
      t.width = 70, t.height = 70, t.rotation = k % 7 == 0 ? 45 : 0;
      t.shape = k % 3 == 0 ? TableShape::Round : TableShape::Square;
      v.tables.push_back(t);
    }
  }
  Service midi, soir;
  midi.id = "s1", midi.name = "Midi", midi.start_time = TimeOfDay{11 * 3600},
  midi.end_time = TimeOfDay{16 * 3600};
  soir.id = "s2", soir.name = "Soir", soir.start_time = TimeOfDay{16 * 3600},
  soir.end_time = TimeOfDay{24 * 3600 - 60};
  v.services = {midi, soir};
  // Six servers: the evening's sections give each a block of every plan.
  static const char* kServers[] = {"Léa Fontaine", "Mehdi Benali", "Chloé Martin",
                                   "Hugo Petit",   "Inès Roux",    "Marc Olivier"};
  for (int s = 0; s < 6; ++s) {
    TeamMember m;
    m.id = id("m", s), m.restaurant_id = "r", m.display_name = kServers[s], m.role = Role::Server;
    v.team_members.push_back(m);
  }
  return v;
}

DayBook big_day(const Venue& v, Date date, int n) {
  DayBook d;
  d.date = date;
  std::mt19937 rng(42);
  static const char* kNames[] = {"Dupont", "Martin", "Lefèvre",  "Moreau",
                                 "Girard", "Bonnet", "Rousseau", "Mercier"};
  int per_table = (n + static_cast<int>(v.tables.size()) - 1) / static_cast<int>(v.tables.size());
  int made = 0;
  for (size_t t = 0; t < v.tables.size() && made < n; ++t)
    for (int k = 0; k < per_table && made < n; ++k, ++made) {
      Reservation r;
      r.id = id("r", made), r.restaurant_id = "r", r.date = date;
      r.party_size = 2 + static_cast<int>(rng() % 3);
      r.duration = 70;
      r.time = TimeOfDay{(11 * 60 + k * 75) * 60};  // back to back from 11:00 to 23:30
      r.table_id = v.tables[t].id, r.table_number = v.tables[t].name;
      r.guest_name = std::string(kNames[rng() % 8]) + " " + std::to_string(made);
      r.guest_phone = "06 " + std::to_string(10000000 + made);
      int end = r.time.minutes() + 70;
      r.status = end <= 19 * 60 + 30                ? ReservationStatus::Completed
                 : r.time.minutes() <= 19 * 60 + 30 ? ReservationStatus::Seated
                                                    : ReservationStatus::Confirmed;
      if (r.status == ReservationStatus::Seated) r.seated_at = LocalInstant::at(date, r.time).str();
      if (made % 3 == 0) {  // a known guest: some allergic, some VIP (marks on the floor's tiles)
        Customer c;
        c.id = id("c", made), c.restaurant_id = "r", c.name = r.guest_name, c.phone = r.guest_phone;
        if (made % 2 == 0) c.tags.push_back("Allergie : arachides");
        if (made % 5 == 0) c.tags.push_back("VIP");
        r.customer_id = c.id;
        d.customers.push_back(std::move(c));
      }
      d.reservations.push_back(r);
    }
  // Every table in a server's section for the evening (rings and initials drawn).
  for (size_t t = 0; t < v.tables.size() && !v.team_members.empty(); ++t) {
    ServerSection s;
    s.id = id("x", static_cast<int>(t)), s.restaurant_id = "r", s.date = date, s.service_id = "s2";
    s.table_id = v.tables[t].id;
    s.team_member_id = v.team_members[(t % 100) / 17 % v.team_members.size()].id;
    d.server_sections.push_back(s);
  }
  return d;
}

}  // namespace foh::bench
