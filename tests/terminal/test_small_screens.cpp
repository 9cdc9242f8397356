#include <doctest/doctest.h>

#include "screens/kiosk.hpp"
#include "screens/login.hpp"
#include "screens/status_bar.hpp"
#include "screens/waitlist.hpp"
#include "tap.hpp"
#include "widgets/validate.hpp"

using namespace foh;
using namespace foh::ui;
using foh::test::Fixture;
using foh::test::Headless;

TEST_CASE("login smoke frame: active members only, keypad PIN, attempt, shake, lockout") {
  Fixture fx;
  Headless h;
  LoginView v;
  auto draw = [&](LoginIntents& o) { draw_login(v, fx.desk, o); };
  test::frame<LoginIntents>(h, draw);
  CHECK(h.item("member_Alice"));
  CHECK(h.item("member_Bob"));
  CHECK_FALSE(h.item("member_Zoé"));  // inactive
  test::tap_item<LoginIntents>(h, "member_Alice", draw);
  CHECK(v.member_id == std::optional<Uuid>("m1"));
  for (const char* k : {"key_1", "key_2", "key_3"}) test::tap_item<LoginIntents>(h, k, draw);
  CHECK(v.pin == "123");
  auto none = test::tap_item<LoginIntents>(h, "key_ok", draw);  // 3 digits: OK disabled
  CHECK_FALSE(none.attempt);
  test::tap_item<LoginIntents>(h, "key_4", draw);
  auto out = test::tap_item<LoginIntents>(h, "key_ok", draw);
  REQUIRE(out.attempt);
  CHECK(out.attempt->member_id == "m1");
  CHECK(out.attempt->pin == "1234");
  CHECK(v.pin.empty());
  // Wrong PIN: the shell reports it; the view shakes for half a second of frames.
  login_failed(v, fx.desk.now, "Code incorrect");
  CHECK(v.shake_left > 0);
  test::frame<LoginIntents>(h, draw);
  CHECK(h.item("error:Code incorrect"));
  for (int i = 0; i < 40; ++i) test::frame<LoginIntents>(h, draw);
  CHECK(v.shake_left == 0);
  CHECK(shake_offset_em(v) == 0);
  // Locked: the countdown shows and the keypad takes nothing.
  fx.desk.lockout.remaining_seconds = 27;
  v.message.clear();
  test::tap_item<LoginIntents>(h, "key_5", draw);
  CHECK(v.pin.empty());
  test::frame<LoginIntents>(h, draw);
  CHECK(h.item("error:Verrouillé\u00a0: réessayez dans 27 s"));
}

TEST_CASE("waitlist smoke frame: queue order with quotes; kiosk entries need acceptance") {
  Fixture fx;
  Headless h;
  WaitlistView v;
  auto rows = waitlist_queue(fx.desk);
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].entry->id == "w1");
  CHECK(rows[0].quoted_minutes == std::optional<int>(15));
  CHECK(rows[0].waited_minutes == 20);
  CHECK(is_unconfirmed(*rows[1].entry));
  auto draw = [&](WaitlistIntents& o) { draw_waitlist(v, fx.desk, o); };
  test::frame<WaitlistIntents>(h, draw);
  CHECK(h.item("wl_Petit"));
  auto acc = test::tap_item<WaitlistIntents>(h, "wl_accept", draw);
  REQUIRE(acc.command);
  CHECK(acc.command->entry_id == "w2");
  CHECK(acc.command->action == WaitlistAction::Accept);
  auto notify = test::tap_item<WaitlistIntents>(h, "wl_notify", draw);
  REQUIRE(notify.command);
  CHECK(notify.command->entry_id == "w1");
  CHECK(notify.command->action == WaitlistAction::Notify);
  // Staff add: a bad party shows its message and adds nothing.
  v.adding = true, v.name = "Roux", v.party = "0";
  auto bad = test::tap_item<WaitlistIntents>(h, "wl_add_ok", draw);
  CHECK_FALSE(bad.add);
  test::frame<WaitlistIntents>(h, draw);
  CHECK(h.item(std::string("error:") + field_message(Language::Fr, FieldError::PartyOutOfRange)));
  v.party = "3";
  auto good = test::tap_item<WaitlistIntents>(h, "wl_add_ok", draw);
  REQUIRE(good.add);
  CHECK(good.add->party_size == 3);
  CHECK_FALSE(good.add->from_kiosk);
}

TEST_CASE("kiosk smoke frame: a guest joins, sees a position; no staff data; bad input refused") {
  Fixture fx;
  fx.desk.locale = Language::En;
  Headless h;
  KioskView v;
  auto draw = [&](KioskIntents& o) { draw_kiosk(v, fx.desk, o); };
  test::tap_item<KioskIntents>(h, "kiosk_party_4", draw);  // one tap: on to the details
  CHECK(v.party == 4);
  CHECK(v.step == KioskStep::Details);
  test::frame<KioskIntents>(h, draw);
  CHECK_FALSE(h.item("member_Alice"));  // no staff data
  CHECK_FALSE(h.item("wl_Petit"));      // nor other guests
  // Empty name and phone: messages, no join.
  auto bad = test::tap_item<KioskIntents>(h, "kiosk_join", draw);
  CHECK_FALSE(bad.join);
  test::frame<KioskIntents>(h, draw);
  CHECK(h.item(std::string("error:") + field_message(Language::En, FieldError::NameEmpty)));
  v.name = "Camille";
  v.phone = "0612345678";  // typed on the phone pad (test_keyboard)
  test::tap_item<KioskIntents>(h, "kiosk_consent", draw);
  CHECK(v.consent);
  auto join = test::tap_item<KioskIntents>(h, "kiosk_join", draw);
  REQUIRE(join.join);
  CHECK(join.join->from_kiosk);
  CHECK(join.join->party_size == 4);
  CHECK(join.join->guest_name == "Camille");
  CHECK(join.join->consent);
  kiosk_joined(v, "w2", fx.desk.now);
  test::frame<KioskIntents>(h, draw);
  CHECK(h.item("kiosk_position"));
  // Leaving needs a PIN.
  test::tap_item<KioskIntents>(h, "kiosk_staff", draw);
  CHECK(v.step == KioskStep::Leave);
  for (const char* k : {"key_2", "key_4", "key_6", "key_8"})
    test::tap_item<KioskIntents>(h, k, draw);
  auto leave = test::tap_item<KioskIntents>(h, "kiosk_leave_ok", draw);
  REQUIRE(leave.leave);
  CHECK(leave.leave->pin == "2468");
}

TEST_CASE("status bar smoke frame: state, outbox, conflicts popup, logout, locale") {
  Fixture fx;
  fx.desk.sync.connection = Connectivity::Offline;
  fx.desk.sync.outbox = 3;
  fx.desk.sync.conflicts = 1;
  fx.desk.conflicts = {ConflictInfo{"res2", "Martin", TableChoice{{"t4"}, "4", ""}}};
  Headless h;
  StatusBarView v;
  auto draw = [&](StatusBarIntents& o) { draw_status_bar(v, fx.desk, o); };
  test::frame<StatusBarIntents>(h, draw);
  CHECK(h.item("sync_state"));
  test::tap_item<StatusBarIntents>(h, "conflicts", draw);
  CHECK(v.conflicts_open);
  auto res = test::tap_item<StatusBarIntents>(h, "conflict_accept", draw);
  REQUIRE(res.resolve);
  CHECK(res.resolve->reservation_id == "res2");
  CHECK(res.resolve->action == ConflictAction::AcceptProposal);
  test::tap_item<StatusBarIntents>(h, "conflicts_close", draw);
  auto out = test::tap_item<StatusBarIntents>(h, "logout", draw);
  CHECK(out.logout);
  auto loc = test::tap_item<StatusBarIntents>(h, "locale", draw);
  CHECK(loc.switch_locale == std::optional<Language>(Language::En));
}

TEST_CASE("status bar day picker: later days for bookings, never the past, back to today") {
  Fixture fx;
  Headless h;
  StatusBarView v;
  auto draw = [&](StatusBarIntents& o) { draw_status_bar(v, fx.desk, o); };
  // Today: no way back into the past, and no "today" button.
  CHECK(test::tap_item<StatusBarIntents>(h, "day_prev", draw).show_date == std::nullopt);
  CHECK_FALSE(h.item("day_today"));
  auto next = test::tap_item<StatusBarIntents>(h, "day_next", draw);
  CHECK(next.show_date == std::optional<Date>(fx.day.date.plus_days(1)));
  // The shell loads that day: the picker now offers the previous day and today.
  fx.day.date = fx.day.date.plus_days(3);
  CHECK_FALSE(fx.desk.shows_today());
  CHECK(test::tap_item<StatusBarIntents>(h, "day_prev", draw).show_date ==
        std::optional<Date>(fx.desk.today.plus_days(2)));
  CHECK(test::tap_item<StatusBarIntents>(h, "day_today", draw).show_date ==
        std::optional<Date>(fx.desk.today));
  // A year ahead is the last day offered.
  fx.day.date = fx.desk.today.plus_days(kDaysAhead);
  CHECK(test::tap_item<StatusBarIntents>(h, "day_next", draw).show_date == std::nullopt);
}

TEST_CASE("a quoted wait of 0 reads as a table free now, not 0 min") {
  CHECK(format_quote(Language::Fr, 0) == "Table libre maintenant");
  CHECK(format_quote(Language::En, 0) == "Table free now");
  CHECK(format_quote(Language::En, 15) == "15 min");
  CHECK(format_quote(Language::Fr, 75) == "1 h 15");
}
