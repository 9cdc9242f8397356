// PIN login: members by name, keypad, shake on a wrong PIN, lockout countdown.
#include "screens/login.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "widgets/widgets.hpp"

namespace foh::ui {
namespace {

constexpr float kShakeSeconds = 0.5f;

void draw_members(LoginView& v, const Desk& d) {
  ImGui::TextUnformatted(tr(d.locale, "login.who"));
  if (!d.venue) return;
  for (const TeamMember& m : d.venue->team_members) {
    if (!m.is_active) continue;
    ImGui::PushID(m.id.c_str());
    bool selected = v.member_id && *v.member_id == m.id;
    std::string label = m.display_name + "###member_" + m.display_name;
    if (toggle_button(label.c_str(), selected, 14.0f)) {
      v.member_id = m.id;
      v.pin.clear();
      v.message.clear();
    }
    ImGui::PopID();
  }
}

void draw_pin_dots(const LoginView& v) {
  // Dots, never the digits: someone may be looking over the host's shoulder.
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImVec2 p = ImGui::GetCursorScreenPos();
  float r = em(0.45f), step = em(1.4f);
  for (int k = 0; k < 6; ++k) {
    ImVec2 c(p.x + r + k * step, p.y + r);
    ImU32 col = ImGui::GetColorU32(ImGuiCol_Text);
    if (k < static_cast<int>(v.pin.size()))
      dl->AddCircleFilled(c, r, col);
    else
      dl->AddCircle(c, r, col);
  }
  ImGui::Dummy(ImVec2(6 * step, r * 2));
}

}  // namespace

void login_failed(LoginView& v, LocalInstant, std::string message) {
  v.shake_left = kShakeSeconds;
  v.pin.clear();
  v.message = std::move(message);
}

float shake_offset_em(const LoginView& v) {
  if (v.shake_left <= 0) return 0.0f;
  float t = kShakeSeconds - v.shake_left;  // seconds into the shake
  float amp = v.shake_left / kShakeSeconds;  // damped
  return amp * std::sin(t * 2 * 3.14159265f * 8);
}

void draw_login(LoginView& v, const Desk& d, LoginIntents& out) {
  Locale l = d.locale;
  ImGui::PushID("login");
  if (d.venue) ImGui::TextUnformatted(d.venue->restaurant.name.c_str());
  ImGui::Spacing();
  ImGui::BeginGroup();
  draw_members(v, d);
  ImGui::EndGroup();
  ImGui::SameLine(0, em(3));
  ImGui::BeginGroup();
  float dx = em(shake_offset_em(v));
  if (v.shake_left > 0) v.shake_left = std::max(0.0f, v.shake_left - ImGui::GetIO().DeltaTime);
  ImGui::SetCursorPosX(ImGui::GetCursorPosX() + em(1) + dx);
  draw_pin_dots(v);
  bool locked = d.lockout.remaining_seconds > 0;
  if (locked) {
    char buf[128];
    std::snprintf(buf, sizeof buf, tr(l, "login.locked"), d.lockout.remaining_seconds);
    inline_error(buf);
  } else if (!v.message.empty()) {
    inline_error(v.message.c_str());
  } else if (!v.member_id) {
    ImGui::TextUnformatted(tr(l, "login.pick"));
  } else {
    ImGui::TextUnformatted(tr(l, "login.enter_pin"));
  }
  ImGui::SetCursorPosX(ImGui::GetCursorPosX() + dx);
  ImGui::BeginGroup();
  if (keypad("pin", v.pin, 6, !locked && v.member_id.has_value())) v.message.clear();
  bool complete = validate_pin(v.pin) == FieldError::None;
  std::string ok = std::string(tr(l, "action.ok")) + "###key_ok";
  if (touch_button(ok.c_str(), -1.0f, complete && !locked && v.member_id.has_value())) {
    out.attempt = PinAttempt{*v.member_id, v.pin};
    v.pin.clear();
  }
  ImGui::EndGroup();
  ImGui::EndGroup();
  ImGui::Spacing();
  if (touch_button(l == Locale::Fr ? "English###locale" : "Français###locale"))
    out.switch_locale = l == Locale::Fr ? Locale::En : Locale::Fr;
  ImGui::PopID();
}

}  // namespace foh::ui
