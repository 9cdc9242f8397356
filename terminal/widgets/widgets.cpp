// Touch widgets over ImGui: big buttons, keypad, validated text fields.
#include "widgets/widgets.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstring>
#include <string>

namespace foh::ui {
namespace {

// The shell's recorder (platform item registry); set once at start-up.
ItemRecorder g_recorder = nullptr;

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

void record_item(const char* id) {
  if (!g_recorder) return;
  ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  g_recorder(stable_id(id), a.x, a.y, b.x, b.y);
}

bool touch_button(const char* label, float width_em, bool enabled) {
  float w = width_em > 0 ? em(width_em) : width_em < 0 ? -1.0f : 0.0f;
  if (!enabled) ImGui::BeginDisabled();
  bool pressed = ImGui::Button(label, ImVec2(w, touch_target()));
  if (!enabled) ImGui::EndDisabled();
  record_item(label);
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

bool keypad(const char* id, std::string& digits, int max_len, bool enabled) {
  static constexpr const char* kKeys[12] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "C", "0", "<"};
  static constexpr const char* kIds[12] = {"key_1", "key_2", "key_3", "key_4", "key_5", "key_6",
                                           "key_7", "key_8", "key_9", "key_clear", "key_0", "key_back"};
  bool changed = false;
  ImGui::PushID(id);
  float side = std::max(touch_target(), em(3.5f));
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

bool text_field(const char* label, std::string& text, FieldError error, Locale l, float width_em,
                bool multiline) {
  ImGui::PushItemWidth(em(width_em));
  if (text.capacity() < 16) text.reserve(16);
  bool changed;
  ImGuiInputTextFlags flags = ImGuiInputTextFlags_CallbackResize;
  if (multiline)
    changed = ImGui::InputTextMultiline(label, text.data(), text.capacity() + 1,
                                        ImVec2(em(width_em), em(4)), flags, resize_callback, &text);
  else
    changed = ImGui::InputText(label, text.data(), text.capacity() + 1, flags, resize_callback, &text);
  ImGui::PopItemWidth();
  record_item(label);
  if (error != FieldError::None) {
    ImGui::SameLine();
    inline_error(field_message(l, error));
  }
  return changed;
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

}  // namespace foh::ui
