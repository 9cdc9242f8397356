#include "foh/platform/metrics.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>

namespace foh::platform {

namespace {
// Touch-friendly style at scale 1, in pixels (ImGui's own unit). These are
// the only pixel values of the UI: everything else is in font units.
constexpr float kTouchPad = 6.0f;  // TouchExtraPadding: a fingertip is not a cursor
constexpr float kFramePadY = 15.0f;

void set_touch_style(ImGuiStyle& s) {
  s.TouchExtraPadding = ImVec2(kTouchPad, kTouchPad);
  s.WindowPadding = ImVec2(14, 14);
  // 15 above and below an 18 px font: every frame (field, tab, button) is a
  // 48 px touch target at scale 1.
  s.FramePadding = ImVec2(14, kFramePadY);
  s.ItemSpacing = ImVec2(12, 10);
  s.ItemInnerSpacing = ImVec2(10, 8);
  s.CellPadding = ImVec2(8, 6);
  s.IndentSpacing = 24;
  s.ScrollbarSize = 28;
  s.GrabMinSize = 28;
  s.WindowRounding = 6;
  s.FrameRounding = 6;
  s.GrabRounding = 6;
  s.TabRounding = 6;
  s.PopupRounding = 6;
  s.WindowBorderSize = 0;
}
}  // namespace

float em(float n) { return n * ImGui::GetFontSize(); }

float current_scale() {
  // Derived from the style itself, so no hidden global can drift from it.
  return ImGui::GetStyle().TouchExtraPadding.x / kTouchPad;
}

float touch_target() { return std::max(kTouchTargetPx * current_scale(), em(2.4f)); }

float scale_for_display(int width, int height) {
  const float short_side = static_cast<float>(std::min(width, height));
  const float long_side = static_cast<float>(std::max(width, height));
  // The reference tablet is 1280x800: grow only as far as both sides allow.
  const float s = std::min(short_side / 800.0f, long_side / 1280.0f);
  return std::clamp(std::round(s * 20.0f) / 20.0f, 1.0f, 1.5f);
}

void apply_scale(float scale) {
  ImGuiStyle& style = ImGui::GetStyle();
  style = ImGuiStyle();  // defaults first: ScaleAllSizes multiplies, so never scale twice
  ImGui::StyleColorsDark(&style);
  set_touch_style(style);
  style.ScaleAllSizes(scale);
  // ScaleAllSizes rounds down (8.1 -> 8 at 1.35); unrounded, the padding keeps
  // the exact scale that current_scale() reads back.
  style.TouchExtraPadding = ImVec2(kTouchPad * scale, kTouchPad * scale);
  // Frames stay exactly a touch target tall (font + padding) at any scale.
  style.FramePadding.y = kFramePadY * scale;
}

}  // namespace foh::platform
