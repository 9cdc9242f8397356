// The pacing chart as bars on a draw list (pacing_chart.hpp).
#include "widgets/pacing_chart.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <string>

#include "widgets/widgets.hpp"

namespace foh::ui {
namespace {

// The timeline's "seated" blue; outlines light on the dark theme; the limit
// in amber; a slot over it in red (with its "!": never the colour alone).
constexpr ImU32 kSeated = IM_COL32(70, 120, 200, 255);
constexpr ImU32 kBooked = IM_COL32(225, 225, 225, 255);
constexpr ImU32 kOver = IM_COL32(235, 90, 70, 255);
constexpr ImU32 kLimit = IM_COL32(240, 160, 50, 255);
constexpr ImU32 kAxis = IM_COL32(150, 150, 150, 255);
constexpr ImU32 kGrid = IM_COL32(80, 80, 80, 255);
constexpr ImU32 kLabel = IM_COL32(210, 210, 210, 255);

void dashed(ImDrawList* dl, ImVec2 a, float x1, ImU32 col, float thick) {
  const float dash = em(0.6f), gap = em(0.35f);
  for (float x = a.x; x < x1; x += dash + gap)
    dl->AddLine(ImVec2(x, a.y), ImVec2(std::min(x + dash, x1), a.y), col, thick);
}

// A swatch the size of a line of text, then its words; the next wraps when it must.
void legend_item(const char* text, int kind, bool first) {
  const float side = ImGui::GetTextLineHeight();
  const float width = side + ImGui::GetStyle().ItemInnerSpacing.x + ImGui::CalcTextSize(text).x;
  if (!first) flow(width, 1.5f);
  const ImVec2 p = ImGui::GetCursorScreenPos();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float t = std::max(1.0f, em(0.12f));
  if (kind == 0) dl->AddRect(p, ImVec2(p.x + side, p.y + side), kBooked, 0, 0, t);
  if (kind == 1)
    dl->AddRectFilled(ImVec2(p.x + side * 0.2f, p.y), ImVec2(p.x + side * 0.8f, p.y + side),
                      kSeated);
  if (kind == 2) dashed(dl, ImVec2(p.x, p.y + side / 2), p.x + side, kLimit, 2 * t);
  ImGui::Dummy(ImVec2(side, side));
  ImGui::SameLine(0, ImGui::GetStyle().ItemInnerSpacing.x);
  ImGui::TextUnformatted(text);
}

struct Plot {
  ImVec2 origin;  // bottom-left of the bars
  float slot_w = 0, height = 0;
  int peak = 1;
  float y(int covers) const { return origin.y - height * static_cast<float>(covers) / peak; }
};

void draw_axes(ImDrawList* dl, const Plot& p, float right, const PacingChart& c) {
  for (int v : {p.peak / 2, p.peak}) {
    if (v <= 0) continue;
    dl->AddLine(ImVec2(p.origin.x, p.y(v)), ImVec2(right, p.y(v)), kGrid);
    const std::string n = std::to_string(v);
    const ImVec2 ts = ImGui::CalcTextSize(n.c_str());
    dl->AddText(ImVec2(p.origin.x - ts.x - em(0.3f), p.y(v) - ts.y / 2), kLabel, n.c_str());
  }
  dl->AddLine(p.origin, ImVec2(right, p.origin.y), kAxis);
  // Hours under the bars, as many as fit without touching.
  float free_from = -1e9f;
  for (size_t i = 0; i < c.slots.size(); ++i) {
    const int m = c.slots[i].start_minute;
    if (m % 60 != 0) continue;
    const float x = p.origin.x + p.slot_w * static_cast<float>(i);
    const std::string hhmm = TimeOfDay::from_minutes(m).hhmm();
    const float w = ImGui::CalcTextSize(hhmm.c_str()).x;
    dl->AddLine(ImVec2(x, p.origin.y), ImVec2(x, p.origin.y + em(0.3f)), kAxis);
    if (x < free_from || x + w > right + em(1)) continue;
    dl->AddText(ImVec2(x, p.origin.y + em(0.35f)), kLabel, hhmm.c_str());
    free_from = x + w + em(0.6f);
  }
}

void draw_bars(ImDrawList* dl, const Plot& p, const PacingChart& c) {
  const float t = std::max(1.0f, em(0.12f));
  const float pad = std::max(1.0f, p.slot_w * 0.12f);
  for (size_t i = 0; i < c.slots.size(); ++i) {
    const PacingSlot& s = c.slots[i];
    const float x0 = p.origin.x + p.slot_w * static_cast<float>(i) + pad;
    const float x1 = x0 + p.slot_w - 2 * pad;
    const float inset = (x1 - x0) * 0.2f;
    if (s.seated > 0)
      dl->AddRectFilled(ImVec2(x0 + inset, p.y(s.seated)), ImVec2(x1 - inset, p.origin.y), kSeated);
    const bool over = c.limit > 0 && s.booked > c.limit;
    if (s.booked > 0)
      dl->AddRect(ImVec2(x0, p.y(s.booked)), ImVec2(x1, p.origin.y), over ? kOver : kBooked, 0, 0,
                  over ? 2 * t : t);
    if (over) {
      const ImVec2 ts = ImGui::CalcTextSize("!");
      dl->AddText(ImVec2((x0 + x1 - ts.x) / 2, p.y(s.booked) - ts.y), kOver, "!");
    }
  }
  if (c.limit > 0) {
    const float right = p.origin.x + p.slot_w * static_cast<float>(c.slots.size());
    dashed(dl, ImVec2(p.origin.x, p.y(c.limit)), right, kLimit, 2 * t);
  }
}

// "19:30 (40), 19:45 (38)": the slots booked over the limit, in words.
std::string over_limit(const PacingChart& c) {
  std::string out;
  for (const PacingSlot& s : c.slots)
    if (c.limit > 0 && s.booked > c.limit)
      out += (out.empty() ? "" : ", ") + TimeOfDay::from_minutes(s.start_minute).hhmm() + " (" +
             std::to_string(s.booked) + ")";
  return out;
}

}  // namespace

float pacing_chart_height(float available) { return std::clamp(available * 0.35f, em(8), em(14)); }

void draw_pacing_chart(const PacingChart& c, Language l, float height) {
  char line[160];
  std::snprintf(line, sizeof line, tr(l, "shift.chart_title"), c.slot_minutes);
  ImGui::TextUnformatted(line);
  legend_item(tr(l, "shift.legend_booked"), 0, true);
  legend_item(tr(l, "shift.legend_seated"), 1, false);
  if (c.limit > 0) {
    std::snprintf(line, sizeof line, tr(l, "shift.legend_limit"), c.limit);
    legend_item(line, 2, false);
  } else {
    flow(ImGui::CalcTextSize(tr(l, "shift.no_limit")).x, 1.5f);
    ImGui::TextUnformatted(tr(l, "shift.no_limit"));
  }
  // The peak's digits on the left, the hours under the bars, a "!" above them.
  const float left = ImGui::CalcTextSize(std::to_string(std::max(1, c.peak)).c_str()).x + em(0.8f);
  const float under = ImGui::GetTextLineHeight() + em(0.5f);
  const float over = ImGui::GetTextLineHeight();
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const float width = std::max(ImGui::GetContentRegionAvail().x, em(10));
  Plot p;
  p.origin = ImVec2(at.x + left, at.y + height - under);
  p.height = std::max(em(2), height - under - over);
  p.peak = std::max(1, c.peak);
  p.slot_w = c.slots.empty() ? 0 : (width - left - em(0.5f)) / static_cast<float>(c.slots.size());
  ImDrawList* dl = ImGui::GetWindowDrawList();
  draw_axes(dl, p, p.origin.x + p.slot_w * static_cast<float>(c.slots.size()), c);
  draw_bars(dl, p, c);
  ImGui::Dummy(ImVec2(width, height));
  record_item("shift_chart");
  if (const std::string over_list = over_limit(c); !over_list.empty()) {
    std::string text = tr(l, "shift.over_limit");
    text.replace(text.find("%s"), 2, over_list);
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(kOver));
    ImGui::TextWrapped("%s", text.c_str());
    ImGui::PopStyleColor();
  }
}

}  // namespace foh::ui
