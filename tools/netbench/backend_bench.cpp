// Sync figures against the local backend (tools/backend/local.sh in a temp
// dir): pull 20 000 reservations into an empty cache (the sync thread's first
// round), the longest wait of a reader on another thread meanwhile, push 1 000
// outbox entries.
#include <stdlib.h>

#include <atomic>
#include <filesystem>
#include <sstream>
#include <thread>

#include "bench.hpp"
#include "foh/engine/codec.hpp"
#include "foh/net/cache.hpp"
#include "foh/net/outbox.hpp"
#include "foh/net/rest.hpp"
#include "foh/net/store.hpp"
#include "foh/net/sync.hpp"

namespace bench {

using namespace foh;
using namespace foh::net;

namespace {

SyncConfig config(const std::string& url, const std::string& key, const std::string& rid,
                  const std::string& path) {
  SyncConfig c;
  c.rest.base_url = url;
  c.rest.api_key = key;
  c.restaurant_id = rid;
  c.cache_path = path;
  c.push_batch = 1000;
  return c;
}

}  // namespace

int run_backend(int, char**) {
  std::string dir = (std::filesystem::temp_directory_path() / "foh-netbench-XXXXXX").string();
  if (!mkdtemp(dir.data())) return 1;
  std::string script = FOH_SOURCE_DIR "/tools/backend/local.sh";
  std::string out = sh(script + " start " + dir);
  std::string url = env_value(out, "FOH_BACKEND_URL"), key = env_value(out, "FOH_SERVICE_KEY");
  std::string rid = env_value(out, "FOH_RESTAURANT_ID");
  if (url.empty()) {
    std::fprintf(stderr, "local.sh start failed (set FOH_BACKEND_BIN?)\n");
    return 1;
  }
  Venue v = demo_venue();
  RestConfig rc;
  rc.base_url = url;
  rc.api_key = key;
  RestClient rest(rc);
  Date first = *Date::parse("2027-02-01");
  for (int d = 0; d < 10; ++d) {  // 20 000 reservations, posted 1 000 at a time
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
        return 1;
      }
    }
  }
  std::vector<double> pulls, waits_max, waits_p99;
  int64_t rows = 0, reservations = 0;
  for (int run = 0; run < 3; ++run) {
    std::string path = dir + "/pull" + std::to_string(run) + ".db";
    MainQueue q;
    Sync sync(config(url, key, rid, path), q);
    auto reader_cache = std::move(Cache::open(path)).value();
    std::atomic<bool> done{false};
    std::vector<double> waits;
    std::thread reader([&] {
      while (!done) {
        auto t0 = Clock::now();
        reader_cache->row_count("reservations");  // one read of the cache the UI would make
        waits.push_back(ms_since(t0));
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
      }
    });
    // On the sync thread, as in the terminal: its first round pulls everything.
    auto t0 = Clock::now();
    auto st = sync.start();
    while (st && sync.status().state != Connectivity::Online && ms_since(t0) < 60000) {
      if (sync.status().state == Connectivity::Offline && !sync.status().last_error.empty()) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    pulls.push_back(ms_since(t0));
    sync.stop();
    done = true;
    reader.join();
    if (!st || sync.status().state != Connectivity::Online)
      std::fprintf(stderr, "pull failed: %s\n",
                   st ? sync.status().last_error.c_str() : st.error().text().c_str());
    rows = sync.status().rows_pulled;
    reservations = reader_cache->row_count("reservations");
    waits_max.push_back(percentile(waits, 1.0));
    waits_p99.push_back(percentile(waits, 0.99));
  }
  std::printf(
      "pull into an empty cache (%lld rows, %lld reservations): median %.0f ms (target <= 2000 "
      "ms)\n",
      static_cast<long long>(rows), static_cast<long long>(reservations), median(pulls));
  std::printf(
      "reader on another thread during the pull: max wait median %.2f ms, p99 %.2f ms (target max "
      "<= 5 ms)\n",
      median(waits_max), median(waits_p99));

  std::vector<double> pushes;
  for (int run = 0; run < 3; ++run) {
    std::string path = dir + "/pull" + std::to_string(run) + ".db";
    auto cache = std::move(Cache::open(path)).value();
    Store store(*cache);
    Date base = first.plus_days(30 + run * 10);
    int made = 0;
    for (int d = 0; made < 1000; ++d)
      for (const auto& r : make_day(v, base.plus_days(d), static_cast<int>(v.tables.size()) * 6))
        if (made < 1000 && store.create_reservation(r, Actor{})) ++made;
    MainQueue q;
    Sync sync(config(url, key, rid, path), q);
    auto t0 = Clock::now();
    auto st = sync.push_once();
    pushes.push_back(ms_since(t0));
    if (!st || Outbox(*cache).count() != 0)
      std::fprintf(stderr, "push incomplete: %s, %lld left\n",
                   st ? "ok" : st.error().text().c_str(),
                   static_cast<long long>(Outbox(*cache).count()));
  }
  std::printf("push 1 000 outbox entries: median %.0f ms (target <= 3000 ms)\n", median(pushes));
  sh(script + " stop " + dir);
  std::error_code ec;
  std::filesystem::remove_all(dir, ec);
  return 0;
}

}  // namespace bench
