#pragma once
// Status bar: online/offline/syncing, outbox length, conflicts waiting (tap to
// resolve), rows set aside (managers and admins), the day shown (today by
// default; later days for bookings), who is logged in, the time.
#include <optional>

#include "desk.hpp"

namespace foh::ui {

struct StatusBarView {
  bool conflicts_open = false;  // the conflict list popup
};

enum class ConflictAction { AcceptProposal, Cancel };
struct ConflictResolution {
  Uuid reservation_id;
  ConflictAction action = ConflictAction::AcceptProposal;
};

struct StatusBarIntents {
  std::optional<ConflictResolution> resolve;
  bool logout = false;
  std::optional<Language> switch_locale;
  std::optional<Date> show_date;  // the day the floor and reservations show
  bool show_set_aside = false;    // a manager tapped "1 row set aside"
};

// How far ahead the day picker goes (bookings are taken up to a year out).
constexpr int kDaysAhead = 365;

// Height of the bar in pixels, for the shell's layout: one row of touch
// targets, two on a narrow screen with much to show (call it in the window the
// bar is drawn in, before the content above it).
float status_bar_height(const Desk& d);
void draw_status_bar(StatusBarView& v, const Desk& d, StatusBarIntents& out);

}  // namespace foh::ui
