// PIN login offline: cached PBKDF2 hashes, the lockout (injected clock) and
// its persistence across a reopen, the idle timeout, permissions.
#include <doctest/doctest.h>

#include "fixtures.hpp"
#include "foh/engine/codec.hpp"
#include "foh/engine/pin.hpp"
#include "foh/net/login.hpp"

using namespace foh;
using namespace foh::net;
using std::chrono::seconds;

namespace {
// A member with a cheap hash so that many wrong PINs stay fast.
TeamMember quick_member(Cache& c, const std::string& pin, Role role = Role::Server) {
  TeamMember m = fixture::demo_venue().team_members.back();
  m.id = new_uuid();
  m.role = role;
  m.pin_salt = "00112233445566778899aabbccddeeff";
  m.pin = hash_pin(pin, m.pin_salt, 1000);
  REQUIRE(!m.pin.empty());
  REQUIRE(c.put_row("team_members", encode(m)).ok());
  return m;
}
}  // namespace

TEST_CASE("offline login with a demo PIN (600 000 iterations) and a wrong one") {
  auto c = fixture::seeded_cache();
  PinLogin login(*c, {});
  const TeamMember& camille = fixture::demo_venue().team_members[0];  // Admin, PIN 1234
  auto now = std::chrono::system_clock::now();
  auto s = login.login(camille.id, "1234", now);
  REQUIRE_MESSAGE(s.ok(), (s.ok() ? "" : s.error().text()));
  CHECK(s->member.role == Role::Admin);
  CHECK_FALSE(s->online);
  CHECK(s->may("editor"));
  CHECK(login.failures() == 0);
  CHECK_FALSE(login.login(camille.id, "4321", now).ok());
  CHECK(login.failures() == 1);
}

TEST_CASE("5 wrong PINs lock for 30 s, then each further failure doubles it") {
  auto c = fixture::seeded_cache();
  TeamMember m = quick_member(*c, "2580");
  PinLogin login(*c, {});
  fixture::ManualClock clock;
  for (int i = 0; i < 4; ++i) {
    auto r = login.login(m.id, "0000", clock.now);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message == "wrong PIN");
  }
  CHECK(login.locked_seconds(clock.now) == 0);
  CHECK_FALSE(login.login(m.id, "0000", clock.now).ok());  // 5th
  CHECK(login.locked_seconds(clock.now) == 30);
  auto locked = login.login(m.id, "2580", clock.now + seconds(10));  // even the right PIN
  REQUIRE_FALSE(locked.ok());
  CHECK(locked.error().message.find("locked: try again in 20 s") != std::string::npos);
  clock.now += seconds(30);
  CHECK_FALSE(login.login(m.id, "9999", clock.now).ok());  // 6th: 60 s
  CHECK(login.locked_seconds(clock.now) == 60);
  clock.now += seconds(60);
  CHECK_FALSE(login.login(m.id, "9999", clock.now).ok());  // 7th: 120 s
  CHECK(login.locked_seconds(clock.now) == 120);
  clock.now += seconds(120);
  CHECK(login.login(m.id, "2580", clock.now).ok());
  CHECK(login.failures() == 0);
  CHECK(login.locked_seconds(clock.now) == 0);
}

TEST_CASE("the lockout survives closing and reopening the cache") {
  fixture::TempDir dir;
  fixture::ManualClock clock;
  Uuid id;
  {
    auto c = fixture::seeded_cache(dir.file("c.db"));
    id = quick_member(*c, "2580").id;
    PinLogin login(*c, {});
    for (int i = 0; i < 5; ++i) CHECK_FALSE(login.login(id, "1111", clock.now).ok());
  }
  auto c = std::move(Cache::open(dir.file("c.db"))).value();
  PinLogin login(*c, {});
  CHECK(login.failures() == 5);
  CHECK(login.locked_seconds(clock.now + seconds(5)) == 25);
  CHECK_FALSE(login.login(id, "2580", clock.now + seconds(5)).ok());
  // No clear PIN anywhere in the file's kv or rows.
  for (const auto& j : c->rows("team_members"))
    CHECK(j.dump().find("\"2580\"") == std::string::npos);
}

TEST_CASE("unknown, inactive members and malformed PINs are refused and counted") {
  auto c = fixture::seeded_cache();
  TeamMember m = quick_member(*c, "2580");
  m.is_active = false;
  REQUIRE(c->put_row("team_members", encode(m)).ok());
  PinLogin login(*c, {});
  auto now = std::chrono::system_clock::now();
  CHECK_FALSE(login.login(m.id, "2580", now).ok());
  CHECK_FALSE(login.login("no-such-member", "2580", now).ok());
  CHECK_FALSE(login.login(m.id, "12ab", now).ok());
  CHECK(login.failures(m.id, now) == 2);  // each counts against the member tried
  CHECK(login.failures("no-such-member", now) == 1);
}

TEST_CASE("a session ends after the idle timeout; touching keeps it") {
  auto c = fixture::seeded_cache();
  TeamMember m = quick_member(*c, "2580");
  PinLogin login(*c, LoginConfig{5, 30, 120});
  fixture::ManualClock clock;
  auto s = login.login(m.id, "2580", clock.now);
  REQUIRE(s.ok());
  CHECK_FALSE(login.expired(*s, clock.now + seconds(119)));
  login.touch(*s, clock.now + seconds(100));
  CHECK_FALSE(login.expired(*s, clock.now + seconds(219)));
  CHECK(login.expired(*s, clock.now + seconds(220)));
  CHECK(s->may("floor"));
  CHECK_FALSE(s->may("editor"));  // a Server
}

TEST_CASE("one member's wrong PINs lock that member only, on this terminal") {
  auto c = fixture::seeded_cache();
  TeamMember guessed = quick_member(*c, "2580"), colleague = quick_member(*c, "1470");
  PinLogin login(*c, {});
  fixture::ManualClock clock;
  for (int i = 0; i < 5; ++i) CHECK_FALSE(login.login(guessed.id, "0000", clock.now).ok());
  CHECK(login.locked_seconds(guessed.id, clock.now) == 30);
  CHECK(login.locked_seconds(colleague.id, clock.now) == 0);
  auto s = login.login(colleague.id, "1470", clock.now);
  CHECK_MESSAGE(s.ok(), (s.ok() ? "" : s.error().text()));
  // The colleague's success leaves the guessed member's count alone.
  CHECK(login.failures(guessed.id, clock.now) == 5);
  CHECK_FALSE(login.login(guessed.id, "2580", clock.now).ok());  // still locked
}

TEST_CASE("the offline lock is capped at 5 minutes and forgotten after 15 quiet ones") {
  auto c = fixture::seeded_cache();
  TeamMember m = quick_member(*c, "2580");
  PinLogin login(*c, {});
  fixture::ManualClock clock;
  for (int i = 0; i < 12; ++i) {
    clock.now += seconds(login.locked_seconds(m.id, clock.now));
    CHECK_FALSE(login.login(m.id, "0000", clock.now).ok());
  }
  CHECK(login.locked_seconds(m.id, clock.now) == 300);  // 30 s << 7 would be over an hour
  clock.now += seconds(15 * 60);
  CHECK(login.failures(m.id, clock.now) == 0);
  for (int i = 0; i < 4; ++i) CHECK_FALSE(login.login(m.id, "0000", clock.now).ok());
  CHECK(login.locked_seconds(m.id, clock.now) == 0);  // 4 of 5 again, not the 16th
}
