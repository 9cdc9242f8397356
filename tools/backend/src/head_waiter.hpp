#pragma once
// Connections waiting for a request head, watched by one thread with poll()
// instead of each holding an HTTP worker thread. A connection goes to a
// worker only once its whole head (request line and headers) has arrived,
// so clients that dribble header bytes, or keep-alive connections sitting
// idle, cannot take every worker and starve /health and the REST API. A head
// that is not complete by its deadline, or a connection that stays idle past
// it, is closed.
#include <chrono>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace foh::backend {

using Clock = std::chrono::steady_clock;

// Bytes received on a connection before a worker takes it (a head, perhaps
// more), and how many more requests it may carry.
struct WaitingConnection {
  int sock = -1;
  std::string bytes;
  size_t requests_left = 0;
  Clock::time_point idle_until;  // no byte by then: closed
  Clock::time_point head_until;  // set at the first byte: the head must be in by then
};

// Whether `bytes` hold a whole request head (they end an empty line).
bool head_complete(const std::string& bytes);

class HeadWaiter {
 public:
  using Ready = std::function<void(WaitingConnection)>;
  HeadWaiter(Ready ready, std::chrono::milliseconds head_deadline, size_t max_head_bytes);
  ~HeadWaiter();
  HeadWaiter(const HeadWaiter&) = delete;
  HeadWaiter& operator=(const HeadWaiter&) = delete;

  // Watches `c` until its head is complete (then `ready` gets it, on the
  // waiter's thread) or a deadline passes (then it is closed). After stop(),
  // closes it at once.
  void add(WaitingConnection c);
  // Closes every waiting connection and ends the thread; `ready` is not called after.
  void stop();

 private:
  void loop();
  bool read_some(WaitingConnection& c, Clock::time_point now);  // false: closed or failed

  Ready ready_;
  std::chrono::milliseconds head_deadline_;
  size_t max_head_bytes_;
  std::mutex mu_;
  std::vector<WaitingConnection> incoming_;
  bool stopped_ = false;
  int wake_[2] = {-1, -1};  // a pipe that interrupts poll() when one is added or at stop
  std::thread thread_;
};

}  // namespace foh::backend
