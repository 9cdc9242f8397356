// foh-netbench: the cache and sync benchmarks of issue 3 §5.
//   foh-netbench local     open + load a 2 000-reservation day; durable write p50
//   foh-netbench backend   pull 20 000 reservations; push 1 000 entries; reader wait
//   foh-netbench pull [N]  the pull's CPU per row against libcurl + one prepared insert
//   foh-netbench store [DB]  each tap's Store command on a terminal's cache (the demo
//                          seeded when none): p50, p99, create vs one durable write
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "bench.hpp"
#include "foh/engine/codec.hpp"
#include "foh/net/cache.hpp"

namespace bench {

std::string sh(const std::string& cmd) {
  std::string out;
  FILE* p = popen(cmd.c_str(), "r");
  char buf[4096];
  for (size_t n; p && (n = fread(buf, 1, sizeof buf, p)) > 0;) out.append(buf, n);
  if (p) pclose(p);
  return out;
}

std::string env_value(const std::string& out, const std::string& key) {
  std::istringstream in(out);
  for (std::string line; std::getline(in, line);)
    if (line.rfind(key + "=", 0) == 0) return line.substr(key.size() + 1);
  return {};
}

foh::Venue demo_venue() {
  std::ifstream in(FOH_SOURCE_DIR "/assets/demo/restaurant.json");
  auto v = foh::decode_venue(foh::Json::parse(in), "restaurant.json");
  if (!v) throw std::runtime_error(v.error().text());
  return v.value();
}

std::vector<foh::Reservation> make_day(const foh::Venue& v, foh::Date date, int n) {
  std::vector<foh::Reservation> out;
  int per_table = 6;  // 11:00 .. 20:00, 90 minutes apart
  int live_capacity = static_cast<int>(v.tables.size()) * per_table;
  for (int i = 0; i < n; ++i) {
    const foh::Table& t = v.tables[static_cast<size_t>(i) % v.tables.size()];
    foh::Reservation r;
    r.id = foh::net::new_uuid();
    r.restaurant_id = v.restaurant.id;
    r.date = date;
    int slot = (i / static_cast<int>(v.tables.size())) % per_table;
    r.time = foh::TimeOfDay{(11 * 60 + slot * 90) * 60};
    r.duration = 90;
    r.party_size = std::min(2, t.capacity_max);
    r.guest_name = "Bench " + std::to_string(i);
    r.guest_phone = "+33 6 00 00 " + std::to_string(10000 + i).substr(1);
    r.source = "Téléphone";
    r.status =
        i < live_capacity ? foh::ReservationStatus::Confirmed : foh::ReservationStatus::Cancelled;
    r.table_id = t.id;
    r.table_number = t.name;
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace bench

int main(int argc, char** argv) {
  if (argc >= 2 && std::strcmp(argv[1], "local") == 0) return bench::run_local(argc, argv);
  if (argc >= 2 && std::strcmp(argv[1], "backend") == 0) return bench::run_backend(argc, argv);
  if (argc >= 2 && std::strcmp(argv[1], "store") == 0) return bench::run_store(argc, argv);
  if (argc >= 2 && std::strcmp(argv[1], "pull") == 0) return bench::run_pull(argc, argv);
  std::fprintf(stderr,
               "usage: foh-netbench local | backend | pull [RUNS] | store [CACHE.sqlite]\n");
  return 2;
}
