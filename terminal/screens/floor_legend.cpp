// The floor's legend popup and the tone chip it shares with the list.
#include "screens/floor_legend.hpp"

#include <imgui.h>

#include <string>

#include "screens/floor_tile.hpp"
#include "widgets/palette.hpp"
#include "widgets/widgets.hpp"

namespace foh::ui {
namespace {

// The order a host meets them in on the floor, then the booking-only ones.
constexpr Tone kLegendOrder[] = {Tone::Free,   Tone::Booked,  Tone::Arrived, Tone::Late,
                                 Tone::Seated, Tone::Overdue, Tone::Blocked, Tone::Pending,
                                 Tone::Done,   Tone::Void};

void mark_chip(Mark m, Language l) {
  const MarkStyle& s = mark_style(m);
  const float r = em(0.65f);
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const ImVec2 c(p.x + r, p.y + ImGui::GetTextLineHeight() / 2);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddCircleFilled(c, r, packed(s.disc));
  char buf[5];
  const char* icon = has_icon(s.icon) ? utf8(s.icon, buf) : (m == Mark::Allergy ? "!" : "*");
  const ImVec2 ts = ImGui::CalcTextSize(icon);
  dl->AddText(ImVec2(c.x - ts.x / 2, c.y - ts.y / 2), packed(s.icon_colour), icon);
  ImGui::Dummy(ImVec2(2 * r, ImGui::GetTextLineHeight()));
  ImGui::SameLine();
  ImGui::TextUnformatted(tr(l, s.word_key));
}

}  // namespace

void tone_chip(Tone t, Language l, bool with_word) {
  const ToneStyle& s = tone_style(t);
  const float h = ImGui::GetTextLineHeight(), w = em(1.6f);
  const ImVec2 a = ImGui::GetCursorScreenPos(), b(a.x + w, a.y + h);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(a, b, packed(s.fill), em(0.2f));
  if (t == Tone::Blocked) {
    const ImVec2 q[4] = {a, ImVec2(b.x, a.y), b, ImVec2(a.x, b.y)};
    hatch_convex(dl, q, 4, em(0.5f), packed(s.text, 90));
  }
  if (has_icon(s.icon)) {
    char buf[5];
    utf8(s.icon, buf);
    const ImVec2 ts = ImGui::CalcTextSize(buf);
    dl->AddText(ImVec2((a.x + b.x - ts.x) / 2, a.y), packed(s.text), buf);
  }
  ImGui::Dummy(ImVec2(w, h));
  if (!with_word) return;
  ImGui::SameLine();
  ImGui::TextUnformatted(tr(l, s.word_key));
}

void draw_legend_button(LegendView& v, Language l) {
  char icon[5];
  const std::string label =
      std::string(has_icon(kIconLegend) ? utf8(kIconLegend, icon) : tr(l, "legend.title")) +
      "###floor_legend";
  if (touch_button(label.c_str())) v.open = true;
}

void draw_legend_popup(LegendView& v, Language l) {
  if (!v.open) return;
  if (!ImGui::IsPopupOpen("floor_legend_popup")) {
    const ImVec2 d = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowPos(ImVec2(d.x / 2, d.y / 2), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::OpenPopup("floor_legend_popup");
  }
  const ImVec2 d = ImGui::GetIO().DisplaySize;
  ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), ImVec2(d.x * 0.95f, d.y * 0.9f));
  if (!ImGui::BeginPopup("floor_legend_popup", ImGuiWindowFlags_AlwaysAutoResize)) {
    v.open = false;  // a tap outside closed it
    return;
  }
  ImGui::TextUnformatted(tr(l, "legend.title"));
  ImGui::Separator();
  ImGui::TextDisabled("%s", tr(l, "legend.statuses"));
  // Two columns where they fit the screen, else one.
  const int columns = ImGui::GetIO().DisplaySize.x >= em(30) ? 2 : 1;
  if (ImGui::BeginTable("legend_tones", columns)) {
    for (Tone t : kLegendOrder) {
      ImGui::TableNextColumn();
      tone_chip(t, l);
    }
    ImGui::TableNextColumn();
    mark_chip(Mark::Allergy, l);
    ImGui::TableNextColumn();
    mark_chip(Mark::Vip, l);
    ImGui::EndTable();
  }
  ImGui::Separator();
  ImGui::TextDisabled("%s", tr(l, "legend.tile"));
  for (const char* key :
       {"legend.seated", "legend.turn", "legend.next", "legend.held", "legend.capacity"})
    ImGui::TextUnformatted(tr(l, key));
  const std::string close = std::string(tr(l, "action.close")) + "###legend_close";
  if (touch_button(close.c_str(), -1.0f)) {
    v.open = false;
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
}

}  // namespace foh::ui
