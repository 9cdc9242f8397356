// The gateway under attack (issue 11, "the gateway cannot be knocked over or
// tied up"): each case is one attack that used to crash foh-backend, hang it
// or leak an exception, sent as raw bytes over 127.0.0.1.
#include <arpa/inet.h>
#include <doctest/doctest.h>
#include <fcntl.h>
#include <libpq-fe.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <regex>
#include <thread>

#include "client.hpp"
#include "request_limits.hpp"
#include "statements.hpp"

using namespace fohtest;
using Clock = std::chrono::steady_clock;
extern char** environ;

namespace {

int connect_to(int port) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(static_cast<uint16_t>(port));
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

// Everything the server sends until it closes or `wait` passes.
std::string read_all(int fd, std::chrono::milliseconds wait) {
  std::string out;
  auto until = Clock::now() + wait;
  char buf[8192];
  while (Clock::now() < until) {
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, 50) <= 0) continue;
    ssize_t n = ::recv(fd, buf, sizeof buf, 0);
    if (n <= 0) break;
    out.append(buf, static_cast<size_t>(n));
  }
  return out;
}

struct Raw {
  int status = 0;
  std::string head, body;
  bool has_header(const std::string& name) const {
    return std::regex_search(head, std::regex("\r\n" + name + ":", std::regex::icase));
  }
};

// One request as raw bytes (Connection: close is added), its raw answer.
Raw raw(const std::string& method, const std::string& target, const std::string& headers,
        const std::string& body = "", int port = 0) {
  int fd = connect_to(port ? port : backend().port);
  REQUIRE(fd >= 0);
  std::string req = method + " " + target +
                    " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n" + headers +
                    "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
  for (size_t sent = 0; sent < req.size();) {
    ssize_t n = ::send(fd, req.data() + sent, req.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) break;
    sent += static_cast<size_t>(n);
  }
  std::string all = read_all(fd, std::chrono::seconds(30));
  ::close(fd);
  Raw r;
  size_t end = all.find("\r\n\r\n");
  r.head = all.substr(0, end);
  r.body = end == std::string::npos ? "" : all.substr(end + 4);
  if (all.size() > 12) r.status = std::atoi(all.c_str() + 9);
  return r;
}

std::string anon_headers() { return "apikey: " + backend().anon_key + "\r\n"; }

// A PostgREST error body: JSON with code, message, details, hint.
void check_pgrst_error(const Raw& r, int status) {
  CHECK(r.status == status);
  CHECK_FALSE(r.has_header("EXCEPTION_WHAT"));
  auto j = nlohmann::json::parse(r.body, nullptr, false);
  REQUIRE(j.is_object());
  CHECK(j.contains("code"));
  CHECK(j.contains("message"));
  CHECK(j.contains("details"));
  CHECK(j.contains("hint"));
}

bool health_ok(int port = 0) { return raw("GET", "/health", "", "", port).status == 200; }

std::string nested(size_t depth) { return std::string(depth, '[') + std::string(depth, ']'); }

// The backend's conninfo with `key=value` replaced (or removed when value is empty).
std::string conninfo_with(const std::string& key, const std::string& value) {
  std::string s = std::regex_replace(backend().db, std::regex("\\s*" + key + "=\\S+"), "");
  return value.empty() ? s : s + " " + key + "=" + value;
}

// A TCP forwarder 127.0.0.1:port() -> 127.0.0.1:target, so that a test can
// take PostgreSQL away from one foh-backend (down: every connection is
// closed, new ones at once) and give it back (up) without touching the
// cluster the other tests use.
class Proxy {
 public:
  explicit Proxy(int target) : target_(target) {
    listener_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(::bind(listener_, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0);
    socklen_t len = sizeof a;
    ::getsockname(listener_, reinterpret_cast<sockaddr*>(&a), &len);
    port_ = ntohs(a.sin_port);
    ::listen(listener_, 16);
    thread_ = std::thread([this] { loop(); });
  }
  ~Proxy() {
    running_ = false;
    thread_.join();
    close_pairs();
    ::close(listener_);
  }
  int port() const { return port_; }
  void set_up(bool up) { up_ = up; }

 private:
  void close_pairs() {
    for (auto [a, b] : pairs_) {
      ::close(a);
      ::close(b);
    }
    pairs_.clear();
  }

  void accept_one() {
    int in = ::accept(listener_, nullptr, nullptr);
    int out = up_ && in >= 0 ? connect_to(target_) : -1;
    if (out >= 0) return (void)pairs_.emplace_back(in, out);
    if (in >= 0) ::close(in);
  }

  // Forwards what came in; ends the pairs one side of which is gone.
  void forward(const std::vector<pollfd>& fds) {
    std::vector<bool> dead(pairs_.size(), false);
    for (size_t i = 1; i < fds.size(); ++i) {
      if (!fds[i].revents) continue;
      auto [a, b] = pairs_[(i - 1) / 2];
      int from = fds[i].fd, to = from == a ? b : a;
      char buf[16384];
      ssize_t n = ::recv(from, buf, sizeof buf, 0);
      if (n > 0) ::send(to, buf, static_cast<size_t>(n), MSG_NOSIGNAL);
      if (n <= 0) dead[(i - 1) / 2] = true;
    }
    for (size_t k = dead.size(); k-- > 0;) {
      if (!dead[k]) continue;
      ::close(pairs_[k].first);
      ::close(pairs_[k].second);
      pairs_.erase(pairs_.begin() + static_cast<long>(k));
    }
  }

  void loop() {
    while (running_) {
      if (!up_) close_pairs();
      std::vector<pollfd> fds{{listener_, POLLIN, 0}};
      for (auto [a, b] : pairs_) {
        fds.push_back({a, POLLIN, 0});
        fds.push_back({b, POLLIN, 0});
      }
      if (::poll(fds.data(), fds.size(), 50) <= 0) continue;
      if (fds[0].revents) accept_one();
      forward(fds);
    }
  }

  int target_, port_ = 0, listener_ = -1;
  std::atomic<bool> running_{true}, up_{true};
  std::thread thread_;
  std::vector<std::pair<int, int>> pairs_;
};

// A second foh-backend (FOH_BACKEND_BIN) over `db`, stopped when it goes out of scope.
class SecondBackend {
 public:
  explicit SecondBackend(const std::string& db) {
    const char* bin = std::getenv("FOH_BACKEND_BIN");
    REQUIRE(bin);
    std::string port_file = backend().dir + "/second.port";
    std::remove(port_file.c_str());
    std::vector<std::string> env = {"FOH_DB=" + db, "FOH_JWT_SECRET=" + backend().jwt_secret,
                                    "FOH_ANON_KEY=" + backend().anon_key,
                                    "FOH_SERVICE_KEY=" + backend().service_key};
    std::vector<char*> envp;
    for (auto& e : env) envp.push_back(e.data());
    envp.push_back(nullptr);
    std::string log = backend().dir + "/second.log";
    std::vector<std::string> args = {bin, "--port", "0", "--port-file", port_file, "--pool", "2"};
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 1, log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
    posix_spawn_file_actions_adddup2(&fa, 1, 2);
    REQUIRE(posix_spawn(&pid_, bin, &fa, nullptr, argv.data(), envp.data()) == 0);
    posix_spawn_file_actions_destroy(&fa);
    for (int i = 0; i < 100 && port_ == 0; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
      std::ifstream(port_file) >> port_;
    }
    REQUIRE(port_ > 0);
  }
  ~SecondBackend() {
    ::kill(pid_, SIGTERM);
    ::waitpid(pid_, nullptr, 0);
  }
  int port() const { return port_; }

 private:
  pid_t pid_ = -1;
  int port_ = 0;
};

}  // namespace

TEST_CASE("a body nested 100 000 deep is refused and foh-backend stays up") {
  std::string deep = "[{\"name\":" + nested(100000) + "}]";
  check_pgrst_error(raw("POST", "/rest/v1/waitlist_entries", anon_headers(), deep), 400);
  check_pgrst_error(raw("POST", "/rest/v1/rpc/waitlist_position", anon_headers(),
                        "{\"p_token\":" + nested(100000) + "}"),
                    400);
  CHECK(health_ok());
}

TEST_CASE("a JSON body over the JSON cap gets 400 before it is parsed") {
  std::string notes(foh::backend::kMaxJsonBodyBytes, 'x');
  Raw r = raw("POST", "/rest/v1/waitlist_entries", anon_headers(),
              "{\"guest_name\":\"" + notes + "\"}");
  check_pgrst_error(r, 400);
  CHECK(r.body.find("PGRST102") != std::string::npos);
  CHECK(health_ok());
}

TEST_CASE("a body over the transport cap gets 413 with PostgREST's JSON") {
  std::string big(foh::backend::kMaxBodyBytes + 1, ' ');
  Raw r = raw("POST", "/rest/v1/waitlist_entries", anon_headers(), big);
  check_pgrst_error(r, 413);
  CHECK(health_ok());
}

TEST_CASE("invalid UTF-8 in the path, query, a header or the body is a 400 JSON error") {
  std::string key = anon_headers();
  Raw path = raw("GET", "/rest/v1/%FF%FE", key);
  check_pgrst_error(path, 400);
  CHECK(path.body.find("path") != std::string::npos);
  Raw query = raw("GET", "/rest/v1/restaurants?name=eq.%C3%28", key);
  check_pgrst_error(query, 400);
  CHECK(query.body.find("PGRST100") != std::string::npos);
  Raw header = raw("GET", "/rest/v1/restaurants", key + "Prefer: count=\xff\r\n");
  check_pgrst_error(header, 400);
  CHECK(header.body.find("PGRST100") != std::string::npos);
  Raw body = raw("POST", "/rest/v1/waitlist_entries", key, "{\"name\":\"\xff\"}");
  check_pgrst_error(body, 400);
  CHECK(body.body.find("UTF-8") != std::string::npos);
}

TEST_CASE("40 connections dribbling header bytes do not starve /health") {
  constexpr int kSlow = 40;
  std::vector<int> slow;
  for (int i = 0; i < kSlow; ++i) {
    int fd = connect_to(backend().port);
    REQUIRE(fd >= 0);
    ::send(fd, "GET /health HTTP/1.1\r\n", 22, MSG_NOSIGNAL);
    slow.push_back(fd);
  }
  std::atomic<bool> done{false};
  std::thread dribble([&] {  // one byte per connection every 100 ms, for at most 4 s
    auto until = Clock::now() + std::chrono::seconds(4);
    while (!done && Clock::now() < until) {
      for (int fd : slow) ::send(fd, "X", 1, MSG_NOSIGNAL | MSG_DONTWAIT);
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  auto t0 = Clock::now();
  int fd = connect_to(backend().port);
  REQUIRE(fd >= 0);
  std::string req = "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
  ::send(fd, req.data(), req.size(), MSG_NOSIGNAL);
  std::string answer = read_all(fd, std::chrono::seconds(3));
  ::close(fd);
  CHECK(answer.rfind("HTTP/1.1 200", 0) == 0);
  CHECK(Clock::now() - t0 < std::chrono::seconds(2));
  done = true;
  dribble.join();
  for (int s : slow) ::close(s);
}

TEST_CASE("a request head slower than its deadline is cut off") {
  int fd = connect_to(backend().port);
  REQUIRE(fd >= 0);
  ::send(fd, "GET /health HTTP/1.1\r\n", 22, MSG_NOSIGNAL);
  auto t0 = Clock::now();
  bool closed = false;
  while (!closed && Clock::now() - t0 < std::chrono::seconds(9)) {
    ::send(fd, "X", 1, MSG_NOSIGNAL);
    pollfd p{fd, POLLIN, 0};
    char c;
    if (::poll(&p, 1, 250) > 0 && ::recv(fd, &c, 1, MSG_DONTWAIT) <= 0) closed = true;
  }
  ::close(fd);
  CHECK(closed);
  CHECK(Clock::now() - t0 < std::chrono::seconds(7));
}

TEST_CASE("a statement over statement_timeout is cancelled with 57014 and 500") {
  auto pool = foh::backend::PgPool::open(backend().db, 1);
  REQUIRE(pool);
  foh::backend::Caller who{"service_role", nlohmann::json::object()};
  foh::backend::Statement st;
  st.kind = foh::backend::Statement::Kind::Rpc;
  st.sql = "select pg_sleep(3)::text";
  auto t0 = Clock::now();
  auto out = foh::backend::run_statement(**pool, who, st, std::chrono::milliseconds(200));
  REQUIRE_FALSE(out.ok());
  CHECK(out.error().code == "57014");
  CHECK(out.error().status == 500);
  CHECK(Clock::now() - t0 < std::chrono::seconds(2));
  // The limit ends with the transaction: the connection's next statement has none.
  st.sql = "select current_setting('statement_timeout')";
  auto next = foh::backend::run_statement(**pool, who, st, std::chrono::milliseconds(0));
  REQUIRE(next.ok());
  CHECK(next.value().body == "0");
}

TEST_CASE("HEAD with Prefer: count=exact answers Content-Range and no body") {
  seed_restaurant("Head");
  Raw head = raw("HEAD", "/rest/v1/restaurants?select=id",
                 "apikey: " + backend().service_key + "\r\nPrefer: count=exact\r\n");
  CHECK((head.status == 200 || head.status == 206));
  std::smatch m;
  REQUIRE(std::regex_search(head.head, m, std::regex("Content-Range: (\\S+)", std::regex::icase)));
  CHECK(std::regex_match(m[1].str(), std::regex("[0-9]+-[0-9]+/[1-9][0-9]*")));
  CHECK(head.body.empty());
}

TEST_CASE("the cluster refuses a TCP connection without its password") {
  REQUIRE(backend().db.find("password=") != std::string::npos);
  PGconn* without = PQconnectdb(conninfo_with("password", "").c_str());
  CHECK(PQstatus(without) != CONNECTION_OK);
  PQfinish(without);
  PGconn* wrong = PQconnectdb(conninfo_with("password", "not-the-password").c_str());
  CHECK(PQstatus(wrong) != CONNECTION_OK);
  PQfinish(wrong);
  PGconn* with = PQconnectdb(backend().db.c_str());
  CHECK(PQstatus(with) == CONNECTION_OK);
  PQfinish(with);
}

TEST_CASE("/health is 503 while PostgreSQL cannot be reached, and 200 again after") {
  std::smatch m;
  REQUIRE(std::regex_search(backend().db, m, std::regex("port=([0-9]+)")));
  Proxy db(std::stoi(m[1].str()));
  SecondBackend second(conninfo_with("port", std::to_string(db.port())));
  CHECK(health_ok(second.port()));
  db.set_up(false);
  std::this_thread::sleep_for(std::chrono::milliseconds(200));  // its connections are closed
  auto t0 = Clock::now();
  Raw down = raw("GET", "/health", "", "", second.port());
  check_pgrst_error(down, 503);
  CHECK(Clock::now() - t0 < std::chrono::seconds(5));
  check_pgrst_error(raw("GET", "/health", "", "", second.port()), 503);  // reconnecting fails too
  db.set_up(true);
  bool back = false;
  for (int i = 0; i < 20 && !back; ++i) {
    back = health_ok(second.port());
    if (!back) std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
  CHECK(back);
}

TEST_CASE("a form body is refused with 415, never read as filters") {
  std::string r = seed_restaurant("Form body");
  REQUIRE(
      post("/rest/v1/reservations", reservation(r, "1", "2026-12-20", "19:00"), service()).status ==
      201);
  // httplib would merge these fields into the query, where id=eq.… filters.
  std::string form = "notes=hacked&id=neq.00000000-0000-0000-0000-000000000000";
  Raw patched = raw("PATCH", "/rest/v1/reservations",
                    anon_headers() + "Content-Type: application/x-www-form-urlencoded\r\n", form);
  check_pgrst_error(patched, 415);
  CHECK(patched.body.find("PGRST107") != std::string::npos);
  CHECK(
      get("/rest/v1/reservations?restaurant_id=eq." + r, service()).body.at(0)["notes"].is_null());
}
