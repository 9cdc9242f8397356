#pragma once
// Guest-facing kiosk: large centred pages in the guest's language (French or
// English, the guest's choice): how many, then name (on-screen keyboard),
// mobile number (phone pad) and SMS consent, then the place in the queue and
// the wait as a range; back to the start after a minute. No staff data is
// drawn. Leaving needs a manager PIN (the shell checks it off the frame).
#include <optional>
#include <string>
#include <string_view>

#include "desk.hpp"
#include "screens/waitlist.hpp"
#include "widgets/keyboard.hpp"

namespace foh::ui {

enum class KioskStep { Party, Details, Joined, Leave };

struct KioskView {
  KioskStep step = KioskStep::Party;
  std::optional<Language> guest_locale;  // the guest's choice; the terminal's until then
  int party = 2;
  std::string name, phone;
  bool consent = false;
  bool submitted = false;                 // show all field messages after the first "Join"
  std::optional<Uuid> joined_entry;       // set by the shell after the join was stored
  std::optional<LocalInstant> joined_at;  // back to the start screen after a while
  std::string pin;                        // manager PIN to leave (never logged)
  std::string message;                    // e.g. "Wrong PIN" from the shell
  AddQuote quote;                         // whether a table seats the party at all
};

struct KioskLeave {
  std::string pin;
};

struct KioskIntents {
  std::optional<NewWaitlistEntry> join;  // only when every field is valid
  std::optional<KioskLeave> leave;       // the shell verifies the manager PIN
};

// The shell calls this once the join is stored.
void kiosk_joined(KioskView& v, const Uuid& entry_id, LocalInstant now);
// Back to the first step, in the terminal's language (also after
// kKioskJoinedSeconds on the Joined step).
void kiosk_reset(KioskView& v);
inline constexpr int64_t kKioskJoinedSeconds = 60;

// A mobile number a text can reach: French, 10 digits from 0 ("06 12 34 56
// 78"); or international, + and 8 to 15 digits ("+33 6 12 34 56 78").
// Spaces, dots, dashes and brackets between digits are allowed. "0612" is not.
bool kiosk_phone_valid(std::string_view phone);

// The wait shown to a guest, a range around the engine's quote in steps of
// 5 minutes: a promise with its uncertainty, never "0 min".
struct WaitRange {
  int low = 0, high = 0;  // minutes
  bool soon = false;      // a table frees up within minutes: no range
};
WaitRange wait_range(int quoted_minutes);

// The text size the pages are drawn at, from the display: large on a wall
// screen, readable on a portrait tablet (1 = the terminal's).
float kiosk_scale(float width_px, float height_px, float font_px);
// The on-screen keyboard's scale on the kiosk (widgets/keyboard.hpp): the
// kiosk's type scale, so guests get keys as large as its text, but never a
// dock taller than 45 % of the screen (the field and Join stay in view).
float kiosk_keyboard_scale(const KeyboardState& kb, Language l, float width_px, float height_px,
                           float font_px);

void draw_kiosk(KioskView& v, const Desk& d, KioskIntents& out);

}  // namespace foh::ui
