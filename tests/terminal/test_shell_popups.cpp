// The shell's popups as screens (issue 12, item 2): the manager-PIN popup and
// the busy state are free functions over a view, drawn headless here as the
// shell draws them over a screen; and the seat button while its write runs.
#include <doctest/doctest.h>
#include <imgui.h>

#include "screens/busy.hpp"
#include "screens/kiosk.hpp"
#include "screens/manager_pin.hpp"
#include "screens/seat.hpp"
#include "tap.hpp"
#include "widgets/keyboard.hpp"

using namespace foh;
using namespace foh::ui;
using foh::test::Fixture;
using foh::test::Headless;

TEST_CASE("manager PIN popup: pick a manager, type the PIN, OK asks the check; Cancel drops it") {
  Fixture fx;
  Headless h;
  ManagerPinView v;
  auto draw = [&](ManagerPinIntents& out) { draw_manager_pin(v, fx.desk, out); };
  test::frame<ManagerPinIntents>(h, draw);
  CHECK(h.item("manager_Alice"));      // the admin
  CHECK_FALSE(h.item("manager_Bob"));  // a server cannot approve
  auto none = test::tap_item<ManagerPinIntents>(h, "manager_ok", draw);
  CHECK_FALSE(none.check);  // no manager, no PIN: OK is disabled
  test::tap_item<ManagerPinIntents>(h, "manager_Alice", draw);
  REQUIRE(v.manager_id);
  CHECK(*v.manager_id == "m1");
  for (const char* k : {"key_1", "key_2", "key_3", "key_4"})
    test::tap_item<ManagerPinIntents>(h, k, draw);
  CHECK(v.pin == "1234");
  v.checking = true;  // a check under way: OK waits for its verdict
  CHECK_FALSE(test::tap_item<ManagerPinIntents>(h, "manager_ok", draw).check);
  v.checking = false;
  CHECK(test::tap_item<ManagerPinIntents>(h, "manager_ok", draw).check);
  CHECK(test::tap_item<ManagerPinIntents>(h, "manager_cancel", draw).cancel);
}

TEST_CASE("busy state: Cancel for a PIN check, none for a local write") {
  Fixture fx;
  Headless h;
  BusyView v;
  v.open = true;
  v.what = "busy.login";
  auto draw = [&](BusyIntents& out) { draw_busy(v, fx.desk, out); };
  test::frame<BusyIntents>(h, draw);
  CHECK(h.item("busy"));
  CHECK(test::tap_item<BusyIntents>(h, "busy_cancel", draw).cancel);
  v.what = "busy.saving";
  v.cancellable = false;
  test::frame<BusyIntents>(h, draw);
  test::frame<BusyIntents>(h, draw);
  CHECK(h.item("busy"));
  CHECK_FALSE(h.item("busy_cancel"));
  v.open = false;  // landed: the popup closes
  test::frame<BusyIntents>(h, draw);
  test::frame<BusyIntents>(h, draw);
  CHECK_FALSE(h.item("busy"));
}

// One write per intent while the Store writes off the frame: the seat button
// of a command whose write has not landed (Desk::pending_writes) takes no tap.
TEST_CASE("seat: the button stays disabled until its write lands") {
  Fixture fx;
  Headless h;
  SeatView v;
  v.command_id = "cmd-1";
  v.party_size = 4;
  auto draw = [&](SeatIntents& out) { draw_seat(v, fx.desk, out); };
  test::frame<SeatIntents>(h, draw);
  REQUIRE(h.item("seat_confirm"));
  fx.desk.pending_writes = {"cmd-1"};  // the first tap's write, on the Store's worker
  CHECK_FALSE(test::tap_item<SeatIntents>(h, "seat_confirm", draw).seat);
  fx.desk.pending_writes = {"another-command"};  // other writes do not disable it
  CHECK(test::tap_item<SeatIntents>(h, "seat_confirm", draw).seat);
}

// Guest-grade keys (issue 12, item 10): on the kiosk the dock's keys grow
// with the kiosk's type, within 45 % of the screen.
TEST_CASE("kiosk keyboard: keys as large as the kiosk's type, the dock under half the screen") {
  for (ImVec2 display : {ImVec2(1920, 1080), ImVec2(800, 1280)}) {
    Headless h;
    ImGui::GetIO().DisplaySize = display;
    KeyboardState kb;
    keyboard_open(kb, "kiosk_name", InputKind::Text, "");
    float staff_key = 0, guest_key = 0, guest_dock = 0, guest_scale = 1;
    h.frame([&] {
      kb.seen = true;
      guest_scale =
          kiosk_keyboard_scale(kb, Language::Fr, display.x, display.y, ImGui::GetFontSize());
      guest_dock = keyboard_height(kb, Language::Fr, guest_scale);
      draw_keyboard_dock(kb, Language::Fr, guest_scale);
    });
    REQUIRE(h.item("kb_a"));
    guest_key = h.item("kb_a")->y1 - h.item("kb_a")->y0;
    h.frame([&] {
      kb.seen = true;
      draw_keyboard_dock(kb, Language::Fr, 1.0f);
    });
    REQUIRE(h.item("kb_a"));
    staff_key = h.item("kb_a")->y1 - h.item("kb_a")->y0;
    CAPTURE(display.x);
    CHECK(guest_scale > 1.2f);               // the kiosk's type is larger at these sizes
    CHECK(guest_key > staff_key * 1.2f);     // and so are its keys
    CHECK(guest_dock <= display.y * 0.45f);  // the name field and Join stay in view
  }
}
