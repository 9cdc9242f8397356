// The REST client against a misbehaving server on 127.0.0.1: each failure is
// classified (transport / HTTP / unusable body) and retried only when it may be.
#include <doctest/doctest.h>

#include "fake_server.hpp"
#include "foh/net/rest.hpp"

using namespace foh;
using namespace foh::net;
using fixture::Mode;

namespace {
RestConfig config(const fixture::FakeServer& s) {
  RestConfig c;
  c.base_url = s.url();
  c.api_key = "anon-key";
  c.bearer = "staff-token";
  c.total_timeout_ms = 800;
  c.connect_timeout_ms = 500;
  c.max_attempts = 3;
  c.backoff_base_ms = 5;
  c.backoff_max_ms = 20;
  return c;
}
}  // namespace

TEST_CASE("a good answer is parsed; apikey and bearer are sent") {
  fixture::FakeServer s;
  RestClient c(config(s));
  auto r = c.post("/rest/v1/x", Json{{"a", 1}});
  REQUIRE(r.ok());
  CHECK(r.body == Json::array({Json{{"a", 1}}}));
  CHECK(s.last_apikey == "anon-key");
  CHECK(s.last_authorization == "Bearer staff-token");
  CHECK(r.attempts == 1);
}

TEST_CASE("5xx and 429 are retried with backoff, then reported as HTTP errors") {
  fixture::FakeServer s;
  RestClient c(config(s));
  s.mode = Mode::Error500;
  auto r = c.get("/rest/v1/x");
  CHECK(r.error.kind == RestErrorKind::Http);
  CHECK(r.error.status == 500);
  CHECK(r.error.message == "boom");
  CHECK(r.attempts == 3);
  CHECK(s.hits == 3);
  s.hits = 0;
  s.mode = Mode::Error429;
  CHECK(c.get("/rest/v1/x").attempts == 3);
  CHECK(s.hits == 3);
}

TEST_CASE("other 4xx are never retried; PostgREST's error fields are kept") {
  fixture::FakeServer s;
  RestClient c(config(s));
  s.mode = Mode::BadRequest;
  auto r = c.post("/rest/v1/x", Json::object());
  CHECK(s.hits == 1);
  CHECK(r.error.kind == RestErrorKind::Http);
  CHECK(r.error.code == "22P02");
  CHECK_FALSE(r.error.retryable());
  s.mode = Mode::Overlap;
  auto o = c.post("/rest/v1/x", Json::object());
  CHECK(o.error.is_overlap());  // status 400 here: recognised by the code
  CHECK(o.error.details.find("table 7") != std::string::npos);
  s.mode = Mode::Unauthorized;
  auto a = c.get("/rest/v1/x");
  CHECK(a.error.is_auth());
  CHECK(a.error.code == "PGRST301");
}

TEST_CASE("a hanging server times out as a transport error") {
  fixture::FakeServer s;
  auto cfg = config(s);
  cfg.max_attempts = 1;
  RestClient c(cfg);
  s.mode = Mode::Hang;
  auto t0 = std::chrono::steady_clock::now();
  auto r = c.get("/rest/v1/x");
  auto took = std::chrono::steady_clock::now() - t0;
  CHECK(r.error.kind == RestErrorKind::Transport);
  CHECK(r.error.retryable());
  CHECK(took < std::chrono::seconds(2));
  s.mode = Mode::Ok;
}

TEST_CASE("malformed JSON, a 50 MB body and the wrong content type are clear errors") {
  fixture::FakeServer s;
  auto cfg = config(s);
  cfg.total_timeout_ms = 5000;  // building the 50 MB answer takes the server a while
  RestClient c(cfg);
  s.mode = Mode::Malformed;
  auto m = c.get("/rest/v1/x");
  CHECK(m.error.kind == RestErrorKind::BadBody);
  CHECK(m.error.text().find("malformed JSON") != std::string::npos);
  s.mode = Mode::Huge;
  auto h = c.get("/rest/v1/x");
  CHECK(h.error.kind == RestErrorKind::BadBody);
  CHECK(h.error.text().find("larger than 16 MB") != std::string::npos);
  s.mode = Mode::WrongType;
  auto w = c.get("/rest/v1/x");
  CHECK(w.error.kind == RestErrorKind::BadBody);
  CHECK(w.error.text().find("text/html") != std::string::npos);
  s.mode = Mode::Ok;
  CHECK(c.get("/rest/v1/x").ok());  // the handle is still usable
}

TEST_CASE("nobody listening is a transport error, retried") {
  int port;
  {
    fixture::FakeServer s;
    port = s.port;
  }
  RestConfig cfg;
  cfg.base_url = "http://127.0.0.1:" + std::to_string(port);
  cfg.max_attempts = 2;
  cfg.backoff_base_ms = 1;
  RestClient c(cfg);
  auto r = c.get("/rest/v1/x");
  CHECK(r.error.kind == RestErrorKind::Transport);
  CHECK(r.attempts == 2);
  CHECK(r.error.status == 0);
}

TEST_CASE("url_encode escapes what a query value must not contain") {
  CHECK(url_encode("a b&c=d") == "a%20b%26c%3Dd");
  CHECK(url_encode("2026-12-01T19:00:00+01:00") == "2026-12-01T19%3A00%3A00%2B01%3A00");
}
