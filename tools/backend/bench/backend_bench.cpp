// foh-backend-bench: what a terminal's sync costs against a running backend.
//   eval "$(tools/backend/local.sh start /tmp/fb | sed 's/^/export /')"
//   build/bin/foh-backend-bench [--pushes 1000] [--rows 20000]
// Reads FOH_BACKEND_URL, FOH_SERVICE_KEY, FOH_RESTAURANT_ID (or makes a restaurant).
// Prints: single upserts one by one (median, p99, total), one bulk insert of
// --rows reservations, and the SYNC.md pull of them (keyset pages of 1000).
#include <httplib.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "jwt.hpp"

using nlohmann::json;
using Clock = std::chrono::steady_clock;

namespace {

double ms_since(Clock::time_point t) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}

json reservation(const std::string& r, int i, const std::string& year) {
  char date[16], time[16];
  std::snprintf(date, sizeof date, "%s-%02d-%02d", year.c_str(), 1 + (i / 560) % 12, 1 + i % 28);
  std::snprintf(time, sizeof time, "%02d:00", 10 + (i / 28) % 20 % 12);
  return {{"id", foh::backend::random_uuid()},
          {"restaurant_id", r},
          {"guest_name", "Bench"},
          {"party_size", 2},
          {"date", date},
          {"time", time},
          {"status", "Completed"}};
}

}  // namespace

int main(int argc, char** argv) {
  int pushes = 1000, rows = 20000;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string k = argv[i];
    if (k == "--pushes") pushes = std::atoi(argv[i + 1]);
    if (k == "--rows") rows = std::atoi(argv[i + 1]);
  }
  const char* url = std::getenv("FOH_BACKEND_URL");
  const char* key = std::getenv("FOH_SERVICE_KEY");
  if (!url || !key) {
    std::cerr << "foh-backend-bench: set FOH_BACKEND_URL and FOH_SERVICE_KEY (local.sh start "
                 "prints them)\n";
    return 2;
  }
  httplib::Client cli(url);
  cli.set_read_timeout(120, 0);
  httplib::Headers h = {{"apikey", key}, {"Prefer", "resolution=merge-duplicates"}};
  std::string r = foh::backend::random_uuid();
  auto made = cli.Post("/rest/v1/restaurants", h, json{{"id", r}, {"name", "Bench"}}.dump(),
                       "application/json");
  if (!made || made->status != 201) {
    std::cerr << "foh-backend-bench: cannot create a restaurant\n";
    return 1;
  }

  std::vector<double> lat;
  auto t0 = Clock::now();
  for (int i = 0; i < pushes; ++i) {
    auto t = Clock::now();
    auto res = cli.Post("/rest/v1/reservations?on_conflict=id", h, reservation(r, i, "2030").dump(),
                        "application/json");
    lat.push_back(ms_since(t));
    if (!res || res->status != 201) {
      std::cerr << "push " << i << " failed\n";
      return 1;
    }
  }
  double push_total = ms_since(t0);
  std::sort(lat.begin(), lat.end());
  std::cout << "push " << pushes << " single upserts: total " << push_total << " ms, median "
            << lat[lat.size() / 2] << " ms, p99 " << lat[lat.size() * 99 / 100] << " ms\n";

  json bulk = json::array();
  for (int i = 0; i < rows; ++i) bulk.push_back(reservation(r, i, "2031"));
  t0 = Clock::now();
  auto res = cli.Post("/rest/v1/reservations", h, bulk.dump(), "application/json");
  if (!res || res->status != 201) {
    std::cerr << "bulk insert failed\n";
    return 1;
  }
  std::cout << "bulk insert " << rows << " rows: " << ms_since(t0) << " ms\n";

  t0 = Clock::now();
  long long after = 0, seen = 0;
  while (true) {
    auto page = cli.Get("/rest/v1/reservations?select=*&restaurant_id=eq." + r +
                            "&sync_xid=gte.0&sync_seq=gt." + std::to_string(after) +
                            "&order=sync_seq.asc&limit=1000",
                        httplib::Headers{{"apikey", key}});
    if (!page || page->status != 200) {
      std::cerr << "pull failed\n";
      return 1;
    }
    json body = json::parse(page->body);
    seen += static_cast<long long>(body.size());
    if (body.size() < 1000) break;
    after = body.back()["sync_seq"];
  }
  std::cout << "pull " << seen << " rows (pages of 1000): " << ms_since(t0) << " ms\n";
  return 0;
}
