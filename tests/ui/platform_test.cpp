// Platform logic without a window: the touch pointer queue, gestures, the
// frame pacer, the item registry, the style scale and the font lookup.
#include <doctest/doctest.h>
#include <imgui.h>

#include <cstdio>
#include <fstream>

#include "foh/platform/fonts.hpp"
#include "foh/platform/gestures.hpp"
#include "foh/platform/item_registry.hpp"
#include "foh/platform/metrics.hpp"
#include "foh/platform/pacer.hpp"
#include "foh/platform/pointer_queue.hpp"

using namespace foh::platform;

TEST_CASE("a finger-down gives the position one frame before the press") {
  PointerQueue q;
  q.finger_down({100, 50});
  q.finger_up({100, 50});
  const PointerState f1 = q.next_frame();
  CHECK(f1.present);
  CHECK_FALSE(f1.down);  // hover first: ImGui sees the item under the finger
  CHECK(f1.pos.x == 100);
  const PointerState f2 = q.next_frame();
  CHECK(f2.down);  // then the press, even though the finger already lifted
  const PointerState f3 = q.next_frame();
  CHECK(f3.present);
  CHECK_FALSE(f3.down);  // the release at the same place: a click
  const PointerState f4 = q.next_frame();
  CHECK_FALSE(f4.present);  // then the pointer leaves: touch has no hover
  CHECK_FALSE(q.pending());
  CHECK_FALSE(q.next_frame().present);
}

TEST_CASE("moves while pressed are coalesced, never merged into the press frame") {
  PointerQueue q;
  q.finger_down({10, 10});
  q.finger_move({20, 10});
  q.finger_move({30, 10});
  CHECK(q.next_frame().pos.x == 10);  // hover
  const PointerState press = q.next_frame();
  CHECK(press.down);
  CHECK(press.pos.x == 10);  // pressed where the finger landed
  const PointerState moved = q.next_frame();
  CHECK(moved.down);
  CHECK(moved.pos.x == 30);  // both moves in one frame
  CHECK_FALSE(q.pending());
}

TEST_CASE("gestures: tap, drag, long-press") {
  GestureRecognizer g;
  g.down(1, {100, 100}, 0);
  g.up(1, {102, 101}, 80);
  Gestures f = g.take(80);
  REQUIRE(f.tap);
  CHECK(f.tap->x == doctest::Approx(102));
  CHECK_FALSE(g.take(90).tap);  // one-shot

  g.down(1, {100, 100}, 1000);
  g.move(1, {150, 100}, 1016);
  f = g.take(1016);
  CHECK(f.dragging);
  CHECK(f.drag_delta.x == doctest::Approx(50));
  CHECK(f.drag_start.x == doctest::Approx(100));
  g.up(1, {150, 100}, 1030);
  f = g.take(1030);
  CHECK(f.drag_ended);
  CHECK_FALSE(f.dragging);
  CHECK_FALSE(f.tap);

  g.down(1, {10, 10}, 2000);
  REQUIRE(g.next_deadline());
  CHECK(*g.next_deadline() == 2000 + kLongPressMs);
  CHECK_FALSE(g.take(2100).long_press);
  f = g.take(2000 + kLongPressMs);
  CHECK(f.long_press);
  g.up(1, {10, 10}, 2700);
  CHECK_FALSE(g.take(2700).tap);  // a long-press is not also a tap
}

TEST_CASE("gestures: two fingers pinch and pan, no tap or drag") {
  GestureRecognizer g;
  g.down(1, {100, 100}, 0);
  g.down(2, {200, 100}, 5);
  g.move(2, {300, 100}, 20);  // spread 100 -> 200
  Gestures f = g.take(20);
  CHECK(f.pinch_scale == doctest::Approx(2.0));
  CHECK(f.pan_delta.x == doctest::Approx(50));  // centre 150 -> 200
  CHECK(f.fingers == 2);
  CHECK_FALSE(f.dragging);
  CHECK(g.take(30).pinch_scale == doctest::Approx(1.0));  // per frame
  g.up(2, {300, 100}, 40);
  g.move(1, {160, 100}, 50);  // the remaining finger does not start a drag
  g.up(1, {160, 100}, 60);
  f = g.take(60);
  CHECK_FALSE(f.tap);
  CHECK_FALSE(f.dragging);
  CHECK(f.fingers == 0);
}

TEST_CASE("frame pacer: settle frames after input, then wait for timers or events") {
  FramePacer p;
  for (int i = 0; i < kSettleFrames; ++i) {
    CHECK(p.wait_ms(0) == 0);
    CHECK(p.frame_due(0));
  }
  CHECK_FALSE(p.wait_ms(0).has_value());  // idle: block until an event
  CHECK_FALSE(p.frame_due(0));
  p.schedule(1000);
  p.schedule(500);  // the earliest wins
  CHECK(*p.wait_ms(100) == 400);
  CHECK_FALSE(p.frame_due(100));
  CHECK(p.frame_due(500));
  CHECK_FALSE(p.wait_ms(600).has_value());  // a timer fires once
  p.on_event();
  CHECK(p.wait_ms(600) == 0);
}

TEST_CASE("item registry keeps the last frame's rectangles") {
  ItemRegistry r;
  r.begin_frame();
  r.record("tab_floor", {10, 20, 110, 60});
  CHECK(r.find("tab_floor"));  // visible within the frame that drew it
  r.begin_frame();
  REQUIRE(r.find("tab_floor"));
  CHECK(r.find("tab_floor")->cx() == doctest::Approx(60));
  CHECK(r.find("tab_floor")->cy() == doctest::Approx(40));
  CHECK_FALSE(r.find("tab_seat"));
  r.begin_frame();
  CHECK_FALSE(r.find("tab_floor"));  // not drawn last frame: gone
}

TEST_CASE("record_item reaches the registry attached to the ImGui context") {
  ImGui::CreateContext();
  ItemRegistry reg;
  attach_item_registry(&reg);
  record_item("kiosk_join", ItemRect{1, 2, 3, 4});
  reg.begin_frame();
  CHECK(reg.find("kiosk_join"));
  attach_item_registry(nullptr);
  record_item("ignored", ItemRect{1, 2, 3, 4});  // no registry: a no-op
  reg.begin_frame();
  CHECK_FALSE(reg.find("ignored"));
  ImGui::DestroyContext();
}

TEST_CASE("apply_scale is idempotent and touch-friendly") {
  ImGui::CreateContext();
  apply_scale(2.0f);
  const ImGuiStyle once = ImGui::GetStyle();
  apply_scale(2.0f);
  const ImGuiStyle& twice = ImGui::GetStyle();
  CHECK(twice.FramePadding.x == doctest::Approx(once.FramePadding.x));
  CHECK(twice.TouchExtraPadding.x == doctest::Approx(once.TouchExtraPadding.x));
  CHECK(twice.ScrollbarSize == doctest::Approx(once.ScrollbarSize));
  CHECK(current_scale() == doctest::Approx(2.0f));
  apply_scale(1.0f);
  CHECK(ImGui::GetStyle().TouchExtraPadding.x > 0);
  CHECK(ImGui::GetStyle().FramePadding.x * 2 == doctest::Approx(once.FramePadding.x));
  CHECK(current_scale() == doctest::Approx(1.0f));
  ImGui::DestroyContext();
}

TEST_CASE("scale_for_display: text and targets grow with the screen, within limits") {
  CHECK(scale_for_display(1280, 800) == doctest::Approx(1.0f));
  CHECK(scale_for_display(800, 1280) == doctest::Approx(1.0f));  // portrait: the same tablet
  CHECK(scale_for_display(1920, 1080) == doctest::Approx(1.35f));
  CHECK(scale_for_display(1024, 768) == doctest::Approx(1.0f));  // never under 1: 48 px targets
  CHECK(scale_for_display(800, 600) == doctest::Approx(1.0f));
  CHECK(scale_for_display(3840, 2160) == doctest::Approx(1.5f));  // the limit
  // Picked for a display, applied twice: the same style (apply_scale resets first).
  ImGui::CreateContext();
  apply_scale(scale_for_display(1920, 1080));
  const float pad = ImGui::GetStyle().FramePadding.y;
  apply_scale(scale_for_display(1920, 1080));
  CHECK(ImGui::GetStyle().FramePadding.y == doctest::Approx(pad));
  CHECK(current_scale() == doctest::Approx(1.35f));
  ImGui::DestroyContext();
}

TEST_CASE("fonts: candidates from the list file, a clear error when none exists") {
  const std::string list = "foh_fonts_test.txt";
  {
    std::ofstream out(list);
    out << "# comment\n\n/nonexistent/A.ttf\n  /nonexistent/B.ttf  \n";
  }
  const auto c = font_candidates(list);
  REQUIRE(c.size() == 2);
  CHECK(c[1] == "/nonexistent/B.ttf");
  auto none = find_font(c);
  REQUIRE_FALSE(none.ok());
  CHECK(none.error().message.find("/nonexistent/A.ttf") != std::string::npos);
  CHECK(none.error().message.find("fonts-noto-core") != std::string::npos);
  std::remove(list.c_str());
  CHECK_FALSE(font_candidates("/nonexistent/list.txt").empty());  // built-in list

  // A file that is not a font is refused, not handed to the rasteriser.
  {
    std::ofstream out("foh_not_a_font.ttf");
    out << "hello";
  }
  CHECK_FALSE(find_font({"foh_not_a_font.ttf"}).ok());
  std::remove("foh_not_a_font.ttf");
}

TEST_CASE("fonts: a Debian font loads with Latin Extended-A glyphs") {
  auto path = find_font(font_candidates("/nonexistent/list.txt"));
  REQUIRE_MESSAGE(path.ok(), path.error().text());
  ImGui::CreateContext();
  REQUIRE(load_font(*path, 18).ok());
  ImFont* font = ImGui::GetIO().Fonts->Fonts[0];
  for (ImWchar c : {ImWchar(0x00E9), ImWchar(0x0153), ImWchar(0x0142), ImWchar(0x20AC)})
    CHECK_MESSAGE(font->FindGlyphNoFallback(c) != nullptr, "missing glyph U+" << std::hex << c);
  ImGui::DestroyContext();
}

TEST_CASE("fonts: glyphs the preferred font lacks come from the next candidate") {
  const std::string noto = "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
                    dejavu = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
  REQUIRE_MESSAGE(find_font({noto}).ok(), "fonts-noto-core is installed by scripts/setup.sh");
  REQUIRE_MESSAGE(find_font({dejavu}).ok(), "fonts-dejavu-core is installed by scripts/setup.sh");
  const ImWchar arrow = 0x2192;  // "2 → 6" in the re-plan and move texts
  ImGui::CreateContext();
  REQUIRE(load_font(noto, 18).ok());
  CHECK(ImGui::GetIO().Fonts->Fonts[0]->FindGlyphNoFallback(arrow) == nullptr);  // Noto has none
  REQUIRE(load_font(noto, 18, {"/nonexistent/A.ttf", dejavu}).ok());
  ImFont* font = ImGui::GetIO().Fonts->Fonts[0];
  CHECK(font->FindGlyphNoFallback(arrow) != nullptr);
  CHECK(font->FindGlyphNoFallback(0x00E9) != nullptr);
  ImGui::DestroyContext();
}
