#include "app/services.hpp"

#include <cstdio>
#include <filesystem>
#include <iostream>

#include "app/log.hpp"
#include "app/seed.hpp"
#include "foh/net/cache_recover.hpp"
#include "foh/net/quarantine.hpp"
#include "foh/net/rest.hpp"
#include "foh/platform/platform.hpp"

namespace foh::app {

Services::~Services() {
  writer.reset();  // the writes asked for are done first (their results are not shown)
  jobs.reset();    // a check's late result never lands in a closing app
  if (sync) sync->stop();
}

Result<std::unique_ptr<Services>> Services::open(const Options& options, AppClock& clock,
                                                 ui::Language locale,
                                                 std::vector<std::string>& said) {
  std::unique_ptr<Services> s(new Services(options));
  s->path = options.db.empty() ? default_db_path() : options.db;
  s->open_log();
  if (auto st = s->open_cache(clock, locale, said); !st) return st.error();
  if (!s->online() && !s->cache->has_venue()) {
    // Standalone first run: the cache becomes the store, seeded with the demo.
    auto assets = find_assets(options.assets);
    if (!assets) return assets.error();
    if (auto st = seed_demo(*s->cache, *assets, clock.now().date()); !st) return st.error();
  }
  if (auto st = s->open_runner(clock); !st) return st.error();
  if (s->online()) {
    net::RestConfig rc;
    rc.base_url = options.backend_url;
    rc.api_key = options.anon_key;
    // pin-login takes only the terminal's own login; without one, PINs are checked offline.
    rc.bearer = options.device_token;
    s->rest = std::make_unique<net::RestClient>(rc);
  }
  s->login = std::make_unique<net::PinLogin>(*s->cache, net::LoginConfig{}, s->rest.get(),
                                             options.restaurant_id);
  return s;
}

// The log lives beside the cache, in the terminal's data directory; a
// terminal that cannot write it runs on (and says so on stderr).
void Services::open_log() const {
  const auto dir = std::filesystem::path(path).parent_path().string();
  if (auto st = log::open(dir); !st) std::cerr << "foh-terminal: " << st.error().text() << "\n";
  log::info("start", {{"db", path},
                      {"backend", online() ? options.backend_url : "none (standalone)"},
                      {"device_login", options.device_token.empty() ? "no" : "yes"},
                      {"kiosk", options.kiosk ? "yes" : "no"}});
}

// A damaged file (truncated, garbled, failing its check) is kept aside and
// replaced by a fresh cache, which the first pull fills (or the demo seeds,
// standalone); the unsent changes still readable in it are queued again.
Status Services::open_cache(AppClock& clock, ui::Language locale, std::vector<std::string>& said) {
  auto opened = net::open_cache(path, clock.system_now());
  if (!opened) return opened.error();
  cache = std::move(opened->cache);
  if (const auto& rec = opened->recovery) {
    std::cerr << "foh-terminal: " << rec->message() << "\n";
    log::warn("cache_recovered", {{"problem", rec->problem},
                                  {"kept_as", rec->kept_as},
                                  {"outbox_salvaged", std::to_string(rec->outbox_salvaged)}});
    const ui::Language l = options.locale.empty() ? locale : ui::locale_from(options.locale);
    char line[1024];
    std::snprintf(line, sizeof line, ui::tr(l, "diag.cache_recovered"), rec->problem.c_str(),
                  rec->kept_as.c_str(), rec->outbox_salvaged);
    said.emplace_back(line);
  }
  // A row an earlier build set aside may read now.
  if (auto released = net::Quarantine(*cache).retry(); !released)
    said.push_back(ui::error_text(locale, released.error()));
  return ok();
}

// Results of slow work come back through the queue; the loop is woken to drain it.
Status Services::open_runner(AppClock& clock) {
  jobs = std::make_unique<Jobs>(queue, [] { platform::Platform::wake(); });
  auto opened = StoreWorker::open(path, *jobs);
  if (!opened) return opened.error();
  writer = std::move(*opened);
  if (options.write_delay_ms > 0) writer->set_delay_ms(options.write_delay_ms);
  store = std::make_unique<net::Store>(*cache, [&clock] { return clock.system_now(); });
  return ok();
}

Status Services::start_sync(net::SyncEvents events) {
  net::SyncConfig sc;
  sc.rest.base_url = options.backend_url;
  sc.rest.api_key = options.anon_key;
  sc.rest.bearer = options.device_token;
  sc.restaurant_id = options.restaurant_id;
  sc.cache_path = path;
  // A kiosk on the anon key may only push its joins; with a device login it syncs like a desk.
  sc.kiosk = options.kiosk && options.device_token.empty();
  sync = std::make_unique<net::Sync>(sc, queue, std::move(events));
  return sync->start();
}

}  // namespace foh::app
