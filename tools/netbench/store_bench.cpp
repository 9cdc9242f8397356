// What one tap's write costs the frame (issue 12 item 11): the terminal
// applies its intents after the frame through Store, each a local SQLite
// commit (synchronous=FULL), then reloads the day it shows. On a copy of a
// terminal's cache (the demo, seeded by foh-terminal's first run), with that
// cache's own busy day: p50 and p99 of each command a host's tap writes, and
// of the reload that follows it; create_reservation against the baseline of
// one durable write (issue 15 item 6). Without CACHE, the demo seeded as a
// terminal's first run seeds it.
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <functional>

#include "bench.hpp"
#include "foh/engine/codec.hpp"
#include "foh/net/cache.hpp"
#include "foh/net/store.hpp"

namespace bench {

using namespace foh;
using namespace foh::net;

namespace {

constexpr int kSamples = 200;

void report(const char* what, const std::vector<double>& ms, int refused) {
  std::printf("%-58s p50 %6.3f ms  p99 %6.3f ms  max %6.3f ms  (%zu writes, %d refused)\n", what,
              median(ms), percentile(ms, 0.99), percentile(ms, 1.0), ms.size(), refused);
}

// Times `n` runs of `write` (true when the Store accepted it); the p50.
double measure(const char* what, int n, const std::function<bool(int)>& write) {
  std::vector<double> ms;
  int refused = 0;
  for (int i = 0; i < n; ++i) {
    auto t0 = Clock::now();
    const bool ok = write(i);
    const double took = ms_since(t0);
    if (ok)
      ms.push_back(took);
    else
      ++refused;
  }
  report(what, ms, refused);
  return median(ms);
}

// No cache given: one seeded as a terminal's first run seeds it (the demo
// restaurant and its busy day).
bool seed_demo(const std::string& path) {
  std::ifstream in(FOH_SOURCE_DIR "/assets/demo/day.json");
  auto day = decode_day(Json::parse(in), "day.json");
  if (!day) return std::fprintf(stderr, "%s\n", day.error().text().c_str()), false;
  auto c = Cache::open(path);
  if (!c) return std::fprintf(stderr, "%s\n", c.error().text().c_str()), false;
  auto st = (*c)->seed(demo_venue(), &*day);
  if (!st) std::fprintf(stderr, "%s\n", st.error().text().c_str());
  return st.ok();
}

// The day with the most reservations: the demo's busy Saturday.
Date busiest_day(Cache& c, const Venue& v) {
  Date best = *Date::parse("2026-11-28");
  size_t most = 0;
  for (int d = -400; d <= 400; ++d) {
    const Date day = best.plus_days(d);
    auto b = c.load_day(day, true);
    if (b && b->reservations.size() > most) most = b->reservations.size(), best = day;
  }
  (void)v;
  return best;
}

Actor admin(const Venue& v) {
  Actor a;
  a.role = Role::Admin;
  for (const auto& m : v.team_members)
    if (m.role == Role::Admin) a.member_id = m.id;
  return a;
}

}  // namespace

int run_store(int argc, char** argv) {
  std::string tmpl = (std::filesystem::temp_directory_path() / "foh-storebench-XXXXXX").string();
  if (!mkdtemp(tmpl.data())) return 1;
  const std::string path = tmpl + "/cache.sqlite";
  if (argc >= 3)
    std::filesystem::copy_file(argv[2], path);
  else if (!seed_demo(path))
    return 1;
  auto opened = Cache::open(path);
  if (!opened) return std::fprintf(stderr, "%s\n", opened.error().text().c_str()), 1;
  Cache& c = **opened;
  auto venue = c.load_venue();
  if (!venue) return std::fprintf(stderr, "%s\n", venue.error().text().c_str()), 1;
  const Date day = busiest_day(c, *venue);
  auto book = c.load_day(day);
  std::printf("cache %s: %zu tables, day %s with %zu reservations, %zu waitlist entries\n",
              argc >= 3 ? argv[2] : "(the demo, seeded)", venue->tables.size(), day.str().c_str(),
              book->reservations.size(), book->waitlist.size());
  Store store(c);
  const Actor by = admin(*venue);

  // The baseline: one durable write, a synchronous=FULL commit of one
  // reservation row in this cache (on a date nobody looks at).
  const double durable =
      measure("baseline: one durable write (one row, one commit)", kSamples, [&](int i) {
        Reservation r = book->reservations.front();
        r.id = new_uuid();
        r.date = day.plus_days(-300 - i);
        Transaction tx(c);
        return tx.begun().ok() && c.put_row("reservations", encode(r)).ok() && tx.commit().ok();
      });
  // A host's booking on the busy day itself (its whole day checked), on the
  // tables' free small hours: 8 slots of 90 minutes from midnight.
  const size_t tables = venue->tables.size();
  const double create =
      measure("create_reservation (a table on the busy day, rules checked)", kSamples, [&](int i) {
        const Table& t = venue->tables[static_cast<size_t>(i) % tables];
        Reservation r;
        r.date = day;
        r.time = TimeOfDay{(i / static_cast<int>(tables)) % 8 * 90 * 60};
        r.duration = 90;
        r.party_size = std::min(2, t.capacity_max);
        r.guest_name = "Tap " + std::to_string(i);
        r.table_id = t.id;
        r.table_number = t.name;
        return store.create_reservation(r, by).ok();
      });
  std::printf("create_reservation p50 / durable write p50: %.2f (target <= 1.5)\n",
              durable > 0 ? create / durable : 0.0);
  measure("reload: load_venue + load_day (after every write)", kSamples,
          [&](int) { return c.load_venue().ok() && c.load_day(day).ok(); });
  measure("waitlist_add (staff add)", kSamples, [&](int i) {
    WaitlistEntry e;
    e.id = new_uuid();
    e.guest_name = "Bench " + std::to_string(i);
    e.guest_phone = "0611223344";
    e.date = day;
    e.time = TimeOfDay{(19 * 60 + 30) * 60};
    return store.waitlist_add(e, by).ok();
  });
  measure("kiosk_join", kSamples, [&](int i) {
    WaitlistEntry e;
    e.id = new_uuid();
    e.guest_name = "Kiosk " + std::to_string(i);
    e.guest_phone = "0611223344";
    e.date = day;
    e.time = TimeOfDay{(19 * 60 + 30) * 60};
    e.extra["kiosk_pending"] = true;
    return store.kiosk_join(e).ok();
  });
  // A walk-in at each table on later days (the busy day's tables are taken).
  measure("seat_walk_in (one table, rules checked)", kSamples, [&](int i) {
    const Table& t = venue->tables[static_cast<size_t>(i) % tables];
    const Date d = day.plus_days(1 + i / static_cast<int>(tables));
    TableChoice pick{{t.id}, t.name, ""};
    return store.seat_walk_in(std::min(2, t.capacity_max), pick, d, TimeOfDay{22 * 3600}, by).ok();
  });
  measure("book (the form: engine's checks, no table)", kSamples, [&](int i) {
    Reservation r;
    r.date = day.plus_days(7 * (1 + i / 8));  // the same weekday: its dinner service
    r.time = TimeOfDay{(19 * 60 + 15 * (i % 8)) * 60};
    r.duration = 90;
    r.party_size = 2;
    r.guest_name = "Form " + std::to_string(i);
    r.guest_phone = "0611223344";
    return store.book(r, by).ok();
  });
  std::vector<Uuid> confirmed;
  for (const auto& r : book->reservations)
    if (r.status == ReservationStatus::Confirmed) confirmed.push_back(r.id);
  measure("change_status Confirmed -> Arrived (row + event + outbox)",
          static_cast<int>(confirmed.size()), [&](int i) {
            return store
                .change_status(confirmed[static_cast<size_t>(i)], ReservationStatus::Arrived, by)
                .ok();
          });
  std::error_code ec;
  std::filesystem::remove_all(tmpl, ec);
  return 0;
}

}  // namespace bench
