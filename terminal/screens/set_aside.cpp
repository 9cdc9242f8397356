// Rows set aside (net's quarantine): table, row, reason, when; read-only.
#include "screens/set_aside.hpp"

#include <imgui.h>

#include <string>

#include "widgets/widgets.hpp"

namespace foh::ui {

namespace {

// "sam. 28 nov. 2026 19:30" in the restaurant's time; the raw text when it
// is not a timestamp (it is the cache's own, so it always should be).
std::string when_text(const Desk& d, const std::string& utc) {
  auto at = d.local_time(utc);
  if (!at) return utc;
  return format_date(d.locale, at->date()) + " " + format_time(at->time());
}

void draw_rows(const Desk& d) {
  const Language l = d.locale;
  const ImGuiTableFlags flags =
      ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY;
  if (!ImGui::BeginTable("set_aside_rows", 4, flags, ImVec2(em(60), em(18)))) return;
  ImGui::TableSetupColumn(tr(l, "diag.table"), ImGuiTableColumnFlags_WidthFixed, em(11));
  ImGui::TableSetupColumn(tr(l, "diag.row"), ImGuiTableColumnFlags_WidthFixed, em(15));
  ImGui::TableSetupColumn(tr(l, "diag.reason"), ImGuiTableColumnFlags_WidthStretch);
  ImGui::TableSetupColumn(tr(l, "diag.when"), ImGuiTableColumnFlags_WidthFixed, em(10));
  ImGui::TableHeadersRow();
  for (const SetAsideRow& r : d.set_aside) {
    ImGui::PushID((r.table + "/" + r.row_id).c_str());
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    // The backend's table, named as the host knows it ("diag.t.reservations").
    const std::string key = "diag.t." + r.table;
    const char* shown = tr(l, key);
    ImGui::TextUnformatted(shown == key.data() ? r.table.c_str() : shown);
    ImGui::TableNextColumn();
    ImGui::TextWrapped("%s", r.row_id.c_str());
    record_item(("set_aside_row_" + r.row_id).c_str());
    ImGui::TableNextColumn();
    ImGui::TextWrapped("%s", r.reason.c_str());
    ImGui::TableNextColumn();
    ImGui::TextWrapped("%s", when_text(d, r.last_seen).c_str());
    ImGui::PopID();
  }
  ImGui::EndTable();
}

}  // namespace

bool sees_set_aside(const Desk& d) {
  return d.member && (d.member->role == Role::Manager || d.member->role == Role::Admin);
}

std::string set_aside_notice(Language l, size_t rows) {
  return std::to_string(rows) + " " +
         tr(l, rows == 1 ? "diag.set_aside_one" : "diag.set_aside_many");
}

void draw_set_aside(SetAsideView& v, const Desk& d, SetAsideIntents& out) {
  if (!v.open || !sees_set_aside(d)) return;
  const Language l = d.locale;
  const std::string id = std::string(tr(l, "diag.title")) + "###set_aside";
  if (!ImGui::IsPopupOpen(id.c_str())) ImGui::OpenPopup(id.c_str());
  const ImVec2 size = ImGui::GetIO().DisplaySize;
  ImGui::SetNextWindowPos(ImVec2(size.x / 2, size.y / 2), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
  if (!ImGui::BeginPopupModal(id.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + em(60));
  ImGui::TextUnformatted(tr(l, "diag.explain"));
  ImGui::PopTextWrapPos();
  if (d.set_aside.empty())
    ImGui::TextUnformatted(tr(l, "diag.none"));
  else
    draw_rows(d);
  const std::string close = std::string(tr(l, "action.close")) + "###set_aside_close";
  if (touch_button(close.c_str(), 8)) {
    out.close = true;
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
}

}  // namespace foh::ui
