#include <doctest/doctest.h>

#include "screens/editor.hpp"
#include "screens/floor.hpp"
#include "tap.hpp"

using namespace foh;
using namespace foh::ui;
using foh::test::Fixture;
using foh::test::Headless;

TEST_CASE("floor: a long-press on a table opens its actions there; its release is no tap") {
  Fixture fx;
  Headless h;
  FloorView v;
  auto draw = [&](FloorIntents& out) { draw_floor(v, fx.desk, out); };
  test::frame<FloorIntents>(h, draw);
  auto t6 = h.item("table_6");
  REQUIRE(t6);
  test::press_at<FloorIntents>(h, t6->cx(), t6->cy(), draw);
  CHECK_FALSE(h.item("table_actions"));
  fx.desk.gestures.fingers = 1;
  fx.desk.gestures.long_press = true;  // the platform's recogniser fired while the finger is held
  fx.desk.gestures.press_x = t6->cx(), fx.desk.gestures.press_y = t6->cy();
  test::frame<FloorIntents>(h, draw);
  fx.desk.gestures = PanZoom{};
  CHECK(v.actions_table == std::optional<Uuid>("t6"));
  auto released = test::release<FloorIntents>(h, draw);
  CHECK_FALSE(released.tapped_table);  // a long-press is not also a tap
  CHECK_FALSE(v.selected_table);
  test::frame<FloorIntents>(h, draw);
  auto menu = h.item("table_actions");
  REQUIRE(menu);
  CHECK(menu->x0 == doctest::Approx(t6->cx()).epsilon(0.02));  // opened at the finger
  // Its actions are the table's: block table 6 for today, which closes the menu.
  auto block = test::tap_item<FloorIntents>(h, "table_block", draw);
  REQUIRE(block.block_table);
  CHECK(block.block_table->first == "t6");
  CHECK_FALSE(v.actions_table);
  test::frame<FloorIntents>(h, draw);
  CHECK_FALSE(h.item("table_actions"));
  // The next tap is a tap again.
  auto tap = test::tap_item<FloorIntents>(h, "table_2", draw);
  CHECK(tap.tapped_table == std::optional<Uuid>("t2"));
}

TEST_CASE("floor: a pinch zooms about its centre and its first finger does not pan") {
  Fixture fx;
  Headless h;
  FloorView v;
  auto draw = [&](FloorIntents& out) { draw_floor(v, fx.desk, out); };
  test::frame<FloorIntents>(h, draw);
  auto before = *h.item("table_6");
  // The first finger is the pointer: it is down and moves while the fingers spread.
  test::press_at<FloorIntents>(h, before.cx() - 80, before.cy(), draw);
  for (int k = 0; k < 4; ++k) {
    fx.desk.gestures = PanZoom{1.1f, before.cx(), before.cy(), 0, 0, 2, false, 0, 0};
    test::move_to<FloorIntents>(h, before.cx() - 80 - 10 * (k + 1), before.cy(), draw);
  }
  fx.desk.gestures = PanZoom{};
  auto released = test::release<FloorIntents>(h, draw);
  CHECK_FALSE(released.tapped_table);
  auto after = *h.item("table_6");
  REQUIRE(v.cameras.size() == 1);
  CHECK(v.cameras[0].second.zoom == doctest::Approx(1.1f * 1.1f * 1.1f * 1.1f));
  CHECK((after.x1 - after.x0) == doctest::Approx((before.x1 - before.x0) * 1.4641f).epsilon(0.02));
  CHECK(after.cx() == doctest::Approx(before.cx()).epsilon(0.01));  // the pinch centre stays put
}

TEST_CASE("editor: a pinch zooms the canvas and moves no table") {
  Fixture fx;
  Headless h;
  EditorView v;
  auto draw = [&](EditorIntents& o) { draw_editor(v, fx.desk, o); };
  test::frame<EditorIntents>(h, draw);
  auto t6 = *h.item("edit_table_6");
  test::press_at<EditorIntents>(h, t6.cx(), t6.cy(), draw);
  fx.desk.gestures = PanZoom{1.25f, t6.cx(), t6.cy(), 0, 0, 2, false, 0, 0};
  test::move_to<EditorIntents>(h, t6.cx() - 30, t6.cy(), draw);
  fx.desk.gestures = PanZoom{};
  test::release<EditorIntents>(h, draw);
  CHECK(v.zoom == doctest::Approx(1.25f));
  CHECK(v.draft == v.saved);  // the first finger's drag was not a move
  CHECK(v.undo.empty());
}
