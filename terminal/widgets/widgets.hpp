#pragma once
// Touch widgets: big buttons, a numeric keypad, text fields with an inline
// message. Sizes are in font units (em); nothing keeps state in statics.
#include <string>

#include "i18n.hpp"
#include "widgets/keyboard.hpp"
#include "widgets/validate.hpp"

namespace foh::ui {

// One font unit: ImGui::GetFontSize() (the shell's apply_scale sets it).
float em(float n = 1.0f);
// Minimum touch target: 48 px at scale 1 with a 16 px font = 3 em.
float touch_target();

// Hook for UI scripts: every widget reports its label/ID and rect after it is
// drawn, so a script can `tap_item` by label. The shell installs the
// recorder (platform's item registry); null = nothing recorded.
using ItemRecorder = void (*)(const char* id, float x0, float y0, float x1, float y1);
void set_item_recorder(ItemRecorder r);
// Reports the last drawn ImGui item under `id` (called by the widgets below;
// screens call it for custom items such as tables on the floor).
void record_item(const char* id);
void record_rect(const char* id, float x0, float y0, float x1, float y1);
// Hook for the layout audit: a button reports how wide its visible label is and
// how much room its frame leaves for it (null = nothing reported).
using LabelRecorder = void (*)(const char* id, float label_width, float room);
void set_label_recorder(LabelRecorder r);

// Layout of a screen that has a primary action (Seat, Create, Save, Join):
// what is left of the window above `action_rows` rows of touch targets scrolls,
// and the action area below it is always fully visible, whatever the size.
float action_area_height(int action_rows = 1);
// Begins the scrolling part; end it with end_scroll_area(), then draw the actions.
void begin_scroll_area(const char* id, int action_rows = 1, float width = 0.0f);
void end_scroll_area();
// True when the space available is taller than wide (a portrait tablet): lists
// go above the floor instead of beside it.
bool portrait();

// A row of buttons that wraps like words: call before every button after the
// first, with the width the next one takes (touch_button_width); it stays on
// the line when it fits the window, else starts the next line. `gap_em` > 0
// sets a wider gap between groups.
float touch_button_width(const char* label);
void flow(float next_width, float gap_em = 0.0f);

// A button at least touch_target() high; width 0 = fit label, < 0 = fill.
bool touch_button(const char* label, float width_em = 0.0f, bool enabled = true);
// Same, drawn highlighted (the selected choice of a group).
bool toggle_button(const char* label, bool selected, float width_em = 0.0f);

// The shell's tab row, its tabs as tall as a touch target. touch_tab() is true
// for the open tab (then call ImGui::EndTabItem()); `record_id` names it for scripts.
bool begin_touch_tabs(const char* id);
bool touch_tab(const char* label, const char* record_id, bool select = false);
void end_touch_tabs();

// A 3x4 keypad (1-9, clear, 0, back) appending to `digits` up to max_len.
// Returns true when a key changed `digits`. IDs: "key_0".."key_9", "key_clear", "key_back".
// `side` is a key's size (0 = 3.5 em; never less than a touch target).
bool keypad(const char* id, std::string& digits, int max_len, bool enabled = true,
            float side = 0.0f);
// The keypad's key size when `side` is 0.
float keypad_key();

// A text field bound to a std::string; when `error` is not None, its message
// is drawn in red next to the field. Tapping it opens the on-screen keyboard
// (keyboard.hpp) of its `kind`; a physical keyboard types into it as well.
// Returns true when the text changed (typed either way).
bool text_field(const char* label, std::string& text, FieldError error, Language l,
                float width_em = 16.0f, bool multiline = false, InputKind kind = InputKind::Text);
// Party size stepper (- n +), 1..99. Returns true when changed.
bool party_stepper(const char* id, int& party);

// A red inline message (no-op for an empty string), recorded as item "error:<message>".
void inline_error(const char* message);

}  // namespace foh::ui
