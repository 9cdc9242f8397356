#pragma once
// Background sync: its own thread and its own SQLite connection, so it never
// blocks a frame. Pulls every synced table by cursor (paged; rows committed
// late with an older updated_at are not missed, see tools/backend/SYNC.md),
// pushes the outbox in order and idempotently, polls about every second.
// Results reach the UI only through the MainQueue the UI drains each frame.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "foh/engine/model.hpp"
#include "foh/engine/result.hpp"
#include "foh/net/connectivity.hpp"
#include "foh/net/rest.hpp"

namespace foh::net {

class Cache;
class RestClient;

// The one main-thread queue: the sync thread posts, the UI drains per frame.
class MainQueue {
 public:
  void post(std::function<void()> fn);
  std::size_t drain();  // runs everything posted so far; returns how many
  std::size_t size() const;

 private:
  mutable std::mutex mu_;
  std::deque<std::function<void()>> q_;
};

struct SyncStatus {
  Connectivity state = Connectivity::Offline;
  int64_t outbox_length = 0;  // pending entries
  int64_t conflicts = 0;      // overlap conflicts waiting for a host
  int64_t failed = 0;         // entries refused for another reason
  std::string last_success;   // UTC ISO time of the last complete round
  std::string last_error;     // one line, "" after a clean round
  int64_t rows_pulled = 0;    // totals since start
  int64_t entries_pushed = 0;
};

struct SyncConfig {
  RestConfig rest;  // base_url + api_key (+ bearer after login)
  Uuid restaurant_id;
  std::string cache_path;  // the sync thread opens its own connection
  int poll_interval_ms = 1000;
  int page_size = 5000;    // rows per GET of a pull
  int store_chunk = 250;   // pulled rows per cache transaction (a local write waits at most that)
  int push_batch = 1000;   // entries per round before pulling again
  int upsert_batch = 500;  // consecutive upserts of one table sent as one array POST
  // After a round that failed on something retryable (offline, 5xx, 429):
  // wait base * 2^(n-1), capped, with jitter (half fixed, half random), then
  // retry by itself. Refused (4xx) entries stay failed until a host decides.
  int retry_base_ms = 1000;
  int retry_max_ms = 30000;
  // Entrance kiosk on the anon key: pushes its waitlist joins with
  // return=minimal (anon may not read tables) and does not pull.
  bool kiosk = false;
};

// Tells the UI something changed (rows pulled, a conflict, status). Runs on
// the main thread (through the MainQueue).
struct SyncEvents {
  std::function<void(const SyncStatus&)> on_status;
  std::function<void()> on_data_changed;  // re-read the cache
};

class Sync {
 public:
  Sync(SyncConfig config, MainQueue& queue, SyncEvents events = {});
  ~Sync();  // stops and joins
  Sync(const Sync&) = delete;
  Sync& operator=(const Sync&) = delete;

  Status start();  // opens the connection, starts the thread
  void stop();
  void poke();                         // sync now (after a local change)
  void set_bearer(std::string token);  // after a PIN login (clears LoginRequired)
  // A Manager's PIN approved a change on someone else's session (a cancel, an
  // undo): the status changes it signs go out with its token, since the
  // backend checks the role and names the author from the token.
  void add_signer(Uuid member_id, std::string token);
  SyncStatus status() const;  // thread-safe snapshot

  // One round (push then pull) on the caller's thread, without start():
  // for tests and benchmarks. Returns the round's error, if any.
  Status run_once();
  Status push_once();
  Status pull_once();

 private:
  struct Worker;
  std::unique_ptr<Worker> w_;
};

}  // namespace foh::net
