// Local cache figures: open + load one day of 2 000 reservations; one durable
// write (row + outbox, one transaction, synchronous=FULL); a full store command.
#include <stdlib.h>

#include <filesystem>

#include "bench.hpp"
#include "foh/engine/codec.hpp"
#include "foh/net/cache.hpp"
#include "foh/net/outbox.hpp"
#include "foh/net/store.hpp"

namespace bench {

using namespace foh;
using namespace foh::net;

int run_local(int, char**) {
  std::string tmpl = (std::filesystem::temp_directory_path() / "foh-netbench-XXXXXX").string();
  if (!mkdtemp(tmpl.data())) return 1;
  std::string path = tmpl + "/cache.db";
  Venue v = demo_venue();
  Date first = *Date::parse("2027-01-04");
  {
    auto c = std::move(Cache::open(path)).value();
    if (auto st = c->seed(v); !st) {
      std::fprintf(stderr, "%s\n", st.error().text().c_str());
      return 1;
    }
    Transaction tx(*c);
    for (int d = 0; d < 10; ++d)  // 20 000 reservations over 10 days
      for (const auto& r : make_day(v, first.plus_days(d), 2000))
        if (!c->put_row("reservations", encode(r))) return 1;
    if (!tx.commit()) return 1;
  }
  std::vector<double> load;
  size_t count = 0;
  for (int i = 0; i < 21; ++i) {
    auto t0 = Clock::now();
    auto c = std::move(Cache::open(path)).value();
    auto day = c->load_day(first.plus_days(i % 10));
    load.push_back(ms_since(t0));
    count = day->reservations.size();
  }
  std::printf(
      "open cache + load_day (%zu reservations): median %.2f ms, max %.2f ms (target <= 50 ms)\n",
      count, median(load), percentile(load, 1.0));

  auto c = std::move(Cache::open(path)).value();
  std::vector<double> write;
  auto rows = make_day(v, first.plus_days(20), 500);
  for (const auto& r : rows) {
    auto t0 = Clock::now();
    Transaction tx(*c);
    Json j = encode(r);
    if (!c->put_row("reservations", j)) return 1;
    if (!Outbox(*c).enqueue("reservations", OutboxOp::Upsert, j, new_uuid(), utc_now_iso()))
      return 1;
    if (!tx.commit()) return 1;
    write.push_back(ms_since(t0));
  }
  std::printf(
      "durable write (row + outbox, synchronous=FULL): p50 %.3f ms, p99 %.3f ms (target p50 <= 2 "
      "ms)\n",
      median(write), percentile(write, 0.99));

  Store store(*c);
  std::vector<double> cmd;
  for (const auto& t : v.tables) {  // 21:30 is free on every table of a 2 000-reservation day
    Reservation r;
    r.date = first;
    r.time = *TimeOfDay::parse("21:30");
    r.duration = 90;
    r.party_size = std::min(2, t.capacity_max);
    r.guest_name = "Late";
    r.table_id = t.id;
    r.table_number = t.name;
    auto t0 = Clock::now();
    auto done = store.create_reservation(r, Actor{});
    cmd.push_back(ms_since(t0));
    if (!done) std::fprintf(stderr, "refused: %s\n", done.error().text().c_str());
  }
  std::printf(
      "Store::create_reservation on a 2 000-reservation day (rules checked + durable write): p50 "
      "%.2f ms\n",
      median(cmd));
  std::error_code ec;
  std::filesystem::remove_all(tmpl, ec);
  return 0;
}

}  // namespace bench
