// Touch widgets over ImGui: big buttons, keypad, validated text fields.
#include "widgets/widgets.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstring>
#include <string>

#include "widgets/palette.hpp"

namespace foh::ui {
namespace {

// The shell's recorder (platform item registry); set once at start-up.
ItemRecorder g_recorder = nullptr;
LabelRecorder g_label_recorder = nullptr;

// "Texte###seat_walkin" -> "seat_walkin"; a label without ### is its own id.
const char* stable_id(const char* label) {
  const char* p = std::strstr(label, "###");
  return p ? p + 3 : label;
}

int resize_callback(ImGuiInputTextCallbackData* data) {
  if (data->EventFlag == ImGuiInputTextFlags_CallbackResize) {
    auto* s = static_cast<std::string*>(data->UserData);
    s->resize(static_cast<size_t>(data->BufTextLen));
    data->Buf = s->data();
  }
  return 0;
}

}  // namespace

float em(float n) { return ImGui::GetFontSize() * n; }

float touch_target() { return std::max(em(3.0f), 48.0f); }

void set_item_recorder(ItemRecorder r) { g_recorder = r; }

void record_rect(const char* id, float x0, float y0, float x1, float y1) {
  if (g_recorder) g_recorder(id, x0, y0, x1, y1);
}

void set_label_recorder(LabelRecorder r) { g_label_recorder = r; }

float action_area_height(int action_rows) {
  const ImGuiStyle& s = ImGui::GetStyle();
  return action_rows * (touch_target() + s.ItemSpacing.y) + s.ItemSpacing.y;
}

void begin_scroll_area(const char* id, int action_rows, float width) {
  const float h = ImGui::GetContentRegionAvail().y - action_area_height(action_rows);
  // Never less than one row of content: on the smallest screens the list
  // shrinks and scrolls, the actions stay.
  ImGui::BeginChild(id, ImVec2(width, std::max(h, touch_target())), false);
}

void end_scroll_area() { ImGui::EndChild(); }

bool portrait() {
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  return avail.y > avail.x;
}

void record_item(const char* id) {
  if (!g_recorder) return;
  ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  // An item with no area is not laid out yet (a tab on its first frame): not drawn, not tappable.
  if (b.x <= a.x || b.y <= a.y) return;
  g_recorder(stable_id(id), a.x, a.y, b.x, b.y);
}

float touch_button_width(const char* label) {
  // A short label ("EN", "<", a table number) still makes a fingertip-wide button.
  const float fit =
      ImGui::CalcTextSize(label, nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2;
  return std::max(fit, touch_target());
}

void flow(float next_width, float gap_em) {
  const float gap = gap_em > 0 ? em(gap_em) : ImGui::GetStyle().ItemSpacing.x;
  // The window's right edge, or the cell's in a table: a row's buttons wrap in their column.
  const float right = ImGui::GetWindowPos().x + ImGui::GetContentRegionMax().x;
  if (ImGui::GetItemRectMax().x + gap + next_width <= right) ImGui::SameLine(0, gap);
}

bool touch_button(const char* label, float width_em, bool enabled) {
  float w = width_em > 0 ? em(width_em) : width_em < 0 ? -1.0f : touch_button_width(label);
  if (!enabled) ImGui::BeginDisabled();
  bool pressed = ImGui::Button(label, ImVec2(w, touch_target()));
  if (!enabled) ImGui::EndDisabled();
  record_item(label);
  if (g_label_recorder) {
    const float text = ImGui::CalcTextSize(label, nullptr, true).x;
    const float frame = ImGui::GetItemRectSize().x;
    g_label_recorder(stable_id(label), text, frame - 2 * ImGui::GetStyle().FramePadding.x);
  }
  return pressed && enabled;
}

bool toggle_button(const char* label, bool selected, float width_em) {
  if (selected) {
    ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
  }
  bool pressed = touch_button(label, width_em);
  if (selected) ImGui::PopStyleColor();
  return pressed;
}

bool begin_touch_tabs(const char* id) {
  const float pad_y =
      std::max(ImGui::GetStyle().FramePadding.y, (touch_target() - ImGui::GetFontSize()) / 2);
  ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(ImGui::GetStyle().FramePadding.x, pad_y));
  if (ImGui::BeginTabBar(id, ImGuiTabBarFlags_FittingPolicyResizeDown)) return true;
  ImGui::PopStyleVar();
  return false;
}

bool touch_tab(const char* label, const char* record_id, bool select) {
  const bool open = ImGui::BeginTabItem(
      label, nullptr, select ? ImGuiTabItemFlags_SetSelected : ImGuiTabItemFlags_None);
  record_item(record_id);
  return open;
}

void end_touch_tabs() {
  ImGui::EndTabBar();
  ImGui::PopStyleVar();
}

float keypad_key() { return std::max(touch_target(), em(3.5f)); }

bool keypad(const char* id, std::string& digits, int max_len, bool enabled, float side) {
  static constexpr const char* kKeys[12] = {"1", "2", "3", "4", "5", "6",
                                            "7", "8", "9", "C", "0", "<"};
  static constexpr const char* kIds[12] = {"key_1", "key_2",     "key_3", "key_4",
                                           "key_5", "key_6",     "key_7", "key_8",
                                           "key_9", "key_clear", "key_0", "key_back"};
  bool changed = false;
  ImGui::PushID(id);
  side = side > 0 ? std::max(side, touch_target()) : keypad_key();
  for (int k = 0; k < 12; ++k) {
    if (k % 3) ImGui::SameLine();
    ImGui::PushID(k);
    if (!enabled) ImGui::BeginDisabled();
    bool pressed = ImGui::Button(kKeys[k], ImVec2(side, side));
    if (!enabled) ImGui::EndDisabled();
    record_item(kIds[k]);
    ImGui::PopID();
    if (!pressed || !enabled) continue;
    if (k == 9) {
      changed = !digits.empty();
      digits.clear();
    } else if (k == 11) {
      if (!digits.empty()) digits.pop_back(), changed = true;
    } else if (static_cast<int>(digits.size()) < max_len) {
      digits += kKeys[k];
      changed = true;
    }
  }
  ImGui::PopID();
  return changed;
}

// Characters or editing keys from a physical keyboard this frame.
bool physical_typing() {
  const ImGuiIO& io = ImGui::GetIO();
  if (io.InputQueueCharacters.Size > 0) return true;
  for (ImGuiKey k : {ImGuiKey_Backspace, ImGuiKey_Delete, ImGuiKey_End, ImGuiKey_Home,
                     ImGuiKey_LeftArrow, ImGuiKey_RightArrow})
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(k))) return true;
  return false;
}

// The keyboard's field is outlined, and brought into view above the dock.
void show_keyboard_field(const char* id) {
  const KeyboardState* kb = keyboard();
  if (!kb || kb->field != id) return;
  const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  ImGui::GetWindowDrawList()->AddRect(a, b, ImGui::GetColorU32(ImGuiCol_ButtonActive), 0.0f, 0,
                                      em(0.15f));
  if (b.y > ImGui::GetWindowPos().y + ImGui::GetWindowHeight()) ImGui::SetScrollHereY(1.0f);
}

bool text_field(const char* label, std::string& text, FieldError error, Language l, float width_em,
                bool multiline, InputKind kind) {
  const char* id = stable_id(label);
  KeyboardState* kb = keyboard();
  const bool typed = kb && keyboard_take(*kb, id, text);  // keys tapped since the last frame
  const bool typing = physical_typing();                  // before the field takes the characters
  ImGui::PushItemWidth(em(width_em));
  if (text.capacity() < 16) text.reserve(16);
  bool changed;
  ImGuiInputTextFlags flags = ImGuiInputTextFlags_CallbackResize;
  if (multiline)
    changed = ImGui::InputTextMultiline(label, text.data(), text.capacity() + 1,
                                        ImVec2(em(width_em), em(4)), flags, resize_callback, &text);
  else
    changed =
        ImGui::InputText(label, text.data(), text.capacity() + 1, flags, resize_callback, &text);
  ImGui::PopItemWidth();
  record_item(label);
  if (kb && ImGui::IsItemActivated()) keyboard_open(*kb, id, kind, text);
  if (kb && kb->field == id && ImGui::IsItemActive() && typing)
    kb->field.clear();  // a host with a keyboard types on it: the dock steps aside
  show_keyboard_field(id);
  if (error != FieldError::None) {
    ImGui::SameLine();
    inline_error(field_message(l, error));
  }
  return changed || typed;
}

bool party_stepper(const char* id, int& party) {
  ImGui::PushID(id);
  bool changed = false;
  if (touch_button("-###party_minus", 3.0f, party > 1)) --party, changed = true;
  ImGui::SameLine();
  ImGui::AlignTextToFramePadding();
  ImGui::Text("%2d", party);
  ImGui::SameLine();
  if (touch_button("+###party_plus", 3.0f, party < 99)) ++party, changed = true;
  ImGui::PopID();
  return changed;
}

void inline_error(const char* message) {
  if (!message || !*message) return;
  ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.95f, 0.3f, 0.3f, 1.0f));
  ImGui::TextUnformatted(message);
  ImGui::PopStyleColor();
  // Scripts and tests check that a message is shown by its text.
  std::string id = std::string("error:") + message;
  record_item(id.c_str());
}

// Declared in palette.hpp; here because it asks ImGui's font, and the palette is pure.
bool has_icon(char32_t cp) {
  const ImFont* f = ImGui::GetFont();
  return f && cp <= 0xFFFF && f->FindGlyphNoFallback(static_cast<ImWchar>(cp)) != nullptr;
}

}  // namespace foh::ui
