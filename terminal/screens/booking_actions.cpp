// The actions that lose a booking (no-show, cancel): drawn apart from the
// others in red, and asked again in a popup that names the guest, so that a
// tap meant for "undo" or "arrived" never ends a booking.
#include <imgui.h>

#include <string>

#include "foh/engine/status.hpp"
#include "screens/reservations.hpp"
#include "view/day_index.hpp"
#include "widgets/widgets.hpp"

namespace foh::ui {
namespace {

constexpr const char* kPopup = "###st_confirm_popup";

// A red button: the colour says "this ends the booking" before the words do.
bool danger_button(const std::string& label) {
  ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0.62f, 0.16f, 0.14f, 1));
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImVec4(0.75f, 0.22f, 0.18f, 1));
  ImGui::PushStyleColor(ImGuiCol_ButtonActive, ImVec4(0.85f, 0.26f, 0.2f, 1));
  const bool tapped = touch_button(label.c_str());
  ImGui::PopStyleColor(3);
  return tapped;
}

const char* key_of(ReservationStatus to, const char* cancel, const char* noshow) {
  return to == ReservationStatus::NoShow ? noshow : cancel;
}

}  // namespace

void confirm_button(ReservationsView& v, const Reservation& r, ReservationStatus to, Language l) {
  if (!is_allowed(r.status, to)) return;
  const char* key = key_of(to, "action.cancel_booking", "action.noshow");
  const char* id = key_of(to, "###st_cancel", "###st_noshow");
  const std::string label = std::string(tr(l, key)) + id;
  flow(touch_button_width(label.c_str()));  // after the other actions, wrapping with them
  if (danger_button(label)) v.confirm = StatusConfirm{r.id, to};
}

void draw_status_confirm(ReservationsView& v, const Desk& d, ReservationsIntents& out) {
  if (!v.confirm) return;
  const Booking* b = d.index ? d.index->booking(v.confirm->reservation_id) : nullptr;
  if (!b) {
    v.confirm.reset();
    return;
  }
  const Reservation& r = *b->r;
  const Language l = d.locale;
  const ReservationStatus to = v.confirm->to;
  const std::string title =
      std::string(tr(l, key_of(to, "confirm.cancel_title", "confirm.noshow_title"))) + kPopup;
  if (!ImGui::IsPopupOpen(title.c_str())) ImGui::OpenPopup(title.c_str());
  const ImVec2 size = ImGui::GetIO().DisplaySize;
  ImGui::SetNextWindowPos(ImVec2(size.x / 2, size.y / 2), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
  if (!ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
  ImGui::Text("%s (%d) \u2014 %s \u2014 %s %s", r.guest_name.c_str(), r.party_size,
              r.time.hhmm().c_str(), tr(l, "floor.table"), r.table_number.c_str());
  record_item(("confirm_guest_" + r.guest_name).c_str());
  ImGui::TextWrapped("%s", tr(l, key_of(to, "confirm.cancel_explain", "confirm.noshow_explain")));
  const std::string yes =
      std::string(tr(l, key_of(to, "confirm.cancel_yes", "confirm.noshow_yes"))) + "###confirm_yes";
  bool done = false;
  if (danger_button(yes)) {
    out.status = StatusCommand{r.id, to, std::nullopt};
    done = true;
  }
  ImGui::SameLine();
  if (touch_button((std::string(tr(l, "confirm.keep")) + "###confirm_keep").c_str())) done = true;
  if (done) {
    v.confirm.reset();
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
}

}  // namespace foh::ui
