// The PIN screen (issue 12, item 9): dots as many as the PIN's digits (4 for
// a 4-digit PIN), the tries left in the terminal's language after a wrong PIN,
// a keypad that never moves when a message appears or the dots shake, and one
// language switch (the status bar's).
#include <doctest/doctest.h>

#include "screens/login.hpp"
#include "tap.hpp"

using namespace foh;
using namespace foh::ui;
using foh::test::Fixture;
using foh::test::Headless;

namespace {
int dots(const Headless& h) {
  int n = 0;
  while (h.item("pin_dot_" + std::to_string(n))) ++n;
  return n;
}
}  // namespace

TEST_CASE("login: the dots follow the PIN's length, 4 for a 4-digit PIN") {
  Fixture fx;
  Headless h;
  LoginView v;
  auto draw = [&](LoginIntents& o) { draw_login(v, fx.desk, o); };
  test::frame<LoginIntents>(h, draw);
  CHECK(dots(h) == 4);
  test::tap_item<LoginIntents>(h, "member_Alice", draw);
  for (const char* k : {"key_1", "key_2", "key_3", "key_4"})
    test::tap_item<LoginIntents>(h, k, draw);
  test::frame<LoginIntents>(h, draw);
  CHECK(dots(h) == 4);
  for (const char* k : {"key_5", "key_6"}) test::tap_item<LoginIntents>(h, k, draw);
  test::frame<LoginIntents>(h, draw);
  CHECK(v.pin == "123456");
  CHECK(dots(h) == 6);
}

TEST_CASE("login: a wrong PIN says how many tries are left, in the terminal's language") {
  Fixture fx;
  Headless h;
  LoginView v;
  v.member_id = "m1";
  auto draw = [&](LoginIntents& o) { draw_login(v, fx.desk, o); };
  fx.desk.lockout = LockoutInfo{2, 0, 3};
  login_failed(v, fx.desk.now, "Code erroné");
  test::frame<LoginIntents>(h, draw);
  CHECK(h.item("error:Code erroné"));
  CHECK(h.item("error:Encore 3 essais avant le verrouillage"));
  fx.desk.lockout = LockoutInfo{4, 0, 1};
  test::frame<LoginIntents>(h, draw);
  CHECK(h.item("error:Encore 1 essai avant le verrouillage"));
  fx.desk.locale = Language::En;
  login_failed(v, fx.desk.now, "Wrong PIN");
  fx.desk.lockout = LockoutInfo{3, 0, 2};
  test::frame<LoginIntents>(h, draw);
  CHECK(h.item("error:2 tries left before the lock"));
  // Locked: the countdown alone, no tries line.
  fx.desk.lockout = LockoutInfo{5, 30, 0};
  test::frame<LoginIntents>(h, draw);
  CHECK(h.item("error:Locked: try again in 30 s"));
  CHECK_FALSE(h.item("error:One more wrong PIN locks again"));
}

TEST_CASE("login: the keypad never moves when a message appears or the dots shake") {
  Fixture fx;
  Headless h;
  LoginView v;
  auto draw = [&](LoginIntents& o) { draw_login(v, fx.desk, o); };
  test::tap_item<LoginIntents>(h, "member_Alice", draw);
  test::frame<LoginIntents>(h, draw);
  const auto key1 = h.item("key_1"), ok = h.item("key_ok"), dot0 = h.item("pin_dot_0");
  REQUIRE(key1);
  REQUIRE(ok);
  fx.desk.lockout = LockoutInfo{1, 0, 4};
  login_failed(v, fx.desk.now, "Code erroné");
  bool dots_moved = false;
  for (int i = 0; i < 6; ++i) {
    test::frame<LoginIntents>(h, draw);
    auto k = h.item("key_1"), o = h.item("key_ok"), d = h.item("pin_dot_0");
    REQUIRE(k);
    CHECK(k->x0 == key1->x0);
    CHECK(k->y0 == key1->y0);
    CHECK(o->y0 == ok->y0);
    dots_moved = dots_moved || d->x0 != dot0->x0;
  }
  CHECK(dots_moved);  // the shake is on the dots
  fx.desk.lockout = LockoutInfo{5, 30, 0};
  test::frame<LoginIntents>(h, draw);
  CHECK(h.item("key_1")->y0 == key1->y0);
}

TEST_CASE("login: one language switch, the status bar's") {
  Fixture fx;
  Headless h;
  LoginView v;
  test::frame<LoginIntents>(h, [&](LoginIntents& o) { draw_login(v, fx.desk, o); });
  CHECK(h.item("member_Alice"));
  CHECK_FALSE(h.item("locale"));
  CHECK_FALSE(h.item("English"));
}
