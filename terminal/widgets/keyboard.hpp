#pragma once
// The on-screen keyboard: typing on glass for every text field. A text field
// (widgets.hpp) opens it when tapped; the shell draws it docked at the bottom
// of the screen after the screens. A tapped key is kept in the state and the
// field takes it when it is drawn next (before its InputText), so a field over
// a copy of its value reports the change like a typed one and the keyboard
// never holds a pointer into a screen. AZERTY with a row of French accents
// when the terminal speaks French, QWERTY (accents one key away) in English;
// a phone pad for phone fields and a number pad for party sizes and times.
// A physical keyboard keeps typing into the field as before.
#include <string>
#include <string_view>
#include <vector>

#include "i18n.hpp"

namespace foh::ui {

// What a field holds, hence which keys it gets.
enum class InputKind { Text, Phone, Number };

struct KeyboardState {
  std::string field;  // stable id of the field being typed into; empty = closed
  InputKind kind = InputKind::Text;
  bool shift = false;             // the next letter in capitals (one-shot)
  bool symbols = false;           // digits and punctuation instead of letters
  bool accents = false;           // English: the accent row shown
  std::vector<std::string> keys;  // tapped, not yet taken by the field; "\b" erases
  std::string text;               // the field's text as last drawn (capitals at a start)
  bool seen = false;              // the field was drawn this frame
};

// The shell's keyboard (one, owned by the shell); null = fields open none.
void set_keyboard(KeyboardState* kb);
KeyboardState* keyboard();

// Called by text fields: `id`, holding `text`, was just tapped (opens the keyboard for it).
void keyboard_open(KeyboardState& kb, std::string_view id, InputKind kind, const std::string& text);
// Called by text fields before they draw: applies the keys tapped for `id`
// to `text`; true when it changed.
bool keyboard_take(KeyboardState& kb, std::string_view id, std::string& text);
// At the start of a frame, before the screens.
void keyboard_begin_frame(KeyboardState& kb);

// Height the dock takes at the bottom of the screen (0 when closed): the
// shell leaves it to the keyboard so nothing the host needs hides under it.
// `scale`: the type's scale on that screen (the guest kiosk's large type,
// screens/kiosk.hpp kiosk_scale): the keys grow with it.
float keyboard_height(const KeyboardState& kb, Language l, float scale = 1.0f);
// Draws the keys in the current window and keeps the tapped one for the
// field. Closes itself (field cleared) when the field was not drawn this
// frame or "Done" is tapped. Returns true when a key was tapped.
// Item ids: "kb_" + the key in lower case ("kb_a", "kb_é", "kb_0", "kb_+"),
// and "kb_shift", "kb_back", "kb_space", "kb_done", "kb_123", "kb_accents".
bool draw_keyboard(KeyboardState& kb, Language l);
// The same in its own window docked at the bottom of the display, its type
// (and so its keys) at `scale` as keyboard_height.
bool draw_keyboard_dock(KeyboardState& kb, Language l, float scale = 1.0f);

// Editing helpers (tested): appends a key's text; removes the last UTF-8 character.
void type_key(std::string& text, std::string_view key);
void erase_last(std::string& text);
// "é" -> "É", "a" -> "A"; other keys unchanged.
std::string upper_key(std::string_view key);

}  // namespace foh::ui
