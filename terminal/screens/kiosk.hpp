#pragma once
// Guest-facing kiosk: party size, name, phone keypad, consent; then the
// guest's position and quoted wait. No staff data is drawn. Leaving needs a
// manager PIN (the shell checks it with net's login).
#include <optional>
#include <string>

#include "desk.hpp"
#include "screens/waitlist.hpp"

namespace foh::ui {

enum class KioskStep { Party, Details, Joined, Leave };

struct KioskView {
  KioskStep step = KioskStep::Party;
  int party = 2;
  std::string name, phone;
  bool consent = false;
  bool submitted = false;            // show all field messages after the first "Join"
  std::optional<Uuid> joined_entry;  // set by the shell after the join was stored
  std::optional<LocalInstant> joined_at;  // back to the start screen after a while
  std::string pin;                   // manager PIN to leave (never logged)
  std::string message;               // e.g. "Wrong PIN" from the shell
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
// Back to the first step (also after 60 s on the Joined step).
void kiosk_reset(KioskView& v);

void draw_kiosk(KioskView& v, const Desk& d, KioskIntents& out);

}  // namespace foh::ui
