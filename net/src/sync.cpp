// The sync thread: one round (push, then pull) about every second or when
// poked; a snapshot of its status for the screens; results to the UI only
// through the MainQueue.
#include "foh/net/sync.hpp"

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <random>

#include "foh/net/entities.hpp"
#include "foh/net/local_settings.hpp"
#include "foh/net/sync_state.hpp"
#include "sync_worker.hpp"

namespace foh::net {

void MainQueue::post(std::function<void()> fn) {
  std::lock_guard lock(mu_);
  q_.push_back(std::move(fn));
}

std::size_t MainQueue::drain() {
  std::deque<std::function<void()>> batch;
  {
    std::lock_guard lock(mu_);
    batch.swap(q_);
  }
  for (auto& fn : batch) fn();
  return batch.size();
}

std::size_t MainQueue::size() const {
  std::lock_guard lock(mu_);
  return q_.size();
}

const char* to_string(Connectivity c) {
  switch (c) {
    case Connectivity::Standalone:
      return "standalone";
    case Connectivity::Offline:
      return "offline";
    case Connectivity::Online:
      return "online";
    case Connectivity::Syncing:
      return "syncing";
    case Connectivity::LoginRequired:
      return "login required";
  }
  return "?";
}

Sync::Sync(SyncConfig config, MainQueue& queue, SyncEvents events)
    : w_(std::make_unique<Worker>(std::move(config), queue, std::move(events))) {}

Sync::~Sync() { stop(); }

Status Sync::start() {
  if (w_->thread.joinable()) return ok();
  if (auto st = w_->ensure_open(); !st) return st;
  w_->stopping = false;
  w_->thread = std::thread([w = w_.get()] { w->loop(); });
  return ok();
}

void Sync::stop() {
  w_->stopping = true;
  w_->cv.notify_all();
  if (w_->thread.joinable()) w_->thread.join();
}

void Sync::poke() {
  {
    std::lock_guard lock(w_->mu);
    w_->poked = true;
  }
  w_->cv.notify_all();
}

void Sync::set_bearer(std::string token) {
  {
    std::lock_guard lock(w_->mu);
    w_->new_bearer = std::move(token);
    w_->poked = true;
  }
  w_->cv.notify_all();
}

void Sync::add_signer(Uuid member_id, std::string token) {
  {
    std::lock_guard lock(w_->mu);
    w_->new_signers[std::move(member_id)] = std::move(token);
    w_->poked = true;
  }
  w_->cv.notify_all();
}

SyncStatus Sync::status() const {
  std::lock_guard lock(w_->mu);
  return w_->snapshot();
}

Status Sync::run_once() {
  if (auto st = w_->ensure_open(); !st) return st;
  return w_->round();
}

Status Sync::push_once() {
  if (auto st = w_->ensure_open(); !st) return st;
  return w_->push();
}

Status Sync::pull_once() {
  if (auto st = w_->ensure_open(); !st) return st;
  auto st = w_->pull();
  if (st) w_->propose_for_conflicts();
  return st;
}

// ---------------------------------------------------------------- worker

Status Sync::Worker::ensure_open() {
  if (!cache) {
    auto c = Cache::open(cfg.cache_path);
    if (!c) return c.error();
    cache = std::move(c).value();
    LocalSettings kept(*cache);
    if (!cfg.restaurant_id.empty() && !kept.get("restaurant_id"))
      if (auto st = kept.set("restaurant_id", cfg.restaurant_id); !st) return st;
  }
  if (!rest) {
    RestConfig rc = cfg.rest;
    rc.should_stop = [this] { return stopping.load(); };
    rest = std::make_unique<RestClient>(std::move(rc));
  }
  return ok();
}

LinkState Sync::Worker::apply(LinkEvent e, const std::string& error) {
  std::lock_guard lock(mu);
  link = next(link, e);
  switch (e) {
    case LinkEvent::Refused:
      status.last_error = error;
      break;
    case LinkEvent::RoundSucceeded:  // also when pulled as the device
      if (link == LinkState::Online || link == LinkState::ReadingAsDevice)
        status.last_success = utc_now_iso();
      if (link == LinkState::Online) status.last_error.clear();
      break;
    case LinkEvent::RoundFailed:  // a refusal keeps its own error
      if (link == LinkState::Offline) status.last_error = error;
      break;
    case LinkEvent::DeviceReads:
      if (link == LinkState::ReadingAsDevice)
        status.last_error =
            "login expired: other terminals' changes still arrive; this terminal's "
            "wait for the next PIN login";
      break;
    case LinkEvent::SignedIn:
    case LinkEvent::RoundStarted:
      break;
  }
  return link;
}

SyncStatus Sync::Worker::snapshot() const {
  SyncStatus snap = status;
  snap.state = connectivity(link);
  return snap;
}

void Sync::Worker::refresh_counts() {
  Outbox outbox(*cache);
  int64_t pending = outbox.count(OutboxState::Pending);
  int64_t failed = outbox.count(OutboxState::Failed);
  int64_t conflicts = static_cast<int64_t>(SyncState(*cache).conflicts().size());
  std::lock_guard lock(mu);
  status.outbox_length = pending;
  status.failed = failed;
  status.conflicts = conflicts;
}

void Sync::Worker::publish() {
  SyncStatus snap;
  bool changed;
  {
    std::lock_guard lock(mu);
    snap = snapshot();
    changed = data_changed;
    data_changed = false;
  }
  if (events.on_status) queue.post([cb = events.on_status, snap] { cb(snap); });
  if (changed && events.on_data_changed) queue.post(events.on_data_changed);
}

void Sync::Worker::take_login() {
  std::optional<std::string> token;
  {
    std::lock_guard lock(mu);
    token.swap(new_bearer);
  }
  if (!token) return;
  rest->set_bearer(*token);
  apply(LinkEvent::SignedIn);
}

Status Sync::Worker::round() {
  take_login();
  const LinkState at_start = apply(LinkEvent::RoundStarted);
  if (at_start == LinkState::LoginRequired) return Error{"sync", "login required"};
  const bool as_device_round = at_start == LinkState::ReadingAsDevice;
  Status st = as_device_round ? ok() : push();
  if (st && !cfg.kiosk) st = pull();
  if (st && !cfg.kiosk) propose_for_conflicts();
  refresh_counts();
  if (st && as_device()) device_synced = true;
  end_round(st, as_device_round);
  publish();
  return st;
}

// A refused round waits for a login, it does not back off; the device's
// rounds while it waits do.
void Sync::Worker::end_round(const Status& st, bool as_device_round) {
  const LinkState end =
      apply(st ? LinkEvent::RoundSucceeded : LinkEvent::RoundFailed, st ? "" : st.error().text());
  const bool refused = end == LinkState::LoginRequired;  // a refused round fails and stays so
  failed_rounds = st || (refused && !as_device_round) ? 0 : failed_rounds + 1;
  if (!refused) return;
  if (as_device_round)
    device_synced = false;  // the terminal's own login was refused too
  else
    read_as_device();
}

// After a 401 on a member's token: pull with the device token until the next
// PIN login (or until the device token is refused too).
void Sync::Worker::read_as_device() {
  if (!device_synced || cfg.rest.bearer.empty() || as_device()) return;
  rest->set_bearer(cfg.rest.bearer);
  apply(LinkEvent::DeviceReads);
}

// Full backoff after n failed rounds: base * 2^(n-1), capped; half of it
// fixed, half random, so that terminals that lost the Wi-Fi together don't
// come back in step.
std::chrono::milliseconds Sync::Worker::next_wait() {
  if (failed_rounds == 0) return std::chrono::milliseconds(cfg.poll_interval_ms);
  int64_t d = cfg.retry_base_ms;
  for (int i = 1; i < failed_rounds && d < cfg.retry_max_ms; ++i) d *= 2;
  d = std::min<int64_t>(d, cfg.retry_max_ms);
  std::uniform_int_distribution<int64_t> jitter(0, d / 2);
  return std::chrono::milliseconds(d - d / 2 + jitter(rng));
}

void lower_priority() {
  // Linux: a thread's nice value is its own (setpriority on its tid).
  setpriority(PRIO_PROCESS, static_cast<id_t>(::gettid()), 10);
}

void Sync::Worker::loop() {
  lower_priority();
  while (!stopping) {
    (void)round();  // its error is already in the status and in failed_rounds (the back-off)
    auto wait = next_wait();
    bool backing_off = failed_rounds > 0;
    std::unique_lock lock(mu);
    // A poke (a local change) syncs at once, except while backing off: the
    // change is safe in the outbox and goes with the next attempt.
    cv.wait_for(lock, wait, [&] { return stopping.load() || (poked && !backing_off); });
    poked = false;
  }
}

std::string restaurant_filter(const std::string& table, const Uuid& restaurant_id) {
  if (restaurant_id.empty()) return {};
  if (table == Entity<Restaurant>::table) return "&id=eq." + restaurant_id;
  // Events carry no restaurant_id (RLS scopes them); customers may be shared.
  if (table == Entity<ReservationEvent>::table || table == Entity<Customer>::table) return {};
  return "&restaurant_id=eq." + restaurant_id;
}

}  // namespace foh::net
