#pragma once
// A misbehaving HTTP server on 127.0.0.1 (cpp-httplib) for the REST client and
// sync tests: the mode decides how every request is answered.
#include <httplib.h>

#include <atomic>
#include <chrono>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <thread>

namespace fixture {

enum class Mode {
  Ok,
  Error500,
  Error429,
  Hang,
  Malformed,
  Huge,
  WrongType,
  Unauthorized,
  Overlap,
  BadRequest
};

class FakeServer {
 public:
  FakeServer() {
    auto handler = [this](const httplib::Request& req, httplib::Response& res) {
      ++hits;
      last_apikey = req.get_header_value("apikey");
      last_authorization = req.get_header_value("Authorization");
      {
        std::lock_guard lock(mu_);
        selects[req.path] = req.get_param_value("select");
        if (refused_.count(req.get_header_value("Authorization"))) {
          unauthorized(res);
          return;
        }
        if (auto it = answers.find(req.path); it != answers.end() && mode.load() == Mode::Ok) {
          res.set_content(it->second, "application/json");
          return;
        }
      }
      answer(req, res);
    };
    srv_.Get(".*", handler);
    srv_.Post(".*", handler);
    srv_.Patch(".*", handler);
    srv_.Delete(".*", handler);
    port = srv_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { srv_.listen_after_bind(); });
    while (!srv_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  ~FakeServer() {
    mode = Mode::Ok;  // release hanging handlers
    srv_.stop();
    thread_.join();
  }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port); }

  std::atomic<Mode> mode{Mode::Ok};
  std::atomic<int> hits{0};
  std::string last_apikey, last_authorization;
  int port = 0;
  // Per path: the last select= asked for; and canned Ok answers (set before use).
  std::map<std::string, std::string> selects;
  std::map<std::string, std::string> answers;
  // A token the server answers 401 whatever the mode (an expired login).
  void refuse(const std::string& bearer) {
    std::lock_guard lock(mu_);
    refused_.insert("Bearer " + bearer);
  }
  std::string select_of(const std::string& path) {
    std::lock_guard lock(mu_);
    auto it = selects.find(path);
    return it == selects.end() ? std::string("(not asked)") : it->second;
  }

 private:
  void answer(const httplib::Request& req, httplib::Response& res) {
    switch (mode.load()) {
      case Mode::Ok:
        if (req.path.find("sync_horizon") != std::string::npos)
          res.set_content(R"({"horizon": 1})", "application/json");
        else if (req.method == "GET")
          res.set_content("[]", "application/json");
        else
          res.set_content(req.body.empty() ? "[]" : "[" + req.body + "]", "application/json");
        return;
      case Mode::Error500:
        res.status = 500;
        res.set_content(R"({"code":"XX000","message":"boom"})", "application/json");
        return;
      case Mode::Error429:
        res.status = 429;
        res.set_content(R"({"message":"slow down"})", "application/json");
        return;
      case Mode::Hang:
        for (int i = 0; i < 1000 && mode.load() == Mode::Hang; ++i)
          std::this_thread::sleep_for(std::chrono::milliseconds(10));
        res.set_content("[]", "application/json");
        return;
      case Mode::Malformed:
        res.set_content(R"([{"id": "x", "broken)", "application/json");
        return;
      case Mode::Huge:
        res.set_content(std::string(50u << 20, ' ') + "[]", "application/json");
        return;
      case Mode::WrongType:
        res.set_content("<html>captive portal</html>", "text/html");
        return;
      case Mode::Unauthorized:
        unauthorized(res);
        return;
      case Mode::Overlap:
        res.status = 400;  // PostgREST versions differ: the code decides
        res.set_content(
            R"({"code":"23P01","message":"conflicting key value violates exclusion constraint","details":"conflicts with reservation x on table 7","hint":null})",
            "application/json");
        return;
      case Mode::BadRequest:
        res.status = 400;
        res.set_content(
            R"({"code":"22P02","message":"invalid input syntax","details":null,"hint":null})",
            "application/json");
        return;
    }
  }
  static void unauthorized(httplib::Response& res) {
    res.status = 401;
    res.set_content(R"({"code":"PGRST301","message":"JWT expired"})", "application/json");
  }
  std::mutex mu_;
  std::set<std::string> refused_;
  httplib::Server srv_;
  std::thread thread_;
};

}  // namespace fixture
