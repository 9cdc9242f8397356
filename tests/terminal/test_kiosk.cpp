// The guests' kiosk (issue 12, item 10): a big party choice that moves on by
// itself, name and mobile with a real number ("0612" refused, said in the
// guest's words), SMS consent, a confirmation with the place and the wait as a
// range in the guest's language, and a return to the start.
#include <doctest/doctest.h>

#include "foh/engine/waitlist.hpp"
#include "screens/kiosk.hpp"
#include "tap.hpp"

using namespace foh;
using namespace foh::ui;
using foh::test::Fixture;
using foh::test::Headless;

TEST_CASE("kiosk: a mobile number is a real one") {
  CHECK(kiosk_phone_valid("0612345678"));
  CHECK(kiosk_phone_valid("06 12 34 56 78"));
  CHECK(kiosk_phone_valid("06.12.34.56.78"));
  CHECK(kiosk_phone_valid("+33 6 12 34 56 78"));
  CHECK(kiosk_phone_valid("+44 20 7946 0958"));
  CHECK_FALSE(kiosk_phone_valid("0612"));
  CHECK_FALSE(kiosk_phone_valid(""));
  CHECK_FALSE(kiosk_phone_valid("061234567"));    // 9 digits
  CHECK_FALSE(kiosk_phone_valid("06123456789"));  // 11 digits
  CHECK_FALSE(kiosk_phone_valid("6123456789"));   // no leading 0
  CHECK_FALSE(kiosk_phone_valid("+33"));
  CHECK_FALSE(kiosk_phone_valid("+0612345678"));  // no country code
  CHECK_FALSE(kiosk_phone_valid("06 12 34 56 7a"));
  CHECK_FALSE(kiosk_phone_valid("06+12345678"));
}

TEST_CASE("kiosk: the wait is a range on 5-minute steps, never '0 min'") {
  CHECK(wait_range(0).soon);
  CHECK(wait_range(5).soon);
  WaitRange r = wait_range(40);
  CHECK_FALSE(r.soon);
  CHECK(r.low == 30);
  CHECK(r.high == 50);
  r = wait_range(75);
  CHECK(r.low == 60);
  CHECK(r.high == 90);
  for (int q = 6; q < 240; ++q) {
    WaitRange w = wait_range(q);
    CHECK(w.low <= q);
    CHECK(w.high >= q);
    CHECK(w.high - w.low >= 10);
    CHECK(w.low % 5 == 0);
    CHECK(w.high % 5 == 0);
  }
}

TEST_CASE("kiosk: large type on a wall screen, never smaller than the terminal's") {
  CHECK(kiosk_scale(1920, 1080, 18) == doctest::Approx(2.0f));
  CHECK(kiosk_scale(800, 1280, 18) > 1.4f);
  CHECK(kiosk_scale(800, 600, 18) < 1.2f);
  CHECK(kiosk_scale(640, 480, 18) == 1.0f);
}

TEST_CASE("kiosk: '0612' is refused with a message; a real number with consent joins") {
  Fixture fx;
  Headless h;
  KioskView v;
  auto draw = [&](KioskIntents& o) { draw_kiosk(v, fx.desk, o); };
  test::frame<KioskIntents>(h, draw);
  CHECK(h.item("kiosk_restaurant"));
  CHECK_FALSE(h.item("member_Alice"));                     // no staff data
  test::tap_item<KioskIntents>(h, "kiosk_party_4", draw);  // one tap: on to the details
  CHECK(v.party == 4);
  CHECK(v.step == KioskStep::Details);
  test::frame<KioskIntents>(h, draw);
  CHECK(h.item("kiosk_wait"));  // the wait is shown before joining
  REQUIRE(v.quote.minutes);
  CHECK(*v.quote.minutes == quote_walk_in(fx.venue, fx.day, 4, fx.desk.now)->quoted_minutes);
  v.name = "Camille";
  v.phone = "0612";
  auto bad = test::tap_item<KioskIntents>(h, "kiosk_join", draw);
  CHECK_FALSE(bad.join);
  test::frame<KioskIntents>(h, draw);
  CHECK(h.item(std::string("error:") + tr(Language::Fr, "kiosk.phone_bad")));
  v.phone = "06 12 34 56 78";
  auto no_consent = test::tap_item<KioskIntents>(h, "kiosk_join", draw);
  REQUIRE(no_consent.join);
  CHECK_FALSE(no_consent.join->consent);
  test::tap_item<KioskIntents>(h, "kiosk_consent", draw);
  CHECK(v.consent);
  auto join = test::tap_item<KioskIntents>(h, "kiosk_join", draw);
  REQUIRE(join.join);
  CHECK(join.join->from_kiosk);
  CHECK(join.join->party_size == 4);
  CHECK(join.join->guest_phone == "06 12 34 56 78");
  CHECK(join.join->consent);
}

TEST_CASE("kiosk: the guest picks English; the confirmation shows place and range, then resets") {
  Fixture fx;
  Headless h;
  KioskView v;
  auto draw = [&](KioskIntents& o) { draw_kiosk(v, fx.desk, o); };
  test::tap_item<KioskIntents>(h, "kiosk_language", draw);
  CHECK(v.guest_locale == std::optional<Language>(Language::En));
  test::tap_item<KioskIntents>(h, "kiosk_party_2", draw);
  test::frame<KioskIntents>(h, draw);
  CHECK(h.item("kiosk_party_summary"));
  v.name = "Sam";
  fx.desk.quotes = {test::quote("w1", 1, 15), test::quote("w2", 2, 40)};
  kiosk_joined(v, "w2", fx.desk.now);
  test::frame<KioskIntents>(h, draw);
  CHECK(h.item("kiosk_position"));
  CHECK(h.item("kiosk_wait"));
  CHECK(h.item("kiosk_back_in"));
  // The position and the wait are drawn larger than the thanks line.
  auto pos = h.item("kiosk_position"), back = h.item("kiosk_back_in");
  CHECK(pos->y1 - pos->y0 > (back->y1 - back->y0) * 1.5f);
  // Still there after 59 s, back at the start in the terminal's language at 60.
  fx.desk.now.seconds += 59;
  test::frame<KioskIntents>(h, draw);
  CHECK(v.step == KioskStep::Joined);
  fx.desk.now.seconds += 1;
  test::frame<KioskIntents>(h, draw);
  CHECK(v.step == KioskStep::Party);
  CHECK_FALSE(v.guest_locale);
  CHECK(v.name.empty());
}

TEST_CASE("kiosk: a party no table seats is told so before typing anything") {
  Fixture fx;
  Headless h;
  KioskView v;
  auto draw = [&](KioskIntents& o) { draw_kiosk(v, fx.desk, o); };
  v.party = 40;
  test::tap_item<KioskIntents>(h, "kiosk_next", draw);
  CHECK(v.step == KioskStep::Party);
  test::frame<KioskIntents>(h, draw);
  CHECK(h.item(std::string("error:") + tr(Language::Fr, "kiosk.no_table")));
}

TEST_CASE("kiosk: the staff exit is a small corner button; leaving needs a PIN") {
  Fixture fx;
  Headless h;
  KioskView v;
  auto draw = [&](KioskIntents& o) { draw_kiosk(v, fx.desk, o); };
  test::frame<KioskIntents>(h, draw);
  auto staff = h.item("kiosk_staff"), four = h.item("kiosk_party_4");
  REQUIRE(staff);
  REQUIRE(four);
  CHECK(staff->x1 - staff->x0 < (four->x1 - four->x0) / 2);
  CHECK(staff->y1 < four->y0);  // a corner above the page
  test::tap_item<KioskIntents>(h, "kiosk_staff", draw);
  CHECK(v.step == KioskStep::Leave);
  for (const char* k : {"key_2", "key_4", "key_6", "key_8"})
    test::tap_item<KioskIntents>(h, k, draw);
  auto leave = test::tap_item<KioskIntents>(h, "kiosk_leave_ok", draw);
  REQUIRE(leave.leave);
  CHECK(leave.leave->pin == "2468");
}
