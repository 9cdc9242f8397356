#include "app/jobs.hpp"

#include <algorithm>
#include <chrono>

#include "foh/net/sync.hpp"

namespace foh::app {

Jobs::Jobs(net::MainQueue& queue, std::function<void()> wake)
    : queue_(queue), wake_(std::move(wake)), worker_([this] { loop(); }) {}

Jobs::~Jobs() {
  {
    std::lock_guard lock(mu_);
    stop_ = true;
    for (auto& t : tasks_) *t.cancelled = true;
  }
  for (auto& [id, flag] : flags_) *flag = true;  // the one running stops waiting too
  cv_.notify_all();
  worker_.join();
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
  {
    std::lock_guard lock(mu_);
    tasks_.push_back({id, std::move(work), flag});
  }
  cv_.notify_one();
  return id;
}

void Jobs::cancel(JobId id) {
  std::erase_if(running_, [id](const RunningJob& j) { return j.id == id; });
  for (auto& [fid, flag] : flags_)
    if (fid == id) *flag = true;
  std::erase_if(flags_, [id](const auto& f) { return f.first == id; });
}

bool Jobs::running(JobKind kind) const {
  return std::any_of(running_.begin(), running_.end(),
                     [kind](const RunningJob& j) { return j.kind == kind; });
}

std::optional<RunningJob> Jobs::current() const {
  if (running_.empty()) return std::nullopt;
  return running_.front();
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

void Jobs::finish() {
  std::unique_lock lock(mu_);
  idle_.wait(lock, [this] { return stop_ || (tasks_.empty() && !working_); });
}

void Jobs::loop() {
  for (;;) {
    Task task;
    {
      std::unique_lock lock(mu_);
      working_ = false;
      if (tasks_.empty()) idle_.notify_all();
      cv_.wait(lock, [this] { return stop_ || !tasks_.empty(); });
      if (stop_) return;
      task = std::move(tasks_.front());
      tasks_.pop_front();
      working_ = true;
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
