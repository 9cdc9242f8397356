#include "screens/busy.hpp"

#include <imgui.h>

#include <cstdio>
#include <string>

#include "widgets/widgets.hpp"

namespace foh::ui {

void draw_busy(BusyView& v, const Desk& d, BusyIntents& out) {
  const char* id = "###busy";
  if (v.open && !ImGui::IsPopupOpen(id)) ImGui::OpenPopup(id);
  const ImVec2 size = ImGui::GetIO().DisplaySize;
  ImGui::SetNextWindowPos(ImVec2(size.x / 2, size.y / 2), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
  const ImGuiWindowFlags flags = ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoTitleBar |
                                 ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings;
  if (!ImGui::BeginPopupModal(id, nullptr, flags)) return;
  if (!v.open) {  // the job landed: the screen is the host's again
    ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
    return;
  }
  const Language l = d.locale;
  ImGui::TextUnformatted(tr(l, v.what));
  record_item("busy");
  char elapsed[32];
  std::snprintf(elapsed, sizeof elapsed, tr(l, "busy.seconds"), v.seconds);
  ImGui::TextUnformatted(elapsed);
  if (v.cancellable) {
    const std::string cancel = std::string(tr(l, "busy.cancel")) + "###busy_cancel";
    if (touch_button(cancel.c_str(), 10.0f)) out.cancel = true;
    record_item("busy_cancel");
  }
  ImGui::EndPopup();
}

}  // namespace foh::ui
