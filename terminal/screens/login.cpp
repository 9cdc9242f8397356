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
constexpr int kShortestPin = 4;               // PINs are 4-6 digits (engine pin.hpp)
constexpr float kMembersEm = 14, kGapEm = 3;  // the names' column and the gap to the keypad

void draw_members(LoginView& v, const Desk& d) {
  ImGui::TextUnformatted(tr(d.locale, "login.who"));
  if (!d.venue) return;
  for (const TeamMember& m : d.venue->team_members) {
    if (!m.is_active) continue;
    ImGui::PushID(m.id.c_str());
    bool selected = v.member_id && *v.member_id == m.id;
    std::string label = m.display_name + "###member_" + m.display_name;
    if (toggle_button(label.c_str(), selected, kMembersEm)) {
      v.member_id = m.id;
      v.pin.clear();
      v.message.clear();
    }
    ImGui::PopID();
  }
}

void draw_pin_dots(const LoginView& v, float dx) {
  // Dots, never the digits: someone may be looking over the host's shoulder.
  // As many as typed, at least the shortest PIN's: a 4-digit PIN shows 4.
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImVec2 p = ImGui::GetCursorScreenPos();
  float r = em(0.45f), step = em(1.4f);
  const int typed = static_cast<int>(v.pin.size());
  const int n = std::max(kShortestPin, typed);
  for (int k = 0; k < n; ++k) {
    ImVec2 c(p.x + dx + r + k * step, p.y + r);
    ImU32 col = ImGui::GetColorU32(ImGuiCol_Text);
    if (k < typed)
      dl->AddCircleFilled(c, r, col);
    else
      dl->AddCircle(c, r, col);
    record_rect(("pin_dot_" + std::to_string(k)).c_str(), c.x - r, c.y - r, c.x + r, c.y + r);
  }
  ImGui::Dummy(ImVec2(6 * step, r * 2));  // the widest PIN's room: nothing below moves
}

// How many wrong PINs are left before the member's lock, after a wrong one.
std::string tries_text(Language l, int left) {
  if (left <= 0) return tr(l, "login.next_locks");
  if (left == 1) return tr(l, "login.tries_one");
  char buf[128];
  std::snprintf(buf, sizeof buf, tr(l, "login.tries_many"), left);
  return buf;
}

// Two lines, always: a message appearing never moves the keypad below.
void draw_messages(const LoginView& v, const Desk& d) {
  Language l = d.locale;
  const float top = ImGui::GetCursorPosY();
  const bool locked = d.lockout.remaining_seconds > 0;
  if (locked) {
    char buf[128];
    std::snprintf(buf, sizeof buf, tr(l, "login.locked"), d.lockout.remaining_seconds);
    inline_error(buf);
  } else if (!v.message.empty()) {
    inline_error(v.message.c_str());
    if (v.member_id && d.lockout.failed_attempts > 0)
      inline_error(tries_text(l, d.lockout.tries_left).c_str());
  } else {
    ImGui::TextUnformatted(tr(l, v.member_id ? "login.enter_pin" : "login.pick"));
  }
  ImGui::SetCursorPosY(top + 2 * ImGui::GetTextLineHeightWithSpacing());
}

// The keypad's key size and row gap for the room there is.
struct KeypadFit {
  float key, gap;
};

// Centres the names and the keypad on a large screen, from the sizes the
// widgets are drawn at (not a measure of the last frame: a tap lands where the
// keys are at once). On a short screen (800x600) the keys are a touch target
// with narrower gaps between the rows: OK stays above the fold.
KeypadFit place_login() {
  const ImVec2 spacing = ImGui::GetStyle().ItemSpacing;
  const ImVec2 room = ImGui::GetContentRegionAvail(), at = ImGui::GetCursorPos();
  auto height_with = [&](float key, float gap) {
    return em(1) + 3 * ImGui::GetTextLineHeightWithSpacing() + 4 * (key + gap) + touch_target();
  };
  const bool roomy = height_with(keypad_key(), spacing.y) <= room.y;
  const KeypadFit fit{roomy ? keypad_key() : touch_target(),
                      roomy ? spacing.y : std::min(spacing.y, em(0.25f))};
  const float width = em(kMembersEm) + em(kGapEm) + 3 * fit.key + 2 * spacing.x;
  const float height = height_with(fit.key, fit.gap);
  ImGui::SetCursorPos(ImVec2(at.x + std::max(0.0f, (room.x - width) / 2),
                             at.y + std::max(0.0f, (room.y - height) / 3)));
  return fit;
}

}  // namespace

void login_failed(LoginView& v, LocalInstant, std::string message) {
  v.shake_left = kShakeSeconds;
  v.pin.clear();
  v.message = std::move(message);
}

float shake_offset_em(const LoginView& v) {
  if (v.shake_left <= 0) return 0.0f;
  float t = kShakeSeconds - v.shake_left;    // seconds into the shake
  float amp = v.shake_left / kShakeSeconds;  // damped
  return amp * std::sin(t * 2 * 3.14159265f * 8);
}

// One language switch: the status bar's, on every screen (this one included).
void draw_login(LoginView& v, const Desk& d, LoginIntents& out) {
  Language l = d.locale;
  ImGui::PushID("login");
  if (d.venue) ImGui::TextUnformatted(d.venue->restaurant.name.c_str());
  ImGui::Spacing();
  const KeypadFit fit = place_login();
  ImGui::BeginGroup();
  ImGui::BeginGroup();
  draw_members(v, d);
  ImGui::EndGroup();
  ImGui::SameLine(0, em(kGapEm));
  ImGui::BeginGroup();
  // Only the dots shake: the keys stay where the finger expects them.
  float dx = em(shake_offset_em(v));
  if (v.shake_left > 0) v.shake_left = std::max(0.0f, v.shake_left - ImGui::GetIO().DeltaTime);
  ImGui::SetCursorPosX(ImGui::GetCursorPosX() + em(1));
  draw_pin_dots(v, dx);
  draw_messages(v, d);
  bool locked = d.lockout.remaining_seconds > 0;
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(ImGui::GetStyle().ItemSpacing.x, fit.gap));
  ImGui::BeginGroup();
  if (keypad("pin", v.pin, 6, !locked && v.member_id.has_value(), fit.key)) v.message.clear();
  ImGui::EndGroup();
  const float keys_width = ImGui::GetItemRectSize().x;
  bool complete = validate_pin(v.pin) == FieldError::None;
  std::string ok = std::string(tr(l, "action.ok")) + "###key_ok";
  if (touch_button(ok.c_str(), keys_width / em(1),
                   complete && !locked && v.member_id.has_value())) {
    out.attempt = PinAttempt{*v.member_id, v.pin};
    v.pin.clear();
  }
  ImGui::PopStyleVar();
  ImGui::EndGroup();
  ImGui::EndGroup();
  ImGui::PopID();
}

}  // namespace foh::ui
