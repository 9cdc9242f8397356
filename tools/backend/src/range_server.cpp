#include "range_server.hpp"

#include <arpa/inet.h>
#include <httplib.h>
#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <string>

#include "head_waiter.hpp"

namespace foh::backend {
namespace {

constexpr size_t kMaxHeaderLine = 64 * 1024;  // past this a line passes unchanged

int timeout_ms(time_t sec, time_t usec) { return static_cast<int>(sec * 1000 + usec / 1000); }

bool wait_for(int sock, short events, int ms) {
  pollfd p{sock, events, 0};
  int n;
  do {
    n = ::poll(&p, 1, ms);
  } while (n < 0 && errno == EINTR);
  return n > 0;
}

bool starts_with_nocase(const std::string& s, const char* prefix) {
  size_t n = std::strlen(prefix);
  return s.size() >= n && strncasecmp(s.data(), prefix, n) == 0;
}

void address_of(int sock, bool peer, std::string& ip, int& port) {
  sockaddr_storage addr{};
  socklen_t len = sizeof(addr);
  auto* sa = reinterpret_cast<sockaddr*>(&addr);
  if ((peer ? getpeername(sock, sa, &len) : getsockname(sock, sa, &len)) != 0) return;
  char host[NI_MAXHOST], serv[NI_MAXSERV];
  if (getnameinfo(sa, len, host, sizeof host, serv, sizeof serv, NI_NUMERICHOST | NI_NUMERICSERV) ==
      0) {
    ip = host;
    port = std::atoi(serv);
  }
}

// A socket stream, like httplib's own, that rewrites one header name. httplib
// reads the request line and the headers one byte at a time and the body by
// its exact length, so the header block ends at the first empty line after
// start_request() and nothing past it is ever rewritten.
class HeaderRenamingStream final : public httplib::Stream {
 public:
  // `received`: bytes the HeadWaiter already read from the socket.
  HeaderRenamingStream(int sock, std::string received, int read_ms, int write_ms)
      : sock_(sock), read_ms_(read_ms), write_ms_(write_ms), raw_(std::move(received)) {}

  // A request's head must be complete by kHeadDeadline from here, however
  // slowly its bytes arrive (each read alone waits at most read_ms).
  void start_request() {
    in_headers_ = true;
    at_line_start_ = true;
    head_until_ = Clock::now() + kHeadDeadline;
  }
  bool has_buffered() const { return raw_pos_ < raw_.size() || out_pos_ < out_.size(); }
  bool head_buffered() const {
    return out_pos_ == out_.size() && head_complete(raw_.substr(raw_pos_));
  }
  // Bytes received but not yet read (the start of a next request), handed back.
  std::string take_buffered() {
    std::string rest = out_.substr(out_pos_) + raw_.substr(raw_pos_);
    out_.clear();
    raw_.clear();
    out_pos_ = raw_pos_ = 0;
    return rest;
  }

  bool is_readable() const override { return has_buffered() || wait_for(sock_, POLLIN, read_ms_); }
  bool is_writable() const override { return wait_for(sock_, POLLOUT, write_ms_); }

  ssize_t read(char* ptr, size_t size) override {
    if (out_pos_ == out_.size() && in_headers_) {
      ssize_t got = next_header_line();
      if (got <= 0) return got;
    }
    if (out_pos_ < out_.size()) return take(out_, out_pos_, ptr, size);
    if (raw_pos_ < raw_.size()) return take(raw_, raw_pos_, ptr, size);
    if (!wait_for(sock_, POLLIN, read_ms_)) return -1;
    return receive(ptr, size);
  }

  ssize_t write(const char* ptr, size_t size) override {
    if (!is_writable()) return -1;
    ssize_t n;
    do {
      n = ::send(sock_, ptr, size, MSG_NOSIGNAL);  // a gone client is an error, not SIGPIPE
    } while (n < 0 && errno == EINTR);
    return n;
  }

  void get_remote_ip_and_port(std::string& ip, int& port) const override {
    address_of(sock_, true, ip, port);
  }
  void get_local_ip_and_port(std::string& ip, int& port) const override {
    address_of(sock_, false, ip, port);
  }
  socket_t socket() const override { return sock_; }

 private:
  static ssize_t take(std::string& buf, size_t& pos, char* ptr, size_t size) {
    size_t n = std::min(size, buf.size() - pos);
    std::memcpy(ptr, buf.data() + pos, n);
    pos += n;
    if (pos == buf.size()) {
      buf.clear();
      pos = 0;
    }
    return static_cast<ssize_t>(n);
  }

  ssize_t receive(char* ptr, size_t size) {
    ssize_t n;
    do {
      n = ::recv(sock_, ptr, size, 0);
    } while (n < 0 && errno == EINTR);
    return n;
  }

  // Moves one header line (or what the peer sent of it) from raw_ to out_,
  // renamed if it is the Range header. <= 0: the socket's error or end.
  ssize_t next_header_line() {
    std::string line;
    while (true) {
      if (raw_pos_ == raw_.size()) {
        raw_.clear();
        raw_pos_ = 0;
        auto left =
            std::chrono::duration_cast<std::chrono::milliseconds>(head_until_ - Clock::now());
        if (left.count() <= 0 || !wait_for(sock_, POLLIN, std::min<int>(read_ms_, left.count()))) {
          if (line.empty()) return -1;
          break;
        }
        char buf[4096];
        ssize_t n = receive(buf, sizeof buf);
        if (n <= 0) {
          if (line.empty()) return n;
          break;
        }
        raw_.assign(buf, static_cast<size_t>(n));
      }
      size_t nl = raw_.find('\n', raw_pos_);
      size_t end = nl == std::string::npos ? raw_.size() : nl + 1;
      line.append(raw_, raw_pos_, end - raw_pos_);
      raw_pos_ = end;
      if (nl != std::string::npos || line.size() > kMaxHeaderLine) break;
    }
    bool whole = !line.empty() && line.back() == '\n';
    if (at_line_start_ && starts_with_nocase(line, "range:")) line.replace(0, 5, kItemRangeHeader);
    if (at_line_start_ && whole && (line == "\r\n" || line == "\n")) in_headers_ = false;
    at_line_start_ = whole;
    out_ = std::move(line);
    out_pos_ = 0;
    return static_cast<ssize_t>(out_.size());
  }

  int sock_;
  int read_ms_, write_ms_;
  bool in_headers_ = true;
  bool at_line_start_ = true;
  Clock::time_point head_until_ = Clock::time_point::max();
  std::string raw_;  // bytes received, not yet handed on
  size_t raw_pos_ = 0;
  std::string out_;  // the current header line, rewritten
  size_t out_pos_ = 0;
};

// httplib's thread pool, which stops the HeadWaiter before its workers: the
// waiter hands connections to this pool, so it must be gone before the pool is.
class WorkerPool final : public httplib::TaskQueue {
 public:
  WorkerPool(size_t threads, HeadWaiter& waiter) : pool_(threads), waiter_(waiter) {}
  void enqueue(std::function<void()> fn) override { pool_.enqueue(std::move(fn)); }
  void shutdown() override {
    waiter_.stop();
    pool_.shutdown();
  }

 private:
  httplib::ThreadPool pool_;
  HeadWaiter& waiter_;
};

class RangeServer final : public httplib::Server {
 public:
  explicit RangeServer(size_t threads)
      : waiter_([this](WaitingConnection c) { hand_to_worker(std::move(c)); }, kHeadDeadline,
                kMaxHeadBytes) {
    new_task_queue = [this, threads] {
      queue_ = new WorkerPool(threads, waiter_);
      return queue_;
    };
  }

 private:
  // A new connection: it waits for its first head off the worker threads.
  bool process_and_close_socket(socket_t sock) override {
    waiter_.add(idle(sock, {}, keep_alive_max_count_, kHeadDeadline));
    return true;
  }

  WaitingConnection idle(int sock, std::string bytes, size_t left,
                         std::chrono::milliseconds wait) const {
    WaitingConnection c;
    c.sock = sock;
    c.requests_left = left;
    c.idle_until = Clock::now() + wait;
    c.head_until = c.idle_until;
    c.bytes = std::move(bytes);
    return c;
  }

  void hand_to_worker(WaitingConnection c) {
    auto shared = std::make_shared<WaitingConnection>(std::move(c));
    queue_->enqueue([this, shared] { serve(std::move(*shared)); });
  }

  // httplib's keep-alive loop over our stream (process_server_socket, which
  // it uses itself, is not part of its public header), for the requests
  // whose heads are here; then the connection waits in the HeadWaiter again.
  void serve(WaitingConnection c) {
    HeaderRenamingStream strm(c.sock, std::move(c.bytes),
                              timeout_ms(read_timeout_sec_, read_timeout_usec_),
                              timeout_ms(write_timeout_sec_, write_timeout_usec_));
    size_t left = c.requests_left;
    bool open = true;
    while (open && left > 0) {
      bool connection_closed = false;
      strm.start_request();
      open = process_request(strm, left == 1, connection_closed, nullptr) && !connection_closed;
      --left;
      if (open && !strm.head_buffered()) break;  // the rest of it waits off this thread
    }
    std::string rest = strm.take_buffered();
    if (open && left > 0 && svr_sock_ != INVALID_SOCKET) {
      auto keep_alive = std::chrono::seconds(keep_alive_timeout_sec_);
      return waiter_.add(idle(c.sock, std::move(rest), left,
                              std::chrono::duration_cast<std::chrono::milliseconds>(keep_alive)));
    }
    ::shutdown(c.sock, SHUT_RDWR);
    ::close(c.sock);
  }

  HeadWaiter waiter_;
  WorkerPool* queue_ = nullptr;  // owned by httplib's listen loop
};

}  // namespace

std::unique_ptr<httplib::Server> make_range_server(size_t threads) {
  return std::make_unique<RangeServer>(threads);
}

}  // namespace foh::backend
