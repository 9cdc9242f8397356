// A backend that accepts and never answers: the PIN login gives pin-login one
// short try, then the cached hash decides; a caller that stops waiting gets
// "cancelled", and nobody's PIN is counted for it.
#include <doctest/doctest.h>

#include <atomic>
#include <thread>

#include "fake_server.hpp"
#include "fixtures.hpp"
#include "foh/engine/codec.hpp"
#include "foh/engine/pin.hpp"
#include "foh/net/login.hpp"
#include "foh/net/rest.hpp"

using namespace foh;
using namespace foh::net;
using std::chrono::steady_clock;

namespace {
TeamMember cheap_member(Cache& c, const std::string& pin) {
  TeamMember m = fixture::demo_venue().team_members.back();
  m.pin_salt = "00112233445566778899aabbccddeeff";
  m.pin = hash_pin(pin, m.pin_salt, 1000);
  REQUIRE(c.put_row("team_members", encode(m)).ok());
  return m;
}

RestConfig device_config(const fixture::FakeServer& s) {
  RestConfig rc;
  rc.base_url = s.url();
  rc.api_key = "anon-key";
  rc.bearer = "device.token.jwt";
  return rc;  // the sync's retries (4 attempts of 10 s): login must not use them
}

double seconds_since(steady_clock::time_point t) {
  return std::chrono::duration<double>(steady_clock::now() - t).count();
}
}  // namespace

TEST_CASE("a hung pin-login falls back to the cached hash after one short try") {
  auto c = fixture::seeded_cache();
  TeamMember m = cheap_member(*c, "2580");
  fixture::FakeServer s;
  s.mode = fixture::Mode::Hang;
  RestClient device(device_config(s));
  LoginConfig config;
  config.online_timeout_ms = 400;
  PinLogin login(*c, config, &device, fixture::demo_venue().restaurant.id);
  const auto started = steady_clock::now();
  auto session = login.login(m.id, "2580", std::chrono::system_clock::now());
  REQUIRE_MESSAGE(session.ok(), (session.ok() ? "" : session.error().text()));
  CHECK_FALSE(session->online);
  CHECK(s.hits == 1);  // one try, no retries
  // Before: 4 attempts of 10 s each. A bound far above 400 ms, far below that.
  CHECK(seconds_since(started) < 5.0);
  // A wrong PIN is judged by the cache the same way, and counted once.
  CHECK_FALSE(login.login(m.id, "0000", std::chrono::system_clock::now()).ok());
  CHECK(login.failures(m.id, std::chrono::system_clock::now()) == 1);
}

TEST_CASE("a login the caller stops waiting for is cancelled and counts nothing") {
  auto c = fixture::seeded_cache();
  TeamMember m = cheap_member(*c, "2580");
  fixture::FakeServer s;
  s.mode = fixture::Mode::Hang;
  RestClient device(device_config(s));
  PinLogin login(*c, {}, &device, fixture::demo_venue().restaurant.id);
  const auto now = std::chrono::system_clock::now();
  auto t = login.begin(m.id, "0000", now);  // a wrong PIN: cancelling must not count it
  REQUIRE(t.ok());
  REQUIRE(t->online);
  std::atomic<bool> stop{false};
  std::thread host([&stop] {
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    stop = true;  // the host taps Cancel
  });
  const auto started = steady_clock::now();
  LoginAnswer a = PinLogin::check(*t, [&stop] { return stop.load(); });
  host.join();
  CHECK(a.cancelled);
  CHECK_FALSE(a.offline_checked);
  CHECK(seconds_since(started) < 2.5);  // the online timeout is 3 s: cancel cut it short
  auto r = login.finish(*t, a, now);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().message == "cancelled");
  CHECK(login.failures(m.id, now) == 0);
}
