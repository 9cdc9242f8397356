#pragma once
// Private: the sync thread's state, shared by sync.cpp (thread, status),
// sync_push.cpp (outbox) and sync_pull.cpp (cursors).
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "foh/net/cache.hpp"
#include "foh/net/outbox.hpp"
#include "foh/net/rest.hpp"
#include "foh/net/sync.hpp"
#include "foh/net/sync_state_machine.hpp"

namespace foh::net {

struct Sync::Worker {
  SyncConfig cfg;
  MainQueue& queue;
  SyncEvents events;
  std::unique_ptr<Cache> cache;      // the sync thread's own connection
  std::unique_ptr<RestClient> rest;  // its own curl handle

  std::thread thread;
  std::atomic<bool> stopping{false};  // also read by the REST client's transfers
  // The one lock: the wake-up, what the UI thread hands over (a token, a
  // manager's signature), the link state and the status snapshot.
  mutable std::mutex mu;
  std::condition_variable cv;
  bool poked = false;
  std::optional<std::string> new_bearer;    // set_bearer(), taken at the next round
  std::map<Uuid, std::string> new_signers;  // add_signer(), taken at the next round
  LinkState link = LinkState::Offline;      // status.state derives from it (snapshot())
  SyncStatus status;
  bool data_changed = false;  // set by push/pull in a round
  // Sync thread only. A member's token (pin-login) lives minutes, a shift
  // hours: when it expires, the terminal's own login (cfg.rest.bearer, the
  // device token), once it has synced, keeps pulling (LinkState::ReadingAsDevice).
  // Pushes wait for the next PIN login: the backend names a status change's
  // author from the token. A fact about that login, not a state of the link.
  bool device_synced = false;
  // Sync thread only: tokens of managers who approved a change here, by member.
  std::map<Uuid, std::string> signers;

  // Sync thread only: when the SMS quota was last read (texts.hpp); it is
  // read at most every kQuotaEvery, not on every 1-2 s pull.
  std::chrono::steady_clock::time_point quota_read{};
  static constexpr std::chrono::seconds kQuotaEvery{30};

  Worker(SyncConfig c, MainQueue& q, SyncEvents e)
      : cfg(std::move(c)), queue(q), events(std::move(e)) {}

  // Consecutive rounds that failed on something retryable (offline, 5xx,
  // 429, an unusable answer): the loop backs off (next_wait).
  int failed_rounds = 0;
  std::minstd_rand rng{std::random_device{}()};  // backoff jitter

  Status ensure_open();
  Status round();                         // push then pull, updates status
  std::chrono::milliseconds next_wait();  // after a round: poll interval or backoff
  Status push();                          // sync_push.cpp

  // Rows (table, id) whose refused entry holds their later changes back.
  using Held = std::set<std::pair<std::string, Uuid>>;
  std::vector<const OutboxEntry*> upsert_run(const std::vector<OutboxEntry>& entries,
                                             std::size_t& i, const Held& held);
  Status push_single(const OutboxEntry& e, Held& held);
  const std::string* signer_token(const OutboxEntry& e);
  Status push_upserts(const std::vector<const OutboxEntry*>& run, Held& held);
  Status transient(const OutboxEntry& e, const RestError& err);
  void pushed(int64_t n);

  Status pull();  // sync_pull.cpp
  Status pull_table(const std::string& table, int64_t horizon, int64_t& total);
  void propose_for_conflicts();  // sync_push.cpp: engine proposals after a pull
  bool as_device() const { return rest->config().bearer == cfg.rest.bearer; }
  void take_login();  // a new token from set_bearer(), before a round
  void end_round(const Status& st, bool as_device_round);
  void read_as_device();  // after a refused round: pull with the device token
  // Moves the link state (returned) and keeps what the status says about it
  // (last error, last success) in step. Sync thread only, not under mu.
  LinkState apply(LinkEvent e, const std::string& error = {});
  SyncStatus snapshot() const;  // under mu
  void refresh_counts();
  void publish();
  void loop();
};

// The sync thread and its page fetcher give way to the UI thread: on a
// two-core tablet a pull must not make a frame or a cache read wait for CPU.
void lower_priority();

// PostgREST filter for the terminal's restaurant on `table`, "" when none.
std::string restaurant_filter(const std::string& table, const Uuid& restaurant_id);

}  // namespace foh::net
