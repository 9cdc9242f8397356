#pragma once
// What the sender's tests and its benchmark share: a fake SMS provider (an
// HTTP server on 127.0.0.1 that speaks Twilio's Messages API, records every
// request, and can answer slowly, with 429, 5xx or a permanent 400) and
// starting / killing foh-sender processes. Header-only: tests/backend and
// tools/backend/bench include it.
#include <httplib.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <map>
#include <mutex>
#include <random>
#include <string>
#include <thread>
#include <vector>

namespace fohsms {

constexpr const char* kAccountSid = "AC00000000000000000000000000000001";
constexpr const char* kProviderToken = "fake-provider-token";
// base64 of "kAccountSid:kProviderToken", what basic auth must carry.
constexpr const char* kBasicAuth =
    "QUMwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMTpmYWtlLXByb3ZpZGVyLXRva2Vu";
constexpr int kFakeThreads = 128;  // more than all senders' workers together

struct Received {
  std::string to, body, from, status_callback;
  std::chrono::steady_clock::time_point at, answered_at;
  int answer = 0;
};

class FakeProvider {
 public:
  std::atomic<int> delay_ms{0};
  std::atomic<int> answer_429{0};         // the next N requests get 429 (Retry-After: 1)
  std::atomic<int> answer_503{0};         // the next N requests get 503
  std::atomic<int> refuse_to_suffix{-1};  // To ending in these 2 digits: 400 code 21211

  FakeProvider() {
    server_.new_task_queue = [] { return new httplib::ThreadPool(kFakeThreads); };
    server_.set_keep_alive_max_count(100000);
    server_.Post(R"(/2010-04-01/Accounts/([A-Za-z0-9]+)/Messages\.json)",
                 [this](const httplib::Request& q, httplib::Response& r) { handle(q, r); });
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    while (!server_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  ~FakeProvider() {
    server_.stop();
    thread_.join();
  }
  std::string base_url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  std::vector<Received> received() {
    std::lock_guard<std::mutex> l(mu_);
    return log_;
  }
  // Requests answered 201 (the provider took the text), per body.
  std::map<std::string, int> accepted_per_body() {
    std::map<std::string, int> m;
    for (const auto& r : received())
      if (r.answer == 201) ++m[r.body];
    return m;
  }
  size_t accepted() {
    size_t n = 0;
    for (const auto& r : received()) n += r.answer == 201;
    return n;
  }

 private:
  void handle(const httplib::Request& q, httplib::Response& r) {
    Received rec;
    rec.at = std::chrono::steady_clock::now();
    rec.to = q.get_param_value("To");
    rec.body = q.get_param_value("Body");
    rec.from = q.get_param_value("From");
    rec.status_callback = q.get_param_value("StatusCallback");
    std::string auth = q.get_header_value("Authorization");
    const std::string want = std::string("Basic ") + kBasicAuth;
    if (int d = delay_ms.load()) std::this_thread::sleep_for(std::chrono::milliseconds(d));
    if (auth != want) {
      rec.answer = 401;
    } else if (answer_429.fetch_sub(1) > 0) {
      rec.answer = 429;
      r.set_header("Retry-After", "1");
    } else if (answer_503.fetch_sub(1) > 0) {
      rec.answer = 503;
    } else if (refuse_to_suffix >= 0 && rec.to.size() > 2 &&
               std::stoi(rec.to.substr(rec.to.size() - 2)) == refuse_to_suffix) {
      rec.answer = 400;
    } else {
      rec.answer = 201;
    }
    r.status = rec.answer;
    if (rec.answer == 201)
      r.set_content("{\"sid\":\"" + new_sid() + "\",\"status\":\"queued\"}", "application/json");
    else
      r.set_content("{\"code\":" + std::string(rec.answer == 400 ? "21211" : "20429") +
                        ",\"message\":\"The 'To' number " + rec.to +
                        " is not valid\",\"status\":" + std::to_string(rec.answer) + "}",
                    "application/json");
    rec.answered_at = std::chrono::steady_clock::now();
    std::lock_guard<std::mutex> l(mu_);
    log_.push_back(rec);
  }
  std::string new_sid() {
    static const char* kHex = "0123456789abcdef";
    std::lock_guard<std::mutex> l(mu_);
    std::string s = "SM";
    for (int i = 0; i < 32; ++i) s += kHex[rng_() % 16];
    return s;
  }

  httplib::Server server_;
  int port_ = 0;
  std::thread thread_;
  std::mutex mu_;
  std::vector<Received> log_;
  std::mt19937_64 rng_{std::random_device{}()};
};

// Starts foh-sender with the provider's and the database's settings; its pid.
inline pid_t start_sender(const std::string& bin, const std::string& db,
                          const std::string& base_url, const std::string& public_url, int workers,
                          int backoff_ms = 200, const std::string& log = "/dev/null") {
  pid_t pid = fork();
  if (pid != 0) return pid;
  setenv("FOH_DB", db.c_str(), 1);
  setenv("FOH_SMS_BASE_URL", base_url.c_str(), 1);
  setenv("FOH_TWILIO_ACCOUNT_SID", kAccountSid, 1);
  setenv("FOH_TWILIO_AUTH_TOKEN", kProviderToken, 1);
  setenv("FOH_SMS_FROM", "+33100000000", 1);
  setenv("FOH_PUBLIC_URL", public_url.c_str(), 1);
  setenv("FOH_SMS_WORKERS", std::to_string(workers).c_str(), 1);
  setenv("FOH_SMS_BACKOFF_MS", std::to_string(backoff_ms).c_str(), 1);
  setenv("FOH_SMS_POLL_MS", "50", 1);
  setenv("FOH_SMS_DUE_MS", "500", 1);
  FILE* out = std::fopen(log.c_str(), "a");
  if (out) dup2(fileno(out), 2);
  if (FILE* null = std::fopen("/dev/null", "w")) dup2(fileno(null), 1);  // not the caller's pipe
  execl(bin.c_str(), bin.c_str(), static_cast<char*>(nullptr));
  _exit(127);
}

// SIGTERM (a clean stop) or SIGKILL (a crash); waits for it.
inline void stop_sender(pid_t pid, int sig = SIGTERM) {
  if (pid <= 0) return;
  kill(pid, sig);
  int status = 0;
  waitpid(pid, &status, 0);
}

// Stops its sender when it goes out of scope (a failed REQUIRE included).
class SenderProcess {
 public:
  explicit SenderProcess(pid_t pid) : pid_(pid) {}
  SenderProcess(const SenderProcess&) = delete;
  SenderProcess& operator=(const SenderProcess&) = delete;
  ~SenderProcess() { stop(); }
  void stop(int sig = SIGTERM) {
    stop_sender(pid_, sig);
    pid_ = -1;
  }

 private:
  pid_t pid_;
};

}  // namespace fohsms
