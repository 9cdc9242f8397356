#pragma once
// The manager-PIN popup: a server's sensitive action (cancel a booking, undo,
// an override, leaving the kiosk) waits for a manager's (or admin's) PIN. The
// shell keeps the pending action; this draws the choice of manager, the
// keypad and the verdict, and records what was tapped.
#include <optional>
#include <string>

#include "desk.hpp"

namespace foh::ui {

struct ManagerPinView {
  std::optional<Uuid> manager_id;  // picked among the venue's active managers and admins
  std::string pin;                 // typed; the shell clears it after each check, never logged
  std::string message;             // the last verdict ("Not a manager", a wrong PIN)
  bool checking = false;           // the PIN is being checked off the frame: OK waits
  bool close = false;              // the action was applied: the popup closes
};

struct ManagerPinIntents {
  bool check = false;   // OK: check `pin` for `manager_id`
  bool cancel = false;  // the action is dropped
};

void draw_manager_pin(ManagerPinView& v, const Desk& d, ManagerPinIntents& out);

}  // namespace foh::ui
