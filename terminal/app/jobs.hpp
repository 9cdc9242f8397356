#pragma once
// The one job runner: whatever may take longer than a frame runs here, off
// the frame, and what to do with its result comes back on the main thread
// through net's MainQueue (the shell drains it each frame), so no other
// thread ever writes UI state. Two lanes, one thread each, because the work
// differs in what it may wait for and what it holds:
//  - Checks: a PIN login over the network, PBKDF2 at the kiosk exit,
//    optimise_day. Cancellable: a job the host cancels is no longer waited
//    for, its late result is dropped, its work sees `cancelled()`.
//  - Store: the Store's writes and the day's reads (app/store_worker.hpp),
//    in the order asked, on the lane's own SQLite connection; a login stuck
//    on a hung backend never holds a write back, and a write is never dropped.
// Both share one list of running jobs: busy(), running() and the busy state
// see every job, whichever lane runs it.
#include <array>
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
enum class JobKind { Login, ManagerPin, KioskExit, Optimise, Write, Reload, Export };

enum class Lane { Checks, Store };
// Write, Reload and Export (a file written, never dropped) run on the Store's
// lane (app/store_worker.hpp), the rest on Checks.
constexpr Lane lane_of(JobKind k) {
  return k == JobKind::Write || k == JobKind::Reload || k == JobKind::Export ? Lane::Store
                                                                             : Lane::Checks;
}

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
  using Work = std::function<Landing(const Cancelled&)>;  // runs on the job's lane

  // `wake` (thread-safe) gets the main loop to drain the queue now.
  explicit Jobs(net::MainQueue& queue, std::function<void()> wake = {});
  ~Jobs();  // cancels what is left and joins both lanes
  Jobs(const Jobs&) = delete;
  Jobs& operator=(const Jobs&) = delete;

  // Main thread only, as are the calls below. The job runs on lane_of(kind).
  JobId start(JobKind kind, Work work);
  void cancel(JobId id);
  bool busy() const { return !running_.empty(); }
  bool busy(Lane lane) const;
  bool running(JobKind kind) const;
  // The oldest job of that lane not landed yet: what the busy state shows.
  std::optional<RunningJob> current(Lane lane) const;
  static int64_t steady_ms();
  // Waits until the lane has run every job started on it so far (their
  // landings stay queued): at exit, a write the host asked for is done, not dropped.
  void finish(Lane lane);

 private:
  struct Task {
    JobId id = 0;
    Work work;
    std::shared_ptr<std::atomic<bool>> cancelled;
  };
  struct Worker {  // one lane's queue and thread; guarded by mu_
    std::deque<Task> tasks;
    bool working = false;
    std::condition_variable wake;
    std::condition_variable idle;  // took the last task and finished it
    std::thread thread;
  };
  void loop(Worker& w);
  void land(JobId id, const Landing& landing);

  net::MainQueue& queue_;
  std::function<void()> wake_;
  std::vector<RunningJob> running_;                                          // main thread
  std::vector<std::pair<JobId, std::shared_ptr<std::atomic<bool>>>> flags_;  // main thread
  JobId next_id_ = 1;

  std::mutex mu_;  // guards the workers' tasks and working, and stop_
  bool stop_ = false;
  std::array<Worker, 2> lanes_;  // indexed by Lane; last: threads start once the rest is built
};

}  // namespace foh::app
