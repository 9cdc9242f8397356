#pragma once
// The Store off the frame (issue 12, item 11): a write to the SQLite cache
// takes 1-5 ms, 9-12 on a busy disk, so every Store write, and the reload of
// the day that follows it, runs on the job runner's Store lane (app/jobs.hpp)
// with its own SQLite connection to the cache file and a Store over it.
// SQLite stays safe because each connection is used by one thread only: this
// one by the Store lane, the App's (reads: the PIN login, a point read for
// the booking form) by the main thread, net::Sync's by the sync thread; WAL
// lets them read while one writes. Writes run one after another, in the
// order the host made them; their results land on the main thread through
// net's MainQueue, like every job's.
#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/jobs.hpp"
#include "foh/engine/result.hpp"
#include "foh/net/cache.hpp"
#include "foh/net/store.hpp"

namespace foh::app {

class StoreWorker {
 public:
  // A connection of its own to the cache file at `path` (not ":memory:",
  // which a second connection cannot share).
  // `jobs` outlives the worker.
  static Result<std::unique_ptr<StoreWorker>> open(const std::string& path, Jobs& jobs);
  ~StoreWorker();  // finishes the writes asked for before the Store goes
  StoreWorker(const StoreWorker&) = delete;
  StoreWorker& operator=(const StoreWorker&) = delete;

  // What runs on the Store lane: it may use `store` (and store.cache()) only
  // there, and returns what to do on the main thread.
  using Work = std::function<Jobs::Landing(net::Store& store)>;

  // Main thread only, as are the calls below. `key`: what the write disables
  // until it lands (a command id, a row id; empty: nothing); `stamp`: the
  // UTC time the Store writes, read from the frame's clock (the lane reads
  // no clock: a fixed --now stays fixed). `kind`: Write or Reload.
  JobId run(JobKind kind, std::string key, std::chrono::system_clock::time_point stamp, Work work);
  bool busy() const { return jobs_.busy(Lane::Store); }
  bool running(JobKind kind) const { return jobs_.running(kind); }
  bool pending(std::string_view key) const;  // a write under that key has not landed
  std::vector<std::string> keys() const;     // of the writes not landed yet
  std::optional<RunningJob> current() const { return jobs_.current(Lane::Store); }
  // Tests and benches: each job waits this long first, as on a slow disk.
  void set_delay_ms(int ms) { delay_ms_ = ms; }

 private:
  StoreWorker(std::unique_ptr<net::Cache> cache, Jobs& jobs);
  std::unique_ptr<net::Cache> cache_;
  std::unique_ptr<net::Store> store_;
  std::chrono::system_clock::time_point stamp_{};  // Store lane only: the running job's
  std::vector<std::pair<JobId, std::string>> keys_;
  int delay_ms_ = 0;
  Jobs& jobs_;
};

}  // namespace foh::app
