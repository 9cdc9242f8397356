// Guest-facing kiosk: one centred column in large type, the guest's language,
// how many, name and mobile, consent; then place and wait as a range. No staff
// data drawn; leaving needs a manager PIN (a discreet corner button).
#include "screens/kiosk.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <string>

#include "screens/commands.hpp"
#include "widgets/widgets.hpp"

namespace foh::ui {
namespace {

constexpr float kTitle = 1.5f, kLarge = 1.3f, kHuge = 2.0f;  // sizes relative to the page's text
constexpr float kPageEm = 22;             // about the party page's height, in the page's text
constexpr int64_t kDoneAfterSeconds = 2;  // the confirmation's Done takes no tap before

// The centred column the page is drawn in, and its text scale.
struct Page {
  Language l = Language::Fr;
  float scale = 1, x0 = 0, width = 0;
  float terminal = 1;  // the font scale of the terminal's own type (a child window
                       // multiplies its scale by its parent's)
};

std::string L(Language l, const char* key, const char* id) {
  return std::string(tr(l, key)) + "###" + id;
}

// Centred when it fits the column, wrapped inside it when not.
void centred(const Page& p, const std::string& text, float size = 1.0f, const char* id = nullptr) {
  ImGui::SetWindowFontScale(p.scale * size);
  const float w = ImGui::CalcTextSize(text.c_str()).x;
  ImGui::SetCursorPosX(p.x0 + std::max(0.0f, (p.width - w) / 2));
  ImGui::PushTextWrapPos(p.x0 + p.width);
  ImGui::TextWrapped("%s", text.c_str());
  ImGui::PopTextWrapPos();
  if (id) record_item(id);
  ImGui::SetWindowFontScale(p.scale);
}

void page_error(const Page& p, const char* text) {
  ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.95f, 0.3f, 0.3f, 1.0f));
  centred(p, text);
  ImGui::PopStyleColor();
  record_item((std::string("error:") + text).c_str());
}

bool big_button(const std::string& label, float width, float height, bool enabled = true) {
  if (!enabled) ImGui::BeginDisabled();
  bool pressed = ImGui::Button(label.c_str(), ImVec2(width, std::max(height, touch_target())));
  if (!enabled) ImGui::EndDisabled();
  record_item(label.c_str());
  return pressed && enabled;
}

std::string party_text(Language l, int party) {
  if (party == 1) return tr(l, "kiosk.party_one");
  char buf[64];
  std::snprintf(buf, sizeof buf, tr(l, "kiosk.party_many"), party);
  return buf;
}

// A party no table seats is told at once, before typing anything.
bool seatable(KioskView& v, const Desk& d) {
  return add_quote(v.quote, d, v.party).minutes.has_value();
}

void draw_party_step(KioskView& v, const Desk& d, const Page& p) {
  centred(p, tr(p.l, "kiosk.how_many"), kLarge);
  const float gap = ImGui::GetStyle().ItemSpacing.x, side = (p.width - 3 * gap) / 4;
  for (int n = 1; n <= 8; ++n) {
    if (n == 1 || n == 5)
      ImGui::SetCursorPosX(p.x0);
    else
      ImGui::SameLine(0, gap);
    ImGui::SetWindowFontScale(p.scale * kHuge);
    std::string label = std::to_string(n) + "###kiosk_party_" + std::to_string(n);
    bool picked = big_button(label, side, side * 0.7f);
    ImGui::SetWindowFontScale(p.scale);
    if (picked) {
      v.party = n;
      if (seatable(v, d)) v.step = KioskStep::Details;
    }
  }
  ImGui::Spacing();
  ImGui::SetCursorPosX(p.x0);
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(tr(p.l, "kiosk.more"));
  ImGui::SameLine();
  party_stepper("kiosk_party", v.party);
  ImGui::SameLine();
  if (touch_button(L(p.l, "action.next", "kiosk_next").c_str()) && seatable(v, d))
    v.step = KioskStep::Details;
  if (v.quote.party == v.party && v.quote.minute >= 0 && !v.quote.minutes)
    page_error(p, tr(p.l, "kiosk.no_table"));
}

void label(const Page& p, const char* key) {
  ImGui::SetCursorPosX(p.x0);
  ImGui::TextUnformatted(tr(p.l, key));
}

std::string wait_text(Language l, int quoted);

void draw_details_step(KioskView& v, const Desk& d, const Page& p) {
  Language l = p.l;
  FieldError ne = validate_name(v.name);
  const bool phone_ok = kiosk_phone_valid(v.phone);
  centred(p, party_text(l, v.party), kLarge, "kiosk_party_summary");
  // The wait before joining, so the guest decides knowing it.
  if (auto m = add_quote(v.quote, d, v.party).minutes)
    centred(p, wait_text(l, *m), 1.0f, "kiosk_wait");
  label(p, "kiosk.name");
  ImGui::SetCursorPosX(p.x0);
  text_field("###kiosk_name", v.name, FieldError::None, l, p.width / em(1));
  if (ImGui::IsItemActive()) ImGui::SetScrollHereY();  // above the keyboard
  if (v.submitted && ne != FieldError::None) page_error(p, field_message(l, ne));
  label(p, "kiosk.phone");
  ImGui::SetCursorPosX(p.x0);
  text_field("###kiosk_phone", v.phone, FieldError::None, l, p.width / em(1), false,
             InputKind::Phone);
  if (ImGui::IsItemActive()) ImGui::SetScrollHereY();
  if (v.submitted && !phone_ok) page_error(p, tr(l, "kiosk.phone_bad"));
  ImGui::SetCursorPosX(p.x0);
  ImGui::PushTextWrapPos(p.x0 + p.width);
  ImGui::Checkbox(L(l, "kiosk.consent", "kiosk_consent").c_str(), &v.consent);
  ImGui::PopTextWrapPos();
  record_item("kiosk_consent");
}

// Back and Join, in the action area: always in sight, keyboard open or not.
void draw_details_actions(KioskView& v, const Desk& d, const Page& p, KioskIntents& out) {
  Language l = p.l;
  const float gap = ImGui::GetStyle().ItemSpacing.x, back_w = p.width / 3;
  ImGui::SetCursorPosX(p.x0);
  if (big_button(L(l, "action.back", "kiosk_back"), back_w, touch_target()))
    v.step = KioskStep::Party;
  ImGui::SameLine(0, gap);
  // Disabled while the guest's join is being written (Desk::pending_writes).
  if (big_button(L(l, "kiosk.join", "kiosk_join"), p.width - back_w - gap, touch_target(),
                 !d.writing(kWriteKioskJoin))) {
    v.submitted = true;
    if (validate_name(v.name) == FieldError::None && kiosk_phone_valid(v.phone) &&
        validate_party(v.party) == FieldError::None)
      out.join = NewWaitlistEntry{v.name, v.phone, v.party, v.consent, true};
  }
}

std::string wait_text(Language l, int quoted) {
  WaitRange r = wait_range(quoted);
  if (r.soon) return tr(l, "kiosk.wait_soon");
  char buf[128];
  std::snprintf(buf, sizeof buf, tr(l, "kiosk.wait_range"), format_minutes(l, r.low).c_str(),
                format_minutes(l, r.high).c_str());
  return buf;
}

void draw_joined_step(KioskView& v, const Desk& d, const Page& p) {
  Language l = p.l;
  char buf[160];
  std::snprintf(buf, sizeof buf, tr(l, "kiosk.thanks"), v.name.c_str());
  centred(p, buf, kLarge);
  const WaitQuote* q = nullptr;
  for (const WaitQuote& w : d.quotes)
    if (v.joined_entry && w.entry_id == *v.joined_entry) q = &w;
  ImGui::Spacing();
  if (q) {
    std::snprintf(buf, sizeof buf, tr(l, "kiosk.position"), q->position);
    centred(p, buf, kHuge, "kiosk_position");
    centred(p, q->seatable ? wait_text(l, q->quoted_minutes) : tr(l, "kiosk.no_table"), kLarge,
            "kiosk_wait");
  } else {
    centred(p, tr(l, "kiosk.pending"), kLarge);
  }
  ImGui::Spacing();
  centred(p, tr(l, "kiosk.staff_confirm"));
  const int64_t shown = v.joined_at ? d.now.seconds - v.joined_at->seconds : 0;
  std::snprintf(buf, sizeof buf, tr(l, "kiosk.back_in"),
                static_cast<int>(std::max<int64_t>(0, kKioskJoinedSeconds - shown)));
  centred(p, buf, 1.0f, "kiosk_back_in");
}

void draw_joined_actions(KioskView& v, const Desk& d, const Page& p) {
  Language l = p.l;
  const int64_t shown = v.joined_at ? d.now.seconds - v.joined_at->seconds : 0;
  ImGui::SetCursorPosX(p.x0);
  // A double tap on Join lands its second tap here: Done waits a moment, so
  // the guest's place is seen before anything takes it away.
  const bool settled = shown >= kDoneAfterSeconds;
  if (big_button(L(l, "action.done", "kiosk_done"), p.width, touch_target(), settled) ||
      shown >= kKioskJoinedSeconds)
    kiosk_reset(v);
}

void draw_leave_step(KioskView& v, const Desk& d, const Page& p, KioskIntents& out) {
  Language l = p.l;
  centred(p, tr(l, "kiosk.manager_pin"), kLarge);
  centred(p, std::string(v.pin.size(), '*') + " ");
  if (!v.message.empty()) page_error(p, v.message.c_str());
  bool locked = d.lockout.remaining_seconds > 0;
  ImGui::SetCursorPosX(p.x0);
  ImGui::BeginGroup();
  keypad("kiosk_pin", v.pin, 6, !locked);
  if (touch_button(L(l, "action.back", "kiosk_leave_back").c_str(), 8.0f)) {
    v.pin.clear();
    v.message.clear();
    v.step = KioskStep::Party;
  }
  ImGui::SameLine();
  if (touch_button(L(l, "action.ok", "kiosk_leave_ok").c_str(), 8.0f,
                   !locked && validate_pin(v.pin) == FieldError::None)) {
    out.leave = KioskLeave{v.pin};
    v.pin.clear();
  }
  ImGui::EndGroup();
}

// The guest's language, top right of the page: the other language's name.
void draw_language(KioskView& v, const Page& p) {
  std::string label = L(p.l, "kiosk.other_language", "kiosk_language");
  const float w =
      ImGui::CalcTextSize(label.c_str(), nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2;
  ImGui::SetCursorPosX(p.x0 + p.width - std::max(w, touch_target()));
  if (touch_button(label.c_str()))
    v.guest_locale = p.l == Language::Fr ? Language::En : Language::Fr;
}

// For staff only: small, dim, in the top left corner, out of the guest's way
// (the guest's language is in the other corner).
void draw_staff_exit(KioskView& v, const Page& p) {
  ImGui::SetWindowFontScale(p.terminal);
  std::string label = L(p.l, "kiosk.staff", "kiosk_staff");
  ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0, 0, 0, 0));
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  if (touch_button(label.c_str())) v.step = KioskStep::Leave;
  ImGui::PopStyleColor(2);
  ImGui::SetWindowFontScale(p.scale);
}

// Everything above the action area: the corners, the name, the step.
void draw_page(KioskView& v, const Desk& d, const Page& p, KioskIntents& out) {
  const float top = ImGui::GetCursorPosY();
  if (v.step != KioskStep::Leave) draw_staff_exit(v, p);
  ImGui::SetCursorPosY(top);
  draw_language(v, p);
  // The page about the middle of the screen. Its height is a fixed estimate
  // (the party page's), not a measure: a measure lags a frame when the step
  // changes, and a button moving under a finger between frames is a wrong tap.
  const float room = ImGui::GetContentRegionAvail().y;
  ImGui::SetCursorPosY(ImGui::GetCursorPosY() + std::max(0.0f, (room - em(kPageEm)) / 2));
  // Only the restaurant's name: no staff data on a guest-facing screen.
  if (d.venue) centred(p, d.venue->restaurant.name, kTitle, "kiosk_restaurant");
  ImGui::Spacing();
  switch (v.step) {
    case KioskStep::Party:
      draw_party_step(v, d, p);
      break;
    case KioskStep::Details:
      draw_details_step(v, d, p);
      break;
    case KioskStep::Joined:
      draw_joined_step(v, d, p);
      break;
    case KioskStep::Leave:
      draw_leave_step(v, d, p, out);
      break;
  }
}

}  // namespace

bool kiosk_phone_valid(std::string_view phone) {
  std::string digits;
  bool plus = false;
  for (size_t i = 0; i < phone.size(); ++i) {
    char c = phone[i];
    if (c >= '0' && c <= '9')
      digits += c;
    else if (c == '+' && digits.empty() && !plus)
      plus = true;
    else if (c != ' ' && c != '.' && c != '-' && c != '(' && c != ')')
      return false;
  }
  if (plus) return digits.size() >= 8 && digits.size() <= 15 && digits[0] != '0';
  return digits.size() == 10 && digits[0] == '0';
}

WaitRange wait_range(int quoted) {
  if (quoted <= 5) return WaitRange{0, 0, true};
  // foh-bench-waitlist's median error is 3 minutes on a 39-minute wait: about
  // 15 % either side, on 5-minute steps and at least 10 minutes wide.
  auto down5 = [](int m) { return m / 5 * 5; };
  auto up5 = [](int m) { return (m + 4) / 5 * 5; };
  int low = std::max(5, down5(quoted * 85 / 100));
  int high = std::max(low + 10, up5(quoted * 115 / 100));
  return WaitRange{low, high, false};
}

float kiosk_scale(float width_px, float height_px, float font_px) {
  // The pages need a column 30 ems wide and about 30 lines; never smaller than
  // the terminal's type.
  if (font_px <= 0) return 1.0f;
  return std::clamp(std::min(width_px / (30 * font_px), height_px / (30 * font_px)), 1.0f, 2.2f);
}

float kiosk_keyboard_scale(const KeyboardState& kb, Language l, float width_px, float height_px,
                           float font_px) {
  float scale = kiosk_scale(width_px, height_px, font_px);
  while (scale > 1.0f && keyboard_height(kb, l, scale) > height_px * 0.45f) scale -= 0.05f;
  return std::max(scale, 1.0f);
}

void kiosk_joined(KioskView& v, const Uuid& entry_id, LocalInstant now) {
  v.joined_entry = entry_id;
  v.joined_at = now;
  v.step = KioskStep::Joined;
}

void kiosk_reset(KioskView& v) { v = KioskView{}; }

void draw_kiosk(KioskView& v, const Desk& d, KioskIntents& out) {
  ImGui::PushID("kiosk");
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  Page p;
  p.l = v.guest_locale.value_or(d.locale);
  p.scale = kiosk_scale(display.x, display.y, ImGui::GetFontSize());
  ImGui::BeginChild("kiosk_page", ImVec2(0, 0), false, ImGuiWindowFlags_NoScrollbar);
  ImGui::SetWindowFontScale(p.scale);
  const bool actions = v.step == KioskStep::Details || v.step == KioskStep::Joined;
  // One column for the page and its actions, in screen space (two windows).
  const float avail = ImGui::GetContentRegionAvail().x;
  p.width = std::min(avail, em(30));
  const float column = ImGui::GetCursorScreenPos().x + (avail - p.width) / 2;
  begin_scroll_area("kiosk_scroll", actions ? 1 : 0);
  Page inner = p;  // the child window inherits the page's scale
  inner.scale = 1;
  inner.terminal = 1 / p.scale;
  inner.x0 = column - ImGui::GetWindowPos().x;
  draw_page(v, d, inner, out);
  end_scroll_area();
  p.x0 = column - ImGui::GetWindowPos().x;
  if (v.step == KioskStep::Details) draw_details_actions(v, d, p, out);
  if (v.step == KioskStep::Joined) draw_joined_actions(v, d, p);
  ImGui::EndChild();
  ImGui::PopID();
}

}  // namespace foh::ui
