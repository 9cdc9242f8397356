// The pull's CPU per row against a baseline (issue 15 item 6): the local
// backend (tools/backend/local.sh in a temp dir) with 20 000 reservations and
// their audit events; then, in turns:
//   - the pull: Sync::pull_once into an empty cache (every table, pages of
//     5 000 fetched on a helper thread, each row decoded, stored with its
//     indexed columns, set aside when unreadable);
//   - the baseline: the same pages fetched with plain libcurl into memory,
//     each parsed and its rows inserted with one prepared statement
//     (id, json) in one transaction per table, WAL and synchronous=NORMAL as
//     the pull's connection.
// CPU time of the whole process (CLOCK_PROCESS_CPUTIME_ID: every thread of
// it; foh-backend and PostgreSQL are other processes) per row stored.
#include <curl/curl.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>

#include <filesystem>
#include <sstream>

#include "bench.hpp"
#include "foh/engine/codec.hpp"
#include "foh/net/cache.hpp"
#include "foh/net/rest.hpp"
#include "foh/net/sync.hpp"

namespace bench {

using namespace foh;
using namespace foh::net;

namespace {

double cpu_seconds() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

// The kernel's share of it (getrusage: page faults, syscalls).
double sys_seconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_stime.tv_sec) + static_cast<double>(u.ru_stime.tv_usec) * 1e-6;
}

size_t append(char* data, size_t size, size_t n, void* out) {
  static_cast<std::string*>(out)->append(data, size * n);
  return size * n;
}

struct Baseline {
  int64_t rows = 0;
  bool ok = true;
};

// Every synced table (and the tombstones) paged as the pull pages them
// (sync_pull.cpp: keyset on sync_seq, 5 000 a page, the restaurant's rows),
// into `db` with one prepared statement per table, one transaction each.
Baseline baseline(const std::string& url, const std::string& key, const std::string& rid,
                  const std::string& db_path) {
  Baseline b;
  sqlite3* db = nullptr;
  sqlite3_open(db_path.c_str(), &db);
  sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL", nullptr, nullptr, nullptr);
  CURL* curl = curl_easy_init();
  curl_slist* headers = nullptr;
  headers = curl_slist_append(headers, ("apikey: " + key).c_str());
  headers = curl_slist_append(headers, ("Authorization: Bearer " + key).c_str());
  headers = curl_slist_append(headers, "Accept: application/json");
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, append);
  std::vector<std::string> tables(std::begin(kSyncedTables), std::end(kSyncedTables));
  tables.push_back("sync_tombstones");
  constexpr int kPage = 5000;
  for (const auto& table : tables) {
    sqlite3_exec(db, ("CREATE TABLE \"" + table + "\" (id TEXT PRIMARY KEY, json TEXT)").c_str(),
                 nullptr, nullptr, nullptr);
    std::string filter;
    if (table == "restaurants")
      filter = "&id=eq." + rid;
    else if (table != "reservation_events" && table != "customers")
      filter = "&restaurant_id=eq." + rid;
    sqlite3_stmt* insert = nullptr;
    sqlite3_prepare_v2(db, ("INSERT OR REPLACE INTO \"" + table + "\" VALUES (?, ?)").c_str(), -1,
                       &insert, nullptr);
    sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
    int64_t after = 0;
    for (;;) {
      std::string body;
      const std::string u = url + "/rest/v1/" + table + "?select=*&sync_xid=gte.0" + filter +
                            "&order=sync_seq.asc&limit=" + std::to_string(kPage) + "&sync_seq=gt." +
                            std::to_string(after);
      curl_easy_setopt(curl, CURLOPT_URL, u.c_str());
      curl_easy_setopt(curl, CURLOPT_WRITEDATA, &body);
      long status = 0;
      if (curl_easy_perform(curl) != CURLE_OK) b.ok = false;
      curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
      if (status == 404 && table == "communication_events") break;
      Json page = Json::parse(body, nullptr, false);
      if (!b.ok || status != 200 || !page.is_array()) {
        std::fprintf(stderr, "baseline: %s answered %ld\n", table.c_str(), status);
        b.ok = false;
        break;
      }
      for (const Json& row : page) {
        const std::string id = row.value("id", row.value("row_id", ""));
        const std::string text = row.dump();
        sqlite3_bind_text(insert, 1, id.data(), static_cast<int>(id.size()), SQLITE_TRANSIENT);
        sqlite3_bind_text(insert, 2, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
        sqlite3_step(insert);
        sqlite3_reset(insert);
        ++b.rows;
      }
      if (static_cast<int>(page.size()) < kPage) break;
      auto seq = page.back().find("sync_seq");
      after = seq == page.back().end()   ? 0
              : seq->is_number_integer() ? seq->get<int64_t>()
              : seq->is_string() ? std::strtoll(seq->get<std::string>().c_str(), nullptr, 10)
                                 : 0;
    }
    sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
    sqlite3_finalize(insert);
  }
  curl_slist_free_all(headers);
  curl_easy_cleanup(curl);
  sqlite3_close(db);
  return b;
}

}  // namespace

int run_pull(int argc, char** argv) {
  const int runs = argc >= 3 ? std::max(1, std::atoi(argv[2])) : 3;
  std::string dir = (std::filesystem::temp_directory_path() / "foh-pullbench-XXXXXX").string();
  if (!mkdtemp(dir.data())) return 1;
  const std::string script = FOH_SOURCE_DIR "/tools/backend/local.sh";
  const std::string out = sh(script + " start " + dir);
  const std::string url = env_value(out, "FOH_BACKEND_URL");
  const std::string key = env_value(out, "FOH_SERVICE_KEY");
  const std::string rid = env_value(out, "FOH_RESTAURANT_ID");
  if (url.empty()) {
    std::fprintf(stderr, "local.sh start failed (set FOH_BACKEND_BIN?)\n");
    return 1;
  }
  Venue v = demo_venue();
  RestConfig rc;
  rc.base_url = url;
  rc.api_key = key;
  RestClient rest(rc);
  const Date first = *Date::parse("2027-02-01");
  for (int d = 0; d < 10; ++d) {  // 20 000 reservations (and as many audit events)
    auto day = make_day(v, first.plus_days(d), 2000);
    for (size_t k = 0; k < day.size(); k += 1000) {
      Json batch = Json::array();
      for (size_t i = k; i < k + 1000; ++i) {
        Json j = encode(day[i]);
        for (const char* c : {"updated_at", "created_at"}) j.erase(c);
        batch.push_back(j);
      }
      auto r = rest.post("/rest/v1/reservations", batch, {"Prefer: return=minimal"});
      if (!r.ok()) {
        std::fprintf(stderr, "seeding failed: %s\n", r.error.text().c_str());
        sh(script + " stop " + dir);
        return 1;
      }
    }
  }
  std::vector<double> pull_us, base_us, ratios, pull_sys, base_sys;
  int64_t pulled = 0, based = 0;
  for (int run = 0; run < runs; ++run) {
    SyncConfig c;
    c.rest = rc;
    c.restaurant_id = rid;
    c.cache_path = dir + "/pull" + std::to_string(run) + ".db";
    MainQueue q;
    Sync sync(c, q);
    double t0 = cpu_seconds(), s0 = sys_seconds();
    auto st = sync.pull_once();
    const double pull_cpu = cpu_seconds() - t0, pull_k = sys_seconds() - s0;
    pulled = sync.status().rows_pulled;
    if (!st || pulled == 0) {
      std::fprintf(stderr, "pull failed: %s\n", st ? "no rows" : st.error().text().c_str());
      break;
    }
    t0 = cpu_seconds(), s0 = sys_seconds();
    Baseline b = baseline(url, key, rid, dir + "/base" + std::to_string(run) + ".db");
    const double base_cpu = cpu_seconds() - t0, base_k = sys_seconds() - s0;
    if (!b.ok || b.rows == 0) break;
    based = b.rows;
    pull_us.push_back(pull_cpu * 1e6 / static_cast<double>(pulled));
    base_us.push_back(base_cpu * 1e6 / static_cast<double>(b.rows));
    ratios.push_back(pull_us.back() / base_us.back());
    pull_sys.push_back(pull_k * 1e6 / static_cast<double>(pulled));
    base_sys.push_back(base_k * 1e6 / static_cast<double>(b.rows));
  }
  sh(script + " stop " + dir);
  std::error_code ec;
  std::filesystem::remove_all(dir, ec);
  if (ratios.empty()) return 1;
  std::printf("pull into an empty cache: %lld rows, CPU median %.1f us/row (kernel %.1f)\n",
              static_cast<long long>(pulled), median(pull_us), median(pull_sys));
  std::printf(
      "baseline (libcurl pages, one prepared insert): %lld rows, CPU median %.1f us/row (kernel "
      "%.1f)\n",
      static_cast<long long>(based), median(base_us), median(base_sys));
  std::printf("pull / baseline CPU per row: median %.2f over %zu runs (target <= 2)\n",
              median(ratios), ratios.size());
  return 0;
}

}  // namespace bench
