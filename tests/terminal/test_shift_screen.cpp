// The shift screen (issue 13, item 4): headless frames over the fixture's
// evening at 19:30 — the service under way is shown first, another is one tap
// away, Export CSV records the intent, the figures follow the clock, and the
// pacing chart keeps inside the screen at every size.
#include <doctest/doctest.h>
#include <imgui.h>

#include "screens/shift.hpp"
#include "shift_fixture.hpp"
#include "tap.hpp"

using namespace foh;
using namespace foh::ui;
using foh::test::Fixture;
using foh::test::Headless;

namespace {

auto drawer(ShiftView& v, Fixture& fx) {
  return [&v, &fx](ShiftIntents& o) { draw_shift(v, fx.desk, o); };
}

}  // namespace

TEST_CASE("shift: the evening under way opens first, with the fixture's figures") {
  Fixture fx;  // 19:30: Dupont (2) seated, Late (2) due 19:00, Martin (4) 19:45, Durand (2) 21:00
  ShiftView v;
  const Shift& s = shift_now(v.cache, fx.desk);
  REQUIRE(s.services.size() == 2);
  CHECK(shown_service(v, s) == 1);
  const ShiftGlance& g = s.services[1].glance;
  CHECK(g.covers_booked == 10);
  CHECK(g.covers_seated == 2);
  CHECK(g.covers_to_come == 8);
  REQUIRE(g.late.size() == 1);
  CHECK(g.late[0].guest_name == "Late");
  CHECK(g.late[0].minutes_late == 30);
  CHECK(g.parties_waiting == 2);  // Petit, and the kiosk's party not yet accepted
  CHECK(g.longest_wait_minutes == 20);

  Headless h;
  auto draw = drawer(v, fx);
  test::frame<ShiftIntents>(h, draw);
  CHECK(h.item("shift_service_s1"));
  CHECK(h.item("shift_service_s2"));
  CHECK(h.item("shift_chart"));
  CHECK(h.item("shift_export"));
}

TEST_CASE("shift: another service is one tap away, and Export CSV is an intent") {
  Fixture fx;
  ShiftView v;
  Headless h;
  auto draw = drawer(v, fx);
  test::tap_item<ShiftIntents>(h, "shift_service_s1", draw);
  REQUIRE(v.service);
  CHECK(*v.service == "s1");
  CHECK(shown_service(v, shift_now(v.cache, fx.desk)) == 0);
  ShiftIntents out = test::tap_item<ShiftIntents>(h, "shift_export", draw);
  CHECK(out.export_csv);
}

TEST_CASE("shift: the figures follow the clock and the data, not a stale cache") {
  Fixture fx;
  ShiftView v;
  CHECK(shift_now(v.cache, fx.desk).services[1].glance.late[0].minutes_late == 30);
  fx.desk.now = LocalInstant::at(fx.day.date, *TimeOfDay::parse("20:05"));
  const ShiftGlance& later = shift_now(v.cache, fx.desk).services[1].glance;
  REQUIRE(later.late.size() == 2);  // Martin (19:45) is late too by 20:00
  CHECK(later.late[0].minutes_late == 65);
  CHECK(later.late[1].guest_name == "Martin");
  fx.day.reservations[2].status = ReservationStatus::Arrived;  // Late walks in
  fx.rebuild();
  ++fx.desk.revision;  // as the shell's refresh_desk does on every data change
  fx.desk.now = LocalInstant::at(fx.day.date, *TimeOfDay::parse("20:05"));
  CHECK(shift_now(v.cache, fx.desk).services[1].glance.late.size() == 1);
}

TEST_CASE("shift: a chosen service that is gone falls back to the current one") {
  Fixture fx;
  ShiftView v;
  v.service = "~outside";
  CHECK(shown_service(v, shift_now(v.cache, fx.desk)) == 1);
}

TEST_CASE("shift: the pacing chart stays inside the screen at every size, its slots readable") {
  struct Size {
    float w, h;
  };
  for (Size size :
       {Size{800, 1280}, Size{1024, 768}, Size{1280, 800}, Size{1920, 1080}, Size{800, 600}}) {
    Fixture fx;
    test::busy_shift(fx);
    ShiftView v;
    Headless h;
    ImGui::GetIO().DisplaySize = ImVec2(size.w, size.h);
    auto draw = drawer(v, fx);
    for (int i = 0; i < 2; ++i) test::frame<ShiftIntents>(h, draw);
    auto chart = h.item("shift_chart");
    CAPTURE(size.w);
    REQUIRE(chart);
    CHECK(chart->x0 >= 0);
    CHECK(chart->x1 <= size.w);
    CHECK(chart->y1 - chart->y0 >= 8 * ImGui::GetFontSize() - 1);
    // 16 slots from 19:00 to 23:00, each at least a finger's width apart on the smallest.
    const Shift& s = shift_now(v.cache, fx.desk);
    const PacingChart& c = s.services[shown_service(v, s)].chart;
    CHECK(c.slots.size() == 16);
    CHECK((chart->x1 - chart->x0) / static_cast<float>(c.slots.size()) >= 40);
    auto exp = h.item("shift_export");
    REQUIRE(exp);
    CHECK(exp->y1 <= size.h);
  }
}
