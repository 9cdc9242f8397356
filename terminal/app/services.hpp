#pragma once
// What the terminal runs on, owned in one place and stopped in one order:
// the cache and its Store, the PIN login (online through the REST client when
// a backend is set), the main-thread queue, the one job runner and its Store
// lane, and the sync. The shell (app/app.hpp) only uses them.
#include <memory>
#include <string>
#include <vector>

#include "app/clock.hpp"
#include "app/jobs.hpp"
#include "app/options.hpp"
#include "app/store_worker.hpp"
#include "foh/net/cache.hpp"
#include "foh/net/login.hpp"
#include "foh/net/store.hpp"
#include "foh/net/sync.hpp"
#include "i18n.hpp"

namespace foh::app {

struct Services {
  // Opens the log, the cache (a damaged one moved aside, the demo seeded
  // standalone), the runner, the Store and the login; the sync waits for
  // start_sync. What the host should read goes to `said` (in `locale`).
  static Result<std::unique_ptr<Services>> open(const Options& options, AppClock& clock,
                                                ui::Language locale,
                                                std::vector<std::string>& said);
  ~Services();  // the writes asked for are done, the checks dropped, then the sync stops
  Services(const Services&) = delete;
  Services& operator=(const Services&) = delete;

  bool online() const { return !options.backend_url.empty(); }
  // Online only: the sync pulls and pushes on its thread, `events` on the queue.
  Status start_sync(net::SyncEvents events);

  Options options;
  std::string path;  // the cache's file
  std::unique_ptr<net::Cache> cache;
  std::unique_ptr<net::Store> store;
  std::unique_ptr<net::PinLogin> login;
  std::unique_ptr<net::RestClient> rest;  // online PIN login, when a backend is set
  net::MainQueue queue;
  // The one job runner (app/jobs.hpp); after queue: its lanes stop before the queue goes.
  std::unique_ptr<Jobs> jobs;
  // The Store's writes and the day's reads, on the runner's Store lane; after jobs.
  std::unique_ptr<StoreWorker> writer;
  std::unique_ptr<net::Sync> sync;

 private:
  explicit Services(const Options& o) : options(o) {}
  Status open_cache(AppClock& clock, ui::Language locale, std::vector<std::string>& said);
  Status open_runner(AppClock& clock);
  void open_log() const;
};

}  // namespace foh::app
