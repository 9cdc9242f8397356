#include "screens/manager_pin.hpp"

#include <imgui.h>

#include "widgets/widgets.hpp"

namespace foh::ui {

void draw_manager_pin(ManagerPinView& v, const Desk& d, ManagerPinIntents& out) {
  const Language l = d.locale;
  const std::string id = std::string(tr(l, "shell.manager_pin")) + "###manager_pin";
  if (!ImGui::IsPopupOpen(id.c_str())) ImGui::OpenPopup(id.c_str());
  const ImVec2 size = ImGui::GetIO().DisplaySize;
  ImGui::SetNextWindowPos(ImVec2(size.x / 2, size.y / 2), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
  if (!ImGui::BeginPopupModal(id.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
  if (v.close) {
    ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
    return;
  }
  if (d.venue) {
    for (const auto& m : d.venue->team_members) {
      if (!m.is_active || m.role == Role::Server) continue;
      ImGui::PushID(m.id.c_str());
      const std::string label = m.display_name + "###manager_" + m.display_name;
      if (toggle_button(label.c_str(), v.manager_id == m.id)) v.manager_id = m.id;
      ImGui::PopID();
      ImGui::SameLine();
    }
  }
  ImGui::NewLine();
  ImGui::TextUnformatted(std::string(v.pin.size(), '*').c_str());
  keypad("manager_keypad", v.pin, 6, v.manager_id.has_value());
  inline_error(v.message.c_str());
  if (v.checking) ImGui::TextUnformatted(tr(l, "busy.login"));
  const std::string ok = std::string(tr(l, "shell.ok")) + "###manager_ok";
  if (touch_button(ok.c_str(), 8, v.manager_id && v.pin.size() >= 4 && !v.checking))
    out.check = true;
  ImGui::SameLine();
  const std::string cancel = std::string(tr(l, "shell.cancel")) + "###manager_cancel";
  if (touch_button(cancel.c_str(), 8)) {
    out.cancel = true;
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
}

}  // namespace foh::ui
