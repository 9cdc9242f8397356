// The on-screen keyboard (keyboard.hpp): layouts, keys, the dock.
#include "widgets/keyboard.hpp"

#include <imgui.h>

#include <algorithm>

#include "widgets/widgets.hpp"

namespace foh::ui {
namespace {

// The shell's keyboard; set once at start-up (like the item recorder).
KeyboardState* g_keyboard = nullptr;

constexpr const char* kErase = "\b";

// French names first: the accents a host meets on a booking sheet.
constexpr const char* kAccents[][2] = {{"é", "É"}, {"è", "È"}, {"ê", "Ê"}, {"à", "À"}, {"ç", "Ç"},
                                       {"ù", "Ù"}, {"ï", "Ï"}, {"ô", "Ô"}, {"ë", "Ë"}, {"â", "Â"}};
constexpr std::string_view kAzerty[] = {"azertyuiop", "qsdfghjklm", "wxcvbn'"};
constexpr std::string_view kQwerty[] = {"qwertyuiop", "asdfghjkl'", "zxcvbnm"};
// No "-" or "." here: the bottom row has them (one key, one id).
constexpr std::string_view kSymbols[] = {"1234567890", "_/:;()&@\"+", ",?!#%*'"};
constexpr const char* kPhonePad[] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "+", "0"};
constexpr const char* kNumberPad[] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", ":", "0"};

bool shows_accents(const KeyboardState& kb, Language l) {
  return kb.kind == InputKind::Text && !kb.symbols && (l == Language::Fr || kb.accents);
}

int rows_of(const KeyboardState& kb, Language l) {
  if (kb.kind != InputKind::Text) return 5;  // 4 rows of 3, then Done
  return 4 + (shows_accents(kb, l) ? 1 : 0);
}

// Capitals at the start of the field and of each word (names), unless shifted back.
bool capitals(const KeyboardState& kb) {
  const bool word_start = kb.text.empty() || kb.text.back() == ' ' || kb.text.back() == '-';
  return kb.shift != word_start;
}

// Letter keys share the width evenly (10 to a row), within reach of a thumb:
// as wide as the row allows up to 5 ems, never under a fingertip (48 px). On
// the kiosk's large type a key is taller than it is wide on a narrow screen.
float unit_width(int keys_in_row) {
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  const float avail = ImGui::GetContentRegionAvail().x;
  const float fit = (avail - gap * static_cast<float>(keys_in_row - 1)) / keys_in_row;
  return std::max(48.0f, std::min(fit, em(5.0f)));
}

// Starts a row of `width` centred in the window.
void centre_row(float width) {
  const float avail = ImGui::GetContentRegionAvail().x;
  if (avail > width) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (avail - width) / 2);
}

float row_width(float units, int keys, float unit) {
  return units * unit + ImGui::GetStyle().ItemSpacing.x * static_cast<float>(keys - 1);
}

// One key; `id` is recorded for scripts and tests.
bool key(const char* label, const std::string& id, float width, bool selected = false) {
  ImGui::PushID(id.c_str());
  if (selected)
    ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
  const bool pressed = ImGui::Button(label, ImVec2(width, touch_target()));
  if (selected) ImGui::PopStyleColor();
  record_item(id.c_str());
  ImGui::PopID();
  return pressed;
}

std::string lower_id(std::string_view k) {
  std::string id = "kb_";
  for (char c : k) id += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  return id;
}

// A character key: typed as shown (capital or not).
void char_key(KeyboardState& kb, std::string_view lower, std::string_view upper, float unit,
              bool& tapped) {
  const std::string shown(capitals(kb) ? upper : lower);
  if (!key(shown.c_str(), lower_id(lower), unit)) return;
  kb.keys.push_back(shown);
  kb.text += shown;  // the next key reads this one (capitals after a space)
  kb.shift = false;
  tapped = true;
}

void accent_row(KeyboardState& kb, float unit, bool& tapped) {
  centre_row(row_width(10, 10, unit));
  for (size_t i = 0; i < std::size(kAccents); ++i) {
    if (i) ImGui::SameLine();
    char_key(kb, kAccents[i][0], kAccents[i][1], unit, tapped);
  }
}

void letter_row(KeyboardState& kb, std::string_view letters, bool flanked, float unit,
                bool& tapped) {
  const int n = static_cast<int>(letters.size()) + (flanked ? 2 : 0);
  centre_row(row_width(static_cast<float>(letters.size()) + (flanked ? 3.0f : 0.0f), n, unit));
  if (flanked && key("\xE2\x86\x91", "kb_shift", unit * 1.5f, kb.shift && !kb.symbols))
    kb.shift = !kb.shift;  // ↑
  for (size_t i = 0; i < letters.size(); ++i) {
    if (i || flanked) ImGui::SameLine();
    const std::string lower(1, letters[i]);
    const std::string upper = upper_key(lower);
    char_key(kb, lower, kb.symbols ? lower : upper, unit, tapped);
  }
  if (!flanked) return;
  ImGui::SameLine();
  if (key("\xE2\x86\x90", "kb_back", unit * 1.5f)) {  // ←
    kb.keys.push_back(kErase);
    erase_last(kb.text);
    tapped = true;
  }
}

// 123 / ABC, accents (English), -, space, ., Done.
void bottom_row(KeyboardState& kb, Language l, float unit, bool& tapped) {
  const bool accent_key = l == Language::En && !kb.symbols;
  centre_row(row_width(accent_key ? 11.5f : 10.0f, accent_key ? 6 : 5, unit));
  if (key(kb.symbols ? "ABC" : "123", "kb_123", unit * 1.5f)) kb.symbols = !kb.symbols;
  if (accent_key) {
    ImGui::SameLine();
    if (key("\xC3\xA0\xC3\xA9", "kb_accents", unit * 1.5f, kb.accents)) kb.accents = !kb.accents;
  }
  ImGui::SameLine();
  char_key(kb, "-", "-", unit, tapped);
  ImGui::SameLine();
  const std::string space = std::string(tr(l, "kb.space")) + "###space";
  if (key(space.c_str(), "kb_space", unit * 4.5f)) {
    kb.keys.push_back(" ");
    kb.text += ' ';
    tapped = true;
  }
  ImGui::SameLine();
  char_key(kb, ".", ".", unit, tapped);
  ImGui::SameLine();
  if (key(tr(l, "kb.done"), "kb_done", unit * 2.0f)) kb.field.clear();
}

bool text_keys(KeyboardState& kb, Language l) {
  bool tapped = false;
  const float unit = unit_width(11);
  if (shows_accents(kb, l)) accent_row(kb, unit, tapped);
  const auto& rows = kb.symbols ? kSymbols : l == Language::Fr ? kAzerty : kQwerty;
  for (int r = 0; r < 3; ++r) letter_row(kb, rows[r], r == 2, unit, tapped);
  bottom_row(kb, l, unit, tapped);
  return tapped;
}

// 1-9, then + (phone) or : (times), 0, erase; then Done.
bool pad_keys(KeyboardState& kb, Language l) {
  bool tapped = false;
  const float unit = std::max(touch_target(), std::min(em(7.0f), unit_width(6) * 1.5f));
  const auto& keys = kb.kind == InputKind::Phone ? kPhonePad : kNumberPad;
  for (int k = 0; k < 12; ++k) {
    if (k % 3 == 0)
      centre_row(row_width(3, 3, unit));
    else
      ImGui::SameLine();
    if (k < 11) {
      char_key(kb, keys[k], keys[k], unit, tapped);
    } else if (key("\xE2\x86\x90", "kb_back", unit)) {
      kb.keys.push_back(kErase);
      erase_last(kb.text);
      tapped = true;
    }
  }
  centre_row(row_width(3, 3, unit));
  if (key(tr(l, "kb.done"), "kb_done", row_width(3, 3, unit))) kb.field.clear();
  return tapped;
}

}  // namespace

void set_keyboard(KeyboardState* kb) { g_keyboard = kb; }
KeyboardState* keyboard() { return g_keyboard; }

void keyboard_open(KeyboardState& kb, std::string_view id, InputKind kind,
                   const std::string& text) {
  kb.seen = true;
  kb.text = text;
  if (kb.field == id) return;
  kb.field = std::string(id);
  kb.kind = kind;
  kb.shift = kb.symbols = false;
  kb.keys.clear();
}

bool keyboard_take(KeyboardState& kb, std::string_view id, std::string& text) {
  if (kb.field.empty() || kb.field != id) return false;
  kb.seen = true;
  const bool changed = !kb.keys.empty();
  for (const std::string& k : kb.keys) k == kErase ? erase_last(text) : type_key(text, k);
  kb.keys.clear();
  kb.text = text;
  return changed;
}

void keyboard_begin_frame(KeyboardState& kb) { kb.seen = false; }

float keyboard_height(const KeyboardState& kb, Language l, float scale) {
  if (kb.field.empty()) return 0;
  const ImGuiStyle& st = ImGui::GetStyle();
  // A key is touch_target() tall in the dock, whose type is `scale` times this one.
  const float key = std::max(em(3.0f) * scale, touch_target());
  return static_cast<float>(rows_of(kb, l)) * (key + st.ItemSpacing.y) + st.WindowPadding.y * 2;
}

bool draw_keyboard(KeyboardState& kb, Language l) {
  if (kb.field.empty()) return false;
  if (!kb.seen) {  // its field is gone (another screen, a closed form)
    kb.field.clear();
    return false;
  }
  ImGui::PushID("keyboard");
  const bool tapped = kb.kind == InputKind::Text ? text_keys(kb, l) : pad_keys(kb, l);
  ImGui::PopID();
  return tapped;
}

bool draw_keyboard_dock(KeyboardState& kb, Language l, float scale) {
  if (kb.field.empty()) return false;
  const ImGuiIO& io = ImGui::GetIO();
  const float h = keyboard_height(kb, l, scale);
  ImGui::SetNextWindowPos(ImVec2(0, io.DisplaySize.y - h));
  ImGui::SetNextWindowSize(ImVec2(io.DisplaySize.x, h));
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                 ImGuiWindowFlags_NoSavedSettings |
                                 ImGuiWindowFlags_NoFocusOnAppearing;
  ImGui::Begin("###keyboard", nullptr, flags);
  ImGui::SetWindowFontScale(scale);  // em() and touch_target() in it grow with it
  const bool tapped = draw_keyboard(kb, l);
  ImGui::End();
  return tapped;
}

void type_key(std::string& text, std::string_view key) { text.append(key); }

void erase_last(std::string& text) {
  while (!text.empty() && (static_cast<unsigned char>(text.back()) & 0xC0) == 0x80)
    text.pop_back();  // continuation bytes of a multi-byte character
  if (!text.empty()) text.pop_back();
}

std::string upper_key(std::string_view key) {
  for (const auto& a : kAccents)
    if (key == a[0]) return a[1];
  std::string out(key);
  for (char& c : out)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return out;
}

}  // namespace foh::ui
