#include "app/jobs.hpp"

#include <algorithm>
#include <chrono>

#include "foh/net/sync.hpp"

namespace foh::app {

Jobs::Jobs(net::MainQueue& queue, std::function<void()> wake)
    : queue_(queue), wake_(std::move(wake)) {
  for (Worker& w : lanes_) w.thread = std::thread([this, &w] { loop(w); });
}

Jobs::~Jobs() {
  {
    std::lock_guard lock(mu_);
    stop_ = true;
    for (Worker& w : lanes_)
      for (auto& t : w.tasks) *t.cancelled = true;
  }
  for (auto& [id, flag] : flags_) *flag = true;  // the ones running stop waiting too
  for (Worker& w : lanes_) w.wake.notify_all();
  for (Worker& w : lanes_) w.thread.join();
}

int64_t Jobs::steady_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

JobId Jobs::start(JobKind kind, Work work) {
  const JobId id = next_id_++;
  auto flag = std::make_shared<std::atomic<bool>>(false);
  running_.push_back({id, kind, steady_ms()});
  flags_.emplace_back(id, flag);
  Worker& w = lanes_[static_cast<size_t>(lane_of(kind))];
  {
    std::lock_guard lock(mu_);
    w.tasks.push_back({id, std::move(work), flag});
  }
  w.wake.notify_one();
  return id;
}

void Jobs::cancel(JobId id) {
  std::erase_if(running_, [id](const RunningJob& j) { return j.id == id; });
  for (auto& [fid, flag] : flags_)
    if (fid == id) *flag = true;
  std::erase_if(flags_, [id](const auto& f) { return f.first == id; });
}

bool Jobs::busy(Lane lane) const { return current(lane).has_value(); }

bool Jobs::running(JobKind kind) const {
  return std::any_of(running_.begin(), running_.end(),
                     [kind](const RunningJob& j) { return j.kind == kind; });
}

std::optional<RunningJob> Jobs::current(Lane lane) const {
  for (const RunningJob& j : running_)  // in the order started: the first is the oldest
    if (lane_of(j.kind) == lane) return j;
  return std::nullopt;
}

// On the main thread: a cancelled job is no longer in running_, so its
// result is dropped.
void Jobs::land(JobId id, const Landing& landing) {
  const auto it = std::find_if(running_.begin(), running_.end(),
                               [id](const RunningJob& j) { return j.id == id; });
  if (it == running_.end()) return;
  running_.erase(it);
  std::erase_if(flags_, [id](const auto& f) { return f.first == id; });
  if (landing) landing();
}

void Jobs::finish(Lane lane) {
  Worker& w = lanes_[static_cast<size_t>(lane)];
  std::unique_lock lock(mu_);
  w.idle.wait(lock, [this, &w] { return stop_ || (w.tasks.empty() && !w.working); });
}

void Jobs::loop(Worker& w) {
  for (;;) {
    Task task;
    {
      std::unique_lock lock(mu_);
      w.working = false;
      if (w.tasks.empty()) w.idle.notify_all();
      w.wake.wait(lock, [this, &w] { return stop_ || !w.tasks.empty(); });
      if (stop_) return;
      task = std::move(w.tasks.front());
      w.tasks.pop_front();
      w.working = true;
    }
    if (*task.cancelled) continue;  // cancelled while queued: not even started
    auto flag = task.cancelled;
    Landing landing = task.work([flag] { return flag->load(); });
    if (*flag) continue;
    queue_.post([this, id = task.id, landing = std::move(landing)] { land(id, landing); });
    if (wake_) wake_();
  }
}

}  // namespace foh::app
