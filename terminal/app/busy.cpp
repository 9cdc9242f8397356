#include "app/busy.hpp"

#include <imgui.h>

#include <cstdio>
#include <string>

#include "foh/platform/item_registry.hpp"
#include "widgets/widgets.hpp"

namespace foh::app {

bool draw_busy(const BusyView& v, ui::Locale l) {
  const char* id = "###busy";
  if (v.open && !ImGui::IsPopupOpen(id)) ImGui::OpenPopup(id);
  const ImVec2 size = ImGui::GetIO().DisplaySize;
  ImGui::SetNextWindowPos(ImVec2(size.x / 2, size.y / 2), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
  const ImGuiWindowFlags flags = ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoTitleBar |
                                 ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings;
  if (!ImGui::BeginPopupModal(id, nullptr, flags)) return false;
  if (!v.open) {  // the job landed: the screen is the host's again
    ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
    return false;
  }
  ImGui::TextUnformatted(v.what);
  platform::record_item("busy");
  char elapsed[32];
  std::snprintf(elapsed, sizeof elapsed, ui::tr(l, "busy.seconds"), v.seconds);
  ImGui::TextUnformatted(elapsed);
  bool tapped = false;
  if (v.cancellable) {
    const std::string cancel = std::string(ui::tr(l, "busy.cancel")) + "###busy_cancel";
    tapped = ui::touch_button(cancel.c_str(), 10.0f);
    platform::record_item("busy_cancel");
  }
  ImGui::EndPopup();
  return tapped;
}

}  // namespace foh::app
