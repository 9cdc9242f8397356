#include "head_waiter.hpp"

#include <fcntl.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>

namespace foh::backend {
namespace {

constexpr int kMaxPollMs = 1000;  // a bound on each wait, so deadlines are seen

void close_socket(int sock) {
  ::shutdown(sock, SHUT_RDWR);
  ::close(sock);
}

Clock::time_point deadline_of(const WaitingConnection& c) {
  return c.bytes.empty() ? c.idle_until : c.head_until;
}

}  // namespace

bool head_complete(const std::string& bytes) {
  return bytes.find("\n\r\n") != std::string::npos || bytes.find("\n\n") != std::string::npos;
}

HeadWaiter::HeadWaiter(Ready ready, std::chrono::milliseconds head_deadline, size_t max_head_bytes)
    : ready_(std::move(ready)), head_deadline_(head_deadline), max_head_bytes_(max_head_bytes) {
  if (::pipe2(wake_, O_CLOEXEC | O_NONBLOCK) == 0) thread_ = std::thread([this] { loop(); });
}

HeadWaiter::~HeadWaiter() {
  stop();
  for (int fd : wake_)
    if (fd >= 0) ::close(fd);
}

void HeadWaiter::add(WaitingConnection c) {
  {
    std::lock_guard lock(mu_);
    if (!stopped_ && thread_.joinable()) {
      incoming_.push_back(std::move(c));
      c.sock = -1;
    }
  }
  if (c.sock >= 0) {
    close_socket(c.sock);
    return;
  }
  char one = 1;
  [[maybe_unused]] ssize_t n = ::write(wake_[1], &one, 1);  // a full pipe wakes it all the same
}

void HeadWaiter::stop() {
  {
    std::lock_guard lock(mu_);
    if (stopped_) return;
    stopped_ = true;
  }
  char one = 1;
  [[maybe_unused]] ssize_t n = ::write(wake_[1], &one, 1);
  if (thread_.joinable()) thread_.join();
}

// Appends what the peer sent. A head too long is passed on anyway: httplib
// answers it (414 / 400) rather than the connection being dropped silently.
bool HeadWaiter::read_some(WaitingConnection& c, Clock::time_point now) {
  char buf[4096];
  ssize_t n;
  do {
    n = ::recv(c.sock, buf, sizeof buf, MSG_DONTWAIT);
  } while (n < 0 && errno == EINTR);
  if (n < 0) return errno == EAGAIN || errno == EWOULDBLOCK;
  if (n == 0) return false;
  if (c.bytes.empty()) c.head_until = now + head_deadline_;
  c.bytes.append(buf, static_cast<size_t>(n));
  return true;
}

void HeadWaiter::loop() {
  std::vector<WaitingConnection> waiting;
  std::vector<pollfd> fds;
  while (true) {
    {
      std::lock_guard lock(mu_);
      if (stopped_) break;
      for (auto& c : incoming_) waiting.push_back(std::move(c));
      incoming_.clear();
    }
    auto now = Clock::now();
    int wait_ms = kMaxPollMs;
    fds.assign(1, pollfd{wake_[0], POLLIN, 0});
    for (const auto& c : waiting) {
      fds.push_back(pollfd{c.sock, POLLIN, 0});
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline_of(c) - now);
      wait_ms = std::clamp(static_cast<int>(left.count()) + 1, 0, wait_ms);
    }
    int got = ::poll(fds.data(), fds.size(), wait_ms);
    if (got < 0 && errno != EINTR) break;
    if (fds[0].revents) {
      char drain[64];
      while (::read(wake_[0], drain, sizeof drain) > 0) {
      }
    }
    now = Clock::now();
    std::vector<WaitingConnection> still;
    for (size_t i = 0; i < waiting.size(); ++i) {
      WaitingConnection& c = waiting[i];
      bool alive = !fds[i + 1].revents || read_some(c, now);
      if (alive && (head_complete(c.bytes) || c.bytes.size() > max_head_bytes_))
        ready_(std::move(c));
      else if (alive && now < deadline_of(c))
        still.push_back(std::move(c));
      else
        close_socket(c.sock);
    }
    waiting = std::move(still);
  }
  std::lock_guard lock(mu_);
  for (auto& c : waiting) close_socket(c.sock);
  for (auto& c : incoming_) close_socket(c.sock);
  incoming_.clear();
}

}  // namespace foh::backend
