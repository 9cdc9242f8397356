#pragma once
// The one job runner: whatever may take longer than a frame can wait (a PIN
// login over the network, PBKDF2 at the kiosk exit, optimise_day) runs on its
// worker thread, one job after another. A job's work returns what to do with
// its result on the main thread; that comes back through net's MainQueue (the
// shell drains it each frame), so no other thread ever writes UI state. A job
// the host cancels is no longer waited for: its late result is dropped, and
// its work sees `cancelled()` (a request in flight is aborted).
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "foh/engine/calendar.hpp"

namespace foh::net {
class MainQueue;
}

namespace foh::app {

// What a job is doing, as the busy state names it.
// Write and Reload run on the Store's worker (app/store_worker.hpp).
enum class JobKind { Login, ManagerPin, KioskExit, Optimise, Write, Reload };

using JobId = uint64_t;

struct RunningJob {
  JobId id = 0;
  JobKind kind = JobKind::Login;
  int64_t started_ms = 0;  // steady clock, for "… 3 s"
};

class Jobs {
 public:
  using Cancelled = std::function<bool()>;
  using Landing = std::function<void()>;                  // runs on the main thread
  using Work = std::function<Landing(const Cancelled&)>;  // runs on the worker

  // `wake` (thread-safe) gets the main loop to drain the queue now.
  explicit Jobs(net::MainQueue& queue, std::function<void()> wake = {});
  ~Jobs();  // cancels what is left and joins the worker
  Jobs(const Jobs&) = delete;
  Jobs& operator=(const Jobs&) = delete;

  // Main thread only, as are the calls below.
  JobId start(JobKind kind, Work work);
  void cancel(JobId id);
  bool busy() const { return !running_.empty(); }
  bool running(JobKind kind) const;
  // The oldest job not landed yet: what the busy state shows.
  std::optional<RunningJob> current() const;
  static int64_t steady_ms();
  // Waits until the worker has run every job started so far (their landings
  // stay queued): at exit, a write the host asked for is done, not dropped.
  void finish();

 private:
  struct Task {
    JobId id = 0;
    Work work;
    std::shared_ptr<std::atomic<bool>> cancelled;
  };
  void loop();
  void land(JobId id, const Landing& landing);

  net::MainQueue& queue_;
  std::function<void()> wake_;
  std::vector<RunningJob> running_;                                          // main thread
  std::vector<std::pair<JobId, std::shared_ptr<std::atomic<bool>>>> flags_;  // main thread
  JobId next_id_ = 1;

  std::mutex mu_;  // guards tasks_ and stop_
  std::condition_variable cv_;
  std::condition_variable idle_;  // the worker took the last task and finished it
  std::deque<Task> tasks_;
  bool stop_ = false;
  bool working_ = false;
  std::thread worker_;
};

}  // namespace foh::app
