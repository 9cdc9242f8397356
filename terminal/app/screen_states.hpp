#pragma once
// What each screen remembers between frames (the tab shown, what is typed,
// selected, open): one ui::*View per screen, drawn by that screen's one free
// function and written back by it. No data here: the day is in the
// snapshot (app/snapshot.hpp), who is logged in in the session.
#include <optional>

#include "screens/editor.hpp"
#include "screens/floor.hpp"
#include "screens/kiosk.hpp"
#include "screens/login.hpp"
#include "screens/reservations.hpp"
#include "screens/seat.hpp"
#include "screens/set_aside.hpp"
#include "screens/shift.hpp"
#include "screens/status_bar.hpp"
#include "screens/waitlist.hpp"
#include "widgets/keyboard.hpp"

namespace foh::app {

enum class Tab { Floor, Seat, Reservations, Waitlist, Shift, Editor };
inline constexpr Tab kTabs[] = {Tab::Floor,    Tab::Seat,  Tab::Reservations,
                                Tab::Waitlist, Tab::Shift, Tab::Editor};
const char* tab_name(Tab t);  // "floor", "seat", ... (team_members.allowed_tabs spelling)

struct ScreenStates {
  Tab tab = Tab::Floor;
  std::optional<Tab> switch_to;  // programmatic tab change (seat from the floor, ...)
  ui::LoginView login;
  ui::FloorView floor;
  ui::SeatView seat;
  ui::ReservationsView reservations;
  ui::EditorView editor;
  ui::WaitlistView waitlist;
  ui::KioskView kiosk;
  ui::StatusBarView status;
  ui::SetAsideView set_aside;
  ui::ShiftView shift;
  ui::KeyboardState keyboard;  // the on-screen keyboard every text field opens
};

}  // namespace foh::app
