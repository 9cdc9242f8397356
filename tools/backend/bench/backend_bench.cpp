// foh-backend-bench: what a terminal's sync costs against a running backend.
//   eval "$(tools/backend/local.sh start /tmp/fb | sed 's/^/export /')"
//   build/bin/foh-backend-bench [--pushes 1000] [--rows 20000] [--batch 100]
// Reads FOH_BACKEND_URL, FOH_SERVICE_KEY, FOH_RESTAURANT_ID (or makes a restaurant).
// Prints: single upserts one by one (median, p99, total), 1 000 live
// reservations on tables as array upserts of --batch rows (new, then replayed), one bulk insert of
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

// 20 tables for the restaurant; their ids.
std::vector<std::string> make_tables(httplib::Client& cli, const httplib::Headers& h,
                                     const std::string& r) {
  std::string plan = foh::backend::random_uuid();
  cli.Post("/rest/v1/floor_plans", h,
           json{{"id", plan}, {"restaurant_id", r}, {"name", "Salle"}}.dump(), "application/json");
  std::vector<std::string> ids;
  json rows = json::array();
  for (int i = 1; i <= 20; ++i) {
    ids.push_back(foh::backend::random_uuid());
    rows.push_back({{"id", ids.back()},
                    {"restaurant_id", r},
                    {"floor_plan_id", plan},
                    {"name", std::to_string(i)},
                    {"capacity_max", 4}});
  }
  cli.Post("/rest/v1/tables", h, rows.dump(), "application/json");
  return ids;
}

// What a batching terminal sends: 1 000 live reservations on tables (so the
// overlap trigger checks each) as array upserts of `batch` rows, then the same
// arrays replayed. Returns false when a request fails.
bool batched_upserts(httplib::Client& cli, const httplib::Headers& h, const std::string& r,
                     int batch) {
  std::vector<std::string> tables = make_tables(cli, h, r);
  json rows = json::array();
  for (int i = 0; i < 1000; ++i) {  // 20 tables x 5 turns a day x 10 days
    json row = reservation(r, i, "2032");
    char date[16], time[16];
    std::snprintf(date, sizeof date, "2032-03-%02d", 1 + i / 100);
    std::snprintf(time, sizeof time, "%02d:00", 11 + 2 * (i / 20 % 5));
    row["date"] = date;
    row["time"] = time;
    row["status"] = "Confirmed";
    row["table_id"] = tables[static_cast<size_t>(i % 20)];
    row["table_number"] = std::to_string(i % 20 + 1);
    rows.push_back(row);
  }
  for (const char* pass : {"new", "replayed"}) {
    auto t0 = Clock::now();
    for (size_t k = 0; k < rows.size(); k += static_cast<size_t>(batch)) {
      json part(rows.begin() + static_cast<long>(k),
                rows.begin() + static_cast<long>(std::min(rows.size(), k + batch)));
      auto res =
          cli.Post("/rest/v1/reservations?on_conflict=id", h, part.dump(), "application/json");
      if (!res || res->status != 201) return false;
    }
    std::cout << "upsert 1000 " << pass << " live reservations in arrays of " << batch << ": "
              << ms_since(t0) << " ms\n";
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  int pushes = 1000, rows = 20000, batch = 100;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string k = argv[i];
    if (k == "--pushes") pushes = std::atoi(argv[i + 1]);
    if (k == "--rows") rows = std::atoi(argv[i + 1]);
    if (k == "--batch") batch = std::max(1, std::atoi(argv[i + 1]));
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
  if (!batched_upserts(cli, h, r, batch)) {
    std::cerr << "batched upserts failed\n";
    return 1;
  }

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
