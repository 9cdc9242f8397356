// Guest-facing kiosk: party, name, phone keypad, consent; then position and
// quoted wait. No staff data drawn; leaving needs a manager PIN.
#include "screens/kiosk.hpp"

#include <imgui.h>

#include <string>

#include "widgets/widgets.hpp"

namespace foh::ui {
namespace {

constexpr int64_t kJoinedScreenSeconds = 60;

std::string L(Locale l, const char* key, const char* id) { return std::string(tr(l, key)) + "###" + id; }

void draw_party_step(KioskView& v, const Desk& d) {
  Locale l = d.locale;
  ImGui::TextUnformatted(tr(l, "kiosk.how_many"));
  for (int n = 1; n <= 8; ++n) {
    if (n != 1 && n != 5) ImGui::SameLine();
    std::string label = std::to_string(n) + "###kiosk_party_" + std::to_string(n);
    if (toggle_button(label.c_str(), v.party == n, 4.0f)) v.party = n;
  }
  ImGui::TextUnformatted(tr(l, "kiosk.more"));
  party_stepper("kiosk_party", v.party);
  if (touch_button(L(l, "action.next", "kiosk_next").c_str(), 12.0f)) v.step = KioskStep::Details;
}

void draw_details_step(KioskView& v, const Desk& d, KioskIntents& out) {
  Locale l = d.locale;
  FieldError ne = validate_name(v.name), pe = validate_phone(v.phone, true),
             qe = validate_party(v.party);
  auto shown = [&](FieldError e) { return v.submitted ? e : FieldError::None; };
  ImGui::Text("%s: %d", tr(l, "field.party"), v.party);
  if (qe != FieldError::None) inline_error(field_message(l, qe));
  text_field(L(l, "field.name", "kiosk_name").c_str(), v.name, shown(ne), l, 18.0f);
  ImGui::Text("%s: %s", tr(l, "field.phone"), v.phone.c_str());
  if (v.submitted && pe != FieldError::None) {
    ImGui::SameLine();
    inline_error(field_message(l, pe));
  }
  keypad("kiosk_phone", v.phone, 15);
  ImGui::Checkbox(L(l, "kiosk.consent", "kiosk_consent").c_str(), &v.consent);
  record_item("kiosk_consent");
  if (touch_button(L(l, "action.back", "kiosk_back").c_str(), 8.0f)) v.step = KioskStep::Party;
  ImGui::SameLine();
  if (touch_button(L(l, "kiosk.join", "kiosk_join").c_str(), 12.0f)) {
    v.submitted = true;
    if (ne == FieldError::None && pe == FieldError::None && qe == FieldError::None)
      out.join = NewWaitlistEntry{v.name, v.phone, v.party, v.consent, true};
  }
}

void draw_joined_step(KioskView& v, const Desk& d) {
  Locale l = d.locale;
  ImGui::Text(tr(l, "kiosk.thanks"), v.name.c_str());
  const WaitQuote* q = nullptr;
  for (const WaitQuote& w : d.quotes)
    if (v.joined_entry && w.entry_id == *v.joined_entry) q = &w;
  if (q) {
    ImGui::Text(tr(l, "kiosk.position"), q->position);
    record_item("kiosk_position");
    ImGui::Text("%s %s", tr(l, "kiosk.wait"), format_quote(l, q->quoted_minutes).c_str());
  } else {
    ImGui::TextUnformatted(tr(l, "kiosk.pending"));
  }
  ImGui::TextUnformatted(tr(l, "kiosk.staff_confirm"));
  bool timeout = v.joined_at && d.now.seconds - v.joined_at->seconds >= kJoinedScreenSeconds;
  if (touch_button(L(l, "action.done", "kiosk_done").c_str(), 12.0f) || timeout) kiosk_reset(v);
}

void draw_leave_step(KioskView& v, const Desk& d, KioskIntents& out) {
  Locale l = d.locale;
  ImGui::TextUnformatted(tr(l, "kiosk.manager_pin"));
  ImGui::Text("%s", std::string(v.pin.size(), '*').c_str());
  if (!v.message.empty()) inline_error(v.message.c_str());
  bool locked = d.lockout.remaining_seconds > 0;
  keypad("kiosk_pin", v.pin, 6, !locked);
  if (touch_button(L(l, "action.back", "kiosk_leave_back").c_str(), 8.0f)) {
    v.pin.clear();
    v.step = KioskStep::Party;
  }
  ImGui::SameLine();
  if (touch_button(L(l, "action.ok", "kiosk_leave_ok").c_str(), 8.0f,
                   !locked && validate_pin(v.pin) == FieldError::None)) {
    out.leave = KioskLeave{v.pin};
    v.pin.clear();
  }
}

}  // namespace

void kiosk_joined(KioskView& v, const Uuid& entry_id, LocalInstant now) {
  v.joined_entry = entry_id;
  v.joined_at = now;
  v.step = KioskStep::Joined;
}

void kiosk_reset(KioskView& v) { v = KioskView{}; }

void draw_kiosk(KioskView& v, const Desk& d, KioskIntents& out) {
  Locale l = d.locale;
  ImGui::PushID("kiosk");
  // Only the restaurant's name: no staff data on a guest-facing screen.
  if (d.venue) ImGui::TextUnformatted(d.venue->restaurant.name.c_str());
  ImGui::TextUnformatted(tr(l, "kiosk.welcome"));
  ImGui::Spacing();
  switch (v.step) {
    case KioskStep::Party: draw_party_step(v, d); break;
    case KioskStep::Details: draw_details_step(v, d, out); break;
    case KioskStep::Joined: draw_joined_step(v, d); break;
    case KioskStep::Leave: draw_leave_step(v, d, out); break;
  }
  if (v.step != KioskStep::Leave) {
    // A discreet corner button for staff.
    ImGui::SetCursorPos(ImVec2(ImGui::GetWindowContentRegionMax().x - em(6), ImGui::GetWindowContentRegionMax().y - touch_target()));
    if (touch_button(L(l, "kiosk.staff", "kiosk_staff").c_str(), 6.0f)) v.step = KioskStep::Leave;
  }
  ImGui::PopID();
}

}  // namespace foh::ui
